import { addCells, type StatCell } from '@faro/core'
import type { Kysely } from 'kysely'
import { bulkInsert, type BulkInsert } from '../db/bulk-insert.ts'
import type { Database } from '../db/schema.ts'
import type { DialectName } from '../db/open.ts'

/**
 * The summary's cells by month (`stat_months`): every dimension of a cell, its day cut to the
 * month. A national year of people attended by state, sex and age band is some 800,000 day cells
 * at ten million records and about 70,000 month cells, so a question over whole months (a year,
 * a quarter) reads these. Kept by `applyCells` in the same transaction as the cells.
 */

const MONTH_UPSERT: BulkInsert<'statMonths'> = {
  table: 'statMonths',
  columns: ['fact', 'month', 'unitId', 'sex', 'ageBand', 'nationality', 'kind', 'outcome', 'channel', 'body', 'timing', 'n'],
  tail: 'on conflict ("fact", "month", "unit_id", "sex", "age_band", "nationality", "kind", "outcome", "channel", "body", "timing") do update set "n" = "stat_months"."n" + excluded."n"',
}

/** The cells' changes by month, one per month cell, those that come to 0 left out. */
export function monthsOf(cells: readonly StatCell[]): (Omit<StatCell, 'day'> & { month: string })[] {
  return [...addCells(new Map(), cells.map((c) => ({ ...c, day: c.day.slice(0, 7) }))).values()].map(({ day, ...c }) => ({ ...c, month: day }))
}

/** Adds cells' changes to the month cells. */
export async function applyMonths(db: Kysely<Database>, dialect: DialectName, changes: readonly StatCell[]): Promise<void> {
  await bulkInsert(db, dialect, MONTH_UPSERT, monthsOf(changes))
}
