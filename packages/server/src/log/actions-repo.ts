import type { Kysely, Selectable } from 'kysely'
import { runCompiledOnce } from '../db/compiled-once.ts'
import { bulkInsert, type BulkInsert } from '../db/bulk-insert.ts'
import type { DialectName } from '../db/open.ts'
import type { Database, ActionsTable } from '../db/schema.ts'

export type ActionRow = Selectable<ActionsTable>
export type NewActionRow = Omit<ActionRow, 'seq'>

/**
 * Inserts an action unless its id or (device, counter) is taken. Returns the new sequence
 * number, or undefined when a unique constraint kept it out; the database decides, so two
 * concurrent retries cannot both insert.
 */
export async function insertAction(db: Kysely<Database>, row: NewActionRow): Promise<number | undefined> {
  const inserted = await db
    .insertInto('actions')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('seq')
    .executeTakeFirst()
  return inserted?.seq
}

/**
 * Inserts many actions whose ids and (device, counter) pairs the caller has checked under the log
 * lock, and returns each one's sequence number by id. A unique violation here is a bug and fails
 * the whole transaction.
 */
export async function insertActions(db: Kysely<Database>, dialect: DialectName, rows: readonly NewActionRow[]): Promise<Map<string, number>> {
  const inserted = await bulkInsert(db, dialect, ACTION_INSERT, rows)
  return new Map(inserted.map((row) => [String(row.id), Number(row.seq)]))
}

const ACTION_INSERT: BulkInsert<'actions'> = {
  table: 'actions',
  columns: ['id', 'recordType', 'recordId', 'type', 'payload', 'contentHash', 'actorId', 'orgUnitId', 'deviceId', 'deviceCounter', 'clientTime', 'receivedAt', 'baseVersion'],
  tail: 'returning "id", "seq"',
}

export type PriorAction = Pick<ActionRow, 'id' | 'seq' | 'contentHash'>

export async function findActionsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<PriorAction[]> {
  if (ids.length === 0) {
    return []
  }
  return runCompiledOnce(db, `actions.byIds:${ids.length}`, ids, () => db.selectFrom('actions').select(['id', 'seq', 'contentHash']).where('id', 'in', [...ids]))
}

export async function findDeviceCountersTaken(db: Kysely<Database>, deviceId: string, counters: readonly number[]): Promise<number[]> {
  if (counters.length === 0) {
    return []
  }
  const low = Math.min(...counters)
  const high = Math.max(...counters)
  // A push's counters are usually consecutive: one range scan of the (device, counter) index
  // answers for all of them, where a list would probe it once per counter. Far-apart counters
  // would make the range read many rows that are not asked for, so they are probed one by one.
  if (high - low < 2 * counters.length) {
    const asked = new Set(counters)
    const rows = await runCompiledOnce(db, 'actions.countersTakenBetween', [deviceId, low, high], () =>
      db.selectFrom('actions').select('deviceCounter').where('deviceId', '=', deviceId).where('deviceCounter', '>=', low).where('deviceCounter', '<=', high),
    )
    return rows.map((r) => Number(r.deviceCounter)).filter((c) => asked.has(c))
  }
  const rows = await runCompiledOnce(db, `actions.countersTaken:${counters.length}`, [deviceId, ...counters], () =>
    db.selectFrom('actions').select('deviceCounter').where('deviceId', '=', deviceId).where('deviceCounter', 'in', [...counters]),
  )
  return rows.map((r) => Number(r.deviceCounter))
}

/** What other sources changed on a record after a version: the payloads, to compare fields. */
export async function findChangesSince(db: Kysely<Database>, recordType: string, recordId: string, afterSeq: number): Promise<Pick<ActionRow, 'payload' | 'deviceId' | 'actorId'>[]> {
  return db
    .selectFrom('actions')
    .select(['payload', 'deviceId', 'actorId'])
    .where('recordType', '=', recordType)
    .where('recordId', '=', recordId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .execute()
}

export async function findActionById(db: Kysely<Database>, id: string): Promise<ActionRow | undefined> {
  return db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findActionByDeviceCounter(
  db: Kysely<Database>,
  deviceId: string,
  deviceCounter: number,
): Promise<ActionRow | undefined> {
  return db.selectFrom('actions').selectAll().where('deviceId', '=', deviceId).where('deviceCounter', '=', deviceCounter).executeTakeFirst()
}

export async function listActionsOfRecord(db: Kysely<Database>, recordType: string, recordId: string): Promise<ActionRow[]> {
  return db
    .selectFrom('actions')
    .selectAll()
    .where('recordType', '=', recordType)
    .where('recordId', '=', recordId)
    .orderBy('seq')
    .execute()
}

export async function countActions(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('actions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
