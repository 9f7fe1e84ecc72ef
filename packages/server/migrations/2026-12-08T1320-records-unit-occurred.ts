import type { Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// A unit's records newest first: the field summary's map points for one group read its latest
// records of a period by this index, where `records_occurred` (the whole country's, by time) would
// pass over every other group's first, each on its own page. It replaces `records_unit`, a prefix
// of it, so a record written still updates as many indexes as before.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('records_unit_occurred').on('records').columns(['record_type', 'org_unit_id', 'occurred_at']).execute()
  await db.schema.dropIndex('records_unit').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('records_unit').on('records').columns(['record_type', 'org_unit_id']).execute()
  await db.schema.dropIndex('records_unit_occurred').execute()
}
