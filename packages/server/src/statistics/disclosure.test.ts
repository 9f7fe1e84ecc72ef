import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { attack, protect, publishedGrid, SENSITIVE_K, type CountTable, type ProtectedTable } from './disclosure.ts'

/** Every number an outsider sees, with where it is, and each withheld cell's range as the attacker finds it. */
async function audit(table: CountTable, published: ProtectedTable) {
  const { grid, withheld } = publishedGrid(published)
  const truth = [...table.cells.map((line) => [...line, line.reduce((a, b) => a + b, 0)])]
  truth.push(Array.from({ length: table.cols.length + 1 }, (_, j) => truth.reduce((sum, line) => sum + (line[j] ?? 0), 0)))
  return { grid, withheld, truth, exposures: await attack(grid, withheld) }
}

function expectSafe(table: CountTable, published: ProtectedTable, k: number, exposures: Awaited<ReturnType<typeof audit>>['exposures'], grid: number[][], withheld: boolean[][], truth: number[][]) {
  for (const [i, line] of grid.entries()) {
    for (const [j, n] of line.entries()) {
      if (withheld[i]?.[j] !== true) {
        // What is published is true, and either 0 or at least k.
        expect(n).toBe(truth[i]?.[j])
        expect(n === 0 || n >= k, `cell ${i},${j} = ${n}`).toBe(true)
      }
    }
  }
  for (const e of exposures) {
    // The true value lies in the range, and the range is at least k wide.
    expect(e.low).toBeLessThanOrEqual(truth[e.row]?.[e.col] ?? -1)
    expect(e.high).toBeGreaterThanOrEqual(truth[e.row]?.[e.col] ?? Infinity)
    expect(e.high - e.low, `cell ${e.row},${e.col} in [${e.low}, ${e.high}] of ${JSON.stringify(table.cells)}`).toBeGreaterThanOrEqual(k)
  }
  expect(published.k).toBe(k)
}

describe('disclosure control of a published count table', () => {
  it('withholds a lone small cell and as many others as its row, its column and the totals need', async () => {
    // Rescues by group and sex: one woman rescued in Sásabe.
    const table: CountTable = { rows: ['Tijuana', 'Sásabe', 'Tenosique'], cols: ['hombres', 'mujeres'], cells: [[40, 22], [31, 1], [18, 9]] }
    const published = await protect(table)
    expect(published.cells[1]?.[1]).toEqual({ suppressed: true, primary: true })
    const { grid, withheld, truth, exposures } = await audit(table, published)
    expectSafe(table, published, 5, exposures, grid, withheld, truth)
    // The row alone cannot give it back: a second cell of Sásabe's row is withheld too, and of its column.
    expect(withheld[1]?.filter(Boolean).length).toBeGreaterThanOrEqual(2)
    expect(withheld.map((line) => line[1]).filter(Boolean).length).toBeGreaterThanOrEqual(2)
    // Big cells away from it stay published.
    expect(published.cells[0]?.[0]).toEqual({ value: 40 })
  })

  it('publishes a table with no small cell whole, true zeros as zeros', async () => {
    const table: CountTable = { rows: ['a', 'b'], cols: ['x', 'y', 'z'], cells: [[12, 0, 7], [5, 9, 0]] }
    const published = await protect(table)
    expect(published.cells).toEqual([[{ value: 12 }, { value: 0 }, { value: 7 }], [{ value: 5 }, { value: 9 }, { value: 0 }]])
    expect(published.total).toEqual({ value: 33 })
    expect(publishedGrid(published).withheld.flat().some(Boolean)).toBe(false)
  })

  it('keeps a sensitive table ten wide', async () => {
    const table: CountTable = { rows: ['Chiapas', 'Tabasco', 'Veracruz'], cols: ['niñas', 'niños'], cells: [[3, 14], [22, 6], [30, 41]] }
    const published = await protect(table, SENSITIVE_K)
    const { grid, withheld, truth, exposures } = await audit(table, published)
    expectSafe(table, published, SENSITIVE_K, exposures, grid, withheld, truth)
  })

  it('withholds a small total: a column of small cells cannot be added up', async () => {
    const table: CountTable = { rows: ['a', 'b', 'c'], cols: ['x', 'y'], cells: [[1, 30], [2, 40], [0, 25]] }
    const published = await protect(table)
    expect(published.colTotals[0]).toEqual({ suppressed: true, primary: true })
    const { grid, withheld, truth, exposures } = await audit(table, published)
    expectSafe(table, published, 5, exposures, grid, withheld, truth)
  })

  it('leaves no withheld cell an attacker can narrow below k, for any table', async () => {
    const tables = fc.integer({ min: 1, max: 5 }).chain((rows) =>
      fc.integer({ min: 1, max: 4 }).chain((cols) =>
        fc.record({
          k: fc.constantFrom(3, 5, 10),
          cells: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 60 })), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
        }),
      ),
    )
    await fc.assert(
      fc.asyncProperty(tables, async ({ k, cells }) => {
        const table: CountTable = { rows: cells.map((_, i) => `r${i}`), cols: (cells[0] ?? []).map((_, j) => `c${j}`), cells }
        const published = await protect(table, k)
        const { grid, withheld, truth, exposures } = await audit(table, published)
        expectSafe(table, published, k, exposures, grid, withheld, truth)
      }),
      { numRuns: 150 },
    )
  })

  it('refuses a k below 2 and a count that is not whole', async () => {
    await expect(protect({ rows: ['a'], cols: ['x'], cells: [[3]] }, 1)).rejects.toThrow(RangeError)
    await expect(protect({ rows: ['a'], cols: ['x'], cells: [[2.5]] })).rejects.toThrow(RangeError)
  })
})
