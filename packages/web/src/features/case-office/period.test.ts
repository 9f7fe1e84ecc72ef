import { describe, expect, it } from 'vitest'
import { dayEnd, dayStart, localDay, operationWindow, periodRange, periodQuery } from './period.ts'

describe('operationWindow', () => {
  it('finds the winter operation in December, running into January', () => {
    expect(operationWindow('2026-12-05')).toEqual({ operation: 'winter', from: '2026-11-01', to: '2027-01-08' })
  })

  it('finds the winter operation that began the year before in early January', () => {
    expect(operationWindow('2027-01-03')).toEqual({ operation: 'winter', from: '2026-11-01', to: '2027-01-08' })
  })

  it('counts Easter from Easter Sunday: 5 April 2026', () => {
    expect(operationWindow('2026-04-01')).toEqual({ operation: 'easter', from: '2026-03-22', to: '2026-04-13' })
  })

  it('gives the last operation when the day falls between two', () => {
    expect(operationWindow('2026-10-10')).toEqual({ operation: 'summer', from: '2026-06-20', to: '2026-08-25' })
    expect(operationWindow('2027-02-01')).toEqual({ operation: 'winter', from: '2026-11-01', to: '2027-01-08' })
  })
})

describe('periodRange', () => {
  // 5 December 2026, 01:00 in Mexico City is 07:00 UTC.
  const now = new Date('2026-12-05T07:00:00Z')

  it('reads days in Mexico City time', () => {
    expect(localDay(new Date('2026-12-05T05:59:00Z'))).toBe('2026-12-04')
    expect(dayStart('2026-12-05')).toBe('2026-12-05T06:00:00.000Z')
    expect(dayEnd('2026-12-05')).toBe('2026-12-06T05:59:59.999Z')
  })

  it('covers this operation up to the end of today', () => {
    expect(periodRange('operation', now)).toEqual({ from: '2026-11-01T06:00:00.000Z', to: '2026-12-06T05:59:59.999Z' })
  })

  it('ends an operation that is over on its last day', () => {
    expect(periodRange('operation', new Date('2026-10-10T18:00:00Z'))?.to).toBe(dayEnd('2026-08-25'))
  })

  it('covers the last 30 days, today included', () => {
    expect(periodRange('last30', now)).toEqual({ from: dayStart('2026-11-06'), to: dayEnd('2026-12-05') })
  })

  it('covers this year from 1 January', () => {
    expect(periodRange('year', now)?.from).toBe(dayStart('2026-01-01'))
  })

  it('takes two days in order and refuses a missing or reversed pair', () => {
    expect(periodRange('custom', now, { from: '2026-11-10', to: '2026-11-20' })).toEqual({ from: dayStart('2026-11-10'), to: dayEnd('2026-11-20') })
    expect(periodRange('custom', now, { from: '2026-11-20', to: '2026-11-10' })).toBeUndefined()
    expect(periodRange('custom', now, { from: '', to: '2026-11-10' })).toBeUndefined()
    expect(periodRange('custom', now)).toBeUndefined()
  })

  it('writes a period as a query string', () => {
    expect(periodQuery({ from: '2026-11-01T06:00:00.000Z', to: '2026-12-06T05:59:59.999Z' })).toBe('from=2026-11-01T06%3A00%3A00.000Z&to=2026-12-06T05%3A59%3A59.999Z')
  })
})
