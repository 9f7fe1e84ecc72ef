import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SeededRandom } from '../../seed/random.ts'
import { call, makeTestEnv, makeUser, signIn, testDialects, type Session, type TestEnv } from '../../test/harness.ts'
import { chaosRuns, chaosSeed, clockSkew, SimDevice, type SimAction, type WireResult } from './chaos-model.ts'

// The chaos test of the sync protocol (issue 4), in-process against the real app and a real
// database: every run is one push attempt under a random fault. Replay a failure with
// CHAOS_SEED=<seed>; scale with CHAOS_RUNS. The kill -9 scenarios live in chaos-kill.test.ts.

type Fault = 'none' | 'request_lost' | 'response_lost' | 'parallel' | 'reordered'
const FAULTS: readonly (readonly [Fault, number])[] = [['none', 35], ['request_lost', 15], ['response_lost', 20], ['parallel', 12], ['reordered', 18]]

// SQLite once more with pushes written by their own thread on a second connection, as `faro start`
// runs it; the kill -9 scenarios of chaos-kill.test.ts also go through that thread.
const VARIANTS = [
  ...testDialects().map((dialect) => ({ dialect, writerThread: false, name: dialect, runs: chaosRuns(dialect === 'sqlite' ? 10_000 : 2_000) })),
  { dialect: 'sqlite' as const, writerThread: true, name: 'sqlite (writer thread)', runs: chaosRuns(2_000) },
]

for (const { dialect, writerThread, name, runs } of VARIANTS) {
  describe(`${name}: sync chaos`, () => {
    let env: TestEnv
    const seed = chaosSeed()
    const random = new SeededRandom(seed)
    const devices: { sim: SimDevice; session: Session }[] = []

    beforeAll(async () => {
      env = await makeTestEnv(dialect, { writerThread })
      const units = ['beta-tijuana', 'beta-tijuana', 'beta-nogales']
      for (const [i, unit] of units.entries()) {
        const session = await signIn(env, (await makeUser(env, 'field_agent', unit)).username)
        for (let d = 0; d < 2; d++) {
          devices.push({ sim: new SimDevice(`chaos-${seed}-${dialect}${writerThread ? '-writer' : ''}-u${i}-d${d}`, unit, random, clockSkew(random)), session })
        }
      }
    })
    afterAll(async () => env?.close())

    it(`keeps every action exactly once through ${runs} faulty pushes (seed printed on failure)`, { timeout: 600_000 }, async () => {
      const stats: Record<Fault, number> = { none: 0, request_lost: 0, response_lost: 0, parallel: 0, reordered: 0 }
      let run = 0
      try {
        for (run = 1; run <= runs; run++) {
          const device = random.pick(devices)
          if (random.chance(0.6) || device.sim.outbox.size === 0) {
            device.sim.generate(random.int(1, 5), env.clock.now().getTime())
          }
          const fault = random.weighted(FAULTS)
          stats[fault] += 1
          const batch = pickBatch(device.sim, fault, random)
          const answer = await attempt(env, device, batch, fault, random)
          if (answer !== undefined) {
            device.sim.receive(answer)
          }
          await checkBatch(env, device.sim, batch)
          // Time passes, but less than a session lasts over the whole run.
          env.clock.advance(random.int(0, 3_000))
        }
        // Signal comes back for good: every device drains its outbox with a clean link.
        for (const device of devices) {
          for (let round = 0; device.sim.outbox.size > 0; round++) {
            expect(round, 'outbox converges').toBeLessThan(50)
            const answer = await attempt(env, device, device.sim.pending().slice(0, 100), 'none', random)
            device.sim.receive(answer ?? [])
          }
        }
        await checkAll(env, devices.map((d) => d.sim))
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error)
        throw new Error(`chaos failed at run ${run} on ${name}; replay with CHAOS_SEED=${seed}\n${why}`, { cause: error })
      }
      console.info(`chaos ${name}: ${runs} runs, seed ${seed}, faults ${JSON.stringify(stats)}`)
    })
  })
}

/** The batch a device sends: its outbox head, or on `reordered` a shuffled random subset. */
function pickBatch(sim: SimDevice, fault: Fault, random: SeededRandom): SimAction[] {
  const pending = sim.pending()
  const size = random.int(1, 12)
  if (fault !== 'reordered') {
    return pending.slice(0, size)
  }
  const start = random.int(0, Math.max(0, pending.length - 1))
  const batch = pending.slice(start, start + size)
  for (let i = batch.length - 1; i > 0; i--) {
    const j = random.int(0, i)
    const a = batch[i]
    const b = batch[j]
    if (a !== undefined && b !== undefined) {
      batch[i] = b
      batch[j] = a
    }
  }
  return batch
}

/** One push attempt through a faulty link; undefined when the device never got an answer. */
async function attempt(env: TestEnv, device: { sim: SimDevice; session: Session }, batch: SimAction[], fault: Fault, random: SeededRandom): Promise<WireResult[] | undefined> {
  if (batch.length === 0 || fault === 'request_lost') {
    return undefined
  }
  const body = { deviceId: device.sim.deviceId, actions: batch }
  const send = async () => {
    const res = await call(env, 'POST', '/api/sync/push', { as: device.session, body })
    if (res.status !== 200) {
      throw new Error(`push answered ${res.status}: ${await res.text()}`)
    }
    return ((await res.json()) as { results: WireResult[] }).results
  }
  if (fault === 'parallel') {
    const copies = random.chance(0.05) ? 50 : random.int(2, 5)
    const answers = await Promise.all(Array.from({ length: copies }, send))
    return random.pick(answers)
  }
  const answer = await send()
  // The server committed and answered, but the answer never reached the phone.
  return fault === 'response_lost' ? undefined : answer
}

/** After a run: no action of the batch is stored twice, and each acknowledged one is stored. */
async function checkBatch(env: TestEnv, sim: SimDevice, batch: SimAction[]): Promise<void> {
  if (batch.length === 0) {
    return
  }
  const rows = await env.db.db.selectFrom('actions').select(['id', 'seq']).where('id', 'in', batch.map((a) => a.id)).execute()
  const seen = new Map<string, number>()
  for (const row of rows) {
    expect(seen.has(row.id), `action ${row.id} stored twice`).toBe(false)
    seen.set(row.id, Number(row.seq))
  }
  for (const a of batch) {
    const acked = sim.acked.get(a.id)
    if (acked !== undefined) {
      expect(seen.get(a.id), `acknowledged action ${a.id} is in the log with its seq`).toBe(acked)
    }
  }
}

/** At the end: every generated action is in the log exactly once, nothing else, nothing waiting. */
async function checkAll(env: TestEnv, sims: SimDevice[]): Promise<void> {
  for (const sim of sims) {
    const rows = await env.db.db.selectFrom('actions').select(['id', 'seq', 'deviceCounter']).where('deviceId', '=', sim.deviceId).execute()
    const ids = rows.map((r) => r.id)
    expect(new Set(ids).size, 'no duplicates').toBe(ids.length)
    expect(ids.length, 'exactly the generated actions').toBe(sim.generated.size)
    for (const row of rows) {
      expect(sim.generated.has(row.id)).toBe(true)
      expect(sim.acked.get(row.id), 'the device holds the same seq').toBe(Number(row.seq))
    }
    expect(sim.outbox.size).toBe(0)
    expect([...sim.needsAttention.entries()]).toEqual([])
    expect(new Set(rows.map((r) => r.deviceCounter)).size).toBe(sim.counter)
  }
}
