import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { CounterRange } from '@faro/core'
import { runCompiledOnce } from '../../db/compiled-once.ts'
import type { Database, DevicesTable, SyncConflictsTable, SyncRejectionsTable } from '../../db/schema.ts'

export type DeviceRow = Selectable<DevicesTable>

export async function findDevice(db: Kysely<Database>, deviceId: string): Promise<DeviceRow | undefined> {
  const rows = await runCompiledOnce(db, 'devices.byId', [deviceId], () => db.selectFrom('devices').selectAll().where('deviceId', '=', deviceId))
  return rows[0]
}

/** Inserts a device unless its id is taken; returns true when this call registered it. */
export async function insertDevice(db: Kysely<Database>, row: Insertable<DevicesTable>): Promise<boolean> {
  const inserted = await db.insertInto('devices').values(row).onConflict((oc) => oc.column('deviceId').doNothing()).returning('deviceId').executeTakeFirst()
  return inserted !== undefined
}

/** Notes a contact (and a push) of the device. */
export async function touchDevice(db: Kysely<Database>, deviceId: string, at: string, pushed: boolean): Promise<void> {
  await runCompiledOnce(db, `devices.touch:${pushed}`, pushed ? [at, at, deviceId] : [at, deviceId], () =>
    db
      .updateTable('devices')
      .set(pushed ? { lastContactAt: at, lastPushAt: at } : { lastContactAt: at })
      .where('deviceId', '=', deviceId),
  )
}

export async function revokeDeviceRow(db: Kysely<Database>, deviceId: string, at: string, by: string): Promise<void> {
  await db.updateTable('devices').set({ revokedAt: at, revokedBy: by }).where('deviceId', '=', deviceId).where('revokedAt', 'is', null).execute()
}

/** Devices under a unit (path match), in (unit path, device id) order, after a key when paging. */
export async function listDevices(db: Kysely<Database>, underUnitId: string | undefined, page: { limit: number; after?: readonly [string, string] | undefined }): Promise<DeviceRow[]> {
  let q = db.selectFrom('devices').selectAll()
  if (underUnitId !== undefined) {
    q = q.where('orgUnitPath', 'like', `%/${underUnitId}/%`)
  }
  const after = page.after
  if (after !== undefined) {
    q = q.where((eb) => eb.or([eb('orgUnitPath', '>', after[0]), eb.and([eb('orgUnitPath', '=', after[0]), eb('deviceId', '>', after[1])])]))
  }
  return q.orderBy('orgUnitPath').orderBy('deviceId').limit(page.limit).execute()
}

export async function insertConflict(db: Kysely<Database>, row: Insertable<SyncConflictsTable>): Promise<void> {
  await db.insertInto('syncConflicts').values(row).execute()
}

export async function insertRejection(db: Kysely<Database>, row: Insertable<SyncRejectionsTable>): Promise<void> {
  await db.insertInto('syncRejections').values(row).execute()
}

/**
 * The counters the server received from the device (in the log, or kept as rejected or
 * conflicting) as runs of consecutive values ("gaps and islands"): one row per run, so a device
 * with 100,000 actions and no gap costs one row, not 100,000.
 */
export async function counterRuns(db: Kysely<Database>, deviceId: string): Promise<CounterRange[]> {
  const result = await sql<{ from: number | string; to: number | string }>`
    select min(c) as "from", max(c) as "to" from (
      select c, c - row_number() over (order by c) as g from (
        select device_counter as c from actions where device_id = ${deviceId}
        union select device_counter from sync_rejections where device_id = ${deviceId} and device_counter is not null
        union select device_counter from sync_conflicts where device_id = ${deviceId} and device_counter is not null
      ) received
    ) runs group by g order by 1`.execute(db)
  return result.rows.map((r) => ({ from: Number(r.from), to: Number(r.to) }))
}

export interface RejectionSummary {
  rejections: number
  conflicts: number
  latest: { actionId: string; reason: string; at: string }[]
}

export async function rejectionSummary(db: Kysely<Database>, deviceId: string): Promise<RejectionSummary> {
  const count = async (table: 'syncRejections' | 'syncConflicts') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('deviceId', '=', deviceId).executeTakeFirstOrThrow()).n)
  const latest = await db
    .selectFrom('syncRejections')
    .select(['actionId', 'reason', 'receivedAt'])
    .where('deviceId', '=', deviceId)
    .orderBy('id', 'desc')
    .limit(5)
    .execute()
  return {
    rejections: await count('syncRejections'),
    conflicts: await count('syncConflicts'),
    latest: latest.map((r) => ({ actionId: r.actionId, reason: r.reason, at: r.receivedAt })),
  }
}
