import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { sql } from 'kysely'
import { findUnitIdsUnder, listOrgUnits } from '../../packages/server/src/accounts/org-units-repo.ts'
import type { Db } from '../../packages/server/src/db/open.ts'
import { tableOf } from '../../packages/server/src/statistics/query.ts'

// The statistics benchmark's questions, each answered three ways: from the summary table (the
// server's query), by scanning the raw records in the same database (JSON over each record's
// state), and by DuckDB over the same person groups loaded into it.

export interface Question {
  name: string
  fact: 'attended'
  from: string
  to: string
  unit: string
  by: readonly ('state' | 'month' | 'sex' | 'ageBand')[]
}

export type Answer = { key: string; n: number }[]

/** The national yearly table, and a three-way breakdown of the same year. */
export function questions(year: number): Question[] {
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  return [
    { name: `people attended in ${year}, all units, by month`, fact: 'attended', from, to, unit: 'inm', by: ['month'] },
    { name: `people attended in ${year}, all units, by state × sex × age band`, fact: 'attended', from, to, unit: 'inm', by: ['state', 'sex', 'ageBand'] },
  ]
}

/** The summary's answer: the server's own question (statistics/query.ts), as the pages ask it. */
export async function fromSummary(db: Db, q: Question): Promise<Answer> {
  const table = await tableOf(db.db, { fact: q.fact, from: q.from, to: q.to, unitId: q.unit, by: q.by })
  return answer(table.rows, q)
}

/**
 * The same question as tableOf could read it over whole months (a year is twelve): from the
 * month margins when it asks for at most one of the cell's dimensions (a border, a state, a month
 * are the unit's or the calendar's), else from the month cells. The change proposed for query.ts.
 */
export async function fromRollups(db: Db, q: Question, states: ReadonlyMap<string, string>): Promise<Answer> {
  const units = await findUnitIdsUnder(db.db, q.unit)
  const cellDims = q.by.filter((b) => b === 'sex' || b === 'ageBand')
  const from = q.from.slice(0, 7)
  const to = q.to.slice(0, 7)
  if (cellDims.length <= 1) {
    const dim = cellDims[0] ?? ''
    const { rows } = await sql<Record<string, string | number>>`select period as month, unit_id as unit, value, sum(n) as n from stat_margins
      where grain = 'month' and fact = ${q.fact} and dim = ${dim} and period >= ${from} and period <= ${to} and unit_id in (${sql.join(units)})
      group by period, unit_id, value`.execute(db.db)
    return answer(byState(rows.map((r) => ({ ...r, ...(dim === '' ? {} : { [dim]: r.value }) })), states), q)
  }
  const { rows } = await sql<Record<string, string | number>>`select month, unit_id as unit, sex, age_band as "ageBand", sum(n) as n from stat_months
    where fact = ${q.fact} and month >= ${from} and month <= ${to} and unit_id in (${sql.join(units)})
    group by month, unit_id, sex, age_band`.execute(db.db)
  return answer(byState(rows, states), q)
}

/**
 * The state of each unit: its own or its nearest ancestor's, as the summary's question folds it.
 * The raw scan and DuckDB group by unit and fold the same way: a state is a unit's attribute.
 */
export async function statesOfUnits(db: Db): Promise<Map<string, string>> {
  const units = await listOrgUnits(db.db)
  const byId = new Map(units.map((u) => [u.id, u]))
  return new Map(units.map((u) => [u.id, [...u.path].reverse().map((id) => byId.get(id)?.state).find((s) => s !== undefined && s !== null && s !== '') ?? '']))
}

/** Folds rows grouped by unit into rows by state. */
function byState(rows: readonly Record<string, unknown>[], states: ReadonlyMap<string, string>): Record<string, unknown>[] {
  return rows.map((r) => ({ ...r, state: states.get(String(r.unit)) ?? '' }))
}

/**
 * The same question over the records: every attention of the year under the unit, its people
 * read out of the JSON state. The day is Mexico City's (UTC−6), which for these records is also
 * their own state's: the generator keeps them between 06:00 and 22:00 there.
 */
export async function fromRecords(db: Db, q: Question, states: ReadonlyMap<string, string>): Promise<Answer> {
  const by = q.by.map((b) => (b === 'state' ? 'unit' : b))
  const since = new Date(Date.parse(`${q.from}T06:00:00Z`)).toISOString()
  const until = new Date(Date.parse(`${q.to}T06:00:00Z`) + 86_400_000).toISOString()
  const path = `%/${q.unit}/%`
  if (db.dialect === 'postgres') {
    const column = { unit: 'r.org_unit_id', month: `to_char(r.occurred_at::timestamptz at time zone 'America/Mexico_City', 'YYYY-MM')`, sex: `coalesce(p->>'sex', 'unknown')`, ageBand: `coalesce(p->>'ageBand', 'unknown')` }
    const { rows } = await sql<Record<string, string | number>>`select ${sql.join([...by.map((b) => sql`${sql.raw(column[b])} as ${sql.ref(b)}`), sql`sum((p->>'count')::int) as n`])}
      from records r cross join lateral jsonb_array_elements(r.state::jsonb -> 'people') p
      where r.record_type = 'attention' and r.occurred_at >= ${since} and r.occurred_at < ${until} and r.org_unit_path like ${path}
      group by ${sql.join(by.map((b) => sql.raw(column[b])))}`.execute(db.db)
    return answer(byState(rows, states), q)
  }
  const column = { unit: 'r.org_unit_id', month: `substr(datetime(r.occurred_at, '-6 hours'), 1, 7)`, sex: `coalesce(json_extract(p.value, '$.sex'), 'unknown')`, ageBand: `coalesce(json_extract(p.value, '$.ageBand'), 'unknown')` }
  const { rows } = await sql<Record<string, string | number>>`select ${sql.join([...by.map((b) => sql`${sql.raw(column[b])} as ${sql.ref(b)}`), sql`sum(json_extract(p.value, '$.count')) as n`])}
    from records r, json_each(r.state, '$.people') p
    where r.record_type = 'attention' and r.occurred_at >= ${since} and r.occurred_at < ${until} and r.org_unit_path like ${path}
    group by ${sql.join(by.map((b) => sql.raw(column[b])))}`.execute(db.db)
  return answer(byState(rows, states), q)
}

/** An in-memory DuckDB holding the person groups (one row each), loaded from the generator's CSV. */
export async function loadDuckDb(factsFile: string): Promise<{ conn: DuckDBConnection; seconds: number; close(): void }> {
  const started = performance.now()
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' })
  const conn = await instance.connect()
  await conn.run(`create table facts as select * from read_csv('${factsFile.replace(/'/g, "''")}', header = false, columns = {'type': 'varchar', 'day': 'varchar', 'unit_id': 'varchar', 'border': 'varchar', 'sex': 'varchar', 'age_band': 'varchar', 'nationality': 'varchar', 'n': 'integer'})`)
  return {
    conn,
    seconds: (performance.now() - started) / 1000,
    close: () => {
      conn.closeSync()
      instance.closeSync()
    },
  }
}

/** Units are ids here; the subtree is every unit whose path names the one asked for. */
export async function fromDuckDb(conn: DuckDBConnection, db: Db, q: Question, states: ReadonlyMap<string, string>): Promise<Answer> {
  const units = await findUnitIdsUnder(db.db, q.unit)
  const column = { unit: 'unit_id', month: 'substr(day, 1, 7)', sex: 'sex', ageBand: 'age_band' }
  const by = q.by.map((b) => (b === 'state' ? 'unit' : b))
  const list = units.map((u) => `'${u.replace(/'/g, "''")}'`).join(', ')
  const reader = await conn.runAndReadAll(`select ${by.map((b) => `${column[b]} as "${b}"`).join(', ')}, sum(n) as n from facts where type = 'attention' and day >= '${q.from}' and day <= '${q.to}' and unit_id in (${list}) group by all`)
  const rows = reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : String(v)])))
  return answer(byState(rows, states), q)
}

/** Rows as sorted keys and counts, rows with the same key (units of one state) added up. */
function answer(rows: readonly Record<string, unknown>[], q: Question): Answer {
  const sums = new Map<string, number>()
  for (const r of rows) {
    const key = q.by.map((b) => String(r[b])).join(' ')
    sums.set(key, (sums.get(key) ?? 0) + Number(r.n ?? 0))
  }
  return [...sums]
    .map(([key, n]) => ({ key, n }))
    .filter((r) => r.n !== 0)
    .sort((a, b) => a.key.localeCompare(b.key))
}

/** True when two answers are the same table. */
export function same(a: Answer, b: Answer): boolean {
  return a.length === b.length && a.every((r, i) => r.key === b[i]?.key && r.n === b[i]?.n)
}

/**
 * The field summary as it was read before it came from the margins: every field record of the
 * period under the unit, each state parsed and its figures added up. The homes' baseline.
 */
export async function homeFromRecords(db: Db, unitId: string, period: { from: Date; to: Date }): Promise<number> {
  const rows = await db.db
    .selectFrom('records')
    .select(['recordType', 'recordId', 'orgUnitId', 'orgUnitPath', 'state', 'priority'])
    .where('orgUnitPath', 'like', `%/${unitId}/%`)
    .where('occurredAt', '>=', period.from.toISOString())
    .where('occurredAt', '<', period.to.toISOString())
    .where('recordType', 'in', ['patrol', 'attention', 'rescue', 'remains'])
    .execute()
  const byGroup = new Map<string, number>()
  let people = 0
  for (const row of rows) {
    const state = JSON.parse(row.state) as { people?: { count: number }[] }
    for (const g of state.people ?? []) {
      people += g.count
    }
    byGroup.set(row.orgUnitId, (byGroup.get(row.orgUnitId) ?? 0) + 1)
  }
  return people
}
