import crypto from 'node:crypto'
import { canonicalJson, DomainError, message } from '@faro/core'
import { findActionByDeviceCounter, findActionById, insertAction, type ActionRow, type NewActionRow } from './actions-repo.ts'
import { supportsRowLocks } from '../db/dialect.ts'
import type { PreparedAudit } from './audit.ts'
import type { Ctx, Executor } from './context.ts'

export interface LogEntry {
  id: string
  recordType: string
  recordId: string
  type: string
  payload: Record<string, unknown>
  orgUnitId: string
  deviceId?: string | undefined
  deviceCounter?: number | undefined
  clientTime?: string | undefined
  baseVersion?: number | undefined
}

export type LogOutcome = { status: 'accepted'; seq: number } | { status: 'duplicate'; seq: number; row: ActionRow }

/**
 * The content that makes two sends of one action "the same": everything the client chose,
 * plus who sent it. Server-side fields (sequence, arrival time) are left out.
 */
export function contentHash(entry: Omit<LogEntry, 'orgUnitId'>, actorId: string): string {
  return hashContent(entry, actorId, canonicalJson(entry.payload))
}

/**
 * The hash of `canonicalJson` of the content, written out around the payload's canonical text:
 * the keys in sorted order, absent ones as null. baseVersion was added to the protocol later and
 * is left out when absent, so earlier actions keep their hashes.
 */
function hashContent(entry: Omit<LogEntry, 'orgUnitId'>, actorId: string, payloadText: string): string {
  const baseVersion = entry.baseVersion === undefined ? '' : `"baseVersion":${JSON.stringify(entry.baseVersion)},`
  const text = `{"actorId":${JSON.stringify(actorId)},${baseVersion}"clientTime":${JSON.stringify(entry.clientTime ?? null)},"deviceCounter":${JSON.stringify(entry.deviceCounter ?? null)},"deviceId":${JSON.stringify(entry.deviceId ?? null)},"payload":${payloadText},"recordId":${JSON.stringify(entry.recordId)},"recordType":${JSON.stringify(entry.recordType)},"type":${JSON.stringify(entry.type)}}`
  // One-shot: a tenth of the cost of a push went to hashing, half of it to building Hash objects.
  return crypto.hash('sha256', text, 'hex')
}

/**
 * What can be worked out about an action before it reaches the log, away from the log's writer:
 * its content hash as sent by one actor, and its payload as stored.
 */
export interface Prepared {
  actorId: string
  hash: string
  payloadJson: string
  /** The audit event of the action taken, when it was worked out ahead too (a sync push). */
  audit?: PreparedAudit
}

/** The payload is stored as its canonical text: serialised once, for the log and the hash. */
export function prepareAction(entry: Omit<LogEntry, 'orgUnitId'>, actorId: string): Prepared {
  const payloadJson = canonicalJson(entry.payload)
  return { actorId, hash: hashContent(entry, actorId, payloadJson), payloadJson }
}

/** The log row of an entry: what the client chose, who sent it, its content hash and arrival. */
export function logRow(entry: LogEntry, prepared: Prepared, receivedAt: string): NewActionRow {
  return {
    id: entry.id,
    recordType: entry.recordType,
    recordId: entry.recordId,
    type: entry.type,
    payload: prepared.payloadJson,
    contentHash: prepared.hash,
    actorId: prepared.actorId,
    orgUnitId: entry.orgUnitId,
    deviceId: entry.deviceId ?? null,
    deviceCounter: entry.deviceCounter ?? null,
    clientTime: entry.clientTime ?? null,
    receivedAt,
    baseVersion: entry.baseVersion ?? null,
  }
}

/**
 * Looks for an earlier action with this id: same content is a harmless duplicate, other content
 * a conflict. Returns undefined when the id is new.
 */
export async function findPrior(trx: Executor, ctx: Ctx, entry: LogEntry): Promise<LogOutcome | undefined> {
  const prior = await findActionById(trx, entry.id)
  if (prior === undefined) {
    return undefined
  }
  if (prior.contentHash !== contentHash(entry, ctx.actor.userId)) {
    throw new DomainError('conflict', message('faro.id_reused', ctx.lang), { reason: 'id_reused' })
  }
  return { status: 'duplicate', seq: Number(prior.seq), row: prior }
}

/**
 * Appends an action to the log inside the caller's transaction. The unique constraints on id
 * and (device, counter) decide between concurrent senders; the loser learns whether it sent a
 * duplicate (success) or a conflicting action (error, nothing written).
 */
export async function appendToLog(trx: Executor, ctx: Ctx, entry: LogEntry): Promise<LogOutcome> {
  await lockLog(trx, ctx)
  const seq = await insertAction(trx, logRow(entry, prepareAction(entry, ctx.actor.userId), ctx.clock.now().toISOString()))
  if (seq !== undefined) {
    return { status: 'accepted', seq: Number(seq) }
  }
  const prior = await findPrior(trx, ctx, entry)
  if (prior !== undefined) {
    return prior
  }
  if (entry.deviceId !== undefined && entry.deviceCounter !== undefined) {
    const sameCounter = await findActionByDeviceCounter(trx, entry.deviceId, entry.deviceCounter)
    if (sameCounter !== undefined) {
      throw new DomainError('conflict', message('faro.device_counter_reused', ctx.lang), { reason: 'device_counter_reused' })
    }
  }
  throw new Error('action insert was refused by no known constraint')
}

/**
 * Serialises log writers from before they draw a sequence number until they commit, by locking
 * the audit head row every writer updates anyway. Then sequence order is commit order, which the
 * pull cursor relies on: a reader never sees seq 11 committed while seq 10 is still to come.
 * Take it before any record row lock, so all writers lock in one order and cannot deadlock.
 * SQLite writers are already serialised by its single connection.
 */
export async function lockLog(trx: Executor, ctx: Pick<Ctx, 'db'>): Promise<void> {
  if (supportsRowLocks(ctx.db.dialect)) {
    await trx.selectFrom('auditHead').select('seq').where('id', '=', 1).forUpdate().execute()
  }
}
