import { createRequire } from 'node:module'

/**
 * Disclosure control for the tables Faro publishes or sends to partners: a count table with its
 * row totals, column totals and grand total, as a published table carries them.
 *
 * - Primary suppression: every cell (totals included) from 1 to k−1 is withheld. A true zero is
 *   published as 0, and written differently from a withheld cell. Every withheld cell must be
 *   written alike: marking which were small would tell the attacker they lie between 1 and k−1.
 * - Secondary suppression: no row or column (with its total) may hold exactly one withheld cell,
 *   which subtraction would give back; then an attacker (below) works out, for every withheld
 *   cell, the narrowest range the published cells and totals allow, and while any range is
 *   narrower than k, one more cell beside it is withheld, the smallest that helps.
 * - The attacker solves two linear programs per withheld cell (its least and greatest value
 *   under every row and column equation, all cells non-negative). A table of counts with its
 *   margins is a transportation problem, whose bounds are whole numbers, so the linear bounds
 *   are exactly what a person with the published table could infer.
 */

export interface CountTable {
  rows: readonly string[]
  cols: readonly string[]
  /** rows × cols whole counts, at least 0. */
  cells: readonly (readonly number[])[]
}

/** A published cell: its count, or withheld (`primary` when it was itself small). */
export type Shown = { value: number } | { suppressed: true; primary: boolean }

export interface ProtectedTable {
  rows: readonly string[]
  cols: readonly string[]
  k: number
  cells: Shown[][]
  rowTotals: Shown[]
  colTotals: Shown[]
  total: Shown
}

/** What the attacker can say of each withheld cell: [lowest, highest]; `Infinity` when unbounded. */
export interface Exposure {
  row: number
  col: number
  low: number
  high: number
}

/** k = 5 by default; 10 for protection-sensitive categories (trafficking, unaccompanied children, deaths). */
export const DEFAULT_K = 5
export const SENSITIVE_K = 10

/** The table with its totals: (rows + 1) × (cols + 1), the last row and column the totals. */
function withTotals(table: CountTable): number[][] {
  const r = table.rows.length
  const c = table.cols.length
  const grid = Array.from({ length: r + 1 }, () => new Array<number>(c + 1).fill(0))
  const add = (i: number, j: number, n: number) => {
    const line = grid[i]
    if (line !== undefined) {
      line[j] = (line[j] ?? 0) + n
    }
  }
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const n = table.cells[i]?.[j] ?? 0
      if (!Number.isInteger(n) || n < 0) {
        throw new RangeError(`cell ${i},${j} is not a whole count: ${n}`)
      }
      add(i, j, n)
      add(i, c, n)
      add(r, j, n)
      add(r, c, n)
    }
  }
  return grid
}

/** The lines of the table: each row with its total, each column with its total (as [i, j] cells). */
function linesOf(rows: number, cols: number): [number, number][][] {
  const lines: [number, number][][] = []
  for (let i = 0; i <= rows; i++) {
    lines.push(Array.from({ length: cols + 1 }, (_, j): [number, number] => [i, j]))
  }
  for (let j = 0; j <= cols; j++) {
    lines.push(Array.from({ length: rows + 1 }, (_, i): [number, number] => [i, j]))
  }
  return lines
}

type Highs = { solve(model: string): { Status: string; Columns: Record<string, { Primal: number }> } }
let highs: Promise<Highs> | undefined
function solver(): Promise<Highs> {
  // The HiGHS solver compiled to WebAssembly, shipped in its npm package: nothing is downloaded.
  highs ??= (createRequire(import.meta.url)('highs') as () => Promise<Highs>)()
  return highs
}

/**
 * The attacker: for each withheld cell, its least and greatest value given every published cell
 * and the row and column equations.
 */
export async function attack(grid: readonly (readonly number[])[], withheld: readonly (readonly boolean[])[]): Promise<Exposure[]> {
  const rows = grid.length - 1
  const cols = (grid[0]?.length ?? 1) - 1
  const name = (i: number, j: number) => `x_${i}_${j}`
  const unknown: [number, number][] = []
  for (let i = 0; i <= rows; i++) {
    for (let j = 0; j <= cols; j++) {
      if (withheld[i]?.[j] === true) {
        unknown.push([i, j])
      }
    }
  }
  if (unknown.length === 0) {
    return []
  }
  // Each row: its cells minus its total is 0; each column likewise. Known cells go to the right.
  const constraints: string[] = []
  const equation = (cells: [number, number][], totalAt: [number, number]) => {
    let constant = 0
    const terms: string[] = []
    for (const [i, j] of [...cells, totalAt]) {
      const sign = i === totalAt[0] && j === totalAt[1] ? -1 : 1
      if (withheld[i]?.[j] === true) {
        terms.push(`${sign < 0 ? '-' : '+'} ${name(i, j)}`)
      } else {
        constant -= sign * (grid[i]?.[j] ?? 0)
      }
    }
    if (terms.length > 0) {
      constraints.push(` c${constraints.length}: ${terms.join(' ')} = ${constant}`)
    }
  }
  for (let i = 0; i <= rows; i++) {
    equation(Array.from({ length: cols }, (_, j): [number, number] => [i, j]), [i, cols])
  }
  for (let j = 0; j <= cols; j++) {
    equation(Array.from({ length: rows }, (_, i): [number, number] => [i, j]), [rows, j])
  }
  const bounds = unknown.map(([i, j]) => ` ${name(i, j)} >= 0`).join('\n')
  const lp = await solver()
  const solve = (sense: 'Minimize' | 'Maximize', target: string): number => {
    const result = lp.solve(`${sense}\n obj: ${target}\nSubject To\n${constraints.join('\n')}\nBounds\n${bounds}\nEnd`)
    if (result.Status === 'Unbounded') {
      return sense === 'Maximize' ? Infinity : -Infinity
    }
    if (result.Status !== 'Optimal') {
      throw new Error(`the table's equations have no solution (${result.Status})`)
    }
    return Math.round(result.Columns[target]?.Primal ?? 0)
  }
  return unknown.map(([i, j]) => ({ row: i, col: j, low: solve('Minimize', name(i, j)), high: solve('Maximize', name(i, j)) }))
}

/** Withholds the small cells, then as many more as the attacker needs to be kept k wide. */
export async function protect(table: CountTable, k: number = DEFAULT_K): Promise<ProtectedTable> {
  return protectFrom(table, k, undefined)
}

/**
 * `protect()`, with some cells withheld from the start besides the small ones: a revision keeps
 * the cells its previous publication withheld (and any the differencing check adds). `keep` is
 * the mask with the totals, (rows + 1) × (cols + 1), as `publishedGrid` gives it.
 */
export async function protectKeeping(table: CountTable, k: number, keep: readonly (readonly boolean[])[]): Promise<ProtectedTable> {
  return protectFrom(table, k, keep)
}

/**
 * The differencing attacker: someone holding a table's earlier publication and its revision (the
 * same rows and columns, withheld cells unknown in each) works out, for every cell and total, the
 * least and greatest number of records it gained, `d = new − old`, under both tables' row and
 * column equations. They assume records were only added (d ≥ 0); when that cannot be (records
 * were corrected away), they drop the assumption. A least `d` from 1 to k − 1 tells them that
 * between 1 and k − 1 of the new records fall there.
 */
export async function attackRevision(
  before: { grid: readonly (readonly number[])[]; withheld: readonly (readonly boolean[])[] },
  after: { grid: readonly (readonly number[])[]; withheld: readonly (readonly boolean[])[] },
): Promise<{ onlyAdded: boolean; differences: Exposure[] }> {
  const rows = after.grid.length - 1
  const cols = (after.grid[0]?.length ?? 1) - 1
  const constraints = [...equationsOf('o', before.grid, before.withheld), ...equationsOf('n', after.grid, after.withheld)]
  // d = new − old, as its unknown part (a sum of variables) and its known part.
  const differenceOf = (i: number, j: number): { terms: [number, string][]; constant: number } => {
    const terms: [number, string][] = []
    let constant = 0
    if (after.withheld[i]?.[j] === true) {
      terms.push([1, `n_${i}_${j}`])
    } else {
      constant += after.grid[i]?.[j] ?? 0
    }
    if (before.withheld[i]?.[j] === true) {
      terms.push([-1, `o_${i}_${j}`])
    } else {
      constant -= before.grid[i]?.[j] ?? 0
    }
    return { terms, constant }
  }
  const cells: [number, number][] = []
  for (let i = 0; i <= rows; i++) {
    for (let j = 0; j <= cols; j++) {
      cells.push([i, j])
    }
  }
  const written = (terms: [number, string][]) => terms.map(([c, v]) => `${c < 0 ? '-' : '+'} ${v}`).join(' ')
  const added = cells.flatMap(([i, j], index) => {
    const { terms, constant } = differenceOf(i, j)
    return terms.length === 0 ? [] : [` d${index}: ${written(terms)} >= ${-constant}`]
  })
  const variables = [...variablesOf('o', before.withheld), ...variablesOf('n', after.withheld)]
  const bounds = variables.map((v) => ` ${v} >= 0`).join('\n')
  const lp = await solver()
  const run = (extra: readonly string[], sense: 'Minimize' | 'Maximize', terms: [number, string][]): number | 'infeasible' => {
    const result = lp.solve(`${sense}\n obj: ${written(terms)}\nSubject To\n${[...constraints, ...extra].join('\n')}\nBounds\n${bounds}\nEnd`)
    if (result.Status === 'Unbounded') {
      return sense === 'Maximize' ? Infinity : -Infinity
    }
    if (result.Status !== 'Optimal') {
      return 'infeasible'
    }
    return Math.round(terms.reduce((sum, [c, v]) => sum + c * (result.Columns[v]?.Primal ?? 0), 0))
  }
  const solveAll = (extra: readonly string[]): Exposure[] | undefined => {
    const out: Exposure[] = []
    for (const [i, j] of cells) {
      const { terms, constant } = differenceOf(i, j)
      if (terms.length === 0) {
        out.push({ row: i, col: j, low: constant, high: constant })
        continue
      }
      const low = run(extra, 'Minimize', terms)
      const high = run(extra, 'Maximize', terms)
      if (low === 'infeasible' || high === 'infeasible') {
        return undefined
      }
      out.push({ row: i, col: j, low: low + constant, high: high + constant })
    }
    return out
  }
  // A published cell that went down says records were corrected away: no additions-only attacker.
  const assuming = cells.every(([i, j]) => {
    const { terms, constant } = differenceOf(i, j)
    return terms.length > 0 || constant >= 0
  })
    ? solveAll(added)
    : undefined
  if (assuming !== undefined) {
    return { onlyAdded: true, differences: assuming }
  }
  const free = solveAll([])
  if (free === undefined) {
    throw new Error('the two publications\' equations have no solution')
  }
  return { onlyAdded: false, differences: free }
}

async function protectFrom(table: CountTable, k: number, keep: readonly (readonly boolean[])[] | undefined): Promise<ProtectedTable> {
  if (!Number.isInteger(k) || k < 2) {
    throw new RangeError(`k must be a whole number of at least 2: ${k}`)
  }
  const grid = withTotals(table)
  const rows = table.rows.length
  const cols = table.cols.length
  const primary = grid.map((line) => line.map((n) => n > 0 && n < k))
  const withheld = primary.map((line, i) => line.map((small, j) => small || keep?.[i]?.[j] === true))
  const lines = linesOf(rows, cols)
  const count = (line: [number, number][]) => line.filter(([i, j]) => withheld[i]?.[j] === true).length

  /** The best cell of a line to withhold next: not zero if it can be helped, beside other withheld cells, the smallest. */
  const pick = (line: [number, number][]): [number, number] | undefined => {
    const open = line.filter(([i, j]) => withheld[i]?.[j] !== true)
    const crossing = (i: number, j: number) => lines.filter((l) => l.some(([a, b]) => a === i && b === j) && l !== line).some((l) => count(l) > 0)
    return open
      .map(([i, j]) => ({ at: [i, j] as [number, number], n: grid[i]?.[j] ?? 0, crossing: crossing(i, j) }))
      .sort((a, b) => Number(a.n === 0) - Number(b.n === 0) || Number(b.crossing) - Number(a.crossing) || a.n - b.n || a.at[0] - b.at[0] || a.at[1] - b.at[1])[0]?.at
  }
  const hide = (at: [number, number] | undefined) => {
    const line = at === undefined ? undefined : withheld[at[0]]
    if (at !== undefined && line !== undefined) {
      line[at[1]] = true
    }
    return at !== undefined
  }

  for (;;) {
    // No line with a lone withheld cell.
    let changed = true
    while (changed) {
      changed = false
      for (const line of lines) {
        if (count(line) === 1 && hide(pick(line))) {
          changed = true
        }
      }
    }
    const weak = (await attack(grid, withheld)).filter((e) => e.high - e.low < k)
    if (weak.length === 0) {
      break
    }
    // One more cell beside the first weak one, in the line that has the fewest withheld; when its
    // lines are all withheld, the best cell elsewhere (a total, most often). With every cell
    // withheld nothing is known, so this ends.
    const { row, col } = weak[0] ?? { row: -1, col: -1 }
    const mine = lines.filter((l) => l.some(([i, j]) => i === row && j === col)).sort((a, b) => count(a) - count(b))
    if (!mine.some((line) => hide(pick(line))) && !hide(pick(lines.flat()))) {
      throw new Error('every cell of the table is withheld and a cell is still exposed')
    }
  }

  const shown = (i: number, j: number): Shown => (withheld[i]?.[j] === true ? { suppressed: true, primary: primary[i]?.[j] === true } : { value: grid[i]?.[j] ?? 0 })
  return {
    rows: table.rows,
    cols: table.cols,
    k,
    cells: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => shown(i, j))),
    rowTotals: Array.from({ length: rows }, (_, i) => shown(i, cols)),
    colTotals: Array.from({ length: cols }, (_, j) => shown(rows, j)),
    total: shown(rows, cols),
  }
}

/**
 * What an outsider gets from a published table: each cell's value or nothing, as the grid with
 * its totals and the mask of withheld cells, for the attacker.
 */
export function publishedGrid(table: ProtectedTable): { grid: number[][]; withheld: boolean[][] } {
  const all = [...table.cells.map((line, i) => [...line, table.rowTotals[i] ?? table.total]), [...table.colTotals, table.total]]
  return { grid: all.map((line) => line.map((s) => ('value' in s ? s.value : 0))), withheld: all.map((line) => line.map((s) => !('value' in s))) }
}

/** The row and column equations of a published grid, its withheld cells named `<prefix>_i_j`. */
function equationsOf(prefix: string, grid: readonly (readonly number[])[], withheld: readonly (readonly boolean[])[]): string[] {
  const rows = grid.length - 1
  const cols = (grid[0]?.length ?? 1) - 1
  const out: string[] = []
  const equation = (cells: [number, number][], totalAt: [number, number]) => {
    let constant = 0
    const terms: string[] = []
    for (const [i, j] of [...cells, totalAt]) {
      const sign = i === totalAt[0] && j === totalAt[1] ? -1 : 1
      if (withheld[i]?.[j] === true) {
        terms.push(`${sign < 0 ? '-' : '+'} ${prefix}_${i}_${j}`)
      } else {
        constant -= sign * (grid[i]?.[j] ?? 0)
      }
    }
    if (terms.length > 0) {
      out.push(` ${prefix}${out.length}: ${terms.join(' ')} = ${constant}`)
    }
  }
  for (let i = 0; i <= rows; i++) {
    equation(Array.from({ length: cols }, (_, j): [number, number] => [i, j]), [i, cols])
  }
  for (let j = 0; j <= cols; j++) {
    equation(Array.from({ length: rows }, (_, i): [number, number] => [i, j]), [rows, j])
  }
  return out
}

function variablesOf(prefix: string, withheld: readonly (readonly boolean[])[]): string[] {
  return withheld.flatMap((line, i) => line.flatMap((w, j) => (w ? [`${prefix}_${i}_${j}`] : [])))
}
