import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen: never import application code here.
// The action log and the audit chain are append-only. Triggers refuse UPDATE and DELETE on both
// dialects, whatever role the application connects as; only someone able to change the schema
// can get past them, and the audit hash chain then shows what they did.

const TABLES = ['actions', 'audit_events'] as const

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create function faro_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
      end $$`.execute(db)
    for (const table of TABLES) {
      await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)} for each row execute function faro_append_only()`.execute(db)
    }
    return
  }
  for (const table of TABLES) {
    for (const op of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(table)} begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db)
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of TABLES) {
      await sql`drop trigger ${sql.raw(`${table}_append_only`)} on ${sql.table(table)}`.execute(db)
    }
    await sql`drop function faro_append_only()`.execute(db)
    return
  }
  for (const table of TABLES) {
    for (const op of ['update', 'delete']) {
      await sql`drop trigger ${sql.raw(`${table}_no_${op}`)}`.execute(db)
    }
  }
}
