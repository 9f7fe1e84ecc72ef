import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeAttentionAction, makeTestEnv, makeUser, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

type Table = { rows: Record<string, string | number>[]; total: number; unit: string; from: string; to: string; previousTotal?: number; where?: Record<string, string>; units: Record<string, { name: string }> }

for (const dialect of testDialects()) {
  describe(`${dialect}: the statistics' tables over HTTP`, () => {
    let env: TestEnv
    let analyst: Session
    let tijuana: Session
    const winter = uuidv7()
    const lastWinter = uuidv7()

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      analyst = await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)
      tijuana = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta-tijuana')).username)
      const agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      const nogales = await signIn(env, (await makeUser(env, 'field_agent', 'beta-nogales')).username)
      for (const [as, unit, people, at] of [
        [agent, 'beta-tijuana', [{ count: 3, sex: 'female', ageBand: '18-29', nationality: 'HN' }, { count: 2, sex: 'male', ageBand: '30-44', nationality: 'GT' }]],
        [agent, 'beta-tijuana', [{ count: 1, sex: 'female', ageBand: '0-5', nationality: 'HN' }]],
        [nogales, 'beta-nogales', [{ count: 4, sex: 'male', ageBand: '18-29', nationality: 'MX' }]],
        [agent, 'beta-tijuana', [{ count: 7, sex: 'male', ageBand: '18-29', nationality: 'HN' }], '2025-11-20T18:00:00.000Z'],
        [nogales, 'beta-nogales', [{ count: 2, sex: 'female', ageBand: '18-29', nationality: 'SV' }], '2025-12-30T18:00:00.000Z'],
      ] as const) {
        const action = makeAttentionAction(unit)
        const res = await call(env, 'POST', '/api/records/actions', { as, body: { ...action, payload: { ...action.payload, at: at ?? '2026-11-20T18:00:00.000Z', people } } })
        expect(res.status).toBe(201)
      }
      const paisano = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
      for (const [id, name, startsOn, endsOn] of [
        [winter, 'Operativo Invierno 2026', '2026-11-15', '2027-01-08'],
        [lastWinter, 'Operativo Invierno 2025', '2025-11-15', '2026-01-08'],
      ]) {
        const res = await call(env, 'POST', '/api/operations', { as: paisano, body: { id, kind: 'winter', name, startsOn, endsOn, orgUnitId: 'paisano' } })
        expect(res.status, await res.text()).toBe(201)
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

    it('audits every read of the exact counts, with the unit read', async () => {
      const dpo = await signIn(env, (await makeUser(env, 'data_protection_officer', 'inm')).username)
      expect((await table(dpo, 'unit=beta&by=sex')).status).toBe(200)
      const events = await env.db.db.selectFrom('auditEvents').select(['action', 'recordId', 'decision']).where('action', '=', 'statistics.read').where('recordId', '=', 'beta').execute()
      expect(events).toContainEqual({ action: 'statistics.read', recordId: 'beta', decision: 'allowed' })
    })

    it('gives a group\'s coordinator their own group, and refuses another\'s', async () => {
      const own = (await (await table(tijuana, 'by=ageBand')).json()) as Table
      expect(own.unit).toBe('beta-tijuana')
      expect(own.total).toBe(6)
      expect((await table(tijuana, 'unit=beta-nogales')).status).toBe(403)
    })

    it('drills down by border and state, and folds days into weeks, quarters and halves', async () => {
      const byBorder = (await (await table(analyst, 'unit=inm&by=border,state')).json()) as Table
      expect(byBorder.rows).toEqual([
        { border: 'north', state: 'Baja California', n: 6 },
        { border: 'north', state: 'Sonora', n: 4 },
      ])
      const byUnit = (await (await table(analyst, 'unit=beta&by=unit')).json()) as Table
      expect(byUnit.units['beta-tijuana']?.name).toMatch(/Tijuana/)
      for (const [by, label] of [['week', '2026-W47'], ['quarter', '2026-Q4'], ['half', '2026-H2'], ['year', '2026']] as const) {
        const t = (await (await table(analyst, `unit=inm&by=${by}`)).json()) as Table
        expect(t.rows, by).toEqual([{ [by]: label, n: 10 }])
      }
    })

    it('keeps a table to a border or a state drilled into, and counts nothing where the unit has no group', async () => {
      const sonora = (await (await table(analyst, 'unit=inm&state=Sonora&by=unit,sex')).json()) as Table
      expect(sonora.where).toEqual({ state: 'Sonora' })
      expect(sonora.rows).toEqual([{ unit: 'beta-nogales', sex: 'male', n: 4 }])
      const north = (await (await table(analyst, 'unit=beta&border=north&by=state')).json()) as Table
      expect(north.total).toBe(10)
      const south = (await (await table(analyst, 'unit=beta&border=south')).json()) as Table
      expect([south.total, south.rows]).toEqual([0, []])
      // Tijuana's coordinator asking for Sonora gets their own group's share of it: none.
      const outside = (await (await table(tijuana, 'state=Sonora')).json()) as Table
      expect(outside.total).toBe(0)
      const bad = await table(analyst, 'unit=inm&state=Texas&border=east')
      expect(bad.status).toBe(400)
      expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((i) => i.field).sort()).toEqual(['border', 'state'])
    })

    it('reads a year or an operation as the period, and compares with a year earlier', async () => {
      const year = (await (await call(env, 'GET', '/api/statistics/table?fact=attended&year=2025&by=month', { as: analyst })).json()) as Table
      expect(year.from).toBe('2025-01-01')
      expect(year.rows).toEqual([{ month: '2025-11', n: 7 }, { month: '2025-12', n: 2 }])
      const season = (await (await call(env, 'GET', `/api/statistics/table?fact=attended&operation=${winter}&by=border&compare=year`, { as: analyst })).json()) as Table
      expect([season.from, season.to]).toEqual(['2026-11-15', '2027-01-08'])
      expect(season.rows).toEqual([{ border: 'north', n: 10, previous: 9 }])
      expect(season.previousTotal).toBe(9)
      const monthly = (await (await call(env, 'GET', '/api/statistics/table?fact=attended&from=2026-11-01&to=2026-12-31&by=month,unit&compare=year', { as: analyst })).json()) as Table
      expect(monthly.rows).toContainEqual({ month: '2026-11', unit: 'beta-tijuana', n: 6, previous: 7 })
      expect(monthly.rows).toContainEqual({ month: '2026-11', unit: 'beta-nogales', n: 4, previous: 0 })
      const byOperation = (await (await call(env, 'GET', '/api/statistics/table?fact=attended&from=2025-01-01&to=2026-12-31&by=operation', { as: analyst })).json()) as Table
      expect(byOperation.rows).toEqual([{ operation: winter, n: 10 }, { operation: lastWinter, n: 9 }])
    })

    it('sets the figures a programme published beside the same things counted in a year', async () => {
      const res = await call(env, 'GET', '/api/statistics/published?year=2026&bookYear=2010&unit=inm', { as: analyst })
      expect(res.status).toBe(200)
      const body = (await res.json()) as { bookYears: number[]; items: { indicator: string; scope: string; value: number; measured: number }[] }
      expect(body.bookYears).toContain(2010)
      expect(body.items).toContainEqual(expect.objectContaining({ indicator: 'migrants_attended', scope: 'national', value: 228_809, measured: 10 }))
      expect(body.items).toContainEqual(expect.objectContaining({ indicator: 'migrants_attended', scope: 'north', value: 159_540, measured: 10 }))
      expect(body.items).toContainEqual(expect.objectContaining({ indicator: 'migrants_attended', scope: 'south', value: 69_269, measured: 0 }))
      expect(body.items).toContainEqual(expect.objectContaining({ indicator: 'nationals_assisted', value: 2_261_714, measured: 0 }))
      expect((await call(env, 'GET', '/api/statistics/published?year=2026&unit=beta-nogales', { as: tijuana })).status).toBe(403)
      const bad = await call(env, 'GET', '/api/statistics/published?year=soon', { as: analyst })
      expect(bad.status).toBe(400)
      expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('year')
    })

    it('names the field of a bad question, in the asker\'s language', async () => {
      for (const [q, field] of [
        ['by=colour', 'by'],
        ['by=sex,sex', 'by'],
        ['by=sex,ageBand,kind,outcome', 'by'],
        ['compare=month', 'compare'],
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
      for (const [q, field] of [
        ['year=2026&from=2026-01-01&to=2026-02-01', 'from'],
        ['from=2026-01-01', 'to'],
        ['', 'from'],
        [`operation=${uuidv7()}`, 'operation'],
      ] as const) {
        const res = await call(env, 'GET', `/api/statistics/table?fact=attended&${q}`, { as: analyst })
        expect(res.status, q).toBe(400)
        expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field, q).toBe(field)
      }
    })
  })
}
