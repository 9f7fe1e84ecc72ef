import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { push, results } from '../field/sync/test-helpers.ts'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

// Today is 21 November 2026 (the test clock); a caravan reaches Tapachula.
const CARAVAN = { kind: 'special', reason: 'caravan', name: 'Caravana noviembre 2026', startsOn: '2026-11-18', endsOn: '2026-11-30', orgUnitId: 'beta', units: ['beta-tapachula'] }
const DAY = '2026-11-21'

interface Dashboard {
  day: string
  hours: string[]
  points: { point: string; unitName: string; sheets: number; people: number; byHour: Record<string, number>; bySex: Record<string, number>; byNationality: Record<string, number>; byVulnerability: Record<string, number>; byService: Record<string, number> }[]
  total: { people: number; sheets: number; byHour: Record<string, number>; byAge: Record<string, number>; lastAt: string | null }
}

let counter = 0

/** One operator's sheet at a point, then taps: each tap `[at, count, sex, age, nationality, vulnerabilities?, services?]`. */
function sheet(orgUnitId: string, operationId: string, point: string, taps: readonly [string, number, string, string, string, string[]?, string[]?][]) {
  const recordId = newActionId()
  const opened = { id: newActionId(), recordType: 'surge', recordId, type: 'SurgeOpened', payload: { orgUnitId, operationId, day: DAY, point }, clientTime: `${DAY}T12:00:00.000Z`, deviceCounter: ++counter }
  const counted = taps.map(([at, count, sex, ageBand, nationality, vulnerabilities, services]) => ({
    id: newActionId(),
    recordType: 'surge',
    recordId,
    type: 'SurgeCounted',
    payload: { at, groups: [{ count, sex, ageBand, nationality, vulnerabilities: vulnerabilities ?? [] }], services: services ?? [] },
    clientTime: at,
    deviceCounter: ++counter,
  }))
  return [opened, ...counted]
}

for (const dialect of testDialects()) {
  describe(`${dialect}: a special operation's surge tally and dashboard`, () => {
    let env: TestEnv
    let coordinator: Session
    let agent: Session
    let other: Session
    let operationId: string

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      coordinator = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta')).username)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tapachula')).username)
      other = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tapachula')).username)
      operationId = newActionId()
      expect((await call(env, 'POST', '/api/operations', { as: coordinator, body: { ...CARAVAN, id: operationId } })).status).toBe(201)
    })
    afterAll(async () => env?.close())

    it('adds two operators\' offline sheets at one point, however they wrote its name, by hour and breakdown', async () => {
      const first = sheet('beta-tapachula', operationId, 'Puente Rodolfo Robles', [
        [`${DAY}T15:05:00.000Z`, 1, 'male', '18-29', 'HN'],
        [`${DAY}T15:06:00.000Z`, 4, 'female', '30-44', 'HN', ['travelling_with_children'], ['water', 'orientation']],
        [`${DAY}T16:10:00.000Z`, 1, 'female', '0-5', 'VE', ['unaccompanied_child'], ['first_aid']],
      ])
      const second = sheet('beta-tapachula', operationId, '  puente   rodolfo robles ', [
        [`${DAY}T15:30:00.000Z`, 2, 'male', '18-29', 'CU', [], ['water']],
        [`${DAY}T16:45:00.000Z`, 3, 'unknown', 'unknown', 'unknown'],
      ])
      const shelter = sheet('beta-tapachula', operationId, 'Albergue municipal', [[`${DAY}T17:00:00.000Z`, 6, 'male', '18-29', 'HT', [], ['food']]])
      expect((await results(await push(env, agent, { deviceId: `surge-phone-a-${dialect}`, actions: [...first, ...shelter] }))).every((r) => r.status === 'accepted')).toBe(true)
      expect((await results(await push(env, other, { deviceId: `surge-phone-b-${dialect}`, actions: second }))).every((r) => r.status === 'accepted')).toBe(true)

      const res = await call(env, 'GET', `/api/operations/${operationId}/surge?day=${DAY}`, { as: coordinator })
      expect(res.status).toBe(200)
      const dash = (await res.json()) as Dashboard
      expect(dash.total.people).toBe(17)
      expect(dash.total.sheets).toBe(3)
      expect(dash.hours).toEqual([`${DAY}T15`, `${DAY}T16`, `${DAY}T17`])
      expect(dash.points.map((p) => [p.point, p.sheets, p.people])).toEqual([
        ['Puente Rodolfo Robles', 2, 11],
        ['Albergue municipal', 1, 6],
      ])
      const bridge = dash.points[0]
      expect(bridge?.byHour).toEqual({ [`${DAY}T15`]: 7, [`${DAY}T16`]: 4 })
      expect(bridge?.bySex).toEqual({ male: 3, female: 5, unknown: 3 })
      expect(bridge?.byNationality).toEqual({ HN: 5, VE: 1, CU: 2, unknown: 3 })
      expect(bridge?.byVulnerability).toEqual({ travelling_with_children: 4, unaccompanied_child: 1 })
      expect(bridge?.byService).toEqual({ water: 6, orientation: 4, first_aid: 1 })
      expect(bridge?.unitName).toBe('Grupo Beta Tapachula')
      expect(dash.total.byAge).toEqual({ '18-29': 9, '30-44': 4, '0-5': 1, unknown: 3 })
      expect(dash.total.lastAt).toBe(`${DAY}T17:00:00.000Z`)
    })

    it('counts a sheet synced in two goes, its opening alone first, like one synced at once', async () => {
      const [opened, ...taps] = sheet('beta-tapachula', operationId, 'Albergue municipal', [[`${DAY}T17:30:00.000Z`, 3, 'female', '30-44', 'GT']])
      expect((await results(await push(env, agent, { deviceId: `surge-phone-a-${dialect}`, actions: [opened] })))[0]?.status).toBe('accepted')
      const empty = (await (await call(env, 'GET', `/api/operations/${operationId}/surge?day=${DAY}`, { as: coordinator })).json()) as Dashboard
      expect(empty.total.people).toBe(17)
      expect(empty.total.sheets).toBe(4)
      expect((await results(await push(env, agent, { deviceId: `surge-phone-a-${dialect}`, actions: taps })))[0]?.status).toBe('accepted')
      const dash = (await (await call(env, 'GET', `/api/operations/${operationId}/surge?day=${DAY}`, { as: coordinator })).json()) as Dashboard
      expect(dash.total.people).toBe(20)
      expect(dash.total.byAge['30-44']).toBe(7)
    })

    it('counts a tap resent by a phone that lost the answer once', async () => {
      const again = sheet('beta-tapachula', operationId, 'Albergue municipal', [[`${DAY}T18:00:00.000Z`, 2, 'female', '18-29', 'SV']])
      await push(env, agent, { deviceId: `surge-phone-a-${dialect}`, actions: again })
      const resent = await results(await push(env, agent, { deviceId: `surge-phone-a-${dialect}`, actions: again }))
      expect(resent.every((r) => r.status === 'duplicate')).toBe(true)
      const dash = (await (await call(env, 'GET', `/api/operations/${operationId}/surge?day=${DAY}`, { as: coordinator })).json()) as Dashboard
      expect(dash.total.people).toBe(22)
      expect(dash.total.byHour[`${DAY}T18`]).toBe(2)
    })

    it('shows a field agent only their own group\'s sheets, and a Paisano volunteer nothing', async () => {
      const elsewhere = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      const theirs = (await (await call(env, 'GET', `/api/operations/${operationId}/surge?day=${DAY}`, { as: elsewhere })).json()) as Dashboard
      expect(theirs.total.people).toBe(0)
      const volunteer = await signIn(env, (await makeUser(env, 'module_volunteer', 'module-tijuana-airport')).username)
      expect((await call(env, 'GET', `/api/operations/${operationId}/surge`, { as: volunteer })).status).toBe(403)
    })

    it('refuses a tap that counts nobody and a sheet with no point, naming the field', async () => {
      const [opened] = sheet('beta-tapachula', operationId, 'Puente', [])
      const noPoint = { id: newActionId(), recordType: 'surge', recordId: newActionId(), type: 'SurgeOpened', payload: { orgUnitId: 'beta-tapachula', operationId, day: DAY } }
      const res = await call(env, 'POST', '/api/records/actions', { as: agent, body: noPoint })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'payload.point' })] })
      const empty = await call(env, 'POST', '/api/records/actions', { as: agent, body: { id: newActionId(), recordType: 'surge', recordId: opened?.recordId, type: 'SurgeCounted', payload: { at: `${DAY}T19:00:00.000Z`, groups: [] } } })
      expect(empty.status).toBe(400)
      expect((await call(env, 'GET', `/api/operations/${newActionId()}/surge`, { as: coordinator })).status).toBe(404)
      expect((await call(env, 'GET', `/api/operations/${operationId}/surge?day=ayer`, { as: coordinator })).status).toBe(400)
    })
  })
}
