import { attackRevision, publishedGrid, protectKeeping, type CountTable, type Exposure, type ProtectedTable } from './disclosure.ts'

/**
 * A revision of a published table, protected against differencing: publishing the table again
 * after one more record must not reveal that record to someone holding both publications.
 *
 * The new table keeps every cell the previous publication withheld (rows and columns that are new
 * count as published zeros before), is protected as any table, and then the differencing
 * attacker (`attackRevision`) works out how many records each cell and total gained. Where the
 * least gain lies from 1 to k − 1 (they would know that a few of the new records fall there), that
 * cell is withheld in the new table too and the table protected again. When the grand total is
 * exposed, or nothing more can be withheld, the revision is refused: the change is too small to
 * publish yet, and will be once more records come in.
 */

export type RevisionResult = { ok: true; table: ProtectedTable } | { ok: false; exposed: Exposure[] }

/** At most this many rounds of withholding more before giving up (each round withholds at least one more cell). */
const ROUNDS = 25

export async function protectRevision(before: ProtectedTable, counts: CountTable, k: number): Promise<RevisionResult> {
  const rows = union(counts.rows, before.rows)
  const cols = union(counts.cols, before.cols)
  const aligned: CountTable = { rows, cols, cells: rows.map((r) => cols.map((c) => counts.cells[counts.rows.indexOf(r)]?.[counts.cols.indexOf(c)] ?? 0)) }
  const old = alignedGrid(before, rows, cols)
  const keep = old.withheld.map((line) => [...line])
  let exposed: Exposure[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const table = await protectKeeping(aligned, k, keep)
    const now = publishedGrid(table)
    const { differences } = await attackRevision(old, now)
    exposed = differences.filter((d) => (d.low >= 1 && d.low < k) || (d.high <= -1 && d.high > -k))
    if (exposed.length === 0) {
      return { ok: true, table }
    }
    const grandTotal = exposed.some((d) => d.row === rows.length && d.col === cols.length)
    const open = exposed.filter((d) => now.withheld[d.row]?.[d.col] !== true)
    if (grandTotal || open.length === 0) {
      return { ok: false, exposed }
    }
    for (const d of open) {
      const line = keep[d.row]
      if (line !== undefined) {
        line[d.col] = true
      }
    }
  }
  return { ok: false, exposed }
}

/** True when two publications' figures are the same table: same labels, same cells. */
export function sameCounts(a: CountTable, b: CountTable): boolean {
  return JSON.stringify([a.rows, a.cols, a.cells]) === JSON.stringify([b.rows, b.cols, b.cells])
}

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...first, ...second.filter((v) => !first.includes(v))]
}

/** A publication's grid on other labels: a row or column it did not have was published as zeros. */
function alignedGrid(table: ProtectedTable, rows: readonly string[], cols: readonly string[]): { grid: number[][]; withheld: boolean[][] } {
  const { grid, withheld } = publishedGrid(table)
  const at = (labels: readonly string[], own: readonly string[], index: number) => (index === labels.length ? own.length : own.indexOf(labels[index] ?? ''))
  const out = { grid: [] as number[][], withheld: [] as boolean[][] }
  for (let i = 0; i <= rows.length; i++) {
    const oi = at(rows, table.rows, i)
    const g: number[] = []
    const w: boolean[] = []
    for (let j = 0; j <= cols.length; j++) {
      const oj = at(cols, table.cols, j)
      g.push(oi < 0 || oj < 0 ? 0 : (grid[oi]?.[oj] ?? 0))
      w.push(oi < 0 || oj < 0 ? false : withheld[oi]?.[oj] === true)
    }
    out.grid.push(g)
    out.withheld.push(w)
  }
  return out
}
