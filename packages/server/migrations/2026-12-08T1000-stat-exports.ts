import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// Exports of the statistics, run as jobs: one row per export asked for, its id chosen by the
// client (so asking again is harmless), and the finished file's bytes in chunks beside it. The
// question is kept (fact, unit, period, breakdown: never a person); the file lives 24 hours.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('stat_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // The unit the export counts under: the policy is checked against it when it is asked for.
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    // queued | running | done | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer')
    .addColumn('sha256', 'text')
    // A process runs a job only after taking it with one conditional update (queued, or its
    // lease run out), which names its claim; chunks are written under the claim, so a process
    // that lost its lease cannot mix its bytes with the next one's.
    .addColumn('claim', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('stat_exports_due').on('stat_exports').columns(['status', 'lease_until']).execute()
  await db.schema.createIndex('stat_exports_expiry').on('stat_exports').column('expires_at').execute()
  await db.schema
    .createTable('stat_export_chunks')
    .addColumn('export_id', 'text', (c) => c.notNull())
    .addColumn('claim', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('bytes', postgres ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addPrimaryKeyConstraint('stat_export_chunks_pk', ['export_id', 'claim', 'seq'])
    .execute()
  if (postgres) {
    // Zipped spreadsheets do not compress again; CSV would, but is read back once and dropped.
    await sql`alter table stat_export_chunks alter column bytes set storage external`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stat_export_chunks').execute()
  await db.schema.dropTable('stat_exports').execute()
}
