import { Migrator, sql } from 'kysely'
import { migrations } from '../../migrations/index.ts'
import type { Config } from '../config.ts'
import { grantAppRole } from './grants.ts'
import { openDb, type Db } from './open.ts'
import { rebuild } from '../statistics/summaries.ts'

/** Runs every pending migration; throws with the failing migration's name on error. */
export async function migrateToLatest({ db }: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/**
 * Brings the schema of the application's database `app` up to date. With an owner URL
 * (`DATABASE_MIGRATE_URL`) the migrations run as the owner, who then grants `app`'s role its
 * rights again, so new tables are covered. Without one they run on `app`, whose role owns the
 * tables, as before. Returns the migrations applied.
 */
export async function migrateDatabase(app: Db, database: Config['database']): Promise<string[]> {
  const applied = await asOwner(app, database, (owner) => migrateToLatest(owner))
  // The summary table starts empty (and is made again when its dimensions change): a database
  // with records before it gets their counts now.
  if (applied.some((m) => STAT_CELLS_MIGRATIONS.includes(m))) {
    await rebuild(app)
  }
  return applied
}

const STAT_CELLS_MIGRATIONS = ['2026-12-07T1100-stat-cells', '2026-12-08T0900-stat-cells-cases']

/**
 * Grants `app`'s role its rights again, e.g. after a restore that came back without them; does
 * nothing without an owner URL.
 */
export async function grantDatabase(app: Db, database: Config['database']): Promise<void> {
  await asOwner(app, database, async () => undefined)
}

async function asOwner<T>(app: Db, database: Config['database'], work: (owner: Db) => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres' || !database.migrateUrl) {
    return work(app)
  }
  const owner = openDb({ kind: 'postgres', url: database.migrateUrl })
  try {
    const result = await work(owner)
    // The role is asked of the connection itself: the URL may leave it to PGUSER or the OS user.
    const { rows } = await sql<{ role: string }>`select current_user as role`.execute(app.db)
    await grantAppRole(owner.db, rows[0]?.role ?? '')
    return result
  } finally {
    await owner.close()
  }
}
