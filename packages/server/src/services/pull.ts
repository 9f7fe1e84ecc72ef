import { RecordType, scopesOf, type PullChange, type PullResponse, type RecordState } from '@faro/core'
import { findDevice, touchDevice } from '../repo/devices.ts'
import { scopeFilter } from '../repo/records.ts'
import type { Ctx } from './context.ts'
import { checkUsable } from './devices.ts'

/**
 * What changed for the caller after the cursor, oldest first: the records of every type the
 * policy lets them read, limited to their own unit and the units below it (a phone carries its
 * group's work and places, not the country's). The cursor is the last version returned; versions
 * are log sequence numbers, drawn in commit order (see `lockLog`), so no change is skipped.
 */
export async function pullChanges(ctx: Ctx, q: { cursor?: string | undefined; limit: number; deviceId?: string | undefined }): Promise<PullResponse> {
  if (q.deviceId !== undefined) {
    const device = await findDevice(ctx.db.db, q.deviceId)
    if (device !== undefined) {
      checkUsable(ctx, device)
      await touchDevice(ctx.db.db, q.deviceId, ctx.clock.now().toISOString(), false)
    }
  }
  const after = q.cursor === undefined ? 0 : Number(q.cursor)
  const readable = RecordType.options.map((t) => ({ type: t, scopes: scopesOf(ctx.actor.role, `${t}.read`) })).filter((r) => r.scopes.length > 0)
  if (readable.length === 0) {
    return { changes: [], cursor: q.cursor ?? null, more: false }
  }
  const rows = await ctx.db.db
    .selectFrom('records')
    .select(['recordType', 'recordId', 'orgUnitId', 'ownerId', 'version', 'priority', 'state'])
    .where('version', '>', after)
    .where('orgUnitPath', 'like', `%/${ctx.actor.orgUnitId}/%`)
    .where((eb) => eb.or(readable.map((r) => eb.and([eb('recordType', '=', r.type), scopeFilter(eb, ctx.actor, r.scopes)]))))
    .orderBy('version')
    .limit(q.limit + 1)
    .execute()
  const page = rows.slice(0, q.limit)
  const changes: PullChange[] = page.map((r) => ({
    recordType: RecordType.parse(r.recordType),
    recordId: r.recordId,
    orgUnitId: r.orgUnitId,
    ownerId: r.ownerId,
    version: Number(r.version),
    priority: r.priority === 1,
    state: JSON.parse(r.state) as RecordState,
  }))
  const last = changes.at(-1)
  return { changes, cursor: last ? String(last.version) : (q.cursor ?? null), more: rows.length > q.limit }
}
