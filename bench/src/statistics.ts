import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { createUser } from '../../packages/server/src/accounts/accounts.ts'
import { findUserByUsername } from '../../packages/server/src/accounts/users-repo.ts'
import { ManualClock } from '../../packages/server/src/clock.ts'
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts'
import { openDb, type Db } from '../../packages/server/src/db/open.ts'
import { seedOrgUnits, systemCtx } from '../../packages/server/src/seed/demo.ts'
import { findPgBin, startPgCluster } from '../../packages/server/src/test/postgres-cluster.ts'
import { PASSWORD, startServer, USER, type BenchServer } from './common.ts'
import { generate } from './statistics-data.ts'
import { fromDuckDb, fromRecords, fromRollups, fromSummary, homeFromRecords, loadDuckDb, questions, same, statesOfUnits, type Answer } from './statistics-questions.ts'
import { periodOf } from '../../packages/server/src/field/summary.ts'

// The statistics at ten million records (issue 16): the national yearly table and a three-way
// breakdown answered from the summary table, next to the same question answered by scanning the
// raw records in the same database and by DuckDB over the same rows; the coordinator's and the
// national home (GET /api/field/summary) through the real server; and the server's peak memory.
// Usage: npm run bench:statistics --workspace @faro/bench [-- sqlite|postgres] [--records N]
// BENCH_RUNS (30) timed runs per question after a warm-up; BENCH_RAW_RUNS (3) for the raw scans,
// which take seconds each (0 leaves them out; work that takes seconds then runs once after its
// warm-up).
// BENCH_STAT_DB=<file> reuses (and keeps) a SQLite database written by an earlier run, so a change
// to the server can be measured on the same rows; BENCH_STAT_PG=<url> does the same with a
// PostgreSQL of one's own (filled on the first run, when it has no records). BENCH_HOMES_ONLY=1
// times only the homes through the server (no tables, DuckDB, raw scans or baselines).

const args = process.argv.slice(2)
const recordsArg = args.indexOf('--records')
const TOTAL = recordsArg >= 0 ? Number(args[recordsArg + 1]) : 10_000_000
const RUNS = Number(process.env.BENCH_RUNS ?? 30)
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 3)
const REUSE = process.env.BENCH_STAT_DB
/** Only the homes through the server: a change to them measured again on kept rows, in minutes. */
const HOMES_ONLY = process.env.BENCH_HOMES_ONLY === '1'
/** A PostgreSQL of one's own (a URL), kept and reused like BENCH_STAT_DB, instead of a throwaway cluster. */
const REUSE_PG = process.env.BENCH_STAT_PG
const wanted = args.filter((a) => a === 'sqlite' || a === 'postgres')
const dialects = wanted.length > 0 ? wanted : findPgBin() ? ['sqlite', 'postgres'] : ['sqlite']
/** The data ends today (Mexico City), so the homes' "today" and "week" have records. */
const NOW = new Date()
const LAST_DAY = new Date(NOW.getTime() - 6 * 3_600_000).toISOString().slice(0, 10)
const YEAR = Number(LAST_DAY.slice(0, 4)) - 1

interface Timing {
  p50: number
  p95: number
  /** Timed runs, after the warm-up. */
  runs: number
  /** This process's CPU per run, ms (for SQLite and DuckDB the query's own; PostgreSQL's is its server's). */
  cpu: number
}

/**
 * Times `runs` runs after a warm-up. Work that takes seconds (reading every record) gets
 * BENCH_RAW_RUNS runs instead (at least one): its p95 is then the slowest of those few.
 */
async function time<T>(runs: number, work: () => Promise<T>): Promise<Timing & { result: T }> {
  const warm = performance.now()
  let result = await work()
  const count = performance.now() - warm > 1000 ? Math.max(1, Math.min(runs, RAW_RUNS)) : runs
  const ms: number[] = []
  const cpu = process.cpuUsage()
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    result = await work()
    ms.push(performance.now() - start)
  }
  ms.sort((a, b) => a - b)
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)] ?? 0
  const used = process.cpuUsage(cpu)
  return { p50: at(0.5), p95: at(0.95), runs: count, cpu: (used.user + used.system) / 1000 / Math.max(1, count), result }
}

const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1))
const wall = (t: Timing) => `p50 ${f(t.p50)} ms, p95 ${f(t.p95)} ms`
const show = (t: Timing) => `${wall(t)} (CPU here ${f(t.cpu)} ms)`
const total = (a: Answer) => a.reduce((s, r) => s + r.n, 0)

async function run(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-bench-stat-'))
  const cluster = dialect === 'postgres' && REUSE_PG === undefined ? await startPgCluster() : undefined
  const pgUrl = dialect === 'postgres' ? (REUSE_PG ?? cluster?.url) : undefined
  const kept = dialect === 'postgres' ? REUSE_PG : REUSE
  const file = REUSE ?? path.join(dir, 'faro.sqlite')
  const target = pgUrl ?? file
  const db = openDb(pgUrl ? { kind: 'postgres', url: pgUrl } : { kind: 'sqlite', file })
  // With a kept database, DuckDB's rows are kept beside it (for PostgreSQL, in the temporary directory).
  const factsFile = kept === undefined ? path.join(dir, 'facts.csv') : dialect === 'postgres' ? path.join(os.tmpdir(), 'faro-bench-stat-pg.facts.csv') : `${REUSE}.facts.csv`
  let server: BenchServer | undefined
  try {
    await migrateToLatest(db)
    const clock = new ManualClock(NOW)
    await seedOrgUnits(db, clock)
    const existing = Number((await db.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    if (existing === 0 || kept === undefined) {
      console.log(`${dialect}: writing ${TOTAL.toLocaleString('en')} records up to ${LAST_DAY}…`)
      const g = await generate(db, pgUrl ? { pgUrl } : { sqliteFile: file }, { total: TOTAL, lastDay: LAST_DAY, factsFile })
      console.log(`${dialect}: ${g.records.toLocaleString('en')} records, ${g.cells.toLocaleString('en')} summary cells, ${g.facts.toLocaleString('en')} person groups in ${g.seconds.toFixed(0)} s`)
    } else {
      console.log(`${dialect}: reusing ${existing.toLocaleString('en')} records in ${pgUrl ?? file}`)
      if (!HOMES_ONLY && !fs.existsSync(factsFile)) {
        // DuckDB's rows come from the generator: the same rows again, the database left alone.
        await generate(db, {}, { total: existing, lastDay: LAST_DAY, factsFile })
      }
    }
    if (dialect === 'postgres') {
      await sql`vacuum analyze`.execute(db.db)
    }
    console.log(`${dialect}: database ${await sizeOf(db, file)}; stat_cells ${(await countCells(db)).toLocaleString('en')} rows`)

    if (!HOMES_ONLY) {
      await tablesAndBaselines(db, dialect, factsFile)
    }

    // The homes and the table through the real server, whose memory is the statistics process's.
    for (const [username, role, unit] of [['bench-coordinator', 'group_coordinator', 'beta'], ['bench-tijuana', 'group_coordinator', 'beta-tijuana']] as const) {
      if ((await findUserByUsername(db.db, username)) === undefined) {
        await createUser(systemCtx(db, clock), { username, displayName: username, role, orgUnitId: unit, password: PASSWORD })
      }
    }
    await db.close()
    server = await startServer(target, { role: 'national_analyst', unit: 'inm' })
    const base = `http://127.0.0.1:${server.port}`
    // Its peak so far is the migrations' (a new one may fill a table): measure from here.
    fs.writeFileSync(`/proc/${server.child.pid ?? 0}/clear_refs`, '5')
    const national = await loginAs(base, USER)
    const homes = [['national analyst (inm)', national], ['coordinator of the groups (beta)', await loginAs(base, 'bench-coordinator')], ['coordinator of one group (beta-tijuana)', await loginAs(base, 'bench-tijuana')]] as const
    // The homes open on the week; the year is the most any of them asks.
    const pid = server.child.pid ?? 0
    for (const period of ['week', 'year']) {
      for (const [who, cookie] of homes) {
        const before = cpuMsOf(pid)
        const t = await time(RUNS, () => get(base, `/api/field/summary?period=${period}`, cookie))
        console.log(`${dialect}: home of the ${who}, GET /api/field/summary?period=${period}: ${wall(t)}; server CPU ${((cpuMsOf(pid) - before) / (t.runs + 1)).toFixed(1)} ms per request`)
      }
    }
    for (const q of HOMES_ONLY ? [] : questions(YEAR)) {
      const before = cpuMsOf(pid)
      const t = await time(RUNS, () => get(base, `/api/statistics/table?fact=${q.fact}&from=${q.from}&to=${q.to}&unit=${q.unit}&by=${q.by.join(',')}`, national))
      console.log(`${dialect}: GET /api/statistics/table, ${q.name}: ${wall(t)}; server CPU ${((cpuMsOf(pid) - before) / (t.runs + 1)).toFixed(1)} ms per request`)
    }
    console.log(`${dialect}: the server's memory: ${memoryOf(server.child.pid ?? 0)}`)
  } finally {
    await server?.stop()
    await db.close().catch(() => undefined)
    cluster?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The tables from the summary, the raw records, the margins and DuckDB; the homes' old way. */
async function tablesAndBaselines(db: Db, dialect: string, factsFile: string): Promise<void> {
  const duck = await loadDuckDb(factsFile)
  console.log(`${dialect}: DuckDB loaded the person groups in ${duck.seconds.toFixed(1)} s`)
  const states = await statesOfUnits(db)
  for (const q of questions(YEAR)) {
    const summary = await time(RUNS, () => fromSummary(db, q))
    // BENCH_RAW_RUNS=0 leaves the raw scans out (a second run on a kept database).
    const raw = RAW_RUNS > 0 ? await time(RAW_RUNS, () => fromRecords(db, q, states)) : { ...summary, p50: Number.NaN, p95: Number.NaN, cpu: Number.NaN }
    const duckdb = await time(RUNS, () => fromDuckDb(duck.conn, db, q, states))
    const rollups = await time(RUNS, () => fromRollups(db, q, states))
    const agree = same(summary.result, raw.result) && same(summary.result, duckdb.result) && same(summary.result, rollups.result)
    console.log(`${dialect}: ${q.name} (${summary.result.length} rows, ${total(summary.result).toLocaleString('en')} people; ${agree ? 'all three agree' : `DIFFER: raw ${total(raw.result)}, DuckDB ${total(duckdb.result)}`})`)
    console.log(`  summary ${show(summary)} | raw records ${show(raw)} (${RAW_RUNS} runs) | DuckDB ${show(duckdb)}`)
    console.log(`  summary/raw ${(summary.p95 / raw.p95).toFixed(4)}, summary/DuckDB ${(summary.p95 / duckdb.p95).toFixed(2)} (p95)`)
    console.log(`  the same summary read from the month margins or month cells (proposed for tableOf): ${show(rollups)}; /raw ${(rollups.p95 / raw.p95).toFixed(4)}, /DuckDB ${(rollups.p95 / duckdb.p95).toFixed(2)} (p95)`)
  }
  duck.close()

  // The homes' baseline: what GET /api/field/summary read before the margins, every record.
  for (const period of ['week', 'year'] as const) {
    for (const unit of ['inm', 'beta']) {
      const t = await time(RUNS, () => homeFromRecords(db, unit, periodOf(NOW, period)))
      console.log(`${dialect}: baseline, the ${period}'s field records under ${unit} read and added up: ${show(t)}`)
    }
  }
}

async function loginAs(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) })
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status} ${await res.text()}`)
  }
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

async function get(base: string, url: string, cookie: string): Promise<unknown> {
  const res = await fetch(`${base}${url}`, { headers: { cookie } })
  if (res.status !== 200) {
    throw new Error(`${url}: ${res.status} ${await res.text()}`)
  }
  return res.json()
}

/**
 * CPU time a process has used, in ms (user + system, from /proc): on a machine shared with other
 * work the wall time of a request grows with the queue for the cores, its CPU time does not.
 */
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return ((Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 1000) / 100
}

/** Peak and current resident memory of a process, from /proc. */
function memoryOf(pid: number): string {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return `peak RSS ${Math.round(kb('VmHWM') / 1024)} MB, now ${Math.round(kb('VmRSS') / 1024)} MB`
}

async function sizeOf(db: Db, file: string): Promise<string> {
  if (db.dialect === 'postgres') {
    const { rows } = await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(db.db)
    return `${(Number(rows[0]?.n ?? 0) / 2 ** 30).toFixed(2)} GB`
  }
  return `${(fs.statSync(file).size / 2 ** 30).toFixed(2)} GB`
}

async function countCells(db: Db): Promise<number> {
  return Number((await db.db.selectFrom('statCells').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
}

for (const dialect of dialects) {
  await run(dialect as 'sqlite' | 'postgres')
}
