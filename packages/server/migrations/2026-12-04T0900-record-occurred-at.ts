import { sql, type Kysely } from 'kysely'

// Frozen: never import application code here; a migration must mean the same thing forever.

const BATCH = 1000

interface Row {
  t: string
  i: string
  s: string
  c: string
}

export async function up(db: Kysely<any>): Promise<void> {
  // Lists of field work read "latest work first": the time the work happened (`at`,
  // `startedAt`, `foundAt`), which a device may send days after, not the time of the last
  // change. Records without one (places) sort by their creation.
  await db.schema.alterTable('records').addColumn('occurred_at', 'text').execute()
  let after = { type: '', id: '' }
  for (;;) {
    // Plain SQL: the connection may rename result columns, and this file must not depend on how.
    const { rows } = await sql<Row>`select record_type as t, record_id as i, state as s, created_at as c from records
      where record_type > ${after.type} or (record_type = ${after.type} and record_id > ${after.id})
      order by record_type, record_id limit ${BATCH}`.execute(db)
    for (const row of rows) {
      await sql`update records set occurred_at = ${eventTime(row.s) ?? row.c} where record_type = ${row.t} and record_id = ${row.i}`.execute(db)
    }
    const last = rows.at(-1)
    if (last === undefined || rows.length < BATCH) {
      break
    }
    after = { type: last.t, id: last.i }
  }
  await db.schema.createIndex('records_occurred').on('records').columns(['record_type', 'occurred_at', 'record_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('records_occurred').execute()
  await sql`alter table records drop column occurred_at`.execute(db)
}

function eventTime(text: string): string | undefined {
  let state: Record<string, unknown>
  try {
    state = JSON.parse(text) as Record<string, unknown>
  } catch {
    return undefined
  }
  const t = state.at ?? state.startedAt ?? state.foundAt
  return typeof t === 'string' && !Number.isNaN(Date.parse(t)) ? new Date(t).toISOString() : undefined
}
