import type { Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// Folios reserved in blocks by an account, so that a case taken offline gets its folio at once
// and the person leaves with it; the folio becomes the case's when the intake reaches the server.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('folio_reservations')
    .addColumn('folio', 'text', (c) => c.primaryKey())
    .addColumn('reserved_by', 'text', (c) => c.notNull())
    .addColumn('reserved_at', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.unique())
    .addColumn('used_at', 'text')
    .execute()
  await db.schema.createIndex('folio_reservations_holder').on('folio_reservations').columns(['reserved_by', 'used_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('folio_reservations').execute()
}
