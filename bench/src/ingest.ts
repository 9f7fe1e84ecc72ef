import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import pg from 'pg'
import { v7 as uuidv7 } from 'uuid'
import { SQLite } from '../../packages/server/src/db/sqlite-driver.ts'
import { findPgBin, startPgCluster } from '../../packages/server/src/test/postgres-cluster.ts'
import { fmt, login, startServer, typicalAction, type BenchAction, type Session } from './common.ts'
import { describeThreadCpu, threadTimes } from './thread-cpu.ts'

// Ingest benchmark (issue 4): actions per second through POST /api/sync/push over real HTTP on
// loopback, batches of 100, next to the raw INSERT rate of the same rows into the same database
// in the same run. Usage: npm run bench:ingest [-- sqlite|postgres]. BENCH_ACTIONS, BENCH_CLIENTS;
// BENCH_RUNS=N repeats each measurement on a fresh database and prints the medians; BENCH_WARMUP
// actions per device (500) are pushed before the clock starts.

const TOTAL = Number(process.env.BENCH_ACTIONS ?? 20_000)
/**
 * Devices pushing at once. Each waits for its answer before it sends again, so with few of them
 * the figure is their round trip, not what the server can take: 16 keep its two cores busy (8
 * and 32 measure the same), and are still few next to the phones of one border's groups coming
 * back into coverage. BENCH_CLIENTS=4 shows the round-trip-bound figure.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16)
const BATCH = 100
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 1))
/** Actions per device pushed before the clock starts (the first registers the device). */
const WARMUP = Math.max(1, Number(process.env.BENCH_WARMUP ?? 500))

const wanted = process.argv.slice(2).filter((a) => a === 'sqlite' || a === 'postgres')
const dialects = wanted.length > 0 ? wanted : findPgBin() ? ['sqlite', 'postgres'] : ['sqlite']

async function measurePush(target: string): Promise<number> {
  const server = await startServer(target)
  const base = `http://127.0.0.1:${server.port}`
  try {
    const session = await login(base)
    const perClient = Math.ceil(TOTAL / CLIENTS)
    const now = new Date()
    const work = Array.from({ length: CLIENTS }, (_, c) => ({ deviceId: `bench-device-${process.pid}-${c}`, actions: Array.from({ length: WARMUP + perClient }, (_, i) => typicalAction(i + 1, now)) }))
    // One small push per device registers it; then each pushes its warm-up actions, untimed, so
    // the figure is the server's steady state rather than its JIT compiling the code paths.
    for (const w of work) {
      await pushBatch(base, session, w.deviceId, w.actions.slice(0, 1))
    }
    // Bodies are serialised and encoded before the clock starts: the figure is the server's, not
    // the client's (which shares the two cores).
    const batchesOf = (w: (typeof work)[number], from: number, to: number) => {
      const out: Buffer[] = []
      for (let i = from; i < to; i += BATCH) {
        out.push(Buffer.from(JSON.stringify({ deviceId: w.deviceId, actions: w.actions.slice(i, Math.min(i + BATCH, to)) })))
      }
      return out
    }
    await pushAll(base, session, work.map((w) => batchesOf(w, 1, WARMUP)))
    const bodies = work.map((w) => batchesOf(w, WARMUP, w.actions.length))
    const pid = server.child.pid ?? 0
    const serverBefore = threadTimes(pid)
    const clientBefore = process.cpuUsage()
    const started = performance.now()
    await pushAll(base, session, bodies)
    const seconds = (performance.now() - started) / 1000
    const client = process.cpuUsage(clientBefore)
    // Which thread the figure is bound by: the two cores are shared by all of these.
    console.log(`  cpu during the pushes: server ${describeThreadCpu(pid, serverBefore, threadTimes(pid), seconds)}; client ${Math.round((client.user + client.system) / 1e4 / seconds)}%`)
    return (perClient * CLIENTS) / seconds
  } finally {
    await server.stop()
  }
}

/** Each device sends its bodies one after the other, waiting for each answer; devices in parallel. */
async function pushAll(base: string, session: Session, perDevice: readonly Buffer[][]): Promise<void> {
  await Promise.all(perDevice.map(async (list) => {
    for (const body of list) {
      await pushBody(base, session, body)
    }
  }))
}

async function pushBatch(base: string, session: Session, deviceId: string, actions: BenchAction[]): Promise<void> {
  await pushBody(base, session, Buffer.from(JSON.stringify({ deviceId, actions })))
}

// A lean HTTP client (keep-alive, no decompression layer): the figure is meant to be the server's.
/** BENCH_GZIP=1 asks for gzipped answers, as phones on a slow link do. */
const GZIP = process.env.BENCH_GZIP === '1'
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

async function pushBody(base: string, session: Session, body: Buffer): Promise<void> {
  const url = new URL(`${base}/api/sync/push`)
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json', 'content-length': body.byteLength, ...(GZIP ? { 'accept-encoding': 'gzip' } : {}) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const data = Buffer.concat(chunks)
        resolve({ status: res.statusCode ?? 0, text: (res.headers['content-encoding'] === 'gzip' ? gunzipSync(data) : data).toString('utf8') })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
  const answer = JSON.parse(text) as { results?: { status: string }[] }
  if (status !== 200 || !answer.results?.every((r) => r.status === 'accepted')) {
    throw new Error(`push failed: ${status} ${text.slice(0, 300)}`)
  }
}

/** The action rows a push of TOTAL typical actions stores, with fresh ids. */
function rawRows(): unknown[][] {
  const now = new Date()
  return Array.from({ length: TOTAL }, (_, i) => {
    const a = typicalAction(i + 1, now)
    const payload = JSON.stringify(a.payload)
    const hash = createHash('sha256').update(payload).digest('hex')
    return [uuidv7(), a.recordType, a.recordId, a.type, payload, hash, 'bench', 'beta-tijuana', `raw-device-${process.pid}`, i + 1, a.clientTime, now.toISOString()]
  })
}

const COLUMNS = 'id, record_type, record_id, type, payload, content_hash, actor_id, org_unit_id, device_id, device_counter, client_time, received_at'

/** Same file, same pragmas as the server (WAL, synchronous=FULL), 100 rows per transaction. */
function rawSqlite(file: string): number {
  const db = new SQLite(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  const insert = db.prepare(`insert into actions (${COLUMNS}) values (${COLUMNS.split(',').map(() => '?').join(', ')})`)
  const batch = db.transaction((rows: unknown[][]) => {
    for (const row of rows) {
      insert.run(...row)
    }
  })
  const rows = rawRows()
  const started = performance.now()
  for (let i = 0; i < rows.length; i += BATCH) {
    batch(rows.slice(i, i + BATCH))
  }
  const rate = rows.length / ((performance.now() - started) / 1000)
  db.close()
  return rate
}

/** One multi-row INSERT of 100 rows per transaction over one connection. */
async function rawPostgres(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const rows = rawRows()
  const width = COLUMNS.split(',').length
  const started = performance.now()
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH)
    const values = chunk.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ')
    await client.query(`insert into actions (${COLUMNS}) values ${values}`, chunk.flat())
  }
  const rate = rows.length / ((performance.now() - started) / 1000)
  await client.end()
  return rate
}

async function createDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  return baseUrl.replace(/\/postgres$/, `/${name}`)
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

// Run last: the constants above are initialised by now.
for (const dialect of dialects) {
  const cluster = dialect === 'postgres' ? await startPgCluster() : undefined
  const pushes: number[] = []
  const raws: number[] = []
  try {
    for (let run = 1; run <= RUNS; run++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-bench-'))
      try {
        const target = cluster ? await createDatabase(cluster.url, `faro_bench_${run}`) : path.join(dir, 'faro.db')
        const push = await measurePush(target)
        const raw = cluster ? await rawPostgres(target) : rawSqlite(target)
        pushes.push(push)
        raws.push(raw)
        console.log(`${dialect}: push ${fmt(push)} actions/s (${TOTAL} actions, batches of ${BATCH}, ${CLIENTS} clients); raw insert ${fmt(raw)} rows/s; push/raw ${(push / raw).toFixed(3)}`)
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }
  } finally {
    cluster?.stop()
  }
  if (RUNS > 1) {
    console.log(`${dialect}: median of ${RUNS} runs: push ${fmt(median(pushes))} actions/s (${pushes.map(fmt).join(', ')}); raw insert ${fmt(median(raws))} rows/s; push/raw ${(median(pushes) / median(raws)).toFixed(3)}`)
  }
}
