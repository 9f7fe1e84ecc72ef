import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addBusinessDays, businessDaysBetween } from './deadlines.ts'

describe('addBusinessDays', () => {
  it('skips the weekend', () => {
    expect(addBusinessDays(new Date('2026-11-20T15:00:00Z'), 1).toISOString()).toBe('2026-11-23T23:59:59.999Z')
  })

  it('gives 20 business days as four weeks without holidays', () => {
    expect(addBusinessDays(new Date('2026-11-23T09:00:00Z'), 20).toISOString().slice(0, 10)).toBe('2026-12-21')
  })

  it('skips listed holidays', () => {
    expect(addBusinessDays(new Date('2026-11-13T09:00:00Z'), 1, ['2026-11-16']).toISOString().slice(0, 10)).toBe('2026-11-17')
  })

  it('never lands on a weekend and counts back to the same number of days', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 40 }), (from, n) => {
        const due = addBusinessDays(from, n)
        expect([0, 6]).not.toContain(due.getUTCDay())
        expect(businessDaysBetween(from, due)).toBe(n)
      }),
    )
  })
})
