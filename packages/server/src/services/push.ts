import { DomainError, isCreateAction, parseAction, type ActionInput, type FieldIssue, type PushReason, type PushResult } from '@faro/core'
import type { ControlledTransaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { flushAuditHead, type AuditHeadCache } from '../repo/audit.ts'
import { insertConflict, insertRejection, touchDevice } from '../repo/devices.ts'
import { audit } from './audit.ts'
import type { Ctx } from './context.ts'
import { pushContext } from './devices.ts'
import { lockLog } from './log.ts'
import { submitActionIn } from './records.ts'

/**
 * Applies one push from a device and answers per action, in the order sent.
 *
 * Every action runs in a savepoint of its own inside one transaction for the whole batch, and the
 * batch commits before the answer is written. So each action is still all-or-nothing and one bad
 * action never holds back the others (its savepoint is rolled back), while the batch costs one
 * commit (one fsync) instead of a hundred. The trade-off: a crash before that commit loses the
 * whole batch rather than a prefix of it; neither was acknowledged, so the device resends both
 * the same way. Nothing is acknowledged before it is durable.
 */
export async function pushActions(caller: Ctx, deviceId: string, rawActions: readonly unknown[]): Promise<PushResult[]> {
  const trx = await caller.db.db.startTransaction().execute()
  // The push holds the log lock to its commit, so the audit head is read once and written once.
  const auditHead: AuditHeadCache = {}
  try {
    await lockLog(trx, caller)
    const ctx = await pushContext(trx, { ...caller, auditHead }, deviceId)
    const results: PushResult[] = []
    for (const [i, raw] of rawActions.entries()) {
      results.push(await pushOne(trx, ctx, deviceId, raw, i))
    }
    await touchDevice(trx, deviceId, ctx.clock.now().toISOString(), true)
    await flushAuditHead(trx, auditHead)
    await trx.commit().execute()
    return results
  } catch (error) {
    await trx.rollback().execute()
    throw error
  }
}

async function pushOne(trx: ControlledTransaction<Database>, ctx: Ctx, deviceId: string, raw: unknown, i: number): Promise<PushResult> {
  const id = idOf(raw)
  let action: ActionInput
  try {
    action = parseAction(isObject(raw) ? { ...raw, deviceId } : raw, ctx.lang)
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid') {
      const errors = error.details?.issues ?? []
      await insertRejection(trx, { deviceId, actionId: id, deviceCounter: counterOf(raw), reason: 'invalid', errors: JSON.stringify(errors), receivedAt: now(ctx) })
      return { id, status: 'rejected', reason: 'invalid', errors }
    }
    throw error
  }
  const name = `push_${i}`
  const sp = await trx.savepoint(name).execute()
  const headBefore = ctx.auditHead?.head
  try {
    const outcome = await submitActionIn(sp, ctx, action)
    await sp.releaseSavepoint(name).execute()
    return { id, status: outcome.status, seq: outcome.seq }
  } catch (error) {
    await sp.rollbackToSavepoint(name).execute()
    if (ctx.auditHead !== undefined) {
      // Audit rows of the rolled-back action are gone: so is their advance of the head.
      ctx.auditHead.head = headBefore
    }
    if (!(error instanceof DomainError)) {
      throw error
    }
    return refused(trx, ctx, action, error)
  }
}

/** Turns a refusal into the action's result and keeps what the reviewers need. */
async function refused(trx: ControlledTransaction<Database>, ctx: Ctx, action: ActionInput, error: DomainError): Promise<PushResult> {
  const deviceId = action.deviceId ?? ''
  const reason = reasonOf(error)
  if (reason === 'id_reused' || reason === 'device_counter_reused') {
    await insertConflict(trx, {
      deviceId,
      actionId: action.id,
      deviceCounter: action.deviceCounter ?? null,
      reason,
      action: JSON.stringify(action),
      actorId: ctx.actor.userId,
      receivedAt: now(ctx),
    })
    return { id: action.id, status: 'conflict', reason }
  }
  if (reason === 'forbidden') {
    // The refused work was rolled back with its savepoint; the refusal itself is on record.
    const verb = isCreateAction(action.recordType, action.type) ? 'create' : 'update'
    await audit(trx, ctx, { action: `${action.recordType}.${verb}`, recordType: action.recordType, recordId: action.recordId, decision: 'denied' })
  }
  const errors: FieldIssue[] = error.details?.issues ?? []
  await insertRejection(trx, { deviceId, actionId: action.id, deviceCounter: action.deviceCounter ?? null, reason, errors: JSON.stringify(errors), receivedAt: now(ctx) })
  return { id: action.id, status: 'rejected', reason, ...(errors.length > 0 ? { errors } : {}) }
}

function reasonOf(error: DomainError): PushReason {
  const reason = error.details?.reason
  if (reason === 'id_reused' || reason === 'device_counter_reused' || reason === 'record_exists') {
    return reason
  }
  if (error.code === 'forbidden') {
    return 'forbidden'
  }
  if (error.details?.issues?.some((i) => i.code === 'record_missing')) {
    return 'record_missing'
  }
  return 'invalid'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function idOf(raw: unknown): string {
  return isObject(raw) && typeof raw.id === 'string' ? raw.id.slice(0, 64) : ''
}

function counterOf(raw: unknown): number | null {
  return isObject(raw) && typeof raw.deviceCounter === 'number' && Number.isSafeInteger(raw.deviceCounter) ? raw.deviceCounter : null
}

function now(ctx: Ctx): string {
  return ctx.clock.now().toISOString()
}
