import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeAttentionAction, makeTestEnv, makeUser, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

type Table = { rows: Record<string, string | number>[]; total: number; unit: string }

for (const dialect of testDialects()) {
  describe(`${dialect}: the statistics' tables over HTTP`, () => {
    let env: TestEnv
    let analyst: Session
    let tijuana: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      analyst = await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)
      tijuana = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta-tijuana')).username)
      const agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      const nogales = await signIn(env, (await makeUser(env, 'field_agent', 'beta-nogales')).username)
      for (const [as, unit, people] of [
        [agent, 'beta-tijuana', [{ count: 3, sex: 'female', ageBand: '18-29', nationality: 'HN' }, { count: 2, sex: 'male', ageBand: '30-44', nationality: 'GT' }]],
        [agent, 'beta-tijuana', [{ count: 1, sex: 'female', ageBand: '0-5', nationality: 'HN' }]],
        [nogales, 'beta-nogales', [{ count: 4, sex: 'male', ageBand: '18-29', nationality: 'MX' }]],
      ] as const) {
        const action = makeAttentionAction(unit)
        const res = await call(env, 'POST', '/api/records/actions', { as, body: { ...action, payload: { ...action.payload, at: '2026-11-20T18:00:00.000Z', people } } })
        expect(res.status).toBe(201)
      }
    })
    afterAll(async () => env?.close())

    const table = (as: Session, q: string) => call(env, 'GET', `/api/statistics/table?fact=attended&from=2026-11-01&to=2026-11-30&${q}`, { as })

    it('adds up people attended under a unit, broken down by sex and by group', async () => {
      const bySex = (await (await table(analyst, 'unit=beta&by=sex')).json()) as Table
      expect(bySex.rows).toEqual([{ sex: 'male', n: 6 }, { sex: 'female', n: 4 }])
      expect(bySex.total).toBe(10)
      const byUnit = (await (await table(analyst, 'unit=beta&by=unit,nationality')).json()) as Table
      expect(byUnit.rows).toContainEqual({ unit: 'beta-nogales', nationality: 'MX', n: 4 })
      expect(byUnit.rows).toContainEqual({ unit: 'beta-tijuana', nationality: 'HN', n: 4 })
      const byMonth = (await (await table(analyst, 'unit=inm&by=month')).json()) as Table
      expect(byMonth.rows).toEqual([{ month: '2026-11', n: 10 }])
    })

    it('gives a group\'s coordinator their own group, and refuses another\'s', async () => {
      const own = (await (await table(tijuana, 'by=ageBand')).json()) as Table
      expect(own.unit).toBe('beta-tijuana')
      expect(own.total).toBe(6)
      expect((await table(tijuana, 'unit=beta-nogales')).status).toBe(403)
    })

    it('names the field of a bad question, in the asker\'s language', async () => {
      for (const [q, field] of [
        ['by=colour', 'by'],
        ['by=sex,sex', 'by'],
        ['by=sex,ageBand,kind,outcome', 'by'],
      ] as const) {
        const res = await table(analyst, q)
        expect(res.status, q).toBe(400)
        expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field, q).toBe(field)
      }
      const backwards = await call(env, 'GET', '/api/statistics/table?fact=attended&from=2026-12-01&to=2026-11-01', { as: analyst })
      expect(backwards.status).toBe(400)
      expect(((await backwards.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('to')
      expect((await call(env, 'GET', '/api/statistics/table?fact=hugs&from=2026-11-01&to=2026-11-30', { as: analyst })).status).toBe(400)
      expect((await table(analyst, 'unit=no-such-unit')).status).toBe(404)
    })
  })
}
