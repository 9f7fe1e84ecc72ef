import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
// Evidence files (photos, PDFs) attached to a record, encrypted, with their chain of custody.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  // One row per file. The bytes are AES-256-GCM ciphertext under the file's own data key, which
  // is stored wrapped by a key derived from the master key, as the vault does for people; the
  // file name, which may name someone, is sealed under the same data key. Kind, size and hash
  // are in clear: they say what the file is, never what it shows. The row is never changed after
  // it is written, except to wrap its key again when the master key rotates.
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('name_sealed', 'text')
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('ciphertext', postgres ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_by_unit', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('attachments_record').on('attachments').columns(['record_type', 'record_id', 'added_at']).execute()
  if (postgres) {
    // Ciphertext does not compress: store it out of line without trying.
    await sql`alter table attachments alter column ciphertext set storage external`.execute(db)
  }

  // Who added, viewed or downloaded each file, and when: append-only, like the audit chain.
  await db.schema
    .createTable('attachment_custody')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('attachment_id', 'text', (c) => c.notNull().references('attachments.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_unit', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('attachment_custody_attachment').on('attachment_custody').columns(['attachment_id', 'at']).execute()
  if (postgres) {
    // The function was made with the append-only guards of the action log.
    await sql`create trigger attachment_custody_append_only before update or delete on attachment_custody for each row execute function faro_append_only()`.execute(db)
    return
  }
  for (const op of ['update', 'delete']) {
    await sql`create trigger ${sql.raw(`attachment_custody_no_${op}`)} before ${sql.raw(op)} on attachment_custody begin select raise(abort, 'attachment_custody is append-only'); end`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachment_custody').execute()
  await db.schema.dropTable('attachments').execute()
}
