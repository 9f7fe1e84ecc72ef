import type { StatCell } from '@faro/core'
import type { Kysely } from 'kysely'
import { bulkInsert, type BulkInsert } from '../db/bulk-insert.ts'
import { decodePath, encodePath } from '../db/dialect.ts'
import type { Database } from '../db/schema.ts'
import type { DialectName } from '../db/open.ts'

/**
 * The summary's one-way margins (`stat_margins`): each fact's count by unit and day, by unit and
 * month and by unit and year, in total (`dim` '') and by each one dimension alone (`dim` sex,
 * ageBand, nationality, kind…, `value` its value). A cell crosses every dimension, so a national
 * year of people attended is about a million cells at ten million records; the same year as
 * margins is a few hundred rows per unit. Whatever needs no crossing — the field summary's
 * figures, a table by one dimension — reads them here. Kept by `applyCells` in the same statement
 * batch as the cells, so they are never ahead of or behind the cells.
 *
 * The people's margins by day are also kept for every unit's subtree: under `unit_id` the unit's
 * path (`/inm/beta/`, never an id, which has no slash), counting every unit strictly below it. A
 * home's week for the whole country is then a few hundred rows instead of five thousand: its own
 * unit's and its subtree's. An org unit never moves, so the path a margin was written under stays
 * the unit's.
 */

export type MarginGrain = 'day' | 'month' | 'year'

/** The dimensions a margin may be taken by, besides the total. */
export const MARGIN_DIMS = ['sex', 'ageBand', 'nationality', 'kind', 'outcome', 'channel', 'body', 'timing'] as const
export type MarginDim = (typeof MARGIN_DIMS)[number]

/**
 * The margins kept, as facts × dimensions ('' the total): what the homes read — people attended
 * and rescued in total and by sex, age band and nationality; records and priority records by
 * type, and people by vulnerability. Every margin is one more row written with every record a
 * sync push carries, so only these are kept (the push benchmark allows the summary 10%); any
 * other question reads the cells.
 */
export const MARGINS: readonly { facts: readonly string[]; dims: readonly (MarginDim | '')[] }[] = [
  { facts: ['attended', 'rescued'], dims: ['', 'sex', 'ageBand', 'nationality'] },
  { facts: ['records', 'priority_records', 'attended_vulnerable', 'rescued_vulnerable'], dims: ['kind'] },
]
const KEPT: ReadonlyMap<string, readonly (MarginDim | '')[]> = new Map(MARGINS.flatMap((m) => m.facts.map((f) => [f, m.dims] as const)))

/**
 * The margins also kept by day for each unit's subtree: the people's breakdowns a home sums over
 * a coordinator's or the country's units (field/summary.ts). Each is one more row per ancestor
 * with every push, so no more than those.
 */
export const SUBTREE_MARGINS: readonly { facts: readonly string[]; dims: readonly MarginDim[] }[] = [
  { facts: ['attended', 'rescued'], dims: ['sex', 'ageBand', 'nationality'] },
  { facts: ['attended_vulnerable', 'rescued_vulnerable'], dims: ['kind'] },
]
const IN_SUBTREES = new Set(SUBTREE_MARGINS.flatMap((m) => m.facts.flatMap((f) => m.dims.map((d) => `${f}\u0000${d}`))))

/** The margins kept of a fact: '' for its total, else the one dimension; none for most facts. */
export function keptMargins(fact: string): readonly (MarginDim | '')[] {
  return KEPT.get(fact) ?? []
}

export interface Margin {
  grain: MarginGrain
  /** The day (YYYY-MM-DD), the month (YYYY-MM) or the year (YYYY). */
  period: string
  fact: string
  unitId: string
  /** '' for the total. */
  dim: MarginDim | ''
  value: string
  n: number
}

const MARGIN_UPSERT: BulkInsert<'statMargins'> = {
  table: 'statMargins',
  columns: ['grain', 'fact', 'dim', 'period', 'unitId', 'value', 'n'],
  tail: 'on conflict ("grain", "fact", "dim", "period", "unit_id", "value") do update set "n" = "stat_margins"."n" + excluded."n"',
}

function addMargin(into: Map<string, Margin>, m: Margin): void {
  const key = marginKey(m)
  const sum = into.get(key)
  if (sum === undefined) {
    into.set(key, m)
  } else {
    sum.n += m.n
  }
}

/**
 * The margins of cells (signed changes allowed), one per margin, those that come to 0 left out.
 * The days' margins are added up from the cells; the months', the years' and the subtrees' from
 * the days' (a push's cells are mostly of one unit and day, so its few dozen days' margins, not
 * its hundreds of cells, are gone over again for each). `paths` gives each unit's path (encoded,
 * root first); a unit it does not know has no subtree margins.
 */
export function marginsOf(cells: readonly StatCell[], paths: ReadonlyMap<string, string>): Margin[] {
  const days = new Map<string, Margin>()
  const add = (c: StatCell, dim: MarginDim | '', value: string) => addMargin(days, { grain: 'day', period: c.day, fact: c.fact, unitId: c.unitId, dim, value, n: c.n })
  for (const c of cells) {
    const dims = KEPT.get(c.fact)
    if (dims === undefined) {
      continue
    }
    for (const dim of dims) {
      if (dim === '') {
        add(c, '', '')
      } else if (c[dim] !== '') {
        // A dimension a fact does not have is '' in its cells: no margin by it.
        add(c, dim, c[dim])
      }
    }
  }
  const coarser = new Map<string, Margin>()
  for (const d of days.values()) {
    addMargin(coarser, { ...d, grain: 'month', period: d.period.slice(0, 7) })
    addMargin(coarser, { ...d, grain: 'year', period: d.period.slice(0, 4) })
    if (IN_SUBTREES.has(`${d.fact}\u0000${d.dim}`)) {
      for (const ancestor of ancestorPaths(paths.get(d.unitId))) {
        addMargin(coarser, { ...d, unitId: ancestor })
      }
    }
  }
  return [...days.values(), ...coarser.values()].filter((m) => m.n !== 0)
}

/** The paths of a unit's ancestors, from its own path: `/a/b/c/` → `/a/`, `/a/b/`. */
function ancestorPaths(path: string | undefined): string[] {
  const ids = path === undefined ? [] : decodePath(path)
  return ids.slice(0, -1).map((_, i) => encodePath(ids.slice(0, i + 1)))
}

/** The paths (encoded) of the units named, or of every unit. */
export async function unitPaths(db: Kysely<Database>, unitIds?: readonly string[]): Promise<Map<string, string>> {
  if (unitIds !== undefined && unitIds.length === 0) {
    return new Map()
  }
  let q = db.selectFrom('orgUnits').select(['id', 'path'])
  if (unitIds !== undefined) {
    q = q.where('id', 'in', [...new Set(unitIds)])
  }
  return new Map((await q.execute()).map((u) => [u.id, u.path]))
}

/** Adds cells' changes to the margins; the paths of units `known` does not give are read. */
export async function applyMargins(db: Kysely<Database>, dialect: DialectName, changes: readonly StatCell[], known: ReadonlyMap<string, string> = new Map()): Promise<void> {
  const missing = new Set<string>()
  for (const c of changes) {
    if (!known.has(c.unitId)) {
      missing.add(c.unitId)
    }
  }
  const paths = missing.size === 0 ? known : new Map([...known, ...(await unitPaths(db, [...missing]))])
  await bulkInsert(db, dialect, MARGIN_UPSERT, marginsOf(changes, paths))
}

/** The margins as stored, those of 0 left out, each named by its key. */
export async function storedMargins(db: Kysely<Database>): Promise<Map<string, Margin>> {
  const rows = await db.selectFrom('statMargins').selectAll().where('n', '!=', 0).execute()
  return new Map(rows.map((r) => {
    const m: Margin = { grain: r.grain as MarginGrain, period: r.period, fact: r.fact, unitId: r.unitId, dim: r.dim as Margin['dim'], value: r.value, n: Number(r.n) }
    return [marginKey(m), m]
  }))
}

/** The name of a margin's place in the table. */
export function marginKey(m: Omit<Margin, 'n'>): string {
  return `${m.grain}\u0000${m.period}\u0000${m.fact}\u0000${m.unitId}\u0000${m.dim}\u0000${m.value}`
}
