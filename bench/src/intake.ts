import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { findPgBin, startPgCluster } from '../../packages/server/src/test/postgres-cluster.ts'
import { login, startServer, type Session } from './common.ts'

// Case intake under load: BENCH_INTAKES (2,000) complaints filed by BENCH_OPERATORS (50)
// operators at once through POST /api/cases (folio, hashed PIN, routing, messages queued),
// against the same number of plain record actions (a new attention through
// POST /api/records/actions) by the same operators, in the same run on the same server.
// Usage: npm run bench:intake --workspace @faro/bench [-- sqlite|postgres]

const COUNT = Number(process.env.BENCH_INTAKES ?? 2000)
const OPERATORS = Number(process.env.BENCH_OPERATORS ?? 50)
const WARMUP = 100

type Make = () => { path: string; body: unknown }

const complaint: Make = () => ({
  path: '/api/cases',
  body: { id: uuidv7(), kind: 'complaint', category: 'extortion', channel: 'field', description: 'En la revisión le pidieron dinero para dejarle pasar.', place: { kind: 'customs', city: 'Nuevo Laredo' }, accused: { agencyId: 'agency-aga', badge: 'A-1234' }, facts: { amountDemanded: 200, currency: 'USD' }, pin: '123456' },
})

const attention: Make = () => {
  const id = uuidv7()
  return { path: '/api/records/actions', body: { id, recordType: 'attention', recordId: id, type: 'AttentionRecorded', payload: { orgUnitId: 'beta-tijuana', at: new Date().toISOString(), setting: 'base', people: [{ count: 2 }], services: ['water', 'orientation'] } } }
}

async function load(base: string, session: Session, make: Make, count: number): Promise<{ perSecond: number; p50: number; p95: number }> {
  const latencies: number[] = []
  let next = 0
  const start = performance.now()
  await Promise.all(
    Array.from({ length: OPERATORS }, async () => {
      while (next < count) {
        next += 1
        const { path: p, body } = make()
        const t = performance.now()
        const res = await fetch(`${base}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf }, body: JSON.stringify(body) })
        if (res.status !== 201) {
          throw new Error(`${p} answered ${res.status}: ${await res.text()}`)
        }
        await res.arrayBuffer()
        latencies.push(performance.now() - t)
      }
    }),
  )
  const seconds = (performance.now() - start) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
  return { perSecond: count / seconds, p50: at(0.5), p95: at(0.95) }
}

async function run(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-bench-intake-'))
  const cluster = dialect === 'postgres' ? await startPgCluster() : undefined
  const server = await startServer(cluster ? cluster.url : path.join(dir, 'faro.sqlite'))
  try {
    const base = `http://127.0.0.1:${server.port}`
    const session = await login(base)
    await load(base, session, complaint, WARMUP)
    await load(base, session, attention, WARMUP)
    const cases = await load(base, session, complaint, COUNT)
    const plain = await load(base, session, attention, COUNT)
    const f = (n: number) => n.toFixed(1)
    console.log(`${dialect}: ${COUNT} by ${OPERATORS} operators at once`)
    console.log(`  cases:          ${f(cases.perSecond)}/s, p50 ${f(cases.p50)} ms, p95 ${f(cases.p95)} ms`)
    console.log(`  record actions: ${f(plain.perSecond)}/s, p50 ${f(plain.p50)} ms, p95 ${f(plain.p95)} ms (baseline)`)
    console.log(`  cases per second are ${((cases.perSecond / plain.perSecond) * 100).toFixed(0)}% of plain actions per second`)
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
