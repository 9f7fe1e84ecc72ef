import { cellKey, type StatCell } from '@faro/core'
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

export type MonthCell = Omit<StatCell, 'day'> & { month: string }

/** The cells' changes by month, one per month cell, those that come to 0 left out. */
export function monthsOf(cells: readonly StatCell[]): MonthCell[] {
  const out = new Map<string, MonthCell>()
  for (const c of cells) {
    const month = c.day.slice(0, 7)
    const key = cellKey({ ...c, day: month })
    const sum = out.get(key)
    if (sum === undefined) {
      const { day: _day, ...rest } = c
      out.set(key, { ...rest, month })
    } else {
      sum.n += c.n
    }
  }
  return [...out.values()].filter((m) => m.n !== 0)
}

/** Adds cells' changes to the month cells. */
export async function applyMonths(db: Kysely<Database>, dialect: DialectName, changes: readonly StatCell[]): Promise<void> {
  await bulkInsert(db, dialect, MONTH_UPSERT, monthsOf(changes))
}

/** The month cells as stored, those of 0 left out, each named by its key. */
export async function storedMonths(db: Kysely<Database>): Promise<Map<string, MonthCell>> {
  const rows = await db.selectFrom('statMonths').selectAll().where('n', '!=', 0).execute()
  return new Map(rows.map((r) => {
    const m = { ...r, n: Number(r.n) } as MonthCell
    return [monthKey(m), m]
  }))
}

/** The name of a month cell's place in the table. */
export function monthKey(m: Omit<MonthCell, 'n'>): string {
  return cellKey({ ...m, day: m.month })
}
