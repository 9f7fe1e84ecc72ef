import type { Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// The search for missing migrants reads the registry links that arrived since its last pass, in
// the order they arrived; and the imports of partners' lists keep what each one brought.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('person_links_arrival').on('person_links').columns(['created_at', 'person_id', 'record_id']).execute()
  await db.schema
    .createTable('registry_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registry_imports').execute()
  await db.schema.dropIndex('person_links_arrival').execute()
}
