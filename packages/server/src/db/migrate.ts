import { Migrator } from 'kysely'
import { migrations } from '../../migrations/index.ts'
import type { Db } from './open.ts'

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
