import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync, gunzipSync } from 'node:zlib'
import { halveBatchSize, MAX_PUSH_ACTIONS, nextBackoffMs, splitBatches } from '@faro/core'
import { SeededRandom } from '../../packages/server/src/seed/random.ts'
import { fmt, login, startServer, typicalAction, type BenchAction, type Session } from './common.ts'
import { startThrottleProxy } from './throttle-proxy.ts'

// Slow-link benchmark (issue 4): 1,000 typical actions pushed by a client that follows the
// client rules of docs/sync.md (gzip batches of ≤ 100, halve on 413 or timeout, back off with
// full jitter) through a proxy at 40 kbit/s, 800 ms round trip, 1% of connections cut.
// Targets: ≤ 60 s and ≤ 150 bytes per action on the wire. BENCH_SEED replays a run;
// BENCH_DROP sets the share of connections cut (default 0.01).

const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 1000)
const seed = Number(process.env.BENCH_SEED ?? Date.now() % 2 ** 31)
const random = new SeededRandom(seed)
const TIMEOUT_MS = 30_000

type Attempt = { kind: 'ok'; results: { id: string; status: string }[] } | { kind: 'too_large' } | { kind: 'timeout' } | { kind: 'network' }

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-slow-'))
  const server = await startServer(path.join(dir, 'faro.db'))
  const proxy = await startThrottleProxy(server.port, { bytesPerSecond: 5000, oneWayMs: 400, dropProbability: Number(process.env.BENCH_DROP ?? 0.01), random: () => random.next() })
  try {
    // Sign in directly: the benchmark is about pushing, which a device does long after login.
    const session = await login(`http://127.0.0.1:${server.port}`)
    const now = new Date()
    const outbox = new Map<string, BenchAction>(Array.from({ length: ACTIONS }, (_, i) => typicalAction(i + 1, now)).map((a) => [a.id, a]))
    const deviceId = `slow-link-device-${seed}`
    let batchSize = MAX_PUSH_ACTIONS
    let failures = 0
    let requests = 0
    const started = performance.now()
    while (outbox.size > 0) {
      const [batch = []] = splitBatches([...outbox.values()], { maxCount: batchSize })
      requests += 1
      const answer = await pushOnce(proxy.port, session, deviceId, batch)
      if (process.env.BENCH_DEBUG) {
        console.log(requests, batch.length, answer.kind, ((performance.now() - started) / 1000).toFixed(1), proxy.bytes)
      }
      if (answer.kind === 'ok') {
        failures = 0
        for (const r of answer.results) {
          if (r.status === 'accepted' || r.status === 'duplicate') {
            outbox.delete(r.id)
          }
        }
        continue
      }
      if (answer.kind === 'too_large' || answer.kind === 'timeout') {
        batchSize = halveBatchSize(batchSize)
      }
      await sleep(nextBackoffMs(failures, random.next()))
      failures += 1
    }
    const seconds = (performance.now() - started) / 1000
    const wire = proxy.bytes.up + proxy.bytes.down
    console.log(
      `slow link (40 kbit/s, 800 ms RTT, ${Number(process.env.BENCH_DROP ?? 0.01) * 100}% cut; seed ${seed}): ${ACTIONS} actions in ${seconds.toFixed(1)} s over ${requests} requests ` +
        `(${proxy.dropped} connections cut); ${fmt(wire)} bytes on the wire = ${(wire / ACTIONS).toFixed(1)} B/action ` +
        `(up ${(proxy.bytes.up / ACTIONS).toFixed(1)}, down ${(proxy.bytes.down / ACTIONS).toFixed(1)})`,
    )
    const raw = Buffer.byteLength(JSON.stringify([...Array.from({ length: 100 }, (_, i) => typicalAction(i + 1, now))]))
    console.log(`baseline: one uncompressed JSON action is ${(raw / 100).toFixed(1)} B; the link alone moves ${ACTIONS} of them in ${((raw / 100) * ACTIONS / 5000).toFixed(1)} s`)
  } finally {
    await proxy.close()
    await server.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** One push through the proxy on a fresh connection, gzip both ways. */
function pushOnce(port: number, session: Session, deviceId: string, actions: BenchAction[]): Promise<Attempt> {
  const body = gzipSync(JSON.stringify({ deviceId, actions }), { level: 9 })
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/sync/push',
        method: 'POST',
        agent: false,
        timeout: TIMEOUT_MS,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json', 'content-encoding': 'gzip', 'accept-encoding': 'gzip', 'content-length': body.byteLength },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', () => resolve({ kind: 'network' }))
        res.on('aborted', () => resolve({ kind: 'network' }))
        res.on('end', () => {
          if (res.statusCode === 413) {
            resolve({ kind: 'too_large' })
            return
          }
          try {
            const data = Buffer.concat(chunks)
            const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(data).toString('utf8') : data.toString('utf8')
            resolve(res.statusCode === 200 ? { kind: 'ok', results: (JSON.parse(text) as { results: { id: string; status: string }[] }).results } : { kind: 'network' })
          } catch {
            resolve({ kind: 'network' })
          }
        })
      },
    )
    req.on('timeout', () => {
      req.destroy()
      resolve({ kind: 'timeout' })
    })
    req.on('error', (e) => {
      if (process.env.BENCH_DEBUG) {
        console.log('request error', e.message)
      }
      resolve({ kind: 'network' })
    })
    req.end(body)
  })
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

await main()
