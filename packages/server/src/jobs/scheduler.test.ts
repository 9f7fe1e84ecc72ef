import { spawn } from 'node:child_process'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { ManualClock } from '../clock.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { openDb, type Db } from '../db/open.ts'
import { makeTestDb, testDialects } from '../test/harness.ts'
import { Scheduler, type Job } from './scheduler.ts'

const PROBE = path.join(import.meta.dirname, 'scheduler-probe.ts')

for (const dialect of testDialects()) {
  describe(`${dialect}: the scheduler`, () => {
    let db: Db | undefined
    afterEach(async () => {
      await db?.close()
      db = undefined
    })

    it('runs a due job in one of two schedulers only, and again only when it is next due', async () => {
      db = await makeTestDb(dialect)
      const clock = new ManualClock()
      const runs: string[] = []
      const job = (who: string): Job => ({ name: 'count', everyMs: 60_000, leaseMs: 120_000, run: async (dueAt) => void runs.push(`${who}@${dueAt}`) })
      const a = new Scheduler(db.db, clock, [job('a')])
      const b = new Scheduler(db.db, clock, [job('b')])
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()])
      expect(runs).toHaveLength(1)
      clock.advance(30_000)
      await Promise.all([a.tick(), b.tick()])
      expect(runs).toHaveLength(1)
      clock.advance(30_000)
      await Promise.all([b.tick(), a.tick()])
      expect(runs).toHaveLength(2)
      expect(new Set(runs.map((r) => r.split('@')[1])).size).toBe(2)
    })

    it('lets another process take a run whose process died holding it, once the lease ends', async () => {
      db = await makeTestDb(dialect)
      const clock = new ManualClock()
      let ran = 0
      const dies = new Scheduler(db.db, clock, [{ name: 'j', everyMs: 1_000, leaseMs: 60_000, run: () => new Promise(() => undefined) }])
      void dies.tick()
      await new Promise((resolve) => setTimeout(resolve, 50))
      const other = new Scheduler(db.db, clock, [{ name: 'j', everyMs: 1_000, leaseMs: 60_000, run: async () => void (ran += 1) }])
      clock.advance(2_000)
      await other.tick()
      expect(ran).toBe(0)
      clock.advance(60_000)
      await other.tick()
      expect(ran).toBe(1)
    })
  })
}

describe.skipIf(!testDialects().includes('postgres'))('postgres: two Faro processes on one database', () => {
  it('run each due run of a job once between them', async () => {
    const base = inject('pgUrl') ?? ''
    const name = `faro_sched_${process.pid}_${Date.now().toString(36)}`
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = base.replace(/\/postgres$/, `/${name}`)
    const db = openDb({ kind: 'postgres', url })
    try {
      await migrateToLatest(db)
      await sql`create table probe_runs (due_at text primary key, pid integer not null)`.execute(db.db)
      const child = () =>
        new Promise<{ runs: number; errors: string[] }>((resolve, reject) => {
          const p = spawn(process.execPath, ['--import', 'tsx', PROBE, url, '2500'], { stdio: ['ignore', 'pipe', 'inherit'] })
          let out = ''
          p.stdout.on('data', (d: Buffer) => (out += d.toString()))
          p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { runs: number; errors: string[] }) : reject(new Error(`probe exited ${String(code)}`))))
        })
      const [one, two] = await Promise.all([child(), child()])
      // A second run of the same due time would have failed the probe table's primary key.
      expect([...one.errors, ...two.errors]).toEqual([])
      const rows = await db.db.selectFrom('scheduledJobs' as never).select(sql<number>`runs`.as('runs')).where(sql`name`, '=', 'probe').executeTakeFirstOrThrow()
      const probe = await sql<{ n: string; pids: string }>`select count(*) as n, count(distinct pid) as pids from probe_runs`.execute(db.db)
      expect(Number(probe.rows[0]?.n)).toBe(one.runs + two.runs)
      expect(Number((rows as { runs: number }).runs)).toBe(one.runs + two.runs)
      expect(one.runs + two.runs).toBeGreaterThan(10)
      expect(Number(probe.rows[0]?.pids)).toBe(2)
    } finally {
      await db.close()
    }
  }, 60_000)
})
