import type { Kysely, Selectable } from 'kysely'
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
