import { describe, expect, it } from 'vitest'
import type { Shift } from './types.ts'
import { addDays, buildWeek, endsNextDay, gapTotal, moveVolunteer } from './week.ts'

function shift(over: Partial<Shift>): Shift {
  return { recordId: 's', version: 1, orgUnitId: 'module-a', operationId: 'op', date: '2026-12-05', starts: '08:00', ends: '14:00', needed: 2, volunteers: [], missing: 0, ...over }
}
const person = (userId: string) => ({ userId, displayName: userId })

describe('addDays', () => {
  it('moves across a month and a year, and back', () => {
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05')
    expect(addDays('2026-03-02', -7)).toBe('2026-02-23')
  })
})

describe('buildWeek', () => {
  it('gives seven days from the first, each with its shifts by start and its gaps, empty days kept', () => {
    const week = buildWeek('2026-12-05', [
      shift({ recordId: 'late', starts: '14:00', ends: '20:00', volunteers: [person('a')] }),
      shift({ recordId: 'early', volunteers: [person('b'), person('c')] }),
      shift({ recordId: 'next', date: '2026-12-07', needed: 3 }),
      shift({ recordId: 'outside', date: '2026-12-12' }),
    ])
    expect(week.map((d) => d.day)).toEqual(['2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'])
    expect(week[0]?.shifts.map((s) => s.recordId)).toEqual(['early', 'late'])
    expect(week.map((d) => d.gaps)).toEqual([1, 0, 3, 0, 0, 0, 0])
    expect(week.flatMap((d) => d.shifts).some((s) => s.recordId === 'outside')).toBe(false)
  })
})

describe('gapTotal', () => {
  it('adds what each shift lacks and never counts a shift with more than needed against another', () => {
    expect(gapTotal([shift({ needed: 2, volunteers: [person('a')] }), shift({ needed: 1, volunteers: [person('b'), person('c')] }), shift({ needed: 3 })])).toBe(4)
    expect(gapTotal([])).toBe(0)
  })
})

describe('moveVolunteer', () => {
  it('takes the volunteer off one shift and adds them to the other once', () => {
    const from = shift({ volunteers: [person('a'), person('b')] })
    expect(moveVolunteer('a', from, shift({ volunteers: [person('c')] }))).toEqual({ from: ['b'], to: ['c', 'a'] })
    expect(moveVolunteer('a', from, shift({ volunteers: [person('a')] }))).toEqual({ from: ['b'], to: ['a'] })
  })
})

describe('endsNextDay', () => {
  it('says a shift ending before it starts runs past midnight', () => {
    expect(endsNextDay({ starts: '22:00', ends: '06:00' })).toBe(true)
    expect(endsNextDay({ starts: '08:00', ends: '14:00' })).toBe(false)
  })
})
