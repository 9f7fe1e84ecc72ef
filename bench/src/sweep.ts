import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql, type Insertable } from 'kysely'
import type { RecordsTable } from '../../packages/server/src/db/schema.ts'
import { alertsOf, folioBody, formatFolio, FOLIOS_PER_YEAR, hopDeadlines, type CaseState } from '@faro/core'
import { ManualClock } from '../../packages/server/src/clock.ts'
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts'
import { openDb, type Db } from '../../packages/server/src/db/open.ts'
import { sweepCases } from '../../packages/server/src/cases/notices.ts'
import { seedOrgUnits } from '../../packages/server/src/seed/demo.ts'
import { startPgCluster } from '../../packages/server/src/test/postgres-cluster.ts'

// The deadline sweep over many open cases: how long one sweep takes when a thousand cases are
// due among BENCH_CASES (1,000,000) open ones, and the plan of the query that finds them, against
// the same query forced to read the whole table, in the same run.
// Usage: npm run bench:sweep --workspace @faro/bench [-- sqlite|postgres]

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000)
const DUE = 1000
const NOW = new Date('2026-12-04T18:00:00.000Z')

async function fill(db: Db): Promise<void> {
  const base = NOW.getTime() - 30 * 86_400_000
  // 16 columns a row: 2,000 rows stay under SQLite's 32,766 variables per statement.
  const batch = 2000
  for (let i = 0; i < CASES; i += batch) {
    const rows: Insertable<RecordsTable>[] = []
    for (let j = i; j < Math.min(CASES, i + batch); j += 1) {
      // The first DUE cases were routed long ago, so their alerts have come; the rest are recent.
      const routedAt = new Date(j < DUE ? base : NOW.getTime() - 3_600_000 + (j % 3_000_000))
      const deadlines = hopDeadlines('mistreatment', routedAt)
      const folio = formatFolio({ prefix: 'PA', year: 26, body: folioBody(j % FOLIOS_PER_YEAR) })
      const state = {
        orgUnitId: 'paisano',
        folio,
        kind: 'complaint',
        category: 'mistreatment',
        channel: 'module',
        receivedAt: routedAt.toISOString(),
        description: 'x',
        place: { kind: 'unknown' },
        language: 'es',
        contactChannel: 'none',
        allowIdentityToAccused: false,
        inTransit: false,
        hops: [{ hopId: `h${j}`, bodyId: 'agency-sfp', routedAt: routedAt.toISOString(), ...deadlines, status: 'routed' }],
        status: 'routed',
        lastActivityAt: routedAt.toISOString(),
        reopenCount: 0,
      } as unknown as CaseState
      rows.push({
        recordType: 'case',
        recordId: `c${j}`,
        orgUnitId: 'paisano',
        orgUnitPath: '/inm/paisano/',
        ownerId: 'bench',
        state: JSON.stringify(state),
        routedTo: '["agency-sfp"]',
        excludedUnits: '[]',
        priority: 0,
        demo: 1,
        version: 1,
        createdAt: routedAt.toISOString(),
        updatedAt: routedAt.toISOString(),
        occurredAt: routedAt.toISOString(),
        alertAt: alertsOf(state)[0]?.at ?? null,
        needsReview: 0,
      })
    }
    await db.db.transaction().execute((trx) => trx.insertInto('records').values(rows).execute())
  }
}

async function plan(db: Db, forced: boolean): Promise<string> {
  const at = NOW.toISOString()
  if (db.dialect === 'postgres') {
    const { rows } = await withoutIndexes(db, forced, (trx) => sql`explain select record_id from records where record_type = 'case' and alert_at <= ${at} order by alert_at limit 500`.execute(trx))
    return rows.map((r) => Object.values(r as Record<string, unknown>)[0]).join('\n')
  }
  const query = forced
    ? sql`explain query plan select record_id from records not indexed where record_type = 'case' and alert_at <= ${at} order by alert_at limit 500`
    : sql`explain query plan select record_id from records where record_type = 'case' and alert_at <= ${at} order by alert_at limit 500`
  const { rows } = await query.execute(db.db)
  return rows.map((r) => String((r as { detail: string }).detail)).join('\n')
}

/** Runs a query in a transaction, with PostgreSQL's index scans turned off for the baseline. */
async function withoutIndexes<T>(db: Db, off: boolean, work: (trx: Db['db']) => Promise<T>): Promise<T> {
  return db.db.transaction().execute(async (trx) => {
    if (off) {
      await sql`set local enable_indexscan = off`.execute(trx)
      await sql`set local enable_bitmapscan = off`.execute(trx)
      await sql`set local enable_indexonlyscan = off`.execute(trx)
    }
    return work(trx)
  })
}

async function timeQuery(db: Db, forced: boolean): Promise<number> {
  const at = NOW.toISOString()
  const start = performance.now()
  if (db.dialect === 'postgres') {
    await withoutIndexes(db, forced, (trx) => sql`select record_id from records where record_type = 'case' and alert_at <= ${at} order by alert_at limit 500`.execute(trx))
  } else {
    await (forced
      ? sql`select record_id from records not indexed where record_type = 'case' and alert_at <= ${at} order by alert_at limit 500`
      : sql`select record_id from records where record_type = 'case' and alert_at <= ${at} order by alert_at limit 500`
    ).execute(db.db)
  }
  return performance.now() - start
}

async function run(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-bench-sweep-'))
  const cluster = dialect === 'postgres' ? await startPgCluster() : undefined
  const db = openDb(cluster ? { kind: 'postgres', url: cluster.url } : { kind: 'sqlite', file: path.join(dir, 'faro.sqlite') })
  try {
    await migrateToLatest(db)
    await seedOrgUnits(db, new ManualClock(NOW))
    // One liaison of the handling body with an address: each due case queues its message.
    await db.db.insertInto('users').values({ id: 'bench-liaison', username: 'enlace.bench', displayName: 'Enlace', role: 'agency_liaison', orgUnitId: 'agency-sfp', disabled: 0, demo: 1, createdAt: NOW.toISOString(), email: 'enlace@bench.test' }).execute()
    const filled = performance.now()
    await fill(db)
    if (dialect === 'postgres') {
      await sql`analyze records`.execute(db.db)
    }
    console.log(`${dialect}: ${CASES.toLocaleString('en')} open cases written in ${((performance.now() - filled) / 1000).toFixed(1)} s`)
    console.log(`plan of the sweep's query:\n  ${(await plan(db, false)).replace(/\n/g, '\n  ')}`)
    console.log(`plan of the baseline (the whole table read):\n  ${(await plan(db, true)).replace(/\n/g, '\n  ')}`)
    const indexed = await timeQuery(db, false)
    const scan = await timeQuery(db, true)
    console.log(`finding the due cases: ${indexed.toFixed(1)} ms by the index, ${scan.toFixed(1)} ms reading the table: ${(scan / indexed).toFixed(0)}× faster`)
    const clock = new ManualClock(NOW)
    const start = performance.now()
    let swept = 0
    let messages = 0
    for (;;) {
      const r = await sweepCases(db.db, clock, {})
      swept += r.cases
      messages += r.messages
      if (r.cases === 0) {
        break
      }
    }
    const ms = performance.now() - start
    console.log(`sweep: ${swept} due cases handled in ${ms.toFixed(0)} ms (${(ms / Math.max(1, swept)).toFixed(2)} ms per case, ${messages} messages queued)`)
  } finally {
    await db.close()
    await cluster?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const only = process.argv[2]
for (const dialect of ['sqlite', 'postgres'] as const) {
  if (only === undefined || only === dialect) {
    await run(dialect)
  }
}
