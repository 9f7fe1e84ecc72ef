import type { Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// The approval of a programme's published tables for a period (a year, or an operation): each
// unit's coordinator first, then the national office, whose approval freezes the protected
// tables as they go out (`stat_publications`, one row per table and revision). A later
// correction is published as a new revision, never by changing a row: both tables are
// append-only. `counts` keeps the exact counts a publication was protected from, for the office
// to see what changed since; only `shown` is ever published.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stat_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    // `coordinator` (a unit's) or `national` (the programme's, with its revision from 1).
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('stat_approvals_once', ['programme', 'period', 'unit_id', 'level', 'revision'])
    .execute()
  await db.schema
    .createTable('stat_publications')
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('table_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('k', 'integer', (c) => c.notNull())
    .addColumn('shown', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stat_publications_pk', ['programme', 'period', 'table_id', 'revision'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stat_publications').execute()
  await db.schema.dropTable('stat_approvals').execute()
}
