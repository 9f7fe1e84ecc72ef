import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// Recordings of the public site's pages read aloud, one per page and language of an edition of
// the guide. They are public once their edition is published, so they are kept in clear, unlike
// the evidence files; a row never changes after it is written.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('public_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', postgres ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute()
  if (postgres) {
    // Compressed audio does not compress again.
    await sql`alter table public_media alter column bytes set storage external`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('public_media').execute()
}
