import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SQLite } from '../db/sqlite-driver.ts'
import pg from 'pg'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ManualClock } from '../clock.ts'
import type { Config } from '../config.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { openDb, type Db, type DialectName } from '../db/open.ts'
import { createApp } from '../http/app.ts'
import { verifyAudit } from '../log/audit-repo.ts'
import { systemCtx } from '../seed/demo.ts'
import { orgTree } from '../seed/org-tree.ts'
import { createOrgUnit } from '../accounts/accounts.ts'
import { call, testAppConfig, makeAttentionAction, makeUser, signIn, testDialects, type TestEnv } from '../test/harness.ts'
import { backup, restore } from './backup.ts'

type Database = Config['database']

const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..')
const tempDirs: string[] = []

afterAll(() => {
  for (const dir of tempDirs) {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

for (const dialect of testDialects()) {
  describe(`${dialect}: backup and restore`, () => {
    let database: Database
    let dir: string
    let before: Snapshot
    let agent: { username: string }

    beforeAll(async () => {
      dir = tempDir()
      database = await freshDatabase(dialect, dir)
      const env = await openEnv(database)
      try {
        const ctx = systemCtx(env.db, env.clock)
        for (const unit of orgTree()) {
          await createOrgUnit(ctx, unit)
        }
        agent = await makeUser(env, 'field_agent', 'beta-tijuana')
        const session = await signIn(env, agent.username)
        for (let i = 0; i < 5; i++) {
          const res = await call(env, 'POST', '/api/records/actions', { as: session, body: makeAttentionAction('beta-tijuana') })
          expect(res.status).toBe(201)
        }
        before = await snapshot(env.db)
      } finally {
        await env.close()
      }
    })

    it('restores every row and an intact audit chain after the database is wiped', async () => {
      const file = path.join(dir, 'faro.backup')
      await backup(database, file)
      await wipe(database)
      await restore(database, file)

      const env = await openEnv(database)
      try {
        expect(await migrateToLatest(env.db)).toEqual([])
        expect(await snapshot(env.db)).toEqual(before)
        expect(before.actions.length).toBeGreaterThan(5)
        expect(before.auditEvents.length).toBeGreaterThan(before.orgUnits.length)
        expect(await verifyAudit(env.db.db)).toEqual({ ok: true, rows: before.auditEvents.length })

        // The restored database takes new writes where the old one stopped.
        const session = await signIn(env, agent.username)
        const res = await call(env, 'POST', '/api/records/actions', { as: session, body: makeAttentionAction('beta-tijuana') })
        expect(res.status).toBe(201)
        const { seq } = (await res.json()) as { seq: number }
        expect(seq).toBeGreaterThan(Math.max(...before.actions.map((a) => Number(a.seq))))
        expect(await verifyAudit(env.db.db)).toEqual({ ok: true, rows: before.auditEvents.length + 2 })
      } finally {
        await env.close()
      }
    })

    it('refuses a file that is not a backup and leaves the database as it was', async () => {
      const live = await freshDatabase(dialect, tempDir())
      const env = await openEnv(live)
      const ctx = systemCtx(env.db, env.clock)
      await createOrgUnit(ctx, orgTree()[0] ?? expect.fail('empty org tree'))
      const kept = await snapshot(env.db)
      await env.close()

      const junk = path.join(dir, 'notes.txt')
      fs.writeFileSync(junk, 'this is not a backup\n'.repeat(200))
      const expected = dialect === 'sqlite' ? /^not a Faro SQLite backup: .*notes\.txt: file is not a database$/ : /^pg_restore exited with 1: .*not appear to be a valid archive/
      await expect(restore(live, junk)).rejects.toThrow(expected)
      await expect(restore(live, path.join(dir, 'missing.backup'))).rejects.toThrow(/^backup file not found: .*missing\.backup$/)

      const reopened = await openEnv(live)
      try {
        expect(await snapshot(reopened.db)).toEqual(kept)
        expect(await verifyAudit(reopened.db.db)).toEqual({ ok: true, rows: 1 })
      } finally {
        await reopened.close()
      }
    })

    if (dialect === 'sqlite') {
      it('refuses an SQLite file that holds no Faro database', async () => {
        const live = await freshDatabase(dialect, tempDir())
        const env = await openEnv(live)
        const kept = await snapshot(env.db)
        await env.close()
        const other = path.join(dir, 'other.sqlite')
        const foreign = new SQLite(other)
        foreign.exec('create table notes (body text)')
        foreign.close()
        await expect(restore(live, other)).rejects.toThrow(/^not a Faro SQLite backup: .*other\.sqlite: it holds no Faro database$/)
        const reopened = await openEnv(live)
        try {
          expect(await snapshot(reopened.db)).toEqual(kept)
        } finally {
          await reopened.close()
        }
      })
    }
  })
}

describe('sqlite: faro CLI', () => {
  it('seeds, verifies, detects tampering and backs up and restores end to end', () => {
    const dataDir = tempDir()
    const dbFile = path.join(dataDir, 'faro.sqlite')
    const backupFile = path.join(dataDir, 'backups', 'before-tamper.sqlite')

    const seeded = faro(dataDir, 'seed')
    expect(seeded.status).toBe(0)
    expect(seeded.stdout).toMatch(/^org units added: \d+$/m)

    const intact = faro(dataDir, 'audit', 'verify')
    expect(intact.status).toBe(0)
    expect(intact.stdout).toMatch(/audit chain intact: \d+ rows/)

    const saved = faro(dataDir, 'backup', backupFile)
    expect(saved.status).toBe(0)
    expect(fs.existsSync(backupFile)).toBe(true)
    // The backup is the whole database: as private as the database file.
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600)

    const raw = new SQLite(dbFile)
    // An attacker with schema rights removes the append-only trigger first.
    raw.prepare('drop trigger audit_events_no_update').run()
    raw.prepare(`update audit_events set decision = 'denied' where seq = 3`).run()
    raw.close()

    const broken = faro(dataDir, 'audit', 'verify')
    expect(broken.status).toBe(1)
    expect(broken.stdout).toMatch(/\brow 3\b/)
    expect(broken.stdout).toMatch(/altered/)

    const restored = faro(dataDir, 'restore', backupFile)
    expect(restored.status).toBe(0)
    const again = faro(dataDir, 'audit', 'verify')
    expect(again.status).toBe(0)
    expect(again.stdout).toBe(intact.stdout)
  })
})

type Snapshot = Awaited<ReturnType<typeof snapshot>>

/** Every row of the tables a restore must bring back, in key order. */
async function snapshot(db: Db) {
  const k = db.db
  return {
    actions: await k.selectFrom('actions').selectAll().orderBy('seq').execute(),
    records: await k.selectFrom('records').selectAll().orderBy('recordType').orderBy('recordId').execute(),
    users: await k.selectFrom('users').selectAll().orderBy('id').execute(),
    orgUnits: await k.selectFrom('orgUnits').selectAll().orderBy('id').execute(),
    auditEvents: await k.selectFrom('auditEvents').selectAll().orderBy('seq').execute(),
    auditHead: await k.selectFrom('auditHead').selectAll().execute(),
  }
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-backup-test-'))
  tempDirs.push(dir)
  return dir
}

let pgCounter = 0

/** A migrated, empty database: an SQLite file in the directory, or a new PostgreSQL database. */
async function freshDatabase(dialect: DialectName, dir: string): Promise<Database> {
  let database: Database
  if (dialect === 'sqlite') {
    database = { kind: 'sqlite', file: path.join(dir, 'faro.sqlite') }
  } else {
    const base = inject('pgUrl') ?? expect.fail('no PostgreSQL cluster')
    const name = `faro_backup_${process.pid}_${++pgCounter}_${Date.now().toString(36)}`
    await asAdmin(base, `create database ${name}`)
    database = { kind: 'postgres', url: base.replace(/\/postgres$/, `/${name}`) }
  }
  const db = openDb(database)
  await migrateToLatest(db)
  await db.close()
  return database
}

/** Loses everything, as a disk failure or a mistaken drop would. */
async function wipe(database: Database): Promise<void> {
  if (database.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) {
      fs.rmSync(database.file + suffix, { force: true })
    }
    expect(fs.existsSync(database.file)).toBe(false)
    return
  }
  await asAdmin(database.url, 'drop schema public cascade; create schema public')
}

async function asAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

async function openEnv(database: Database): Promise<TestEnv> {
  const db = openDb(database)
  const clock = new ManualClock()
  const app = createApp({ db, clock, config: testAppConfig(), logger: pino({ level: 'silent' }) })
  return { db, clock, app, close: () => db.close() }
}

function faro(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, FARO_DATA_DIR: dataDir, FARO_LOG_LEVEL: 'silent' }
  delete env.DATABASE_URL
  return spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 })
}
