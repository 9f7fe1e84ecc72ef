import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, nextBackoffMs } from './backoff.ts'

describe('nextBackoffMs', () => {
  it('waits up to 2 s before the first retry', () => {
    expect(nextBackoffMs(0, 0)).toBe(0)
    expect(nextBackoffMs(0, 0.5)).toBe(1000)
    expect(nextBackoffMs(0, 0.9999)).toBeLessThan(BACKOFF_BASE_MS)
  })

  it('doubles the window with each attempt', () => {
    expect(nextBackoffMs(3, 0.5)).toBe(8000)
  })

  it('never waits longer than 5 minutes, however many attempts failed', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const ms = nextBackoffMs(attempt, r)
        return ms >= 0 && ms <= BACKOFF_CAP_MS && Number.isInteger(ms)
      }),
    )
  })

  it('grows with the attempt for the same random draw', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => nextBackoffMs(attempt + 1, r) >= nextBackoffMs(attempt, r)),
    )
  })
})
