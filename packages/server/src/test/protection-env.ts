import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import pg from 'pg'
import pino from 'pino'
import { inject } from 'vitest'
import { ManualClock } from '../clock.ts'
import type { Config } from '../config.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { openDb, type DialectName } from '../db/open.ts'
import { createApp } from '../http/app.ts'
import { keyringFrom } from '../protection/keyring.ts'
import { DEFAULT_PROTECTION_SETTINGS, type ProtectionDeps, type ProtectionSettings } from '../protection/settings.ts'
import { fileShredList } from '../protection/retention/shred-list.ts'
import { systemCtx } from '../seed/demo.ts'
import { orgTree } from '../seed/org-tree.ts'
import { createOrgUnit } from '../accounts/accounts.ts'
import { testAppConfig, type TestEnv } from './harness.ts'

/** A test environment with real files: a SQLite file (or a fresh PostgreSQL database), a master key, a shred list and captured logs. */
export interface ProtectionEnv extends TestEnv {
  dir: string
  database: Config['database']
  protection: ProtectionDeps
  masterKey: Buffer
  logs: string[]
  /** Opens a second app over the same database and keys, e.g. after a restore. */
  reopen(): Promise<ProtectionEnv>
}

let counter = 0

/** Builds the environment; the caller closes it and removes `dir`. */
export async function makeProtectionEnv(dialect: DialectName, settings: Partial<ProtectionSettings> = {}): Promise<ProtectionEnv> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-protection-'))
  let database: Config['database']
  if (dialect === 'sqlite') {
    database = { kind: 'sqlite', file: path.join(dir, 'faro.sqlite') }
  } else {
    const base = inject('pgUrl')
    if (!base) {
      throw new Error('PostgreSQL was asked for but no cluster is running')
    }
    const name = `faro_prot_${process.pid}_${++counter}_${Date.now().toString(36)}`
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    database = { kind: 'postgres', url: base.replace(/\/postgres$/, `/${name}`) }
  }
  const masterKey = Buffer.alloc(32, counter + 11)
  const protection: ProtectionDeps = {
    keyring: keyringFrom(masterKey),
    shredList: fileShredList(path.join(dir, 'shred-list.txt')),
    settings: { ...DEFAULT_PROTECTION_SETTINGS, ...settings },
  }
  const env = await open(dialect, dir, database, protection, masterKey, new ManualClock(), [])
  const ctx = systemCtx(env.db, env.clock)
  for (const unit of orgTree()) {
    await createOrgUnit(ctx, unit)
  }
  return env
}

async function open(dialect: DialectName, dir: string, database: Config['database'], protection: ProtectionDeps, masterKey: Buffer, clock: ManualClock, logs: string[]): Promise<ProtectionEnv> {
  const db = openDb(database)
  await migrateToLatest(db)
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'))
      done()
    },
  })
  const logger = pino({ level: 'trace' }, sink)
  const app = createApp({ db, clock, config: testAppConfig(), logger, protection })
  const env: ProtectionEnv = {
    db,
    clock,
    app,
    dir,
    database,
    protection,
    masterKey,
    logs,
    close: () => db.close(),
    reopen: () => open(dialect, dir, database, protection, masterKey, clock, logs),
  }
  return env
}

/** A valid identity full of the given canary strings. */
export function canaryIdentity(c: { given: string; surname: string; phone: string; email?: string }) {
  return {
    givenNames: c.given,
    firstSurname: c.surname,
    secondSurname: 'Quiñónez',
    aliases: [`${c.given} el Chapo`],
    sex: 'male',
    approximateAge: 34,
    nationality: 'GT',
    languages: ['es', 'mam'],
    phones: [c.phone],
    email: c.email ?? 'canary@example.org',
    idDocuments: [{ kind: 'passport', number: 'G12345678', country: 'GT' }],
    relatives: [{ name: `${c.surname} Madre`, relationship: 'parent', phones: ['+502 5555 0101'], country: 'GT' }],
    healthNotes: 'insulina',
  }
}
