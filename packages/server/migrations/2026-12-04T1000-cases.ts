import { sql, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.

export async function up(db: Kysely<any>): Promise<void> {
  // A case names the units that may never read it: the accused agency and every unit below it.
  await db.schema.alterTable('records').addColumn('excluded_units', 'text', (c) => c.notNull().defaultTo('[]')).execute()

  // One row per folio given: the case it names, and the hash of the PIN of the person who filed
  // it. Failed PIN tries are counted here, per folio, so guessing is throttled even across
  // several Faro processes. The PIN itself is never stored.
  await db.schema
    .createTable('case_folios')
    .addColumn('folio', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().unique())
    .addColumn('pin_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('pin_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pin_locked_until', 'text')
    .execute()

  // The routing rules, as versions: each edit adds a version with who made it and why; the
  // highest is in force. Cases name the version they were routed by.
  await db.schema
    .createTable('routing_rule_sets')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('routing_rule_sets').execute()
  await db.schema.dropTable('case_folios').execute()
  await sql`alter table records drop column excluded_units`.execute(db)
}
