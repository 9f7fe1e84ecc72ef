import type { CounterRange } from './schemas.ts'

/**
 * The counters missing between 1 and the highest one seen, as closed ranges: what a device has
 * made but the server never received (still in its outbox, or lost). Duplicates and any order
 * are fine; counters below 1 are ignored.
 * @example missingRanges([1, 2, 5, 9, 7]) // [{ from: 3, to: 4 }, { from: 6, to: 6 }, { from: 8, to: 8 }]
 */
export function missingRanges(counters: Iterable<number>): CounterRange[] {
  const sorted = [...new Set(counters)].filter((c) => Number.isInteger(c) && c >= 1).sort((a, b) => a - b)
  const ranges: CounterRange[] = []
  let expected = 1
  for (const c of sorted) {
    if (c > expected) {
      ranges.push({ from: expected, to: c - 1 })
    }
    expected = c + 1
  }
  return ranges
}

/**
 * Merges ranges of counters already known to be present (e.g. `[{from: 1, to: 40}]` from the
 * database's run-length query) into the missing ranges up to `max`.
 * @example gapsBetween([{ from: 1, to: 3 }, { from: 6, to: 9 }], 12) // [{ from: 4, to: 5 }, { from: 10, to: 12 }]
 */
export function gapsBetween(present: readonly CounterRange[], max: number): CounterRange[] {
  const sorted = [...present].sort((a, b) => a.from - b.from)
  const gaps: CounterRange[] = []
  let expected = 1
  for (const r of sorted) {
    if (r.from > expected) {
      gaps.push({ from: expected, to: r.from - 1 })
    }
    expected = Math.max(expected, r.to + 1)
  }
  if (max >= expected) {
    gaps.push({ from: expected, to: max })
  }
  return gaps
}
