import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  // The record version a change was made on (its baseVersion), kept with the action so a reviewer
  // of concurrent edits sees which changes saw which. Null for creations and older actions.
  await db.schema.alterTable('actions').addColumn('base_version', pg ? 'bigint' : 'integer').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('actions').dropColumn('base_version').execute()
}
