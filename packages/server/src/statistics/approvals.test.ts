import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listOrgUnits } from '../accounts/org-units-repo.ts'
import { call, makeAttentionAction, makeTestEnv, makeUser, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'
import { listPublications } from './approvals-repo.ts'

type Problem = { reason?: string; detail?: string; errors?: { field: string }[] }
type State = { units: { unit: string; approvedAt: string | null; approvedByName: string | null }[]; revisions: { revision: number; approvedAt: string; approvedBy: string; approvedByName: string | null }[] }

for (const dialect of testDialects()) {
  describe(`${dialect}: POST /api/statistics/approvals`, () => {
    let env: TestEnv
    let analyst: Session
    let betaCoordinator: Session
    let tijuana: Session
    let agent: Session
    let paisano: Session
    let groups: string[]

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      analyst = await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)
      betaCoordinator = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta')).username)
      tijuana = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta-tijuana')).username)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      paisano = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
      groups = (await listOrgUnits(env.db.db)).filter((u) => u.kind === 'beta_group').map((u) => u.id)
    })
    afterAll(async () => env?.close())

    const approve = (as: Session, period: string, unit: string) => call(env, 'POST', '/api/statistics/approvals', { as, body: { period, unit } })
    const state = async (period: string, programme = 'beta') => (await (await call(env, 'GET', `/api/statistics/approvals?programme=${programme}&period=${period}`, { as: analyst })).json()) as State

    /** People attended in Tijuana on a day of the year: `count` people, women of 18 to 29 from Honduras unless told. */
    async function attend(year: string, count: number, person: Record<string, string> = { sex: 'female', ageBand: '18-29', nationality: 'HN' }) {
      const action = makeAttentionAction('beta-tijuana')
      const res = await call(env, 'POST', '/api/records/actions', { as: agent, body: { ...action, payload: { ...action.payload, at: `${year}-06-10T18:00:00.000Z`, people: [{ count, ...person }] } } })
      expect(res.status).toBe(201)
    }

    async function approveEveryGroup(period: string) {
      for (const unit of groups) {
        expect((await approve(betaCoordinator, period, unit)).status).toBe(201)
      }
    }

    it('takes the groups\' approvals first, then the national office\'s, and refuses it out of order', async () => {
      await attend('2021', 40)
      const early = await approve(analyst, '2021', 'beta')
      expect(early.status).toBe(409)
      expect(((await early.json()) as Problem).reason).toBe('approval_out_of_order')
      await approveEveryGroup('2021')
      expect((await state('2021')).units.every((u) => u.approvedAt !== null)).toBe(true)
      const national = await approve(analyst, '2021', 'beta')
      expect(national.status).toBe(201)
      expect(await national.json()).toMatchObject({ level: 'national', revision: 1, unit: 'beta', period: '2021' })
      const audited = await env.db.db.selectFrom('auditEvents').selectAll().where('action', '=', 'statistics.approve').where('recordId', '=', 'beta/2021/beta').execute()
      expect(audited).toHaveLength(1)
      expect(audited[0]?.decision).toBe('allowed')
      const again = await approve(betaCoordinator, '2021', 'beta-tijuana')
      expect(again.status).toBe(409)
      expect(((await again.json()) as Problem).reason).toBe('already_approved')
    })

    it('lets a coordinator approve only their own groups, and each level only its role', async () => {
      expect((await approve(tijuana, '2020', 'beta-tijuana')).status).toBe(201)
      expect((await approve(tijuana, '2020', 'beta-nogales')).status).toBe(403)
      // Who approved, by their name, so the screen can say it.
      expect((await state('2020')).units.find((u) => u.unit === 'beta-tijuana')).toMatchObject({ approvedByName: 'Test group_coordinator' })
      expect((await state('2020')).units.find((u) => u.unit === 'beta-nogales')).toMatchObject({ approvedByName: null, approvedAt: null })
      // The national analyst approves the programme, not a group; a coordinator not the programme.
      expect((await approve(analyst, '2020', 'beta-nogales')).status).toBe(403)
      expect((await approve(betaCoordinator, '2020', 'beta')).status).toBe(403)
      expect((await approve(agent, '2020', 'beta-tijuana')).status).toBe(403)
      // Paisano: its national office approves its states and its programme; a group coordinator neither.
      const winter = await call(env, 'POST', '/api/operations', { as: paisano, body: { id: '019aa000-0000-7000-8000-000000000001', kind: 'winter', name: 'Operativo Invierno 2020', startsOn: '2020-11-15', endsOn: '2021-01-08', orgUnitId: 'paisano' } })
      expect(winter.status, await winter.text()).toBe(201)
      expect((await approve(paisano, 'winter-2020', 'paisano-son')).status).toBe(201)
      expect((await approve(betaCoordinator, 'winter-2020', 'paisano-bc')).status).toBe(403)
      expect((await state('winter-2020', 'paisano')).units.find((u) => u.unit === 'paisano-son')?.approvedAt).not.toBeNull()
      const denied = await env.db.db.selectFrom('auditEvents').select('decision').where('action', '=', 'statistics.approve').where('recordId', '=', 'beta/2020/beta-nogales').execute()
      expect(denied.map((d) => d.decision)).toContain('denied')
    })

    it('keeps the published figures frozen when a record comes in later, until a revision', async () => {
      await attend('2022', 40)
      await attend('2022', 30, { sex: 'male', ageBand: '30-44', nationality: 'GT' })
      await approveEveryGroup('2022')
      expect((await approve(analyst, '2022', 'beta')).status).toBe(201)
      const frozen = await listPublications(env.db.db, 'beta', '2022')
      await attend('2022', 12)
      expect(await listPublications(env.db.db, 'beta', '2022')).toEqual(frozen)
      const first = frozen.find((p) => p.tableId === 'attended-border-sex')
      expect(first?.shown.total).toEqual({ value: 70 })
    })

    it('publishes a revision with its date when the figures changed, refuses one that changed nothing or too little', async () => {
      await attend('2023', 40)
      await attend('2023', 30, { sex: 'male', ageBand: '30-44', nationality: 'GT' })
      await approveEveryGroup('2023')
      expect((await approve(analyst, '2023', 'beta')).status).toBe(201)
      const unchanged = await approve(analyst, '2023', 'beta')
      expect(unchanged.status).toBe(409)
      expect(((await unchanged.json()) as Problem).reason).toBe('revision_unchanged')
      // One more person: comparing the two publications would show exactly one more.
      await attend('2023', 1)
      const small = await approve(analyst, '2023', 'beta')
      expect(small.status).toBe(409)
      const problem = (await small.json()) as Problem
      expect(problem.reason).toBe('revision_discloses')
      expect(problem.detail).toMatch(/demasiado pequeño/)
      expect((await listPublications(env.db.db, 'beta', '2023')).every((p) => p.revision === 1)).toBe(true)
      // Twelve more in the same cell: now the change can be published.
      await attend('2023', 12)
      env.clock.advance(60_000)
      const revised = await approve(analyst, '2023', 'beta')
      expect(revised.status, await revised.clone().text()).toBe(201)
      expect(await revised.json()).toMatchObject({ revision: 2 })
      const s = await state('2023')
      expect(s.revisions.map((r) => r.revision)).toEqual([1, 2])
      expect((s.revisions[1]?.approvedAt ?? '') > (s.revisions[0]?.approvedAt ?? '')).toBe(true)
      const latest = (await listPublications(env.db.db, 'beta', '2023')).filter((p) => p.tableId === 'attended-border-sex')
      expect(latest.map((p) => p.shown.total)).toEqual([{ value: 70 }, { value: 83 }])
    })

    it('names the field of a bad approval', async () => {
      for (const [body, field] of [
        [{ period: 'last year', unit: 'beta' }, 'period'],
        [{ period: '2021', unit: 'beta-atlantis' }, 'unit'],
        [{ period: '2021', unit: 'inm' }, 'unit'],
        [{ period: 'winter-2021', unit: 'beta' }, 'period'],
        [{ period: 'winter-1999', unit: 'paisano' }, 'period'],
        [{ unit: 'beta' }, 'period'],
        [{ period: '2021', unit: 'beta', colour: 'red' }, 'colour'],
      ] as const) {
        const res = await call(env, 'POST', '/api/statistics/approvals', { as: analyst, body })
        expect(res.status, JSON.stringify(body)).toBe(400)
        expect(((await res.json()) as Problem).errors?.[0]?.field, JSON.stringify(body)).toBe(field)
      }
      const res = await call(env, 'GET', '/api/statistics/approvals?period=2021', { as: analyst })
      expect(res.status).toBe(400)
      expect(((await res.json()) as Problem).errors?.[0]?.field).toBe('programme')
    })

    it('refuses the approvals\' state without permission', async () => {
      const volunteer = await signIn(env, (await makeUser(env, 'module_volunteer', 'module-tijuana-airport')).username)
      expect((await call(env, 'GET', '/api/statistics/approvals?programme=beta&period=2021', { as: volunteer })).status).toBe(403)
      expect((await approve(volunteer, '2021', 'beta-tijuana')).status).toBe(403)
    })
  })
}
