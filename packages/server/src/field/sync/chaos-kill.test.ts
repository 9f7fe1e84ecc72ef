import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { SQLite } from '../../db/sqlite-driver.ts'
import { describe, expect, it } from 'vitest'
import { SeededRandom } from '../../seed/random.ts'
import { chaosSeed, SimDevice, type SimAction, type WireResult } from './chaos-model.ts'

// Part of the chaos test that needs a real process: a Faro server on a SQLite file, killed with
// SIGKILL at random moments while it handles a push, so some kills land before the commit and
// some after it (the answer is lost). After each restart the device retries; at the end every
// action it made must be in the file exactly once.

const SERVER = path.join(import.meta.dirname, 'chaos-server.ts')
const USER = 'chaos-agent'
const PASSWORD = 'correct horse battery staple'

interface Running {
  child: ChildProcess
  base: string
}

describe('sqlite file: sync chaos with the server killed (kill -9)', () => {
  it('keeps every action exactly once across server kills before and after commit', { timeout: 240_000 }, async () => {
    const seed = chaosSeed()
    const random = new SeededRandom(seed)
    const kills = Number(process.env.CHAOS_KILLS) > 0 ? Number(process.env.CHAOS_KILLS) : 20
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-chaos-'))
    const file = path.join(dir, 'faro.db')
    const device = new SimDevice(`chaos-kill-${seed}`, 'beta-tijuana', random, 0)
    const outcome = { runs: 0, killedBeforeCommit: 0, killedAfterCommit: 0, answered: 0 }
    let server = await start(file)
    try {
      let session = await login(server.base)
      let latency = 20
      for (let k = 0; k < kills; k++) {
        // A clean push first: warms the fresh process and measures how long a push takes here.
        device.generate(random.int(1, 10), Date.now())
        const started = performance.now()
        device.receive((await pushBatch(server.base, session, device.deviceId, device.pending().slice(0, 100))) ?? [])
        latency = Math.max(2, performance.now() - started)
        outcome.runs += 1
        device.generate(random.int(5, 40), Date.now())
        const batch = device.pending().slice(0, 100)
        const mode = random.pick(['immediate', 'random', 'after_commit'] as const)
        const pushing = pushBatch(server.base, session, device.deviceId, batch).catch(() => undefined)
        if (mode === 'after_commit') {
          await waitUntilStored(file, batch)
        } else {
          await sleep(mode === 'immediate' ? 0 : random.int(0, Math.ceil(latency * 2)))
        }
        server.child.kill('SIGKILL')
        await exited(server.child)
        const answer = mode === 'after_commit' ? undefined : await pushing
        outcome.runs += 1
        if (answer !== undefined) {
          outcome.answered += 1
          device.receive(answer)
        } else {
          outcome[countStored(file, batch) > 0 ? 'killedAfterCommit' : 'killedBeforeCommit'] += 1
        }
        server = await start(file)
        session = await login(server.base)
      }
      for (let round = 0; device.outbox.size > 0; round++) {
        expect(round).toBeLessThan(50)
        const answer = await pushBatch(server.base, session, device.deviceId, device.pending().slice(0, 100))
        device.receive(answer ?? [])
      }
    } catch (error) {
      throw new Error(`kill chaos failed; replay with CHAOS_SEED=${seed}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    } finally {
      server.child.kill('SIGKILL')
      await exited(server.child)
    }
    const db = new SQLite(file, { readonly: true })
    const rows = db.prepare('select id, seq from actions where device_id = ?').all(device.deviceId) as { id: string; seq: number }[]
    db.close()
    fs.rmSync(dir, { recursive: true, force: true })
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
    expect(rows.length).toBe(device.generated.size)
    for (const row of rows) {
      expect(device.acked.get(row.id)).toBe(row.seq)
    }
    expect(device.needsAttention.size).toBe(0)
    expect(outcome.killedBeforeCommit, 'some kills landed before the commit').toBeGreaterThan(0)
    expect(outcome.killedAfterCommit, 'some kills landed after the commit').toBeGreaterThan(0)
    console.info(`chaos kill: ${kills} kills, seed ${seed}, ${device.generated.size} actions, ${JSON.stringify(outcome)}`)
  })
})

async function start(file: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, file, USER, PASSWORD], { stdio: ['ignore', 'pipe', 'inherit'] })
  const stdout = child.stdout
  if (stdout === null) {
    throw new Error('no stdout')
  }
  const lines = createInterface({ input: stdout })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port))
  })
  return { child, base: `http://127.0.0.1:${port}` }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve()
  }
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

async function login(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USER, password: PASSWORD }) })
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status}`)
  }
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken }
}

async function pushBatch(base: string, session: { cookie: string; csrf: string }, deviceId: string, actions: SimAction[]): Promise<WireResult[] | undefined> {
  const res = await fetch(`${base}/api/sync/push`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId, actions }),
  })
  if (res.status !== 200) {
    throw new Error(`push answered ${res.status}`)
  }
  return ((await res.json()) as { results: WireResult[] }).results
}

function countStored(file: string, batch: SimAction[]): number {
  const db = new SQLite(file, { readonly: true })
  try {
    const first = batch[0]
    return first === undefined ? 0 : Number((db.prepare('select count(*) as n from actions where id = ?').get(first.id) as { n: number }).n)
  } finally {
    db.close()
  }
}

/** Polls the file until the batch's first action is committed: the kill then lands after it. */
/**
 * Waits, by the clock, until the push's actions are in the file: on a loaded machine a push can
 * take seconds, and a kill sent before its commit would land before it, leaving the run with no
 * kill after a commit to test.
 */
async function waitUntilStored(file: string, batch: SimAction[]): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline && countStored(file, batch) === 0) {
    await sleep(2)
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
