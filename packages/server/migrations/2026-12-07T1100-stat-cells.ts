import type { Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// The statistics' summary table: the sum of every record's counts by fact, day (in the record's
// own time zone), org unit and dimensions, kept in the transaction that changes the records.
// Filled from the records by `faro stats rebuild` (run once after this migration: a database
// that had records before it starts with an empty table, which `faro stats verify` reports).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stat_cells')
    .addColumn('fact', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('stat_cells_pk', ['fact', 'day', 'unit_id', 'sex', 'age_band', 'nationality', 'kind', 'outcome'])
    .execute()
  // A period's table for a set of units reads by fact and day first; a unit's, by unit.
  await db.schema.createIndex('stat_cells_unit').on('stat_cells').columns(['unit_id', 'fact', 'day']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stat_cells').execute()
}
