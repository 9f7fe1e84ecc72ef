import type { Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// The summary table gains the dimensions of cases (channel, the body that holds one, whether its
// answer came on time). The table is derived from the records, so it is made again rather than
// altered (SQLite cannot change a primary key in place); the migration runner rebuilds its counts
// from the records right after (`migrateDatabase`), as `faro stats rebuild` would.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stat_cells').execute()
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
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('timing', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('stat_cells_pk', ['fact', 'day', 'unit_id', 'sex', 'age_band', 'nationality', 'kind', 'outcome', 'channel', 'body', 'timing'])
    .execute()
  await db.schema.createIndex('stat_cells_unit').on('stat_cells').columns(['unit_id', 'fact', 'day']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stat_cells').execute()
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
  await db.schema.createIndex('stat_cells_unit').on('stat_cells').columns(['unit_id', 'fact', 'day']).execute()
}
