import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

/**
 * The tables the application may only read and add to: the action log, the audit chain and the
 * chain of custody of evidence files.
 */
export const APPEND_ONLY_TABLES = ['actions', 'audit_events', 'attachment_custody'] as const

/**
 * Gives the application's PostgreSQL role exactly what Faro needs at run time, over every table
 * the owner's migrations made: read and write everywhere, but only read and insert on the
 * append-only tables, and only read on the migration bookkeeping. The role never owns a table,
 * so it cannot drop the append-only triggers, truncate, or change the schema.
 *
 * Run it as the owner after every migration run, so a new table is covered. It first takes back
 * everything the role had in the schema, so running it twice, or over hand-made grants, ends in
 * the same state; in one transaction, so a running Faro never sees the rights missing.
 *
 * Refuses a role that is a superuser or may act as the owner: no grant binds either.
 */
export async function grantAppRole(owner: Kysely<Database>, role: string): Promise<void> {
  // Without the camel-case plugin: it would rewrite a role or schema name such as FaroApp.
  await owner.withoutPlugins().transaction().execute(async (trx) => {
    // Two instances starting together would otherwise update the same catalog rows at once.
    await sql`select pg_advisory_xact_lock(hashtext('faro_grant_app_role'))`.execute(trx)
    await refuseOwnerRights(trx, role)
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(trx)
    const schema = sql.id(rows[0]?.schema ?? 'public')
    const to = sql.id(role)
    const appendOnly = sql.join(APPEND_ONLY_TABLES.map((t) => sql.table(t)))
    const bookkeeping = sql.join(MIGRATION_TABLES.map((t) => sql.table(t)))
    const statements = [
      sql`revoke all on all tables in schema ${schema} from ${to}`,
      sql`revoke all on all sequences in schema ${schema} from ${to}`,
      sql`grant usage on schema ${schema} to ${to}`,
      sql`grant select, insert, update, delete on all tables in schema ${schema} to ${to}`,
      sql`revoke update, delete on ${appendOnly} from ${to}`,
      // Only the owner migrates; reading the history lets a migrator run as the app see it is current.
      sql`revoke insert, update, delete on ${bookkeeping} from ${to}`,
      // Inserts draw serial keys (actions.seq and the other bigserial ids) with nextval.
      sql`grant usage on all sequences in schema ${schema} to ${to}`,
    ]
    for (const statement of statements) {
      await statement.execute(trx)
    }
  })
}

const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'] as const

async function refuseOwnerRights(trx: Kysely<Database>, role: string): Promise<void> {
  const { rows } = await sql<{ superuser: boolean; actsasowner: boolean; owner: string }>`
    select r.rolsuper as superuser, pg_has_role(r.oid, c.relowner, 'MEMBER') as actsasowner, pg_get_userbyid(c.relowner) as owner
    from pg_roles r, pg_class c
    where r.rolname = ${role} and c.oid = to_regclass('actions')`.execute(trx)
  const found = rows[0]
  if (!found) {
    throw new Error(`cannot grant to role ${role}: the role or the actions table does not exist`)
  }
  if (found.superuser) {
    throw new Error(`DATABASE_URL connects as ${role}, a superuser, which no grant restricts: give Faro a role of its own`)
  }
  if (found.actsasowner) {
    throw new Error(`DATABASE_URL connects as ${role}, which is or may act as ${found.owner}, the owner of the tables: give Faro a role of its own`)
  }
}
