import { FACTS, type Fact } from '@faro/core'
import { sql, type Kysely } from 'kysely'
import { listOrgUnits } from '../accounts/org-units-repo.ts'
import { keptMargins, type MarginDim } from './margins.ts'
import type { Database } from '../db/schema.ts'

/**
 * The statistics' one question: a fact's counts under a unit over a run of days, broken down by up
 * to three dimensions, read from the summary table alone (never from the records). The staff
 * pages, the exports and the open data all ask it here.
 *
 * Dimensions come in three families. The cell's own (sex, age band, nationality, kind, outcome)
 * are grouped by the database. The unit's (border, state, unit) and the calendar's (year, half,
 * quarter, month, week, day, operation) are grouped by the database at the finest grain they
 * need — the unit, the month or the day — and folded here, so a border or an ISO week needs no
 * column of its own and a unit moved to another state counts there from the next question on.
 */

export const BY = ['border', 'state', 'unit', 'operation', 'year', 'half', 'quarter', 'month', 'week', 'day', 'sex', 'ageBand', 'nationality', 'kind', 'outcome', 'channel', 'body', 'timing'] as const
export type By = (typeof BY)[number]
export { FACTS }

export interface TableQuestion {
  fact: Fact
  /** First and last day, both included (YYYY-MM-DD). */
  from: string
  to: string
  /** The unit whose subtree is counted. */
  unitId: string
  by: readonly By[]
  /** Within the subtree, only the units of this border and of this state (a module's are its committee's). */
  where?: Place
}

/** A border and a state drilled into: not units, so a filter on the units of a subtree. */
export interface Place {
  border?: string
  state?: string
}

export type Row = Record<string, string | number>

export interface UnitLabel {
  name: string
  kind: string
  state: string | null
  border: string | null
}

export interface TableAnswer {
  fact: Fact
  from: string
  to: string
  unit: string
  /** The border and state the question was kept to, if any. */
  where?: Place
  by: By[]
  /** Largest first; each row names its value of every `by` and its count `n`. */
  rows: Row[]
  total: number
  /** The units a row names (as `unit`), so a reader needs no second question for their names. */
  units: Record<string, UnitLabel>
}

/** A Paisano operation (or a special one) as a period: its days, both included. */
export interface OperationPeriod {
  id: string
  kind: string
  name: string
  startsOn: string
  endsOn: string
}

const CELL_COLUMN: Partial<Record<By, string>> = { sex: 'sex', ageBand: 'age_band', nationality: 'nationality', kind: 'kind', outcome: 'outcome', channel: 'channel', body: 'body', timing: 'timing' }
const UNIT_DIMS: ReadonlySet<By> = new Set(['border', 'state', 'unit'])
const DAY_DIMS: ReadonlySet<By> = new Set(['week', 'day', 'operation'])
const MONTH_DIMS: ReadonlySet<By> = new Set(['month', 'quarter', 'half'])

/** The operations of the log, oldest first: the periods `operation` names. */
export async function listOperations(db: Kysely<Database>): Promise<OperationPeriod[]> {
  const rows = await db.selectFrom('records').select(['recordId', 'state']).where('recordType', '=', 'operation').execute()
  return rows
    .map((r) => {
      const s = JSON.parse(r.state) as Partial<OperationPeriod>
      return { id: r.recordId, kind: String(s.kind ?? ''), name: String(s.name ?? ''), startsOn: String(s.startsOn ?? ''), endsOn: String(s.endsOn ?? '') }
    })
    .filter((o) => o.startsOn !== '' && o.endsOn !== '')
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id))
}

/** The ISO 8601 week of a day: `2026-W48`. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  const weekday = (d.getUTCDay() + 6) % 7
  // The week belongs to the year of its Thursday.
  d.setUTCDate(d.getUTCDate() - weekday + 3)
  const year = d.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(year, 0, 4))
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3)
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000))
  return `${year}-W${String(week).padStart(2, '0')}`
}

function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`
}

function halfOf(month: string): string {
  return `${month.slice(0, 4)}-H${Number(month.slice(5, 7)) <= 6 ? 1 : 2}`
}

/** The seasonal operation whose days hold `day` (special ones overlap them and are left out). */
function operationOf(day: string, operations: readonly OperationPeriod[]): string {
  return operations.find((o) => o.kind !== 'special' && o.startsOn <= day && day <= o.endsOn)?.id ?? ''
}

interface UnitInfo extends UnitLabel {
  path: readonly string[]
  /** Nearest border and state up the tree: a module's are its committee's. */
  inheritedBorder: string
  inheritedState: string
}

/**
 * The units of a subtree in a border and a state (either may be left out); undefined when the
 * place names neither, so the whole subtree counts.
 */
export async function unitsOfPlace(db: Kysely<Database>, unitId: string, where: Place | undefined): Promise<string[] | undefined> {
  return placeNamed(where) ? unitsIn(await unitInfo(db), unitId, where) : undefined
}

function placeNamed(where: Place | undefined): where is Place {
  return where?.border !== undefined || where?.state !== undefined
}

function unitsIn(info: ReadonlyMap<string, UnitInfo>, unitId: string, where: Place): string[] {
  const out: string[] = []
  for (const [id, u] of info) {
    if (u.path.includes(unitId) && (where.border === undefined || u.inheritedBorder === where.border) && (where.state === undefined || u.inheritedState === where.state)) {
      out.push(id)
    }
  }
  return out
}

/** A place's border and state alone, those named. */
function placeOf(where: Place | undefined): Place {
  return { ...(where?.border === undefined ? {} : { border: where.border }), ...(where?.state === undefined ? {} : { state: where.state }) }
}

async function unitInfo(db: Kysely<Database>): Promise<Map<string, UnitInfo>> {
  const units = await listOrgUnits(db)
  const byId = new Map(units.map((u) => [u.id, u]))
  const out = new Map<string, UnitInfo>()
  for (const u of units) {
    const up = [...u.path].reverse().map((id) => byId.get(id))
    out.set(u.id, {
      path: u.path,
      name: u.name,
      kind: u.kind,
      state: u.state ?? null,
      border: u.border ?? null,
      inheritedBorder: up.find((a) => a?.border !== undefined && a.border !== null)?.border ?? '',
      inheritedState: up.find((a) => a?.state !== undefined && a.state !== null && a.state !== '')?.state ?? '',
    })
  }
  return out
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y ?? 0, m ?? 1, 0)).toISOString().slice(0, 10)
}

function dayAfter(day: string, n: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
}

/**
 * Where a period's counts are read: its whole months from the month cells (`stat_months`, kept
 * with the day cells: a national year is some 70,000 of them at ten million records against
 * 800,000 day cells), the days before and after them from the day cells. A question by week, day
 * or operation reads day cells throughout.
 */
export function partsOf(from: string, to: string, needsDay: boolean): { table: 'stat_cells' | 'stat_months'; from: string; to: string }[] {
  if (needsDay) {
    return [{ table: 'stat_cells', from, to }]
  }
  const firstWhole = from.endsWith('-01') ? from : `${dayAfter(lastDayOf(from.slice(0, 7)), 1)}`
  const lastWhole = to === lastDayOf(to.slice(0, 7)) ? to : dayAfter(`${to.slice(0, 7)}-01`, -1)
  if (firstWhole > lastWhole) {
    return [{ table: 'stat_cells', from, to }]
  }
  return [
    ...(from < firstWhole ? [{ table: 'stat_cells' as const, from, to: dayAfter(firstWhole, -1) }] : []),
    { table: 'stat_months', from: firstWhole.slice(0, 7), to: lastWhole.slice(0, 7) },
    ...(lastWhole < to ? [{ table: 'stat_cells' as const, from: dayAfter(lastWhole, 1), to }] : []),
  ]
}

/**
 * The margin a question can be answered from: at most one cell dimension (none is the total),
 * kept as a margin of the fact (margins.ts). A national year of people attended by month is some
 * 3,000 margin rows against 70,000 month cells or 830,000 day cells at ten million records.
 */
function marginOf(q: TableQuestion): MarginDim | '' | undefined {
  const dims = q.by.filter((b) => CELL_COLUMN[b] !== undefined)
  const dim = dims.length === 0 ? '' : dims.length === 1 ? (dims[0] as MarginDim) : undefined
  return dim !== undefined && keptMargins(q.fact).includes(dim) ? dim : undefined
}

/** Answers a table question from the summary table. */
export async function tableOf(db: Kysely<Database>, q: TableQuestion): Promise<TableAnswer> {
  const needsUnit = q.by.some((b) => UNIT_DIMS.has(b))
  const needsDay = q.by.some((b) => DAY_DIMS.has(b))
  const needsMonth = !needsDay && q.by.some((b) => MONTH_DIMS.has(b))
  const needsYear = !needsDay && !needsMonth && q.by.includes('year')
  const rows: Record<string, string | number | bigint>[] = []
  // The org tree, read once: for the place's units and for the rows' border, state and unit.
  const info = needsUnit || placeNamed(q.where) ? await unitInfo(db) : new Map<string, UnitInfo>()
  const only = placeNamed(q.where) ? unitsIn(info, q.unitId, q.where) : undefined
  // A border or a state with no unit under the unit counts nothing; `in ()` is not SQL.
  const units = only === undefined ? sql`(select id from org_units where id = ${q.unitId} or path like ${`%/${q.unitId}/%`})` : sql`(${sql.join(only.length > 0 ? only : [''])})`
  const margin = marginOf(q)
  for (const part of partsOf(q.from, q.to, needsDay)) {
    // A month cell's "day" is its month: enough for every period the question groups by. A
    // margin's period is its day or its month, as its grain says.
    const grain = part.table === 'stat_months' ? 'month' : 'day'
    const date = margin === undefined ? grain : 'period'
    const grouped: { alias: string; column: string }[] = [
      ...(needsUnit ? [{ alias: 'u', column: 'unit_id' }] : []),
      ...(needsDay ? [{ alias: 'd', column: date }] : needsMonth ? [{ alias: 'd', column: `substr(${date}, 1, 7)` }] : needsYear ? [{ alias: 'd', column: `substr(${date}, 1, 4)` }] : []),
      ...q.by.flatMap((b) => (CELL_COLUMN[b] === undefined ? [] : [{ alias: b, column: margin === undefined ? CELL_COLUMN[b] : 'value' }])),
    ]
    const select = [...grouped.map((g) => sql`${sql.raw(g.column)} as ${sql.ref(g.alias)}`), sql`sum(n) as n`]
    const groupBy = grouped.length > 0 ? sql`group by ${sql.join(grouped.map((g) => sql.raw(g.column)))}` : sql``
    const source = margin === undefined ? sql`${sql.table(part.table)} where` : sql`stat_margins where grain = ${grain} and dim = ${margin} and`
    const answer = await sql<Record<string, string | number | bigint>>`select ${sql.join(select)} from ${source} fact = ${q.fact} and ${sql.ref(date)} >= ${part.from} and ${sql.ref(date)} <= ${part.to} and unit_id in ${units} ${groupBy}`.execute(db)
    rows.push(...answer.rows)
  }

  const operations = q.by.includes('operation') ? await listOperations(db) : []
  const value = (b: By, r: Record<string, string | number | bigint>): string => {
    const unitId = String(r.u ?? '')
    const d = String(r.d ?? '')
    switch (b) {
      case 'unit':
        return unitId
      case 'border':
        return info.get(unitId)?.inheritedBorder ?? ''
      case 'state':
        return info.get(unitId)?.inheritedState ?? ''
      case 'year':
        return d.slice(0, 4)
      case 'half':
        return halfOf(d.slice(0, 7))
      case 'quarter':
        return quarterOf(d.slice(0, 7))
      case 'month':
        return d.slice(0, 7)
      case 'week':
        return isoWeek(d)
      case 'day':
        return d
      case 'operation':
        return operationOf(d, operations)
      default:
        return String(r[b] ?? '')
    }
  }
  const sums = new Map<string, Row>()
  for (const r of rows) {
    const n = Number(r.n ?? 0)
    if (n === 0) {
      continue
    }
    const values = q.by.map((b) => value(b, r))
    const key = values.join('\u0000')
    const row = sums.get(key)
    if (row === undefined) {
      sums.set(key, { ...Object.fromEntries(q.by.map((b, i) => [b, values[i] ?? ''])), n })
    } else {
      row.n = Number(row.n) + n
    }
  }
  const items = [...sums.values()].filter((r) => r.n !== 0)
  items.sort((a, b) => Number(b.n) - Number(a.n) || JSON.stringify(a).localeCompare(JSON.stringify(b)))
  const named: Record<string, UnitLabel> = {}
  if (q.by.includes('unit')) {
    for (const r of items) {
      const u = info.get(String(r.unit))
      if (u !== undefined) {
        named[String(r.unit)] = { name: u.name, kind: u.kind, state: u.state, border: u.border }
      }
    }
  }
  return { fact: q.fact, from: q.from, to: q.to, unit: q.unitId, ...(only === undefined ? {} : { where: placeOf(q.where) }), by: [...q.by], rows: items, total: items.reduce((sum, r) => sum + Number(r.n), 0), units: named }
}

/** A day one year earlier (29 February falls on the 28th). */
export function yearEarlier(day: string): string {
  const year = Number(day.slice(0, 4)) - 1
  const monthDay = day.slice(5) === '02-29' ? '02-28' : day.slice(5)
  return `${String(year).padStart(4, '0')}-${monthDay}`
}

/** A period's label a year earlier: the same month, quarter, week or day of the year before. */
function labelYearEarlier(b: By, label: string): string {
  if (label === '' || !['year', 'half', 'quarter', 'month', 'week', 'day'].includes(b)) {
    return label
  }
  return `${String(Number(label.slice(0, 4)) - 1).padStart(4, '0')}${b === 'day' ? yearEarlier(label).slice(4) : label.slice(4)}`
}

/**
 * Adds to each row of `current` the count of the same row a year earlier (`previous`, 0 when it
 * had none); the previous table's rows match on every dimension, periods shifted back a year. An
 * operation compares with the operation of its kind a year earlier.
 */
export function withYearEarlier(current: TableAnswer, previous: TableAnswer, operations: readonly OperationPeriod[] = []): TableAnswer & { previousTotal: number } {
  const earlierOperation = (id: string): string => {
    const o = operations.find((x) => x.id === id)
    if (o === undefined) {
      return id
    }
    const start = yearEarlier(o.startsOn)
    return operations.find((x) => x.kind === o.kind && x.id !== o.id && x.startsOn.slice(0, 4) === start.slice(0, 4))?.id ?? ''
  }
  const keyOf = (r: Row, shift: boolean) => current.by.map((b) => (shift ? (b === 'operation' ? earlierOperation(String(r[b])) : labelYearEarlier(b, String(r[b]))) : String(r[b]))).join('\u0000')
  const before = new Map(previous.rows.map((r) => [keyOf(r, false), Number(r.n)]))
  return { ...current, rows: current.rows.map((r) => ({ ...r, previous: before.get(keyOf(r, true)) ?? 0 })), previousTotal: previous.total, units: { ...previous.units, ...current.units } }
}
