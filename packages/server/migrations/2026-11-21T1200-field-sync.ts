import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const serial = pg ? 'bigserial' : 'integer'
  const int = pg ? 'bigint' : 'integer'

  // One installation of the field app for one account. Health figures are kept up to date on
  // each contact so the coordinators' list is a plain read.
  await db.schema
    .createTable('devices')
    .addColumn('device_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('org_unit_id', 'text', (c) => c.notNull())
    .addColumn('org_unit_path', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('last_contact_at', 'text')
    .addColumn('last_push_at', 'text')
    .execute()
  await db.schema.createIndex('devices_path').on('devices').column('org_unit_path').execute()

  // Incoming actions whose id or device counter was already used for other content: kept whole
  // for review, never applied.
  await db.schema
    .createTable('sync_conflicts')
    .addColumn('id', serial, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text', (c) => c.notNull())
    .addColumn('device_counter', int)
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute()
  await db.schema.createIndex('sync_conflicts_device').on('sync_conflicts').columns(['device_id', 'id']).execute()

  // Actions refused as invalid or not allowed, with the reason: the device health shows them.
  await db.schema
    .createTable('sync_rejections')
    .addColumn('id', serial, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text', (c) => c.notNull())
    .addColumn('device_counter', int)
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sync_rejections_device').on('sync_rejections').columns(['device_id', 'id']).execute()

  // Pull reads records changed after a version, oldest first.
  await db.schema.createIndex('records_version').on('records').column('version').execute()

  // Set when two devices corrected the same field without one having seen the other.
  await db.schema.alterTable('records').addColumn('needs_review', 'integer', (c) => c.notNull().defaultTo(0)).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('records').dropColumn('needs_review').execute()
  await db.schema.dropIndex('records_version').execute()
  for (const t of ['sync_rejections', 'sync_conflicts', 'devices']) {
    await db.schema.dropTable(t).execute()
  }
}
