import { sql, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.

export async function up(db: Kysely<any>): Promise<void> {
  // Staff are written to about their work (new cases, reminders); the address is optional.
  await db.schema.alterTable('users').addColumn('email', 'text').execute()

  // When a case next needs the sweep's attention (a reminder, a deadline): the sweep reads only
  // the cases whose time has come, by this index, however many are open.
  await db.schema.alterTable('records').addColumn('alert_at', 'text').execute()
  await db.schema.createIndex('records_alert').on('records').columns(['record_type', 'alert_at']).execute()

  // Messages to send, written in the transaction of the action that causes them. The
  // idempotency key makes a message once: the same key again is not queued twice. The address
  // is not stored: it is looked up when sending (the account, or the vault for a complainant).
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .execute()
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute()

  // Scheduled work: one row per job. A process runs a job only after moving its next run
  // forward in one conditional update, so however many processes share the database, each due
  // run happens once.
  await db.schema
    .createTable('scheduled_jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scheduled_jobs').execute()
  await db.schema.dropTable('mail_outbox').execute()
  await db.schema.dropIndex('records_alert').execute()
  await sql`alter table records drop column alert_at`.execute(db)
  await sql`alter table users drop column email`.execute(db)
}
