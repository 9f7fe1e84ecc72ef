import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { SQLite, type SqliteDatabase } from '../db/sqlite-driver.ts'
import type { Config } from '../config.ts'
import { makePrivateDir } from '../private-files.ts'

/**
 * Backs up the database to a file while Faro may be running: SQLite's online backup API, or
 * pg_dump's custom format for PostgreSQL.
 */
export async function backup(database: Config['database'], file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  if (database.kind === 'sqlite') {
    const db = new SQLite(database.file, { fileMustExist: true })
    try {
      await db.backup(file)
    } finally {
      db.close()
    }
  } else {
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', file, '--dbname', ownerUrl(database)])
  }
  // A backup is the whole database: as private as the database itself.
  fs.chmodSync(file, 0o600)
}

/**
 * Restores a backup over the current database. Faro must be stopped: for SQLite the file is
 * replaced (the WAL of the old file is removed with it); for PostgreSQL every object is dropped
 * and recreated by pg_restore in one transaction.
 */
export async function restore(database: Config['database'], file: string): Promise<void> {
  if (!fs.existsSync(file)) {
    throw new Error(`backup file not found: ${file}`)
  }
  if (database.kind === 'sqlite') {
    // Check the backup before touching the live file, and copy it next to the live file first so
    // the final switch is one rename. The old WAL goes before the switch: replayed onto the
    // restored file it would corrupt it.
    checkSqliteBackup(file)
    const staging = `${database.file}.restoring`
    makePrivateDir(path.dirname(path.resolve(database.file)))
    fs.copyFileSync(file, staging)
    fs.chmodSync(staging, 0o600)
    for (const suffix of ['-wal', '-shm']) {
      fs.rmSync(database.file + suffix, { force: true })
    }
    fs.renameSync(staging, database.file)
    return
  }
  // Without the backup's grants: they may name a role this cluster lacks, and would then fail the
  // whole restore. The caller grants the application's role again afterwards.
  await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-acl', '--single-transaction', '--exit-on-error', '--dbname', ownerUrl(database), file])
}

/**
 * The owner's connection when there is one: dropping and recreating the tables needs ownership,
 * and the owner reads every table and sequence whatever was granted to the application.
 */
function ownerUrl(database: { url: string; migrateUrl?: string }): string {
  return database.migrateUrl ?? database.url
}

/** Throws unless the file is an intact SQLite database holding a migrated Faro schema. */
function checkSqliteBackup(file: string): void {
  let check: SqliteDatabase | undefined
  let problem: string | undefined
  try {
    check = new SQLite(file, { readonly: true, fileMustExist: true })
    const integrity: unknown = check.pragma('quick_check', { simple: true })
    const tables = check.prepare(`select name from sqlite_master where type = 'table' and name in ('audit_head', 'kysely_migration')`).all()
    if (integrity !== 'ok') {
      problem = `integrity check failed (${String(integrity)})`
    } else if (tables.length !== 2) {
      problem = 'it holds no Faro database'
    }
  } catch (e) {
    problem = e instanceof Error ? e.message : String(e)
  } finally {
    check?.close()
  }
  if (problem !== undefined) {
    throw new Error(`not a Faro SQLite backup: ${file}: ${problem}`)
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    child.on('error', (e) => reject(new Error(`${command} could not start: ${e.message}`)))
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`))))
  })
}
