import { TallyCounted, TallyOpened } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { centralDay, nextShift, shiftOnNow, type MyShift } from './shift-time.ts'
import { dayTotals, foldTallies, planTap, tallyContext, type TallyAction } from './tally.ts'

const SITE = 'module-tijuana-airport'
const shift = (over: Partial<MyShift>): MyShift => ({ recordId: 'shift-1', orgUnitId: SITE, operationId: 'op-winter', date: '2026-12-20', starts: '08:00', ends: '14:00', ...over })
// 2026-12-20 10:00 in Mexico's centre.
const MORNING = Date.parse('2026-12-20T16:00:00Z')

function ids(): () => string {
  let n = 0
  return () => `tally-${(n += 1)}`
}

/** Applies a tap's drafts to the phone's actions, as the outbox would. */
function tap(actions: TallyAction[], at: number, count: Parameters<typeof planTap>[2], newId: () => string, shifts: MyShift[] = []): TallyAction[] {
  const context = tallyContext({ orgUnitId: SITE, shifts, siteOperationId: 'op-winter', at })
  return [...actions, ...planTap(foldTallies(actions), context, count, at, newId)]
}

describe('the day of a tally', () => {
  it('is the date in Mexico\'s centre, not UTC nor the phone\'s zone', () => {
    expect(centralDay(Date.parse('2026-12-21T05:59:00Z'))).toBe('2026-12-20')
    expect(centralDay(Date.parse('2026-12-21T06:00:00Z'))).toBe('2026-12-21')
  })
})

describe('the shift on now', () => {
  it('finds the shift whose hours include the instant, in Mexico\'s centre', () => {
    const morning = shift({})
    const afternoon = shift({ recordId: 'shift-2', starts: '14:00', ends: '20:00' })
    expect(shiftOnNow([afternoon, morning], MORNING)?.recordId).toBe('shift-1')
    expect(shiftOnNow([afternoon, morning], Date.parse('2026-12-20T20:00:00Z'))?.recordId).toBe('shift-2')
    expect(shiftOnNow([afternoon, morning], Date.parse('2026-12-21T03:00:00Z'))).toBeUndefined()
  })

  it('runs a shift that ends before it starts past midnight', () => {
    const night = shift({ starts: '22:00', ends: '04:00' })
    expect(shiftOnNow([night], Date.parse('2026-12-21T08:30:00Z'))?.recordId).toBe('shift-1')
    expect(shiftOnNow([night], Date.parse('2026-12-21T10:30:00Z'))).toBeUndefined()
  })

  it('names the next shift: the one on now, else the soonest to come', () => {
    const later = shift({ recordId: 'shift-3', date: '2026-12-22' })
    const today = shift({})
    expect(nextShift([later, today], MORNING)?.recordId).toBe('shift-1')
    expect(nextShift([later, today], Date.parse('2026-12-20T21:00:00Z'))?.recordId).toBe('shift-3')
    expect(nextShift([today], Date.parse('2026-12-20T21:00:00Z'))).toBeUndefined()
  })
})

describe('which tally a tap goes to', () => {
  it('opens the day\'s tally with the first tap and adds every later tap to it', () => {
    const newId = ids()
    let actions = tap([], MORNING, 'guidance', newId)
    expect(actions.map((a) => a.type)).toEqual(['TallyOpened', 'TallyCounted'])
    expect(actions[0]?.payload).toEqual({ orgUnitId: SITE, operationId: 'op-winter', day: '2026-12-20' })
    actions = tap(actions, MORNING + 60_000, 'guidance', newId)
    actions = tap(actions, MORNING + 120_000, 'guides', newId)
    expect(actions.map((a) => a.type)).toEqual(['TallyOpened', 'TallyCounted', 'TallyCounted', 'TallyCounted'])
    expect(new Set(actions.map((a) => a.recordId))).toEqual(new Set(['tally-1']))
    expect(dayTotals(foldTallies(actions), SITE, '2026-12-20')).toEqual({ guidance: 2, guides: 1, complaintReferrals: 0, helpReferrals: 0, otherReferrals: 0 })
  })

  it('queues only payloads the server accepts', () => {
    const actions = tap([], MORNING, 'complaintReferrals', ids(), [shift({})])
    expect(TallyOpened.safeParse(actions[0]?.payload).success).toBe(true)
    expect(TallyCounted.safeParse(actions[1]?.payload).success).toBe(true)
    expect(actions[1]?.payload).toEqual({ at: new Date(MORNING).toISOString(), complaintReferrals: 1 })
  })

  it('opens a new tally on a new day, and one per shift, the day\'s totals adding them all', () => {
    const newId = ids()
    const shifts = [shift({}), shift({ recordId: 'shift-2', starts: '14:00', ends: '20:00' })]
    let actions = tap([], MORNING, 'guidance', newId, shifts)
    actions = tap(actions, MORNING + 5 * 3_600_000, 'guidance', newId, shifts)
    actions = tap(actions, MORNING + 10 * 3_600_000, 'guidance', newId, shifts)
    actions = tap(actions, MORNING + 24 * 3_600_000, 'guides', newId, shifts)
    const states = foldTallies(actions)
    expect([...states.values()].map((s) => [s.day, s.shiftId])).toEqual([
      ['2026-12-20', 'shift-1'],
      ['2026-12-20', 'shift-2'],
      ['2026-12-20', undefined],
      ['2026-12-21', undefined],
    ])
    expect(dayTotals(states, SITE, '2026-12-20').guidance).toBe(3)
    expect(dayTotals(states, SITE, '2026-12-21')).toMatchObject({ guidance: 0, guides: 1 })
  })

  it('leaves the operation out when neither a shift nor the site names it', () => {
    const context = tallyContext({ orgUnitId: SITE, shifts: [], siteOperationId: undefined, at: MORNING })
    expect(context).toEqual({ orgUnitId: SITE, day: '2026-12-20' })
  })
})
