import type { Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.

export async function up(db: Kysely<any>): Promise<void> {
  // A legal hold stops erasure of one person while a proceeding needs their data. Only the person
  // id links it to identity: reason and reference are written without names. The id is a UUIDv7
  // like every other protection table, so no serial or bigint is needed on either dialect.
  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('placed_by', 'text', (c) => c.notNull())
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('released_by', 'text')
    .addColumn('released_at', 'text')
    .addColumn('release_reason', 'text')
    .execute()
  // The retention job asks "is this person held?" for every candidate.
  await db.schema.createIndex('legal_holds_person').on('legal_holds').columns(['person_id', 'released_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('legal_holds').execute()
}
