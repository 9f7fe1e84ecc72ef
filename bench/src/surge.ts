import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { findPgBin, startPgCluster } from '../../packages/server/src/test/postgres-cluster.ts'
import { fmt, login, startServer, typicalAction, type BenchAction, type Session } from './common.ts'

// A caravan's day at one point: BENCH_SURGE_COUNTS (20,000) arrivals counted one tap each by
// BENCH_SURGE_OPERATORS (10) operators, each phone pushing its taps in batches of 100 through
// /api/sync/push as it does after a while offline; then the surge dashboard read while the day
// is full. Baselines in the same run on the same server: the same number of ordinary attentions
// pushed the same way, and the dashboard of a day with one tap per sheet.
// Usage: npm run bench:surge --workspace @faro/bench [-- sqlite|postgres]

const COUNTS = Number(process.env.BENCH_SURGE_COUNTS ?? 20_000)
const OPERATORS = Number(process.env.BENCH_SURGE_OPERATORS ?? 10)
const BATCH = 100
const READS = 30
const UNIT = 'beta-tapachula'
const NATIONALITIES = ['HN', 'GT', 'SV', 'VE', 'HT', 'CU', 'NI', 'unknown']
const SEXES = ['male', 'female', 'unknown']
const AGES = ['0-5', '12-17', '18-29', '30-44', '45-59']

async function post(base: string, session: Session, p: string, body: unknown): Promise<Response> {
  return fetch(`${base}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf }, body: JSON.stringify(body) })
}

/** One operator's phone: its sheet opened, then `taps` arrivals over the day. */
function operatorActions(operationId: string, day: string, point: string, taps: number): BenchAction[] {
  const recordId = uuidv7()
  const start = Date.parse(`${day}T12:00:00Z`)
  const opened: BenchAction = { id: uuidv7(), deviceCounter: 1, recordType: 'surge', recordId, type: 'SurgeOpened', payload: { orgUnitId: UNIT, operationId, day, point }, clientTime: new Date(start).toISOString() }
  const counted = Array.from({ length: taps }, (_, i): BenchAction => {
    const at = new Date(start + Math.floor((i / taps) * 14 * 3_600_000)).toISOString()
    const group = { count: 1, sex: SEXES[i % SEXES.length], ageBand: AGES[i % AGES.length], nationality: NATIONALITIES[i % NATIONALITIES.length], vulnerabilities: i % 23 === 0 ? ['unaccompanied_child'] : [] }
    return { id: uuidv7(), deviceCounter: i + 2, recordType: 'surge', recordId, type: 'SurgeCounted', payload: { at, groups: [group], services: ['water', 'orientation'] }, clientTime: at }
  })
  return [opened, ...counted]
}

/** Every phone pushes its actions in batches of 100, all phones at once; answers actions per second. */
async function pushAll(base: string, session: Session, phones: readonly { deviceId: string; actions: readonly BenchAction[] }[]): Promise<number> {
  const total = phones.reduce((n, p) => n + p.actions.length, 0)
  const start = performance.now()
  await Promise.all(
    phones.map(async ({ deviceId, actions }) => {
      for (let i = 0; i < actions.length; i += BATCH) {
        const res = await post(base, session, '/api/sync/push', { deviceId, actions: actions.slice(i, i + BATCH) })
        const body = (await res.json()) as { results?: { status: string }[] }
        if (res.status !== 200 || body.results?.some((r) => r.status !== 'accepted')) {
          throw new Error(`push answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
        }
      }
    }),
  )
  return total / ((performance.now() - start) / 1000)
}

async function readDashboard(base: string, session: Session, operationId: string, day: string): Promise<{ p50: number; p95: number; people: number; bytes: number }> {
  const times: number[] = []
  let people = 0
  let bytes = 0
  for (let i = 0; i < READS; i++) {
    const t = performance.now()
    const res = await fetch(`${base}/api/operations/${operationId}/surge?day=${day}`, { headers: { cookie: session.cookie, 'accept-encoding': 'gzip' } })
    const raw = await res.arrayBuffer()
    times.push(performance.now() - t)
    if (res.status !== 200) {
      throw new Error(`dashboard answered ${res.status}`)
    }
    people = (JSON.parse(new TextDecoder().decode(raw)) as { total: { people: number } }).total.people
    bytes = Number(res.headers.get('content-length') ?? raw.byteLength)
  }
  times.sort((a, b) => a - b)
  return { p50: times[Math.floor(READS / 2)] ?? 0, p95: times[Math.floor(READS * 0.95)] ?? 0, people, bytes }
}

async function run(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-bench-surge-'))
  const cluster = dialect === 'postgres' ? await startPgCluster() : undefined
  const server = await startServer(cluster ? cluster.url : path.join(dir, 'faro.sqlite'), { role: 'group_coordinator', unit: UNIT })
  try {
    const base = `http://127.0.0.1:${server.port}`
    const session = await login(base)
    const day = new Date(Date.now() - 6 * 3_600_000).toISOString().slice(0, 10)
    const open = async (name: string) => {
      const id = uuidv7()
      const res = await post(base, session, '/api/operations', { id, orgUnitId: UNIT, kind: 'special', reason: 'caravan', name, startsOn: day, endsOn: day, units: [UNIT] })
      if (res.status !== 201) {
        throw new Error(`opening the operation answered ${res.status}: ${await res.text()}`)
      }
      return id
    }
    const quiet = await open('Día tranquilo')
    const caravan = await open('Caravana')
    const perOperator = Math.ceil(COUNTS / OPERATORS)
    const phone = (n: number, actions: BenchAction[]) => ({ deviceId: `bench-surge-phone-${n}-${Date.now()}`, actions })
    // The quiet day: one tap per sheet, the dashboard's floor.
    await pushAll(base, session, Array.from({ length: OPERATORS }, (_, n) => phone(n, operatorActions(quiet, day, 'Puente Rodolfo Robles', 1))))
    const attentions = Array.from({ length: OPERATORS }, (_, n) => phone(100 + n, Array.from({ length: perOperator + 1 }, (_, i) => {
      const action = typicalAction(i + 1, new Date())
      return { ...action, payload: { ...action.payload, orgUnitId: UNIT } }
    })))
    const attentionRate = await pushAll(base, session, attentions)
    const surgeRate = await pushAll(base, session, Array.from({ length: OPERATORS }, (_, n) => phone(200 + n, operatorActions(caravan, day, 'Puente Rodolfo Robles', perOperator))))
    // Both read once before measuring, so neither pays for the server's first compilation.
    await readDashboard(base, session, quiet, day)
    await readDashboard(base, session, caravan, day)
    const floor = await readDashboard(base, session, quiet, day)
    const full = await readDashboard(base, session, caravan, day)
    const f = (n: number) => n.toFixed(1)
    console.log(`${dialect}: ${fmt(perOperator * OPERATORS)} arrivals at one point by ${OPERATORS} operators, pushed in batches of ${BATCH}`)
    console.log(`  surge taps:      ${fmt(surgeRate)} actions/s`)
    console.log(`  attentions:      ${fmt(attentionRate)} actions/s (baseline)`)
    console.log(`  taps per second are ${((surgeRate / attentionRate) * 100).toFixed(0)}% of attentions per second`)
    console.log(`  dashboard, full day (${fmt(full.people)} people): p50 ${f(full.p50)} ms, p95 ${f(full.p95)} ms, ${fmt(full.bytes)} B gzip`)
    console.log(`  dashboard, one tap per sheet (${fmt(floor.people)} people): p50 ${f(floor.p50)} ms, p95 ${f(floor.p95)} ms (baseline)`)
    console.log(`  the full day's dashboard takes ${(full.p50 / floor.p50).toFixed(2)}× the quiet day's`)
  } finally {
    await server.stop()
    cluster?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const only = process.argv[2]
for (const dialect of ['sqlite', 'postgres'] as const) {
  if ((only === undefined || only === dialect) && (dialect === 'sqlite' || findPgBin() !== undefined)) {
    await run(dialect)
  }
}
