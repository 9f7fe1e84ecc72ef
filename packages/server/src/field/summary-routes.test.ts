import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'
import { createOrgUnit } from '../accounts/accounts.ts'
import { systemCtx } from '../seed/demo.ts'
import { periodOf } from './summary.ts'
import { push, results } from './sync/test-helpers.ts'

interface Summary {
  total: { attentions: number; peopleAttended: number; rescues: number; peopleRescued: number; patrols: number; priority: number }
  byGroup: { orgUnitId: string; counts: { attentions: number } }[]
  byBorder: { border: string; counts: { attentions: number; rescues: number } }[]
  people: Record<'sex' | 'ageBand' | 'nationality' | 'vulnerability', { value: string; count: number }[]>
  points: { recordType: string; lat: number }[]
}

function action(counter: number, recordType: string, type: string, payload: Record<string, unknown>) {
  return { id: newActionId(), deviceCounter: counter, recordType, recordId: `sum-${recordType}-${counter}-${Date.now()}`, type, payload }
}

for (const dialect of testDialects()) {
  describe(`${dialect}: GET /api/field/summary`, () => {
    let env: TestEnv
    let coordinator: Session
    let national: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      coordinator = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta')).username)
      national = await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)
      // The test clock stands at 2026-11-21T10:00Z, 04:00 in Mexico: "today" began at 06:00Z.
      const today = '2026-11-21T08:00:00.000Z'
      const north = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      const south = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tapachula')).username)
      const n = await push(env, north, { deviceId: `summary-north-${Date.now()}`, actions: [
        action(1, 'attention', 'AttentionRecorded', { orgUnitId: 'beta-tijuana', at: today, setting: 'base', people: [{ count: 3, sex: 'male', nationality: 'HN' }, { count: 1, sex: 'female', ageBand: '18-29', nationality: 'GT', vulnerabilities: ['pregnant', 'indigenous_language_speaker'] }], services: ['water'], location: { lat: 32.5, lon: -117 } }),
        action(2, 'rescue', 'RescueRecorded', { orgUnitId: 'beta-tijuana', at: today, emergencyType: 'dehydration', people: [{ count: 2, sex: 'female', nationality: 'HN' }], outcome: 'first_aid' }),
        action(3, 'attention', 'AttentionRecorded', { orgUnitId: 'beta-tijuana', at: '2026-11-21T05:00:00.000Z', setting: 'base', people: [{ count: 7 }], services: ['food'] }),
      ] })
      expect((await results(n)).every((r) => r.status === 'accepted')).toBe(true)
      const s = await push(env, south, { deviceId: `summary-south-${Date.now()}`, actions: [
        action(1, 'patrol', 'PatrolRecorded', { orgUnitId: 'beta-tapachula', kind: 'preventive', startedAt: today }),
        action(2, 'attention', 'AttentionRecorded', { orgUnitId: 'beta-tapachula', at: today, setting: 'rail_tracks', people: [{ count: 5 }], services: ['orientation'] }),
      ] })
      expect((await results(s)).every((r) => r.status === 'accepted')).toBe(true)
    })
    afterAll(async () => env?.close())

    it('counts today by each record\'s own time in Mexico, per group and per border', async () => {
      const res = await call(env, 'GET', '/api/field/summary?unit=beta&period=today', { as: coordinator })
      expect(res.status).toBe(200)
      const body = (await res.json()) as Summary
      expect(body.total).toMatchObject({ attentions: 2, peopleAttended: 9, rescues: 1, peopleRescued: 2, patrols: 1, priority: 1 })
      expect(body.byBorder.find((b) => b.border === 'north')?.counts).toMatchObject({ attentions: 1, rescues: 1 })
      expect(body.byBorder.find((b) => b.border === 'south')?.counts).toMatchObject({ attentions: 1 })
      expect(body.points).toEqual([expect.objectContaining({ recordType: 'attention', lat: 32.5 })])
    })

    it('breaks the people attended and rescued down by sex, age band, nationality and vulnerability, largest first', async () => {
      const body = (await (await call(env, 'GET', '/api/field/summary?unit=beta&period=today', { as: coordinator })).json()) as Summary
      // Today: 3 men and 1 woman (HN, GT) attended in Tijuana, 2 women rescued, 5 unknown attended in Tapachula.
      expect(body.people.sex).toEqual([{ value: 'unknown', count: 5 }, { value: 'female', count: 3 }, { value: 'male', count: 3 }])
      expect(body.people.nationality).toEqual([{ value: 'HN', count: 5 }, { value: 'unknown', count: 5 }, { value: 'GT', count: 1 }])
      expect(body.people.ageBand).toEqual([{ value: 'unknown', count: 10 }, { value: '18-29', count: 1 }])
      expect(body.people.vulnerability).toEqual([{ value: 'indigenous_language_speaker', count: 1 }, { value: 'pregnant', count: 1 }])
    })

    it('counts the last seven days and the year', async () => {
      for (const period of ['week', 'year']) {
        const body = (await (await call(env, 'GET', `/api/field/summary?unit=beta&period=${period}`, { as: national })).json()) as Summary
        expect(body.total).toMatchObject({ attentions: 3, peopleAttended: 16, rescues: 1, patrols: 1 })
      }
    })

    it('counts the month, including yesterday evening in Mexico', async () => {
      const body = (await (await call(env, 'GET', '/api/field/summary?unit=beta&period=month', { as: national })).json()) as Summary
      expect(body.total.attentions).toBe(3)
    })

    it('is forbidden outside the caller\'s scope and for roles without field reads', async () => {
      const tijuana = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta-tijuana')).username)
      expect((await call(env, 'GET', '/api/field/summary?unit=beta', { as: tijuana })).status).toBe(403)
      const volunteer = await signIn(env, (await makeUser(env, 'module_volunteer', 'beta')).username)
      expect((await call(env, 'GET', '/api/field/summary', { as: volunteer })).status).toBe(403)
    })

    it('answers a bad period with 400 naming the field', async () => {
      const res = await call(env, 'GET', '/api/field/summary?period=decade', { as: coordinator })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ errors: [{ field: 'period' }] })
    })
  })
}

for (const dialect of testDialects()) {
  describe(`${dialect}: GET /api/field/summary from the summary's margins`, () => {
    let env: TestEnv
    let agent: Session
    let national: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      national = await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)
      const south = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tapachula')).username)
      // The test clock stands at 2026-11-21T10:00Z. 07:30Z is 23:30 yesterday in Tijuana (UTC−8)
      // but 01:30 today in Mexico City: the record counts on Tijuana's day, as in the statistics.
      const n = await push(env, agent, { deviceId: `margins-north-${Date.now()}`, actions: [
        action(1, 'attention', 'AttentionRecorded', { orgUnitId: 'beta-tijuana', at: '2026-11-21T07:30:00.000Z', setting: 'base', people: [{ count: 2 }], services: ['water'], location: { lat: 32.51, lon: -117 } }),
        action(2, 'attention', 'AttentionRecorded', { orgUnitId: 'beta-tijuana', at: '2026-11-21T09:00:00.000Z', setting: 'base', people: [{ count: 1, vulnerabilities: ['pregnant'] }], services: ['water'], location: { lat: 32.52, lon: -117 } }),
      ] })
      expect((await results(n)).every((r) => r.status === 'accepted')).toBe(true)
      const s = await push(env, south, { deviceId: `margins-south-${Date.now()}`, actions: [
        action(1, 'rescue', 'RescueRecorded', { orgUnitId: 'beta-tapachula', at: '2026-11-21T08:00:00.000Z', emergencyType: 'dehydration', people: [{ count: 4, sex: 'male', vulnerabilities: ['disability'] }], outcome: 'first_aid' }),
      ] })
      expect((await results(s)).every((r) => r.status === 'accepted')).toBe(true)
    })
    afterAll(async () => env?.close())

    it('counts a record on its own state\'s day: half past eleven at night in Tijuana is yesterday there', async () => {
      const today = (await (await call(env, 'GET', '/api/field/summary?unit=beta&period=today', { as: national })).json()) as Summary
      expect(today.total).toMatchObject({ attentions: 1, peopleAttended: 1, rescues: 1, peopleRescued: 4, priority: 2 })
      const week = (await (await call(env, 'GET', '/api/field/summary?unit=beta&period=week', { as: national })).json()) as Summary
      expect(week.total).toMatchObject({ attentions: 2, peopleAttended: 3 })
      // A rescued person's vulnerability counts as an attended one's does.
      expect(week.people.vulnerability).toEqual([{ value: 'disability', count: 4 }, { value: 'pregnant', count: 1 }])
    })

    it('gives a field agent their own unit, and the map points newest first', async () => {
      const body = (await (await call(env, 'GET', '/api/field/summary?period=year', { as: agent })).json()) as Summary
      expect(body.total).toMatchObject({ attentions: 2, rescues: 0 })
      expect(body.byGroup.map((g) => g.orgUnitId)).toEqual(['beta-tijuana'])
      expect(body.points.map((p) => p.lat)).toEqual([32.52, 32.51])
    })

    it('leaves out of a field agent\'s breakdowns the people of a unit below theirs, which the agent may not read', async () => {
      await createOrgUnit(systemCtx(env.db, env.clock), { id: 'beta-tijuana-east', parentId: 'beta-tijuana', kind: 'beta_group', name: 'Grupo Beta Tijuana Este', state: 'Baja California', border: 'north' })
      const east = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana-east')).username)
      const e = await push(env, east, { deviceId: `margins-east-${Date.now()}`, actions: [
        action(1, 'attention', 'AttentionRecorded', { orgUnitId: 'beta-tijuana-east', at: '2026-11-21T09:30:00.000Z', setting: 'base', people: [{ count: 6, sex: 'female', nationality: 'SV' }], services: ['water'] }),
      ] })
      expect((await results(e)).every((r) => r.status === 'accepted')).toBe(true)
      const mine = (await (await call(env, 'GET', '/api/field/summary?period=year', { as: agent })).json()) as Summary
      expect(mine.total).toMatchObject({ attentions: 2, peopleAttended: 3 })
      expect(mine.people.sex).toEqual([{ value: 'unknown', count: 3 }])
      expect(mine.people.nationality).toEqual([{ value: 'unknown', count: 3 }])
      const all = (await (await call(env, 'GET', '/api/field/summary?unit=beta-tijuana&period=year', { as: national })).json()) as Summary
      expect(all.total).toMatchObject({ attentions: 3, peopleAttended: 9 })
      expect(all.people.nationality).toEqual([{ value: 'SV', count: 6 }, { value: 'unknown', count: 3 }])
      // By day the breakdowns of a whole subtree come from its unit's own margins and its subtree's.
      const myWeek = (await (await call(env, 'GET', '/api/field/summary?period=week', { as: agent })).json()) as Summary
      expect(myWeek.people.sex).toEqual([{ value: 'unknown', count: 3 }])
      const allWeek = (await (await call(env, 'GET', '/api/field/summary?unit=beta-tijuana&period=week', { as: national })).json()) as Summary
      expect(allWeek.people.nationality).toEqual([{ value: 'SV', count: 6 }, { value: 'unknown', count: 3 }])
      const country = (await (await call(env, 'GET', '/api/field/summary?period=week', { as: national })).json()) as Summary
      expect(country.people.sex).toEqual([{ value: 'female', count: 6 }, { value: 'male', count: 4 }, { value: 'unknown', count: 3 }])
      expect(country.people.vulnerability).toEqual([{ value: 'disability', count: 4 }, { value: 'pregnant', count: 1 }])
      const eastToday = (await (await call(env, 'GET', '/api/field/summary?unit=beta-tijuana-east&period=today', { as: national })).json()) as Summary
      expect(eastToday.people.sex).toEqual([{ value: 'female', count: 6 }])
    })
  })
}

describe('periodOf', () => {
  it('starts today at midnight in Mexico (06:00 UTC)', () => {
    expect(periodOf(new Date('2026-11-21T03:00:00Z'), 'today')).toEqual({ from: new Date('2026-11-20T06:00:00Z'), to: new Date('2026-11-21T06:00:00Z') })
    expect(periodOf(new Date('2026-11-21T10:00:00Z'), 'month')).toEqual({ from: new Date('2026-11-01T06:00:00Z'), to: new Date('2026-12-01T06:00:00Z') })
  })

  it('takes the week as the seven days ending today, and the year from 1 January, in Mexico', () => {
    expect(periodOf(new Date('2026-11-21T03:00:00Z'), 'week')).toEqual({ from: new Date('2026-11-14T06:00:00Z'), to: new Date('2026-11-21T06:00:00Z') })
    expect(periodOf(new Date('2027-01-01T05:00:00Z'), 'year')).toEqual({ from: new Date('2026-01-01T06:00:00Z'), to: new Date('2027-01-01T06:00:00Z') })
  })
})

for (const dialect of testDialects()) {
  describe(`${dialect}: the summary's map points, a thousand at most`, () => {
    let env: TestEnv
    afterAll(async () => env?.close())

    it('gives the thousand newest points of all types together, one group or the whole country', async () => {
      env = await makeTestEnv(dialect)
      const agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      // 1,000 attentions a minute apart this month, five remains found after them and three
      // rescues before them: the thousand newest points are the remains and 995 attentions.
      const start = Date.parse('2026-11-02T12:00:00.000Z')
      const at = (minute: number) => new Date(start + minute * 60_000).toISOString()
      const all = [
        ...Array.from({ length: 3 }, (_, i) => action(i + 1, 'rescue', 'RescueRecorded', { orgUnitId: 'beta-tijuana', at: at(-10 + i), emergencyType: 'dehydration', people: [{ count: 1 }], outcome: 'first_aid', location: { lat: 30, lon: -117 } })),
        ...Array.from({ length: 1000 }, (_, i) => action(i + 4, 'attention', 'AttentionRecorded', { orgUnitId: 'beta-tijuana', at: at(i), setting: 'base', people: [{ count: 1 }], services: ['water'], location: { lat: 32 + i / 10_000, lon: -117 } })),
        ...Array.from({ length: 5 }, (_, i) => action(i + 1004, 'remains', 'RemainsFound', { orgUnitId: 'beta-tijuana', foundAt: at(2000 + i), location: { lat: 31, lon: -117 }, count: 1, condition: 'skeletal', authorityNotified: 'public_prosecutor' })),
        // Patrols, newest of all, have a route and no point: they take no point's place.
        ...Array.from({ length: 5 }, (_, i) => action(i + 1009, 'patrol', 'PatrolRecorded', { orgUnitId: 'beta-tijuana', kind: 'preventive', startedAt: at(3000 + i) })),
      ]
      const deviceId = `summary-points-${Date.now()}`
      for (let i = 0; i < all.length; i += 100) {
        expect((await results(await push(env, agent, { deviceId, actions: all.slice(i, i + 100) }))).filter((r) => r.status !== 'accepted')).toEqual([])
      }
      for (const as of [await signIn(env, (await makeUser(env, 'group_coordinator', 'beta-tijuana')).username), await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)]) {
        const body = (await (await call(env, 'GET', '/api/field/summary?period=month', { as })).json()) as Omit<Summary, 'points'> & { points: { recordType: string; at: string }[] }
        expect(body.points).toHaveLength(1000)
        expect(body.points.slice(0, 5).map((p) => p.recordType)).toEqual(Array(5).fill('remains'))
        expect(body.points.filter((p) => p.recordType === 'rescue')).toEqual([])
        expect(body.points.at(-1)?.at).toBe(at(5))
        expect(body.total.attentions).toBe(1000)
      }
    }, 60_000)
  })
}
