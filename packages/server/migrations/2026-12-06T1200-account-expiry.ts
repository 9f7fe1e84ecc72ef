import type { Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// Accounts that stop working on their own (a volunteer's, the day after their operation ends),
// and one-time codes with which an account made in bulk sets its own password the first time.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('expires_at', 'text').execute()
  await db.schema
    .createTable('account_activations')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_activations').execute()
  await db.schema.alterTable('users').dropColumn('expires_at').execute()
}
