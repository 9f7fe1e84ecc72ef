import { addCells, cellKey, cellsOf, COUNTED_TYPES, timeZoneOfState, type RecordType, type StatCell } from '@faro/core'
import type { Kysely } from 'kysely'
import { bulkInsert, type BulkInsert } from '../db/bulk-insert.ts'
import { decodePath } from '../db/dialect.ts'
import type { Database } from '../db/schema.ts'
import type { Db, DialectName } from '../db/open.ts'
import { lockLog } from '../log/log.ts'
import { applyMargins, marginKey, marginsOf, storedMargins, unitPaths } from './margins.ts'
import { applyMonths, monthKey, monthsOf, storedMonths } from './months.ts'

/**
 * The statistics' summary table (`stat_cells`), kept in the same transaction as the records: the
 * action batch hands `applyCells` each changed record's new cells minus its old ones. `recount`
 * adds up every record's cells again from the records, `verify` compares the three tables with it,
 * and `rebuild` replaces them with the recount (`faro stats verify`, `faro stats rebuild`).
 */

const CELL_UPSERT: BulkInsert<'statCells'> = {
  table: 'statCells',
  columns: ['fact', 'day', 'unitId', 'sex', 'ageBand', 'nationality', 'kind', 'outcome', 'channel', 'body', 'timing', 'n'],
  tail: 'on conflict ("fact", "day", "unit_id", "sex", "age_band", "nationality", "kind", "outcome", "channel", "body", "timing") do update set "n" = "stat_cells"."n" + excluded."n"',
}

/**
 * Adds the changes (cells with signed counts, several per cell allowed) to the summary table, its
 * months and its margins. `paths` may give units' paths already at hand (encoded, by unit id); the
 * others are read.
 */
export async function applyCells(db: Kysely<Database>, dialect: DialectName, changes: readonly StatCell[], paths?: ReadonlyMap<string, string>): Promise<void> {
  // One row per cell per statement: PostgreSQL refuses to update a row twice in one upsert.
  const cells = [...addCells(new Map(), changes).values()]
  await bulkInsert(db, dialect, CELL_UPSERT, cells)
  await applyMonths(db, dialect, cells)
  await applyMargins(db, dialect, cells, paths)
}

/**
 * The states of the units named, to find a record's time zone: its unit's state, or the nearest
 * ancestor's (a module has none of its own; its state committee has).
 */
export async function unitStates(db: Kysely<Database>, unitIds?: readonly string[]): Promise<Map<string, string | null>> {
  if (unitIds !== undefined && unitIds.length === 0) {
    return new Map()
  }
  let q = db.selectFrom('orgUnits').select(['id', 'state'])
  if (unitIds !== undefined) {
    q = q.where('id', 'in', [...new Set(unitIds)])
  }
  return new Map((await q.execute()).map((u) => [u.id, u.state === '' ? null : u.state]))
}

/** The time zone of a record whose unit has this path (root first), from the states known. */
export function zoneOfPath(encodedPath: string, states: ReadonlyMap<string, string | null>): string {
  const state = decodePath(encodedPath)
    .reverse()
    .map((id) => states.get(id))
    .find((s) => s !== null && s !== undefined)
  return timeZoneOfState(state)
}

/** Every record's cells added up again, read from the records a page at a time. */
export async function recount(db: Kysely<Database>): Promise<Map<string, StatCell>> {
  const states = await unitStates(db)
  const sum = new Map<string, StatCell>()
  for (const recordType of COUNTED_TYPES) {
    let after = ''
    for (;;) {
      const page = await db.selectFrom('records').select(['recordId', 'orgUnitPath', 'state', 'createdAt']).where('recordType', '=', recordType).where('recordId', '>', after).orderBy('recordId').limit(2000).execute()
      for (const r of page) {
        addCells(sum, cellsOf(recordType as RecordType, JSON.parse(r.state) as Record<string, unknown>, { timeZone: zoneOfPath(r.orgUnitPath, states), createdAt: r.createdAt }))
      }
      if (page.length < 2000) {
        break
      }
      after = page.at(-1)?.recordId ?? after
    }
  }
  return sum
}

/** The summary table as stored, cells of 0 left out. */
export async function storedCells(db: Kysely<Database>): Promise<Map<string, StatCell>> {
  const rows = await db.selectFrom('statCells').selectAll().where('n', '!=', 0).execute()
  return new Map(rows.map((r) => {
    const c = { ...r, n: Number(r.n) } as StatCell
    return [cellKey(c), c]
  }))
}

/** A place where a summary table and a recount from the records disagree. */
export interface Difference {
  table: 'stat_cells' | 'stat_months' | 'stat_margins'
  /** The place in words: fact, day or month, unit, then the values of its dimensions. */
  place: string
  stored: number
  recounted: number
}

/**
 * Where the summary tables — the cells, their months and their margins — differ from a recount of
 * the records; none when they agree. The months and margins are checked against the recount's,
 * not against the stored cells, so a difference names the table that is wrong.
 */
export async function verify(db: Db): Promise<Difference[]> {
  const counted = await recount(db.db)
  const cells = [...counted.values()]
  const placeOfCell = (c: Omit<StatCell, 'n'>) => [c.fact, c.day, c.unitId, c.sex, c.ageBand, c.nationality, c.kind, c.outcome, c.channel, c.body, c.timing].filter(Boolean).join(' ')
  const out = [
    ...compare('stat_cells', await storedCells(db.db), counted, placeOfCell),
    ...compare('stat_months', await storedMonths(db.db), new Map(monthsOf(cells).map((m) => [monthKey(m), m])), (m) => placeOfCell({ ...m, day: m.month })),
    ...compare('stat_margins', await storedMargins(db.db), new Map(marginsOf(cells, await unitPaths(db.db)).map((m) => [marginKey(m), m])), (m) => [m.fact, m.period, m.unitId, m.dim === '' ? 'total' : `${m.dim}=${m.value}`].join(' ')),
  ]
  return out.sort((a, b) => a.table.localeCompare(b.table) || a.place.localeCompare(b.place))
}

function compare<T extends { n: number }>(table: Difference['table'], stored: ReadonlyMap<string, T>, counted: ReadonlyMap<string, T>, placeOf: (row: T) => string): Difference[] {
  const out: Difference[] = []
  for (const key of new Set([...stored.keys(), ...counted.keys()])) {
    const s = stored.get(key)
    const c = counted.get(key)
    if ((s?.n ?? 0) !== (c?.n ?? 0)) {
      out.push({ table, place: placeOf((s ?? c) as T), stored: s?.n ?? 0, recounted: c?.n ?? 0 })
    }
  }
  return out
}

/**
 * Replaces the summary table with a recount, in one transaction under the log's lock, so no
 * record changes between the count and the writing; returns the cells written.
 */
export async function rebuild(db: Db): Promise<number> {
  return db.db.transaction().execute(async (trx) => {
    await lockLog(trx, { db })
    const counted = await recount(trx)
    await trx.deleteFrom('statCells').execute()
    await trx.deleteFrom('statMonths').execute()
    await trx.deleteFrom('statMargins').execute()
    await applyCells(trx, db.dialect, [...counted.values()])
    return counted.size
  })
}
