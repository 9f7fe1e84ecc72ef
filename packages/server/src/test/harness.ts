import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import pino from 'pino'
import { v7 as uuidv7 } from 'uuid'
import { inject } from 'vitest'
import type { Role } from '@faro/core'
import { ManualClock } from '../clock.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { openDb, type Db, type DialectName } from '../db/open.ts'
import { createApp, type AppDeps } from '../http/app.ts'
import { createUser, createOrgUnit } from '../accounts/accounts.ts'
import { systemCtx } from '../seed/demo.ts'
import { startPushWriter } from '../field/sync/push-writer.ts'
import { ephemeralProtection, type ProtectionDeps } from '../protection/settings.ts'
import { orgTree } from '../seed/org-tree.ts'
import { wantedDialects } from './dialects.ts'

/** The dialects to run each data-layer suite on: SQLite always, PostgreSQL when the cluster is up. */
export function testDialects(): DialectName[] {
  const pgUrl = inject('pgUrl')
  return wantedDialects(process.env.DIALECTS, pgUrl !== null).filter((d) => d === 'sqlite' || pgUrl !== null)
}

let dbCounter = 0

/**
 * A fresh, migrated database of the dialect: in-memory SQLite (or a file, when a second
 * connection must reach it), or a new PostgreSQL database.
 */
export async function makeTestDb(dialect: DialectName, sqliteFile = ':memory:'): Promise<Db> {
  const db = await makeEmptyTestDb(dialect, sqliteFile)
  await migrateToLatest(db)
  return db
}

/** As makeTestDb, before any migration: for tests of a migration. */
export async function makeEmptyTestDb(dialect: DialectName, sqliteFile = ':memory:'): Promise<Db> {
  if (dialect === 'sqlite') {
    return openDb({ kind: 'sqlite', file: sqliteFile })
  }
  const base = inject('pgUrl')
  if (!base) {
    throw new Error('PostgreSQL was asked for but no cluster is running (DIALECTS names postgres?)')
  }
  const name = `faro_test_${process.pid}_${++dbCounter}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  return openDb({ kind: 'postgres', url: base.replace(/\/postgres$/, `/${name}`) })
}

export const TEST_PASSWORD = 'correct horse battery'

export interface TestEnv {
  db: Db
  clock: ManualClock
  app: ReturnType<typeof createApp>
  /** The vault's keys the app runs with: for a test that opens what the app sealed. */
  protection?: ProtectionDeps
  close(): Promise<void>
}

/** The app settings tests run with; override what a test is about. */
export function testAppConfig(overrides: Partial<AppDeps['config']> = {}): AppDeps['config'] {
  return { maxBodyBytes: 64 * 1024, secureCookies: 'false', trustProxy: false, sessionHours: 12, webDist: '/nonexistent', ...overrides }
}

/**
 * A database with the real org tree and an in-process app over it. With `writerThread`, the
 * SQLite database is a file and sync pushes are written by their own thread, as in production.
 */
export async function makeTestEnv(dialect: DialectName, opts: { writerThread?: boolean; onWriterFailure?: (error: Error) => void } = {}): Promise<TestEnv> {
  const dir = opts.writerThread && dialect === 'sqlite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'faro-writer-')) : undefined
  const file = dir === undefined ? undefined : path.join(dir, 'faro.sqlite')
  const db = await makeTestDb(dialect, file)
  const writer = file === undefined ? undefined : startPushWriter(db, file, opts.onWriterFailure ?? ((error) => {
    throw error
  }))
  const clock = new ManualClock()
  const ctx = systemCtx(db, clock)
  for (const unit of orgTree()) {
    await createOrgUnit(ctx, unit)
  }
  const protection = ephemeralProtection()
  const app = createApp({
    db,
    clock,
    config: testAppConfig(),
    logger: pino({ level: 'silent' }),
    protection,
  })
  return {
    db,
    clock,
    app,
    protection,
    close: async () => {
      await writer?.close()
      await db.close()
      if (dir !== undefined) {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

let userCounter = 0

/** Creates an account of the role in the unit and returns its username. */
export async function makeUser(env: TestEnv, role: Role, orgUnitId: string): Promise<{ id: string; username: string }> {
  const username = `${role.replace(/_/g, '-')}-${++userCounter}`
  const user = await createUser(systemCtx(env.db, env.clock), { username, displayName: `Test ${role}`, role, orgUnitId, password: TEST_PASSWORD })
  return { id: user.id, username }
}

export interface Session {
  cookie: string
  csrf: string
}

/** Signs in through the API and returns the cookie and CSRF token to send. */
export async function signIn(env: TestEnv, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await env.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
  if (res.status !== 200) {
    throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`)
  }
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const body = (await res.json()) as { csrfToken: string }
  return { cookie, csrf: body.csrfToken }
}

/** Calls the app in-process as a signed-in user (or anonymously). */
export function call(env: TestEnv, method: string, path: string, opts: { as?: Session; body?: unknown; lang?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.as) {
    headers.cookie = opts.as.cookie
    headers['x-csrf-token'] = opts.as.csrf
  }
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json'
  }
  if (opts.lang) {
    headers['accept-language'] = opts.lang
  }
  return env.app.request(path, { method, headers, ...(opts.body !== undefined ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}) })
}

let actionCounter = 0

/** A valid attention action for the unit; override any field. */
export function makeAttentionAction(orgUnitId: string, overrides: Record<string, unknown> = {}) {
  actionCounter += 1
  return {
    id: uuidv7(),
    recordType: 'attention',
    recordId: `att-${process.pid}-${actionCounter}`,
    type: 'AttentionRecorded',
    payload: { orgUnitId, at: '2026-11-21T09:00:00.000Z', setting: 'rail_tracks', people: [{ count: 4 }], services: ['water', 'food', 'orientation'] },
    ...overrides,
  }
}

export function makePlaceAction(orgUnitId: string, overrides: Record<string, unknown> = {}) {
  actionCounter += 1
  return {
    id: uuidv7(),
    recordType: 'place',
    recordId: `place-${process.pid}-${actionCounter}`,
    type: 'PlaceRegistered',
    payload: { orgUnitId, kind: 'orientation_tower', name: 'Torre de prueba', location: { lat: 31.5, lon: -111.5 } },
    ...overrides,
  }
}

export { uuidv7 as newActionId }

/**
 * Removes the append-only triggers, as an attacker with schema rights could: tamper tests use it
 * to show that the audit hash chain still tells.
 */
export async function dropAppendOnlyGuards(db: Db): Promise<void> {
  const { sql } = await import('kysely')
  if (db.dialect === 'postgres') {
    for (const table of ['actions', 'audit_events']) {
      await sql`drop trigger if exists ${sql.raw(`${table}_append_only`)} on ${sql.table(table)}`.execute(db.db)
    }
    return
  }
  for (const name of ['actions_no_update', 'actions_no_delete', 'audit_events_no_update', 'audit_events_no_delete']) {
    await sql`drop trigger if exists ${sql.raw(name)}`.execute(db.db)
  }
}
