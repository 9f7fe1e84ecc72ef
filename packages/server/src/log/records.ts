import { DomainError, decide, PROBLEM_TITLES, RecordType, type ActionInput, type AppendResult, type RecordState, type RecordView } from '@faro/core'
import { clearReviewFlag, findRecord, listRecords, policyTargetOf, type RecordOrder, type RecordRow } from './records-repo.ts'
import { ActionBatch, policyActionOf, seqOf, type BatchOptions } from './action-batch.ts'
import { audit, auditDenied } from './audit.ts'
import { lockLog } from './log.ts'
import { inTransaction, type Ctx, type Executor } from './context.ts'
import { scopesOrRefuse } from '../accounts/accounts.ts'
import { decodeKeyCursor, encodeKeyCursor } from '../http/cursor.ts'


/**
 * Submits one validated action on a record: checks the policy, appends it to the log, updates
 * the projection and writes the audit row, all in one transaction. Retrying the same action is
 * a harmless duplicate; nothing is written when it is refused.
 */
export async function submitAction(ctx: Ctx, action: ActionInput, opts: SubmitOptions = {}): Promise<AppendResult> {
  try {
    return await inTransaction(ctx, async (trx) => {
      const batch = new ActionBatch(trx, ctx, opts)
      await batch.load([action])
      const staged = await batch.stage(action)
      await batch.flush()
      if (staged.status === 'accepted') {
        await opts.afterFlush?.(trx)
      }
      return { status: staged.status, seq: seqOf(staged.entry), id: action.id }
    })
  } catch (error) {
    if (error instanceof DomainError && error.code === 'forbidden') {
      await auditDenied(ctx, { action: policyActionOf(action), recordType: action.recordType, recordId: action.recordId })
    }
    throw error
  }
}

export type SubmitOptions = BatchOptions & {
  /** More writes of the same transaction once the action is in (messages it causes, say). */
  afterFlush?: (trx: Executor) => Promise<void>
}

/** Reads one record the actor may see; a record out of scope is reported as forbidden. */
export async function readRecord(ctx: Ctx, recordType: RecordType, recordId: string): Promise<RecordView> {
  const row = await findRecord(ctx.db.db, ctx.db.dialect, recordType, recordId)
  if (row === undefined) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  const decision = decide(ctx.actor, `${recordType}.read`, policyTargetOf(row))
  if (!decision.allowed) {
    await auditDenied(ctx, { action: `${recordType}.read`, recordType, recordId })
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  return toView(row)
}

/**
 * Clears a record's review flag once someone who may change the record has looked at the
 * concurrent changes in its history and corrected it if needed. The flag is the server's note
 * about the log, not the record's content, so clearing it is audited rather than logged.
 */
export async function markReviewed(ctx: Ctx, recordType: RecordType, recordId: string): Promise<RecordView> {
  try {
    return await inTransaction(ctx, async (trx) => {
      // Under the log lock: a push that is flagging the record must not be overwritten.
      await lockLog(trx, ctx)
      const row = await findRecord(trx, ctx.db.dialect, recordType, recordId, { lock: true })
      if (row === undefined) {
        throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
      }
      if (!decide(ctx.actor, `${recordType}.update`, policyTargetOf(row)).allowed) {
        throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
      }
      await clearReviewFlag(trx, recordType, recordId)
      await audit(trx, ctx, { action: `${recordType}.review`, recordType, recordId, decision: 'allowed' })
      return toView({ ...row, needsReview: 0 })
    })
  } catch (error) {
    if (error instanceof DomainError && error.code === 'forbidden') {
      await auditDenied(ctx, { action: `${recordType}.review`, recordType, recordId })
    }
    throw error
  }
}

export interface RecordPage {
  items: RecordView[]
  next: string | null
}

/**
 * Every record of a type the actor may read (under a unit, when given), page after page, each
 * with its id, folded state and version: for the views folded from a type's records.
 */
export async function allVisibleRecords<T>(ctx: Ctx, recordType: RecordType, underUnitId?: string): Promise<{ recordId: string; state: T; version: number }[]> {
  const out: { recordId: string; state: T; version: number }[] = []
  let cursor: string | undefined
  do {
    const page = await listVisibleRecords(ctx, recordType, { limit: 500, cursor, ...(underUnitId ? { underUnitId } : {}) })
    out.push(...page.items.map((r) => ({ recordId: r.recordId, state: r.state as unknown as T, version: r.version })))
    cursor = page.next ?? undefined
  } while (cursor !== undefined)
  return out
}

/** Lists the records of a type that the actor's read scopes reach, newest change first. */
export async function listVisibleRecords(
  ctx: Ctx,
  recordType: RecordType,
  opts: { limit: number; order?: RecordOrder | undefined; cursor?: string | undefined; underUnitId?: string | undefined; updatedSince?: string | undefined; needsReview?: boolean | undefined; openCases?: boolean | undefined },
): Promise<RecordPage> {
  const scopes = await scopesOrRefuse(ctx, `${recordType}.read`, recordType)
  const key = decodeKeyCursor(opts.cursor, ctx.lang)
  const after = key && { key: key[0], recordId: key[1] }
  const order = opts.order ?? 'changed'
  const rows = await listRecords(ctx.db.db, {
    recordType,
    actor: ctx.actor,
    scopes,
    order,
    limit: opts.limit + 1,
    ...(after ? { after } : {}),
    ...(opts.underUnitId ? { underUnitId: opts.underUnitId } : {}),
    ...(opts.updatedSince ? { updatedSince: opts.updatedSince } : {}),
    ...(opts.needsReview ? { needsReview: true } : {}),
    ...(opts.openCases ? { openCases: true, dialect: ctx.db.dialect } : {}),
  })
  const page = rows.slice(0, opts.limit)
  const last = page.at(-1)
  return {
    items: page.map(toView),
    next: rows.length > opts.limit && last ? encodeKeyCursor([sortKeyOf(last, order), last.recordId]) : null,
  }
}





function sortKeyOf(row: RecordRow, order: RecordOrder): string {
  return order === 'occurred' ? (row.occurredAt ?? row.createdAt) : row.updatedAt
}

function parseState(row: RecordRow): RecordState {
  return JSON.parse(row.state) as RecordState
}

function toView(row: RecordRow): RecordView {
  return {
    recordType: RecordType.parse(row.recordType),
    recordId: row.recordId,
    orgUnitId: row.orgUnitId,
    ownerId: row.ownerId,
    state: parseState(row),
    priority: row.priority === 1,
    demo: row.demo === 1,
    version: Number(row.version),
    needsReview: row.needsReview === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    occurredAt: row.occurredAt ?? row.createdAt,
  }
}

