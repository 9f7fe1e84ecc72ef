import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.
//
// The audit event's id is a UUIDv7 made by the server and covered by the chain's hash, but no
// query looks an event up by it: the chain is read by sequence number. Its unique index was one
// more B-tree written with every audited change, a sync push's every action among them, so it
// goes. The chain, not an index, is what shows an altered or inserted event.

const COLUMNS = 'seq, id, at, request_id, actor_id, role, org_unit_id, action, record_type, record_id, decision, prev_hash, hash'

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table audit_events drop constraint audit_events_id_key`.execute(db)
    return
  }
  // SQLite cannot drop a column's UNIQUE: the table is copied into one without it. The copy
  // keeps every row and sequence number, so the chain verifies as before.
  await dropAppendOnlyTriggers(db)
  await sql`create table audit_events_new ("seq" integer primary key, "id" text not null, "at" text not null, "request_id" text not null, "actor_id" text not null, "role" text not null, "org_unit_id" text not null, "action" text not null, "record_type" text, "record_id" text, "decision" text not null, "prev_hash" text not null, "hash" text not null)`.execute(db)
  await sql`insert into audit_events_new (${sql.raw(COLUMNS)}) select ${sql.raw(COLUMNS)} from audit_events order by seq`.execute(db)
  await sql`drop table audit_events`.execute(db)
  await sql`alter table audit_events_new rename to audit_events`.execute(db)
  await createAppendOnlyTriggers(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table audit_events add constraint audit_events_id_key unique (id)`.execute(db)
    return
  }
  await sql`create unique index audit_events_id on audit_events (id)`.execute(db)
}

// As 2026-11-21T1050-append-only made them on SQLite.
async function dropAppendOnlyTriggers(db: Kysely<any>): Promise<void> {
  for (const op of ['update', 'delete']) {
    await sql`drop trigger ${sql.raw(`audit_events_no_${op}`)}`.execute(db)
  }
}

async function createAppendOnlyTriggers(db: Kysely<any>): Promise<void> {
  for (const op of ['update', 'delete']) {
    await sql`create trigger ${sql.raw(`audit_events_no_${op}`)} before ${sql.raw(op)} on "audit_events" begin select raise(abort, 'audit_events is append-only'); end`.execute(db)
  }
}
