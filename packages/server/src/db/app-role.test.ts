import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import pino from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { backup, restore } from '../cli/backup.ts'
import { ManualClock } from '../clock.ts'
import { loadConfig } from '../config.ts'
import { createApp } from '../http/app.ts'
import { retentionCtx } from '../protection/job.ts'
import { reapplyShredList, runRetention } from '../protection/retention/retention.ts'
import { ephemeralProtection } from '../protection/settings.ts'
import { verifyAudit } from '../log/audit-repo.ts'
import { systemCtx } from '../seed/demo.ts'
import { orgTree } from '../seed/org-tree.ts'
import { startServer } from '../server.ts'
import { createOrgUnit } from '../accounts/accounts.ts'
import { call, dropAppendOnlyGuards, makeAttentionAction, makeUser, signIn, testAppConfig, testDialects, type TestEnv } from '../test/harness.ts'
import { canaryIdentity } from '../test/protection-env.ts'
import { grantDatabase, migrateDatabase } from './migrate.ts'
import { openDb, type Db } from './open.ts'

// Roles are cluster-wide, so each run of this file makes its own pair. The capitals check that
// the role's name reaches the grants quoted and unchanged.
const OWNER = `faro_owner_${process.pid}`
const APP = `Faro_App_${process.pid}`
const PERMISSION_DENIED = '42501'

interface PgDatabase {
  kind: 'postgres'
  url: string
  migrateUrl: string
}

describe.skipIf(!testDialects().includes('postgres'))('postgres: least-privilege application role', () => {
  const base = inject('pgUrl') ?? ''
  const cleanups: (() => Promise<void>)[] = []
  let counter = 0

  beforeAll(() => asSuperuser(base, [`create role ${OWNER} login`, `create role "${APP}" login`]))
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup()
    }
  })
  afterAll(() => asSuperuser(base, [`drop role if exists "${APP}"`, `drop role if exists ${OWNER}`]))

  it('lets the application role sign in, record an action, sign out and extend the audit chain', async () => {
    const { env } = await setUp()
    const agent = await makeUser(env, 'field_agent', 'beta-tijuana')
    const session = await signIn(env, agent.username)
    expect((await call(env, 'POST', '/api/records/actions', { as: session, body: makeAttentionAction('beta-tijuana') })).status).toBe(201)
    expect((await call(env, 'POST', '/api/auth/logout', { as: session })).status).toBeLessThan(300)
    expect((await call(env, 'GET', '/api/auth/me', { as: session })).status).toBe(401)
    const audit = await verifyAudit(env.db.db)
    expect(audit.ok).toBe(true)
    expect(audit.rows).toBeGreaterThan(orgTree().length)
    const { rows } = await sql<{ owner: string }>`select tableowner as owner from pg_tables where tablename = 'actions'`.execute(env.db.db)
    expect(rows).toEqual([{ owner: OWNER }])
  })

  it('refuses the application role UPDATE, DELETE and TRUNCATE on the log and the audit chain', async () => {
    const { env } = await setUp()
    await makeUser(env, 'field_agent', 'beta-tijuana')
    for (const table of ['actions', 'audit_events']) {
      for (const statement of [`update ${table} set seq = seq`, `delete from ${table}`, `truncate ${table}`]) {
        await expect(run(env.db, statement), statement).rejects.toMatchObject({ code: PERMISSION_DENIED, message: `permission denied for table ${table}` })
      }
      // Nor can it take the append-only triggers away: only the owner can.
      await expect(run(env.db, `drop trigger ${table}_append_only on ${table}`)).rejects.toMatchObject({ code: PERMISSION_DENIED, message: `must be owner of relation ${table}` })
    }
    expect(await verifyAudit(env.db.db)).toMatchObject({ ok: true })
  })

  it('keeps the log refused to the application role without the triggers, while the owner can change it', async () => {
    const { env, owner } = await setUp()
    await makeUser(env, 'field_agent', 'beta-tijuana')
    await dropAppendOnlyGuards(owner)
    await expect(run(env.db, `update audit_events set decision = 'denied'`)).rejects.toMatchObject({ code: PERMISSION_DENIED })
    await expect(run(env.db, 'delete from audit_events')).rejects.toMatchObject({ code: PERMISSION_DENIED })
    expect(await run(owner, `update audit_events set decision = 'denied' where seq = 1`)).toBe(1)
    expect(await run(owner, 'delete from audit_events where seq = 2')).toBe(1)
    await run(owner, 'truncate actions')
    expect(await verifyAudit(env.db.db)).toMatchObject({ ok: false })
  })

  it('grants the same rights when run twice, and covers a table added by a later migration', async () => {
    const { env, owner, database } = await setUp()
    const first = await privileges(owner)
    await migrateDatabase(env.db, database)
    await grantDatabase(env.db, database)
    expect(await privileges(owner)).toEqual(first)
    expect(first.filter((p) => p.table === 'actions' || p.table === 'audit_events' || p.table === 'records' || p.table === 'kysely_migration')).toEqual([
      { table: 'actions', privileges: 'INSERT,SELECT' },
      { table: 'audit_events', privileges: 'INSERT,SELECT' },
      { table: 'kysely_migration', privileges: 'SELECT' },
      { table: 'records', privileges: 'DELETE,INSERT,SELECT,UPDATE' },
    ])
    expect(first.every((p) => !p.privileges.includes('TRUNCATE'))).toBe(true)

    await run(owner, 'create table later_notes (id bigserial primary key, body text not null)')
    await expect(run(env.db, `insert into later_notes (body) values ('x')`)).rejects.toMatchObject({ code: PERMISSION_DENIED })
    await migrateDatabase(env.db, database)
    expect(await run(env.db, `insert into later_notes (body) values ('x')`)).toBe(1)
  })

  it('shreds identities past retention and restores a backup as the application role', async () => {
    const { env, database, protection } = await setUp()
    const agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
    const dpo = await signIn(env, (await makeUser(env, 'data_protection_officer', 'inm')).username)
    const action = makeAttentionAction('beta-tijuana')
    expect((await call(env, 'POST', '/api/records/actions', { as: agent, body: action })).status).toBe(201)
    const link = { recordType: 'attention', recordId: action.recordId, legalBasis: 'consent', purpose: 'referral_services' }
    const person = await call(env, 'POST', '/api/people', { as: agent, body: { orgUnitId: 'beta-tijuana', identity: canaryIdentity({ given: 'Olvidada', surname: 'Borrada', phone: '+52 664 000 1111' }), link } })
    const personId = ((await person.json()) as { id: string }).id
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faro-role-')), 'faro.backup')
    cleanups.push(async () => fs.rmSync(path.dirname(file), { recursive: true, force: true }))
    await backup(database, file)

    const request = (await (await call(env, 'POST', '/api/rights-requests', { as: dpo, body: { personId, kind: 'cancellation', channel: 'in_person' } })).json()) as { id: string }
    expect((await call(env, 'POST', `/api/rights-requests/${request.id}/cancel`, { as: dpo })).status).toBe(200)
    expect((await runRetention(retentionCtx(env.db, env.clock), protection)).shredded).toEqual([personId])

    await env.close()
    await restore(database, file)
    const app = opening(database.url)
    await grantDatabase(app, database)
    expect(await reapplyShredList(retentionCtx(app, env.clock), protection)).toBe(1)
    expect(await app.db.selectFrom('personKeys').selectAll().where('personId', '=', personId).execute()).toEqual([])
    expect(await verifyAudit(app.db)).toMatchObject({ ok: true })
  })

  it('refuses to grant to a role that owns the tables or is a superuser, which no grant binds', async () => {
    const database = await freshDatabase()
    const ownerAsApp = opening(database.migrateUrl)
    await expect(migrateDatabase(ownerAsApp, { ...database, url: database.migrateUrl })).rejects.toThrow(`DATABASE_URL connects as ${OWNER}, which is or may act as ${OWNER}, the owner of the tables`)
    const superuser = new URL(base).username
    const superuserAsApp = opening(urlAs(base, superuser, new URL(database.url).pathname.slice(1)))
    await expect(migrateDatabase(superuserAsApp, database)).rejects.toThrow(`DATABASE_URL connects as ${superuser}, a superuser`)
  })

  it('starts the server as the application role, migrating as the owner', async () => {
    const database = await freshDatabase()
    const config = { ...loadConfig({ DATABASE_URL: database.url, DATABASE_MIGRATE_URL: database.migrateUrl, FARO_HOST: '127.0.0.1' }), port: 0 }
    expect(config.database).toEqual(database)
    const running = await startServer(config, pino({ level: 'silent' }), ephemeralProtection())
    cleanups.push(() => running.stop())
    const res = await fetch(`http://127.0.0.1:${running.port}/readyz`)
    expect(await res.json()).toEqual({ status: 'ready', database: 'postgres' })
    await expect(run(running.db, 'truncate audit_events')).rejects.toMatchObject({ code: PERMISSION_DENIED })
  })

  /** A database owned by OWNER, migrated by it and granted to APP, and Faro's app over APP. */
  async function setUp(): Promise<{ owner: Db; env: TestEnv; database: PgDatabase; protection: ReturnType<typeof ephemeralProtection> }> {
    const database = await freshDatabase()
    const owner = opening(database.migrateUrl)
    const db = opening(database.url)
    await migrateDatabase(db, database)
    const clock = new ManualClock()
    const protection = ephemeralProtection({ blockingDays: 0 })
    const env = { db, clock, app: createApp({ db, clock, config: testAppConfig(), logger: pino({ level: 'silent' }), protection }), close: () => db.close() }
    for (const unit of orgTree()) {
      await createOrgUnit(systemCtx(db, clock), unit)
    }
    return { owner, env, database, protection }
  }

  async function freshDatabase(): Promise<PgDatabase> {
    const name = `faro_role_${process.pid}_${++counter}`
    await asSuperuser(base, [`create database ${name} owner ${OWNER}`])
    cleanups.push(() => asSuperuser(base, [`drop database if exists ${name}`]))
    return { kind: 'postgres', url: urlAs(base, APP, name), migrateUrl: urlAs(base, OWNER, name) }
  }

  /** Opens a pool that the test's cleanup closes, unless the test already did. */
  function opening(url: string): Db {
    const db = openDb({ kind: 'postgres', url })
    let closed = false
    const close = async () => {
      if (!closed) {
        closed = true
        await db.close()
      }
    }
    cleanups.push(close)
    return { ...db, close }
  }
})

/** Runs one statement and returns how many rows it changed. */
async function run(db: Db, statement: string): Promise<number> {
  const result = await sql.raw(statement).execute(db.db)
  return Number(result.numAffectedRows ?? 0)
}

/** The application role's table privileges, per table, as the owner sees them. */
async function privileges(owner: Db): Promise<{ table: string; privileges: string }[]> {
  const { rows } = await sql<{ table: string; privileges: string }>`
    select table_name as "table", string_agg(privilege_type, ',' order by privilege_type) as privileges
    from information_schema.role_table_grants where grantee = ${APP} group by table_name order by table_name`.execute(owner.db)
  return rows
}

function urlAs(base: string, role: string, database: string): string {
  const url = new URL(base)
  url.username = role
  url.pathname = `/${database}`
  return url.toString()
}

async function asSuperuser(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const statement of statements) {
      await client.query(statement)
    }
  } finally {
    await client.end()
  }
}
