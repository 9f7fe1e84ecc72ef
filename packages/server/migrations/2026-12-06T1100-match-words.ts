import type { Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// How common each name word is among the registry's people, for the matching engine's term
// frequency adjustment: counts under keyed hashes of the words (never a word in clear), and which
// people are counted, so that erasing a person takes their words out again.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('match_words')
    .addColumn('digest', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createTable('match_counted').addColumn('person_id', 'text', (c) => c.primaryKey()).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('match_counted').execute()
  await db.schema.dropTable('match_words').execute()
}
