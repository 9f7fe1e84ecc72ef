import { DomainError, MAX_DEVICE_COUNTER, parseDeviceAction, type ActionInput, type FieldIssue, type PushReason, type PushResult } from '@faro/core'
import { flushAuditHead, type AuditHeadCache } from '../../log/audit-repo.ts'
import { insertConflict, insertRejection, touchDevice } from './devices-repo.ts'
import { ActionBatch, policyActionOf, seqOf, takenSubject } from '../../log/action-batch.ts'
import { prepareAudit } from '../../log/audit.ts'
import type { ControlledTransaction } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Ctx, Executor } from '../../log/context.ts'
import { pushContext } from './devices.ts'
import { lockLog, prepareAction, type Prepared } from '../../log/log.ts'
import { pushWriterOf } from './push-writer.ts'

/**
 * Applies one push from a device and answers per action, in the order sent.
 *
 * Each action is all-or-nothing: the batch checks it in memory against what it loaded and
 * stages its writes only when every check passes, so a refused action leaves nothing behind and
 * never holds back the others. The answer is written only after the commit.
 */
export async function pushActions(caller: Ctx, deviceId: string, rawActions: readonly unknown[]): Promise<PushResult[]> {
  // Every row of a push carries its arrival time, so its audit events can be worked out now.
  const arrival = caller.clock.now()
  const ctx: Ctx = { ...caller, clock: { now: () => arrival } }
  // Validation needs no database, so it happens before the push waits for the log.
  const parsed = rawActions.map((raw) => parseOne(ctx, deviceId, raw))
  const writer = pushWriterOf(ctx.db)
  if (writer !== undefined) {
    return writer.push(ctx, deviceId, parsed)
  }
  return applyParsed(ctx, deviceId, parsed)
}

/** Applies a validated push through the group commit of this thread's connection. */
export function applyParsed(caller: Ctx, deviceId: string, parsed: Parsed[]): Promise<PushResult[]> {
  let group = groups.get(caller.db)
  if (group === undefined) {
    group = new GroupCommit()
    groups.set(caller.db, group)
  }
  return group.submit({ caller, deviceId, parsed })
}

interface Push {
  caller: Ctx
  deviceId: string
  parsed: Parsed[]
}

interface Waiting extends Push {
  resolve: (results: PushResult[]) => void
  reject: (error: unknown) => void
}

/** One queue of pushes per database (per process). */
const groups = new WeakMap<Ctx['db'], GroupCommit>()

/** Pushes of one group commit: enough to amortise a commit, few enough to answer quickly. */
const MAX_GROUP_ACTIONS = 1000

/**
 * Group commit: the pushes that arrive while one transaction is running are applied together in
 * the next, each in a savepoint of its own, and answered after its one commit.
 *
 * Log writers are serialised anyway (the log lock; SQLite's single connection), and with
 * `synchronous=FULL` a commit waits for the disk. When many devices come back into coverage
 * together, one fsync per push would make the disk the limit; one per group does not. A push
 * that fails rolls back to its savepoint and fails alone. A failed commit fails every push of
 * the group, none of them acknowledged, and the devices resend them unchanged: a crash loses
 * nothing that was answered, and the resend is harmless.
 */
class GroupCommit {
  private waiting: Waiting[] = []
  private draining = false

  submit(push: Push): Promise<PushResult[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...push, resolve, reject })
      if (!this.draining) {
        this.draining = true
        // Let the requests that are already readable join this group before it starts.
        setImmediate(() => void this.drain())
      }
    })
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        let size = 0
        let take = 0
        while (take < this.waiting.length && (take === 0 || size + (this.waiting[take]?.parsed.length ?? 0) <= MAX_GROUP_ACTIONS)) {
          size += this.waiting[take]?.parsed.length ?? 0
          take += 1
        }
        await runGroup(this.waiting.splice(0, take))
      }
    } finally {
      // Whatever happened, the next push must start a new drain rather than wait forever.
      this.draining = false
      if (this.waiting.length > 0) {
        this.draining = true
        setImmediate(() => void this.drain())
      }
    }
  }
}

async function runGroup(group: readonly Waiting[]): Promise<void> {
  const first = group[0]
  if (first === undefined) {
    return
  }
  const applied: [Waiting, PushResult[]][] = []
  // The group holds the log lock to its commit, so the audit head is read once and written once.
  const auditHead: AuditHeadCache = {}
  let trx: ControlledTransaction<Database> | undefined
  try {
    trx = await first.caller.db.db.startTransaction().execute()
    await lockLog(trx, first.caller)
    for (const [i, push] of group.entries()) {
      const name = `push_${i}`
      const sp = await trx.savepoint(name).execute()
      const headBefore = auditHead.head
      try {
        const results = await applyPush(sp, { ...push.caller, auditHead }, push)
        await sp.releaseSavepoint(name).execute()
        applied.push([push, results])
      } catch (error) {
        await sp.rollbackToSavepoint(name).execute()
        // Audit rows of the rolled-back push are gone: so is their advance of the head.
        auditHead.head = headBefore
        push.reject(error)
      }
    }
    await flushAuditHead(trx, auditHead)
    await trx.commit().execute()
  } catch (error) {
    await trx?.rollback().execute().catch(() => undefined)
    for (const push of group) {
      push.reject(error)
    }
    return
  }
  for (const [push, results] of applied) {
    push.resolve(results)
  }
}

/** Applies one push inside the group's transaction; throws (410, 403…) to fail it alone. */
async function applyPush(trx: Executor, caller: Ctx, push: Push): Promise<PushResult[]> {
  const ctx = await pushContext(trx, caller, push.deviceId)
  const batch = new ActionBatch(trx, ctx)
  await batch.load(push.parsed.flatMap((p) => ('action' in p ? [p.action] : [])))
  const outcomes: Outcome[] = []
  for (const p of push.parsed) {
    outcomes.push('action' in p ? await stageOne(trx, ctx, batch, p.action, p.prepared) : await rejectInvalid(trx, ctx, batch, push.deviceId, p))
  }
  await batch.flush()
  await touchDevice(trx, push.deviceId, now(ctx), true)
  // Sequence numbers exist only once the batch is written.
  return outcomes.map((o) => (typeof o === 'function' ? o() : o))
}

/** A result, or a way to read it once the batch has its sequence numbers. */
type Outcome = PushResult | (() => PushResult)

export type Parsed = { action: ActionInput; prepared: Prepared } | { id: string; counter: number | null; errors: FieldIssue[] }

function parseOne(ctx: Ctx, deviceId: string, raw: unknown): Parsed {
  try {
    const action = parseDeviceAction(raw, deviceId, ctx.lang)
    const audit = prepareAudit(ctx, takenSubject(action))
    return { action, prepared: { ...prepareAction(action, ctx.actor.userId), audit } }
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid') {
      return { id: idOf(raw), counter: counterOf(raw), errors: error.details?.issues ?? [] }
    }
    throw error
  }
}

/**
 * An action that failed its schema: kept with its field errors for the device health, and
 * audited as a denial like every refusal. What it claims to be is unchecked, so the audit row
 * names the device that sent it, not a record.
 */
async function rejectInvalid(trx: Executor, ctx: Ctx, batch: ActionBatch, deviceId: string, p: { id: string; counter: number | null; errors: FieldIssue[] }): Promise<PushResult> {
  batch.audit({ action: 'sync.push', recordType: 'device', recordId: deviceId, decision: 'denied' })
  await insertRejection(trx, { deviceId, actionId: p.id, deviceCounter: p.counter, reason: 'invalid', errors: JSON.stringify(p.errors), receivedAt: now(ctx) })
  return { id: p.id, status: 'rejected', reason: 'invalid', errors: p.errors }
}

async function stageOne(trx: Executor, ctx: Ctx, batch: ActionBatch, action: ActionInput, prepared: Prepared): Promise<Outcome> {
  try {
    const staged = await batch.stage(action, prepared)
    const review = staged.status === 'accepted' && staged.review ? { review: true as const } : {}
    return () => ({ id: action.id, status: staged.status, seq: seqOf(staged.entry), ...review })
  } catch (error) {
    if (!(error instanceof DomainError)) {
      throw error
    }
    return refused(trx, ctx, batch, action, error)
  }
}

/** Turns a refusal into the action's result and keeps what the reviewers need. */
async function refused(trx: Executor, ctx: Ctx, batch: ActionBatch, action: ActionInput, error: DomainError): Promise<PushResult> {
  const deviceId = action.deviceId ?? ''
  const reason = reasonOf(error)
  // Every refusal is audited, in the push's own transaction: the refused action staged nothing.
  batch.audit({ action: policyActionOf(action), recordType: action.recordType, recordId: action.recordId, decision: 'denied' })
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

/**
 * The counter an invalid action claims, when it is one a device could have used: an out-of-range
 * counter (10^12, say) kept as received would make every counter below it look missing.
 */
function counterOf(raw: unknown): number | null {
  const counter = isObject(raw) ? raw.deviceCounter : undefined
  return typeof counter === 'number' && Number.isInteger(counter) && counter >= 1 && counter <= MAX_DEVICE_COUNTER ? counter : null
}

function now(ctx: Ctx): string {
  return ctx.clock.now().toISOString()
}
