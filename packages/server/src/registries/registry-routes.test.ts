import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makePlaceAction, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

const DAY = 86_400_000

for (const dialect of testDialects()) {
  describe(`${dialect}: the groups' registries`, () => {
    let env: TestEnv
    let coordinator: Session
    let national: Session
    let agent: Session
    let otherGroup: Session
    let rescuer: { id: string }
    let driver: { id: string }
    const names = new Map<string, string>()

    /** Moves the clock on, and signs everyone in again: sessions do not outlive days. */
    async function advance(days: number): Promise<void> {
      env.clock.advance(days * DAY)
      coordinator = await signIn(env, names.get('coordinator') ?? '')
      national = await signIn(env, names.get('national') ?? '')
      agent = await signIn(env, names.get('agent') ?? '')
      otherGroup = await signIn(env, names.get('otherGroup') ?? '')
    }

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      const agentUser = await makeUser(env, 'field_agent', 'beta-tijuana')
      names.set('coordinator', (await makeUser(env, 'group_coordinator', 'beta-tijuana')).username)
      names.set('national', (await makeUser(env, 'group_coordinator', 'beta')).username)
      names.set('agent', agentUser.username)
      names.set('otherGroup', (await makeUser(env, 'group_coordinator', 'beta-tapachula')).username)
      await advance(0)
      rescuer = agentUser
      driver = await makeUser(env, 'field_agent', 'beta-tijuana')
    })
    afterAll(async () => env?.close())

    const profile = (as: Session, userId: string, body: Record<string, unknown>) => call(env, 'PUT', `/api/staff/${userId}/profile`, { as, body: { id: newActionId(), ...body } })
    const certificate = (as: Session, userId: string, body: Record<string, unknown>) => call(env, 'POST', `/api/staff/${userId}/certificates`, { as, body: { id: newActionId(), issuer: 'red_cross', ...body } })
    const alerts = async (as: Session) => ((await (await call(env, 'GET', '/api/staff/alerts?unit=beta-tijuana', { as })).json()) as { items: { kind: string; course?: string; userId: string; daysLeft: number; displayName: string | null }[] }).items

    it('keeps each account\'s profile and certificates, and lists what expires within 60 days, across a month\'s end', async () => {
      // Today is 21 November 2026.
      expect((await profile(coordinator, rescuer.id, { function: 'rescuer', governmentLevel: 'federal', startDate: '2019-03-01', languages: ['es', 'en'], fitUntil: '2026-12-05' })).status).toBe(200)
      expect((await profile(coordinator, driver.id, { function: 'driver', governmentLevel: 'municipal', startDate: '2022-08-15' })).status).toBe(200)
      // A change of profile is a correction of the same record.
      const changed = await profile(coordinator, driver.id, { function: 'driver', governmentLevel: 'state', startDate: '2022-08-15' })
      expect(await changed.json()).toMatchObject({ recordId: driver.id, state: { governmentLevel: 'state', userId: driver.id, orgUnitId: 'beta-tijuana' } })
      expect((await certificate(coordinator, rescuer.id, { course: 'first_aid', issuedOn: '2025-01-10', expiresOn: '2027-01-10' })).status).toBe(201)
      expect((await certificate(coordinator, rescuer.id, { course: 'land_water_rescue', issuer: 'us_trainers', issuedOn: '2025-01-25', expiresOn: '2027-01-25' })).status).toBe(201)
      expect((await certificate(coordinator, driver.id, { course: 'defensive_driving', issuer: 'civil_protection', issuedOn: '2024-06-01' })).status).toBe(201)
      // An older first aid certificate is superseded by the newer one.
      expect((await certificate(coordinator, driver.id, { course: 'first_aid', issuedOn: '2022-01-01', expiresOn: '2024-01-01' })).status).toBe(201)
      expect((await certificate(coordinator, driver.id, { course: 'first_aid', issuedOn: '2024-02-01', expiresOn: '2026-12-31' })).status).toBe(201)

      const now = await alerts(coordinator)
      expect(now.map((a) => `${a.kind} ${a.course ?? ''} ${a.daysLeft}`)).toEqual(['fitness  14', 'certificate first_aid 40', 'certificate first_aid 50'])
      expect(now[0]?.displayName).toMatch(/^Test field_agent/)
      // Ten days on, in December: the fitness check is 4 days away, the water rescue certificate enters the window.
      await advance(10)
      const later = await alerts(coordinator)
      expect(later.map((a) => `${a.kind} ${a.course ?? ''} ${a.daysLeft}`)).toEqual(['fitness  4', 'certificate first_aid 30', 'certificate first_aid 40', 'certificate land_water_rescue 55'])
      // Field staff read their group's registries; another group's coordinator reads none of it.
      expect((await alerts(agent)).length).toBe(4)
      expect((await call(env, 'GET', '/api/staff/alerts?unit=beta-tijuana', { as: otherGroup })).status).toBe(200)
      expect(await alerts(otherGroup)).toEqual([])
      expect((await certificate(otherGroup, rescuer.id, { course: 'cpr', issuedOn: '2026-01-01' })).status).toBe(403)
    })

    it('refuses a certificate that expires before it was issued, or of a course nobody knows, and stores nothing', async () => {
      const backwards = await certificate(coordinator, rescuer.id, { course: 'cpr', issuedOn: '2026-05-01', expiresOn: '2026-04-30' })
      expect(backwards.status).toBe(400)
      expect(await backwards.json()).toMatchObject({ errors: [{ field: 'expiresOn', message: 'Un certificado no puede vencer antes de su expedición' }] })
      const unknown = await certificate(coordinator, rescuer.id, { course: 'canyon_rescue', issuedOn: '2026-05-01' })
      expect(await unknown.json()).toMatchObject({ errors: [{ field: 'course', code: 'unknown_course' }] })
      // Once the national coordination adds the course, it can be certified.
      const added = await call(env, 'POST', '/api/trainings', { as: national, body: { id: newActionId(), code: 'canyon_rescue', kind: 'rescue', name: { es: 'Rescate en cañones', en: 'Canyon rescue' }, validityMonths: 24 } })
      expect(added.status).toBe(201)
      expect((await call(env, 'POST', '/api/trainings', { as: national, body: { id: newActionId(), code: 'cpr', kind: 'rescue', name: { es: 'RCP', en: 'CPR' } } })).status).toBe(409)
      const catalogue = (await (await call(env, 'GET', '/api/trainings', { as: agent })).json()) as { items: { code: string; builtIn: boolean }[] }
      expect(catalogue.items.filter((c) => c.builtIn).length).toBeGreaterThanOrEqual(15)
      expect(catalogue.items).toContainEqual(expect.objectContaining({ code: 'canyon_rescue', builtIn: false }))
      expect((await certificate(coordinator, rescuer.id, { course: 'canyon_rescue', issuedOn: '2026-05-01' })).status).toBe(201)
    })

    it('says who holds a course today, by group', async () => {
      const coverage = (await (await call(env, 'GET', '/api/staff/coverage?unit=beta&course=land_water_rescue', { as: national })).json()) as { items: { userId: string; orgUnitId: string }[] }
      expect(coverage.items).toEqual([expect.objectContaining({ userId: rescuer.id, orgUnitId: 'beta-tijuana' })])
      const staff = (await (await call(env, 'GET', '/api/staff?unit=beta-tijuana', { as: coordinator })).json()) as { items: { userId: string; profile: unknown; certificates: unknown[] }[] }
      expect(staff.items.find((s) => s.userId === rescuer.id)).toMatchObject({ profile: { function: 'rescuer' }, certificates: expect.arrayContaining([expect.objectContaining({ course: 'first_aid' })]) })
    })

    it('says who of them is on duty tonight by the group\'s roster, on Tijuana\'s clock', async () => {
      expect((await certificate(coordinator, driver.id, { course: 'land_water_rescue', issuedOn: '2026-06-01', expiresOn: '2028-06-01' })).status).toBe(201)
      // The night shift, 20:00 to 08:00, planned by the coordinator: a duty roster, no operation.
      const night = { id: newActionId(), orgUnitId: 'beta-tijuana', date: '2026-11-21', starts: '20:00', ends: '08:00', needed: 2, volunteers: [driver.id] }
      expect((await call(env, 'POST', '/api/shifts', { as: coordinator, body: night })).status).toBe(201)
      expect((await call(env, 'POST', '/api/shifts', { as: agent, body: { ...night, id: newActionId() } })).status).toBe(403)
      // Today's day shift needs two and has one: the coordinator's home counts the gap.
      const today = new Date(env.clock.now().getTime() - 6 * 3_600_000).toISOString().slice(0, 10)
      expect((await call(env, 'POST', '/api/shifts', { as: coordinator, body: { ...night, id: newActionId(), date: today, starts: '08:00', ends: '16:00' } })).status).toBe(201)
      expect(((await (await call(env, 'GET', '/api/registries/attention', { as: coordinator })).json()) as { rosterGaps: number }).rosterGaps).toBe(1)
      type Coverage = { items: { userId: string; onDuty: boolean }[]; rostered: string[] }
      const ask = async (at: string, onDuty = true) => (await (await call(env, 'GET', `/api/staff/coverage?unit=beta&course=land_water_rescue&onDuty=${onDuty}&at=${encodeURIComponent(at)}`, { as: national })).json()) as Coverage
      const tonight = await ask('2026-11-21T23:00:00-08:00')
      expect(tonight).toEqual({ items: [expect.objectContaining({ userId: driver.id, onDuty: true })], rostered: ['beta-tijuana'] })
      expect((await ask('2026-11-21T23:00:00-08:00', false)).items.map((i) => [i.userId === driver.id, i.onDuty]).sort()).toEqual([[false, false], [true, true]])
      // Half past nine in Mexico City is half past seven in Tijuana: still the night shift there.
      expect((await ask('2026-11-22T09:30:00-06:00')).items.map((i) => i.userId)).toEqual([driver.id])
      expect(await ask('2026-11-22T09:30:00-08:00')).toEqual({ items: [], rostered: [] })
      // The staff read their roster.
      const roster = (await (await call(env, 'GET', '/api/shifts?unit=beta-tijuana&from=2026-11-21&days=1', { as: agent })).json()) as { items: { recordId: string }[] }
      expect(roster.items.map((s) => s.recordId)).toEqual([night.id])
    })

    it('keeps each group\'s vehicles and equipment with a history, and lists what to renew', async () => {
      const jeep = { id: newActionId(), orgUnitId: 'beta-tijuana', type: 'jeep', identifier: 'BC-4521-A', acquiredOn: '2012-04-01', crew: [rescuer.id], nextServiceOn: '2027-03-01' }
      expect((await call(env, 'POST', '/api/equipment', { as: coordinator, body: jeep })).status).toBe(201)
      expect((await call(env, 'POST', '/api/equipment', { as: coordinator, body: jeep })).status).toBe(200)
      const raft = { id: newActionId(), orgUnitId: 'beta-tijuana', type: 'inflatable_raft', identifier: 'BALSA-02', acquiredOn: '2024-01-01', usage: 480, nextServiceAt: 500 }
      expect((await call(env, 'POST', '/api/equipment', { as: coordinator, body: raft })).status).toBe(201)
      const vests = { id: newActionId(), orgUnitId: 'beta-tijuana', type: 'lifejackets', identifier: 'CHALECOS-2025', quantity: 12, acquiredOn: '2025-05-01' }
      expect((await call(env, 'POST', '/api/equipment', { as: coordinator, body: vests })).status).toBe(201)
      // A field agent reports the raft's hours past its service; the coordinator sends the jeep to repair.
      expect((await call(env, 'PATCH', `/api/equipment/${raft.id}`, { as: agent, body: { id: newActionId(), usage: 512, note: 'Revisión de motor pendiente' } })).status).toBe(200)
      expect((await call(env, 'PATCH', `/api/equipment/${jeep.id}`, { as: coordinator, body: { id: newActionId(), status: 'in_repair', condition: 'fair', note: 'Falla de transmisión' } })).status).toBe(200)
      expect((await call(env, 'POST', '/api/equipment', { as: agent, body: { ...vests, id: newActionId() } })).status).toBe(403)
      // A change names only what changed: the rest stays as it was.
      const usage = await call(env, 'PATCH', `/api/equipment/${jeep.id}`, { as: agent, body: { id: newActionId(), usage: 181_000, note: 'Kilometraje al entrar al taller' } })
      expect(((await usage.json()) as { state: Record<string, unknown> }).state).toMatchObject({ status: 'in_repair', condition: 'fair', crew: [rescuer.id], usage: 181_000, quantity: 1 })
      const history = (await (await call(env, 'GET', `/api/records/equipment/${jeep.id}/history`, { as: coordinator })).json()) as { items: { type: string }[] }
      expect(history.items.map((h) => h.type)).toEqual(['EquipmentRegistered', 'EquipmentUpdated', 'EquipmentUpdated'])
      const renewal = (await (await call(env, 'GET', '/api/equipment/renewal?unit=beta', { as: national })).json()) as { items: { identifier: string; reasons: string[]; ageYears?: number }[] }
      expect(renewal.items.map((r) => [r.identifier, r.reasons])).toEqual([
        ['BALSA-02', ['service_overdue']],
        ['BC-4521-A', ['in_repair', 'old']],
      ])
      expect(renewal.items[1]?.ageYears).toBe(14)
      const bad = await call(env, 'PATCH', `/api/equipment/${jeep.id}`, { as: coordinator, body: { id: newActionId(), status: 'stolen' } })
      expect(await bad.json()).toMatchObject({ errors: [{ field: 'status' }] })
    })

    it('shows a tower overdue for inspection until it is inspected, and what needs repair', async () => {
      const tower = makePlaceAction('beta-tijuana', { payload: { orgUnitId: 'beta-tijuana', kind: 'orientation_tower', name: 'Torre El Sásabe', location: { lat: 31.48, lon: -111.54 }, inspectionEveryDays: 30 } })
      expect((await call(env, 'POST', '/api/records/actions', { as: coordinator, body: tower })).status).toBe(201)
      const inspections = async () => (await (await call(env, 'GET', '/api/places/inspections?unit=beta', { as: national })).json()) as { overdue: { recordId: string; daysOverdue: number | null }[]; needsRepair: { recordId: string }[] }
      // Never inspected: due at once.
      expect((await inspections()).overdue).toContainEqual(expect.objectContaining({ recordId: tower.recordId, daysOverdue: null }))
      const inspect = (payload: Record<string, unknown>) => call(env, 'POST', '/api/records/actions', { as: agent, body: { id: newActionId(), recordType: 'place', recordId: tower.recordId, type: 'PlaceInspected', payload: { inspectedAt: env.clock.now().toISOString(), ...payload } } })
      expect((await inspect({ damage: 'none', strobeWorking: false, waterTankLevel: 'low' })).status).toBe(201)
      const inspected = await inspections()
      expect(inspected.overdue.map((o) => o.recordId)).not.toContain(tower.recordId)
      expect(inspected.needsRepair.map((o) => o.recordId)).toContain(tower.recordId)
      // 31 days later it is overdue again, by one day; inspected, it clears.
      await advance(31)
      expect((await inspections()).overdue).toContainEqual(expect.objectContaining({ recordId: tower.recordId, daysOverdue: 1 }))
      expect((await inspect({ damage: 'none', strobeWorking: true, waterTankLevel: 'full' })).status).toBe(201)
      const after = await inspections()
      expect(after.overdue.map((o) => o.recordId)).not.toContain(tower.recordId)
      expect(after.needsRepair.map((o) => o.recordId)).not.toContain(tower.recordId)
      const attention = (await (await call(env, 'GET', '/api/registries/attention?unit=beta', { as: national })).json()) as Record<string, number>
      expect(attention).toMatchObject({ renewals: 2, overdueInspections: 0 })
      expect((attention.expiring ?? 0) + (attention.expired ?? 0)).toBeGreaterThan(0)
    })
  })
}
