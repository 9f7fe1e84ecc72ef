import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

const DAY = 86_400_000
// Today is 21 November 2026: the winter operation runs from 1 November to 31 December.
const WINTER = { kind: 'winter', name: 'Operativo Invierno 2026', startsOn: '2026-11-01', endsOn: '2026-12-31', orgUnitId: 'paisano' }
const VOLUNTEERS = [
  'Nombre,Sitio,Institución,Servicio social,Idiomas,Días,Horario,Capacitación guía',
  'Ana Lucía Ramírez,Módulo Aeropuerto de Tijuana,Universidad Autónoma de Baja California,sí,es;en,vie;sáb;dom,mañana,2026-11-10',
  'Luis Ángel Soto,module-tijuana-airport,CETYS Universidad,no,es,sáb;dom,tarde;noche,2026-11-12',
].join('\n')

for (const dialect of testDialects()) {
  describe(`${dialect}: operations, their sites, volunteers, rosters and tallies`, () => {
    let env: TestEnv
    let paisano: Session
    let coordinatorName: string
    let operationId: string

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      coordinatorName = (await makeUser(env, 'paisano_coordinator', 'paisano')).username
      paisano = await signIn(env, coordinatorName)
    })
    afterAll(async () => env?.close())

    it('opens an operation and its sites, refusing an end before the start and a special operation with no reason', async () => {
      const backwards = await call(env, 'POST', '/api/operations', { as: paisano, body: { ...WINTER, id: newActionId(), endsOn: '2026-10-01' } })
      expect(backwards.status).toBe(400)
      expect(await backwards.json()).toMatchObject({ errors: [{ field: 'endsOn', message: 'Un operativo no puede terminar antes de empezar' }] })
      expect(await (await call(env, 'POST', '/api/operations', { as: paisano, body: { ...WINTER, id: newActionId(), kind: 'special' } })).json()).toMatchObject({ errors: [{ field: 'reason' }] })
      operationId = newActionId()
      expect((await call(env, 'POST', '/api/operations', { as: paisano, body: { ...WINTER, id: operationId } })).status).toBe(201)
      const site = { id: newActionId(), orgUnitId: 'module-tijuana-airport', operationId, setting: 'airport', hours: '8:00–20:00 todos los días' }
      expect((await call(env, 'POST', '/api/sites', { as: paisano, body: site })).status).toBe(201)
      const point = { id: newActionId(), orgUnitId: 'obs-highway-15-son', operationId, setting: 'highway', hours: '7:00–19:00' }
      expect((await call(env, 'POST', '/api/sites', { as: paisano, body: point })).status).toBe(201)
      expect((await call(env, 'PATCH', `/api/sites/${point.id}`, { as: paisano, body: { id: newActionId(), closed: true } })).status).toBe(200)
      // Everyone reads what is open: a field agent too.
      const agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      const open = (await (await call(env, 'GET', '/api/sites?open=true', { as: agent })).json()) as { items: { orgUnitId: string; name: string; state: string }[] }
      expect(open.items).toEqual([expect.objectContaining({ orgUnitId: 'module-tijuana-airport', name: 'Módulo Aeropuerto de Tijuana', state: 'Baja California' })])
      const operations = (await (await call(env, 'GET', '/api/operations', { as: agent })).json()) as { items: { recordId: string; status: string }[] }
      expect(operations.items.find((o) => o.recordId === operationId)?.status).toBe('open')
      // Only the national office opens seasons and sites.
      expect((await call(env, 'POST', '/api/sites', { as: agent, body: { ...site, id: newActionId() } })).status).toBe(403)
    })

    let volunteer: { username: string; code: string; userId: string }
    let volunteerSession: Session

    it('makes the volunteers\' accounts from a list, all or nothing, with one-time codes that set their passwords', async () => {
      const bad = `${VOLUNTEERS}\nSin Sitio,Módulo de la Luna,UNAM,quizá,es,lunes,mañana,`
      const preview = (await (await call(env, 'POST', '/api/volunteers/import/preview', { as: paisano, body: { operationId, content: bad } })).json()) as { rows: number; issues: { line: number; column: string }[] }
      expect(preview.rows).toBe(3)
      expect(preview.issues.map((i) => `${i.line} ${i.column}`)).toEqual(['4 Sitio', '4 Servicio social', '4 Días'])
      const users = async () => Number((await env.db.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
      const before = await users()
      const refused = await call(env, 'POST', '/api/volunteers/import', { as: paisano, body: { id: newActionId(), operationId, content: bad } })
      expect(refused.status).toBe(400)
      expect(await users()).toBe(before)
      const id = newActionId()
      const made = await call(env, 'POST', '/api/volunteers/import', { as: paisano, body: { id, operationId, content: VOLUNTEERS } })
      expect(made.status, await made.clone().text()).toBe(201)
      const { accounts } = (await made.json()) as { accounts: { username: string; code: string; userId: string; siteId: string }[] }
      expect(accounts.map((a) => [a.username, a.siteId])).toEqual([['vol.ana.lucia', 'module-tijuana-airport'], ['vol.luis.angel', 'module-tijuana-airport']])
      expect((await call(env, 'POST', '/api/volunteers/import', { as: paisano, body: { id, operationId, content: VOLUNTEERS } })).status).toBe(409)
      volunteer = accounts[0] ?? { username: '', code: '', userId: '' }
      // No password until the code is used; a wrong code is refused; the code works once.
      expect((await call(env, 'POST', '/api/auth/login', { body: { username: volunteer.username, password: 'una contraseña larga' } })).status).toBe(401)
      expect((await call(env, 'POST', '/api/auth/activate', { body: { username: volunteer.username, code: 'AAAAAAAAAA', password: 'una contraseña larga' } })).status).toBe(401)
      expect((await call(env, 'POST', '/api/auth/activate', { body: { username: volunteer.username, code: volunteer.code.toLowerCase(), password: 'una contraseña larga' } })).status).toBe(204)
      expect((await call(env, 'POST', '/api/auth/activate', { body: { username: volunteer.username, code: volunteer.code, password: 'otra contraseña larga' } })).status).toBe(401)
      volunteerSession = await signIn(env, volunteer.username, 'una contraseña larga')
      const listed = (await (await call(env, 'GET', `/api/volunteers?operation=${operationId}`, { as: paisano })).json()) as { items: { username: string; activated: boolean; socialService: boolean; days: string[]; accountEndsAt: string }[] }
      expect(listed.items.find((v) => v.username === 'vol.ana.lucia')).toMatchObject({ activated: true, socialService: true, days: ['fri', 'sat', 'sun'], accountEndsAt: '2027-01-01T06:00:00.000Z' })
      expect(listed.items.find((v) => v.username === 'vol.luis.angel')?.activated).toBe(false)
    })

    it('builds a site\'s roster with its gaps, moves a volunteer, and shows a volunteer their own shifts', async () => {
      const other = (await (await call(env, 'GET', `/api/volunteers?operation=${operationId}`, { as: paisano })).json()) as { items: { userId: string; username: string }[] }
      const luis = other.items.find((v) => v.username === 'vol.luis.angel')?.userId ?? ''
      const saturday = { id: newActionId(), orgUnitId: 'module-tijuana-airport', operationId, date: '2026-11-21', starts: '08:00', ends: '14:00', needed: 2, volunteers: [volunteer.userId] }
      const sunday = { id: newActionId(), orgUnitId: 'module-tijuana-airport', operationId, date: '2026-11-22', starts: '14:00', ends: '22:00', needed: 2, volunteers: [luis] }
      // Yesterday's day shift is over; its night shift runs until six this morning.
      const fridayDay = { id: newActionId(), orgUnitId: 'module-tijuana-airport', operationId, date: '2026-11-20', starts: '08:00', ends: '14:00', needed: 1, volunteers: [volunteer.userId] }
      const fridayNight = { id: newActionId(), orgUnitId: 'module-tijuana-airport', operationId, date: '2026-11-20', starts: '22:00', ends: '06:00', needed: 1, volunteers: [volunteer.userId] }
      for (const shift of [fridayDay, fridayNight]) {
        expect((await call(env, 'POST', '/api/shifts', { as: paisano, body: shift })).status).toBe(201)
      }
      for (const shift of [saturday, sunday]) {
        expect((await call(env, 'POST', '/api/shifts', { as: paisano, body: shift })).status).toBe(201)
      }
      const week = async () => (await (await call(env, 'GET', '/api/shifts?unit=module-tijuana-airport&from=2026-11-21&days=7', { as: paisano })).json()) as { items: { recordId: string; version: number; missing: number; volunteers: { displayName: string }[] }[]; gaps: number }
      const before = await week()
      expect(before.gaps).toBe(2)
      const seen = before.items.find((s) => s.recordId === saturday.id)?.version
      expect((await call(env, 'PATCH', `/api/shifts/${saturday.id}`, { as: paisano, body: { id: newActionId(), volunteers: [volunteer.userId, luis], version: seen } })).status).toBe(200)
      // Another coordinator's change made on the week as it was before: the later one stands, and
      // the shift is flagged for someone to look at (docs/sync.md, concurrent edits).
      const colleague = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
      const stale = await call(env, 'PATCH', `/api/shifts/${saturday.id}`, { as: colleague, body: { id: newActionId(), volunteers: [volunteer.userId, luis], version: seen } })
      expect(((await stale.json()) as { needsReview: boolean }).needsReview).toBe(true)
      const after = await week()
      expect(after.gaps).toBe(1)
      expect(after.items[0]?.volunteers.map((v) => v.displayName)).toEqual(['Ana Lucía Ramírez', 'Luis Ángel Soto'])
      const mine = (await (await call(env, 'GET', '/api/shifts/mine', { as: volunteerSession })).json()) as { items: { date: string }[] }
      expect(mine.items.map((s) => s.date)).toEqual(['2026-11-20', '2026-11-21'])
      expect((await call(env, 'POST', `/api/shifts/${saturday.id}/attendance`, { as: paisano, body: { id: newActionId(), attended: [volunteer.userId] } })).status).toBe(200)
      // A volunteer does not plan shifts.
      expect((await call(env, 'POST', '/api/shifts', { as: volunteerSession, body: { ...saturday, id: newActionId() } })).status).toBe(403)
    })

    it('adds up a volunteer\'s taps into the site\'s tallies, and the account stops working the day after the operation ends while its tallies remain', async () => {
      const tallyId = `tally-${volunteer.userId}-2026-11-21`
      const tap = (type: string, payload: Record<string, unknown>) => call(env, 'POST', '/api/records/actions', { as: volunteerSession, body: { id: newActionId(), recordType: 'tally', recordId: tallyId, type, payload } })
      expect((await tap('TallyOpened', { orgUnitId: 'module-tijuana-airport', operationId, day: '2026-11-21', guidance: 1 })).status).toBe(201)
      for (const counts of [{ guidance: 1 }, { guides: 2 }, { guidance: 1, complaintReferrals: 1 }]) {
        expect((await tap('TallyCounted', { at: env.clock.now().toISOString(), ...counts })).status).toBe(201)
      }
      const totals = async () => (await (await call(env, 'GET', `/api/tallies/totals?operation=${operationId}&by=state`, { as: paisano })).json()) as { rows: { key: string; guidance: number }[]; total: Record<string, number> }
      expect(await totals()).toMatchObject({ rows: [{ key: 'Baja California', guidance: 3 }], total: { guidance: 3, guides: 2, complaintReferrals: 1 } })
      // 31 December is the operation's last day: the account still works until midnight.
      env.clock.advance(40 * DAY + 13 * 3_600_000)
      expect((await call(env, 'GET', '/api/auth/me', { as: await signIn(env, volunteer.username, 'una contraseña larga') })).status).toBe(200)
      env.clock.advance(12 * 3_600_000)
      expect((await call(env, 'GET', '/api/auth/me', { as: volunteerSession })).status).toBe(401)
      expect((await call(env, 'POST', '/api/auth/login', { body: { username: volunteer.username, password: 'una contraseña larga' } })).status).toBe(401)
      paisano = await signIn(env, coordinatorName)
      expect((await totals()).total).toMatchObject({ guidance: 3, guides: 2, complaintReferrals: 1 })
      const sites = (await (await call(env, 'GET', '/api/sites?open=true', { as: paisano })).json()) as { items: unknown[] }
      expect(sites.items).toEqual([])
      // Extended by a week, the operation takes its volunteers' accounts with it.
      expect((await call(env, 'PATCH', `/api/operations/${operationId}`, { as: paisano, body: { id: newActionId(), endsOn: '2027-01-07' } })).status).toBe(200)
      expect((await call(env, 'GET', '/api/auth/me', { as: await signIn(env, volunteer.username, 'una contraseña larga') })).status).toBe(200)
      const refused = await call(env, 'PATCH', `/api/operations/${operationId}`, { as: paisano, body: { id: newActionId(), endsOn: '2026-10-01' } })
      expect(await refused.json()).toMatchObject({ errors: [{ field: 'endsOn' }] })
    })
  })
}
