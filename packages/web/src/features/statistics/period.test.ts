import { describe, expect, it } from 'vitest'
import { encodePeriod, parsePeriod, periodAround, periodDays, periodParams, yearEarlier, type PeriodChoice } from './period.ts'

describe('the period in the address', () => {
  it('reads back every kind of period it writes', () => {
    const periods: PeriodChoice[] = [
      { kind: 'year', year: 2026 },
      { kind: 'operation', id: '019ae2b4-1f2a-7c3d-9e8f-0a1b2c3d4e5f' },
      { kind: 'half', year: 2026, half: 2 },
      { kind: 'quarter', year: 2025, quarter: 4 },
      { kind: 'month', year: 2026, month: 3 },
      { kind: 'days', from: '2026-01-15', to: '2026-02-14' },
    ]
    for (const p of periods) {
      expect(parsePeriod(encodePeriod(p))).toEqual(p)
    }
    expect(encodePeriod({ kind: 'month', year: 2026, month: 3 })).toBe('2026-03')
  })

  it('refuses what is not a period: a thirteenth month, days out of order, a day that does not exist', () => {
    expect(parsePeriod('2026-13')).toBeUndefined()
    expect(parsePeriod('2026-03-01..2026-02-01')).toBeUndefined()
    expect(parsePeriod('2026-02-30..2026-03-01')).toBeUndefined()
    expect(parsePeriod('op:../../x')).toBeUndefined()
    expect(parsePeriod(undefined)).toBeUndefined()
  })
})

describe('the days of a period', () => {
  it('gives each half, quarter and month its first and last day, February of a leap year too', () => {
    expect(periodDays({ kind: 'half', year: 2026, half: 2 })).toEqual({ from: '2026-07-01', to: '2026-12-31' })
    expect(periodDays({ kind: 'quarter', year: 2026, quarter: 1 })).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(periodDays({ kind: 'month', year: 2028, month: 2 })).toEqual({ from: '2028-02-01', to: '2028-02-29' })
  })

  it('asks the API for a year or an operation by name and for anything else by its days', () => {
    expect(periodParams({ kind: 'year', year: 2025 })).toBe('year=2025')
    expect(periodParams({ kind: 'operation', id: 'op-1' })).toBe('operation=op-1')
    expect(periodParams({ kind: 'quarter', year: 2026, quarter: 4 })).toBe('from=2026-10-01&to=2026-12-31')
  })

  it('starts a new kind of period at the one that holds today', () => {
    expect(periodAround('quarter', '2026-12-05')).toEqual({ kind: 'quarter', year: 2026, quarter: 4 })
    expect(periodAround('half', '2026-06-30')).toEqual({ kind: 'half', year: 2026, half: 1 })
    expect(periodAround('days', '2026-12-05')).toEqual({ kind: 'days', from: '2026-11-06', to: '2026-12-05' })
  })
})

describe('yearEarlier', () => {
  it('moves a day back a year, 29 February to the 28th', () => {
    expect(yearEarlier('2026-01-08')).toBe('2025-01-08')
    expect(yearEarlier('2028-02-29')).toBe('2027-02-28')
  })
})
