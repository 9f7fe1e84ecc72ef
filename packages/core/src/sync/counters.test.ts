import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gapsBetween, missingRanges } from './counters.ts'

function expand(ranges: { from: number; to: number }[]): number[] {
  return ranges.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i))
}

describe('missingRanges', () => {
  it('lists the gaps between 1 and the highest counter', () => {
    expect(missingRanges([1, 2, 5, 9, 7])).toEqual([{ from: 3, to: 4 }, { from: 6, to: 6 }, { from: 8, to: 8 }])
  })

  it('reports nothing for a complete run or no counters', () => {
    expect(missingRanges([3, 1, 2, 2])).toEqual([])
    expect(missingRanges([])).toEqual([])
  })

  it('together with the counters seen, covers 1..max exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 200 }), (counters) => {
        const missing = expand(missingRanges(counters))
        const seen = new Set(counters)
        const max = Math.max(0, ...counters)
        expect(missing.every((c) => !seen.has(c))).toBe(true)
        expect(new Set([...missing, ...seen]).size).toBe(max)
        expect(missing.length + seen.size).toBe(max)
      }),
    )
  })
})

describe('gapsBetween', () => {
  it('agrees with missingRanges on the same counters', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 100 }), fc.integer({ min: 0, max: 250 }), (counters, extra) => {
        const present = counters.map((c) => ({ from: c, to: c }))
        const max = Math.max(0, ...counters) + extra
        expect(expand(gapsBetween(present, max))).toEqual(expand(missingRanges([...counters, max + 1])).filter((c) => c <= max))
      }),
    )
  })
})
