import { describe, expect, it } from 'vitest'
import { attackRevision, protect, publishedGrid, type CountTable } from './disclosure.ts'
import { protectRevision } from './revision.ts'

const TABLE: CountTable = {
  rows: ['north', 'south'],
  cols: ['female', 'male', 'other'],
  cells: [
    [40, 120, 3],
    [25, 60, 0],
  ],
}

function plus(table: CountTable, row: number, col: number, n: number): CountTable {
  return { ...table, cells: table.cells.map((line, i) => line.map((v, j) => (i === row && j === col ? v + n : v))) }
}

describe('a revision of a published table', () => {
  it('does not reveal one record added since the first publication', async () => {
    const first = await protect(TABLE, 5)
    for (const [row, col] of [[0, 0], [0, 2], [1, 2], [1, 1]] as const) {
      const next = plus(TABLE, row, col, 1)
      const result = await protectRevision(first, next, 5)
      if (result.ok) {
        // Published: then no cell's gain is pinned between 1 and k − 1.
        const { differences } = await attackRevision(publishedGrid(first), publishedGrid(result.table))
        expect(differences.every((d) => d.low < 1 || d.low >= 5)).toBe(true)
      } else {
        expect(result.exposed.length).toBeGreaterThan(0)
      }
    }
  })

  it('refuses a revision whose only change is one record in a published cell', async () => {
    const first = await protect(TABLE, 5)
    const result = await protectRevision(first, plus(TABLE, 0, 1, 1), 5)
    expect(result.ok).toBe(false)
  })

  it('publishes twelve records added to one cell, keeping the cells withheld before', async () => {
    const first = await protect(TABLE, 5)
    const result = await protectRevision(first, plus(TABLE, 0, 1, 12), 5)
    expect(result.ok).toBe(true)
    if (!result.ok) {
      return
    }
    expect(result.table.cells[0]?.[1]).toEqual({ value: 132 })
    expect(result.table.total).toEqual({ value: 260 })
    const before = publishedGrid(first).withheld
    const after = publishedGrid(result.table).withheld
    expect(before.every((line, i) => line.every((w, j) => !w || after[i]?.[j] === true))).toBe(true)
    const { onlyAdded, differences } = await attackRevision(publishedGrid(first), publishedGrid(result.table))
    expect(onlyAdded).toBe(true)
    expect(differences.find((d) => d.row === 0 && d.col === 1)).toMatchObject({ low: 12, high: 12 })
  })

  it('keeps a small correction hidden (records moved from one cell to another)', async () => {
    const first = await protect(TABLE, 5)
    // Two women moved to men in the south: the totals stay, the cells move by 2.
    const moved = plus(plus(TABLE, 1, 0, -2), 1, 1, 2)
    const result = await protectRevision(first, moved, 5)
    if (result.ok) {
      const { differences } = await attackRevision(publishedGrid(first), publishedGrid(result.table))
      expect(differences.every((d) => !((d.low >= 1 && d.low < 5) || (d.high <= -1 && d.high > -5)))).toBe(true)
    }
  })

  it('never pins one added record on random tables: the revision is refused or every gain stays wide', async () => {
    let seed = 7
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed % n
    }
    for (let round = 0; round < 12; round++) {
      const rows = 2 + next(3)
      const cols = 2 + next(3)
      const table: CountTable = { rows: Array.from({ length: rows }, (_, i) => `r${i}`), cols: Array.from({ length: cols }, (_, j) => `c${j}`), cells: Array.from({ length: rows }, () => Array.from({ length: cols }, () => (next(4) === 0 ? next(5) : 5 + next(40)))) }
      const first = await protect(table, 5)
      const added = plus(table, next(rows), next(cols), 1)
      const result = await protectRevision(first, added, 5)
      if (!result.ok) {
        continue
      }
      const { differences } = await attackRevision(publishedGrid(first), publishedGrid(result.table))
      expect(differences.every((d) => d.low < 1 || d.low >= 5), `seed round ${round}`).toBe(true)
    }
  })
})
