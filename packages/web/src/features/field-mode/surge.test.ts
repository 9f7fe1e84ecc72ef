import { SurgeCounted, SurgeOpened } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { foldSheets, openSurgeFor, planArrival, pointTotals, sheetFor, type SurgeAction, type SurgeContext, type SurgeOperation, type SurgeTap } from './surge.ts'

const CARAVAN: SurgeOperation = { recordId: 'op-caravan', name: 'Caravana en Tapachula', reason: 'caravan', startsOn: '2026-12-03', endsOn: '2026-12-17', units: ['beta-tapachula', 'beta-tuxtla-gutierrez'] }
const PATHS = { 'beta-tapachula': ['inm', 'beta', 'beta-tapachula'], 'beta-tuxtla-gutierrez': ['inm', 'beta', 'beta-tuxtla-gutierrez'] }
const BRIDGE: SurgeContext = { orgUnitId: 'beta-tapachula', operationId: 'op-caravan', day: '2026-12-05', point: 'Puente Rodolfo Robles' }
const MAN: SurgeTap = { count: 1, sex: 'male', ageBand: '18-29', nationality: 'HN', vulnerabilities: [], services: ['water'] }
// 2026-12-05 at 08:10 and 09:05 in Tapachula (UTC−6).
const EIGHT = Date.parse('2026-12-05T14:10:00Z')
const NINE = Date.parse('2026-12-05T15:05:00Z')

function ids(): () => string {
  let n = 0
  return () => `sheet-${(n += 1)}`
}

/** Applies a tap's drafts to the phone's actions, as the outbox would. */
function record(actions: SurgeAction[], context: SurgeContext, tap: SurgeTap, at: number, newId: () => string): SurgeAction[] {
  return [...actions, ...planArrival(foldSheets(actions), context, tap, at, newId)]
}

describe('openSurgeFor', () => {
  it('finds the open special operation of the account\'s group', () => {
    expect(openSurgeFor([CARAVAN], { id: 'beta-tapachula' }, PATHS, '2026-12-05')).toBe(CARAVAN)
  })

  it('finds it for a coordination above one of its groups', () => {
    expect(openSurgeFor([CARAVAN], { id: 'beta' }, PATHS, '2026-12-05')).toBe(CARAVAN)
  })

  it('offers nothing to a group not in it, or before it starts and after it ends', () => {
    expect(openSurgeFor([CARAVAN], { id: 'beta-tijuana' }, PATHS, '2026-12-05')).toBeUndefined()
    expect(openSurgeFor([CARAVAN], { id: 'beta-tapachula' }, PATHS, '2026-12-02')).toBeUndefined()
    expect(openSurgeFor([CARAVAN], { id: 'beta-tapachula' }, PATHS, '2026-12-18')).toBeUndefined()
  })
})

describe('planArrival', () => {
  it('opens the operator\'s sheet on the first tap of the day at a point, with payloads the server accepts', () => {
    const drafts = planArrival(new Map(), BRIDGE, MAN, EIGHT, ids())
    expect(drafts.map((d) => d.type)).toEqual(['SurgeOpened', 'SurgeCounted'])
    expect(drafts[0]?.recordId).toBe(drafts[1]?.recordId)
    expect(SurgeOpened.parse(drafts[0]?.payload)).toEqual({ orgUnitId: 'beta-tapachula', operationId: 'op-caravan', day: '2026-12-05', point: 'Puente Rodolfo Robles' })
    expect(SurgeCounted.parse(drafts[1]?.payload)).toEqual({ at: '2026-12-05T14:10:00.000Z', groups: [{ count: 1, sex: 'male', ageBand: '18-29', nationality: 'HN', vulnerabilities: [] }], services: ['water'] })
  })

  it('adds later taps to the same sheet, however the point is written', () => {
    const newId = ids()
    let actions = record([], BRIDGE, MAN, EIGHT, newId)
    actions = record(actions, { ...BRIDGE, point: '  puente  rodolfo ROBLES ' }, { ...MAN, count: 4 }, NINE, newId)
    expect(actions.map((a) => a.type)).toEqual(['SurgeOpened', 'SurgeCounted', 'SurgeCounted'])
    expect(new Set(actions.map((a) => a.recordId)).size).toBe(1)
  })

  it('opens a new sheet at another point, on another day or in another operation', () => {
    const newId = ids()
    let actions = record([], BRIDGE, MAN, EIGHT, newId)
    actions = record(actions, { ...BRIDGE, point: 'Albergue temporal Tapachula' }, MAN, EIGHT, newId)
    actions = record(actions, { ...BRIDGE, day: '2026-12-06' }, MAN, EIGHT, newId)
    actions = record(actions, { ...BRIDGE, operationId: 'op-flood' }, MAN, EIGHT, newId)
    const states = foldSheets(actions)
    expect(states.size).toBe(4)
    expect(sheetFor(states, BRIDGE)).toBe('sheet-1')
  })
})

describe('pointTotals', () => {
  it('adds up today\'s arrivals at the point and per hour, families counted by their people', () => {
    const newId = ids()
    let actions = record([], BRIDGE, MAN, EIGHT, newId)
    actions = record(actions, BRIDGE, { ...MAN, count: 4, vulnerabilities: ['travelling_with_children'] }, EIGHT + 60_000, newId)
    actions = record(actions, BRIDGE, MAN, NINE, newId)
    actions = record(actions, { ...BRIDGE, point: 'Albergue temporal Tapachula' }, { ...MAN, count: 9 }, NINE, newId)
    expect(pointTotals(foldSheets(actions), BRIDGE)).toEqual({
      people: 6,
      byHour: [
        { hour: '2026-12-05T14', people: 5 },
        { hour: '2026-12-05T15', people: 1 },
      ],
    })
  })

  it('is nobody before the first tap', () => {
    expect(pointTotals(new Map(), BRIDGE)).toEqual({ people: 0, byHour: [] })
  })
})
