import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { estimateJsonSize, halveBatchSize, splitBatches } from './batches.ts'

describe('splitBatches', () => {
  it('cuts by count, keeping the order', () => {
    expect(splitBatches([1, 2, 3, 4, 5], { maxCount: 2 })).toEqual([[1, 2], [3, 4], [5]])
  })

  it('never puts more than 100 items in a batch', () => {
    const batches = splitBatches(Array.from({ length: 250 }, (_, i) => i), { maxCount: 1000 })
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50])
  })

  it('cuts by estimated size, and gives an oversized item a batch of its own', () => {
    const items = ['a'.repeat(10), 'b'.repeat(500), 'c'.repeat(10), 'd'.repeat(10)]
    const batches = splitBatches(items, { maxBytes: 100 })
    expect(batches).toEqual([[items[0]], [items[1]], [items[2], items[3]]])
  })

  it('keeps every item exactly once, in order, within both limits', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 400 }), fc.integer({ min: 1, max: 150 }), fc.integer({ min: 1, max: 2000 }), (items, maxCount, maxBytes) => {
        const batches = splitBatches(items, { maxCount, maxBytes })
        expect(batches.flat()).toEqual(items)
        for (const b of batches) {
          expect(b.length).toBeGreaterThan(0)
          expect(b.length).toBeLessThanOrEqual(Math.min(maxCount, 100))
          const size = b.reduce((s, i) => s + estimateJsonSize(i), 0)
          expect(b.length === 1 || size <= maxBytes).toBe(true)
        }
      }),
    )
  })
})

describe('halveBatchSize', () => {
  it('halves down to one', () => {
    expect([100, 50, 3, 1].map(halveBatchSize)).toEqual([50, 25, 1, 1])
  })
})
