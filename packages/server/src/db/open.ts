import fs from 'node:fs'
import path from 'node:path'
import { SQLite } from './sqlite-driver.ts'
import { withStatementCache } from './statement-cache.ts'
import pg from 'pg'
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import type { Config } from '../config.ts'
import type { Database } from './schema.ts'
import { makePrivateDir } from '../private-files.ts'

export type DialectName = 'sqlite' | 'postgres'

export interface Db {
  db: Kysely<Database>
  dialect: DialectName
  close(): Promise<void>
}

// int8 (sequence numbers, counts) as JS numbers: the log will not reach 2^53 rows.
pg.types.setTypeParser(20, (v) => Number(v))

/**
 * Opens the configured database. SQLite runs in WAL mode with synchronous=FULL, so an
 * acknowledged write survives a power cut; PostgreSQL gets a small pool.
 */
export function openDb(database: Config['database']): Db {
  if (database.kind === 'postgres') {
    // No JIT: it compiles a query once its estimated cost passes 100,000, which the field
    // summary's small reads of a ten-million-record table do, and spends 20–50 ms compiling a
    // query that runs in a few milliseconds. Faro asks no query long enough to win it back.
    const pool = new pg.Pool({ connectionString: database.url, max: 10, options: '-c jit=off' })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] })
    return { db, dialect: 'postgres', close: () => db.destroy() }
  }
  if (database.file !== ':memory:') {
    keepPrivate(database.file)
  }
  const sqlite = new SQLite(database.file)
  if (database.file !== ':memory:') {
    // SQLite gives the -wal and -shm files it creates later the mode of the database file.
    fs.chmodSync(database.file, 0o600)
  }
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Savepoints (one per push of a group commit) keep the pages they change in a sub-journal;
  // past 64 KB SQLite spills it to a temporary file, a write per page. In memory it costs none.
  sqlite.pragma('temp_store = MEMORY')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

/**
 * The database holds everything but the vault's plain text: its folder is the owner's alone
 * (created 0700) and its files 0600, whatever the umask. Database files left readable by an
 * older version are closed to others too.
 */
function keepPrivate(file: string): void {
  makePrivateDir(path.dirname(file))
  for (const existing of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(existing)) {
      fs.chmodSync(existing, 0o600)
    }
  }
}
