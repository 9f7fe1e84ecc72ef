import {
  DomainError,
  decide,
  isCreateAction,
  isPriority,
  message,
  PROBLEM_TITLES,
  reduceRecord,
  type ActionInput,
  type AppendResult,
  type PeopleCount,
  type PolicyAction,
  type PolicyTarget,
  type RecordState,
  type RecordType,
} from '@faro/core'
import { decodePath, encodePath, isUniqueViolation } from '../db/dialect.ts'
import { findOrgUnit } from '../repo/org-units.ts'
import { findRecord, insertRecord, listRecords, updateRecordState, type RecordRow } from '../repo/records.ts'
import { audit, auditDenied } from './audit.ts'
import { inTransaction, type Ctx, type Executor } from './context.ts'
import { invalidField, scopesOrRefuse } from './accounts.ts'
import { linkPersonRefs } from '../protection/person-refs.ts'
import { appendToLog, findPrior, lockLog } from './log.ts'

export interface RecordView {
  recordType: string
  recordId: string
  orgUnitId: string
  ownerId: string
  state: RecordState
  priority: boolean
  demo: boolean
  version: number
  createdAt: string
  updatedAt: string
}

/**
 * Submits one validated action on a record: checks the policy, appends it to the log, updates
 * the projection and writes the audit row, all in one transaction. Retrying the same action is
 * a harmless duplicate; nothing is written when it is refused.
 */
export async function submitAction(ctx: Ctx, action: ActionInput, opts: SubmitOptions = {}): Promise<AppendResult> {
  try {
    return await inTransaction(ctx, (trx) => submitActionIn(trx, ctx, action, opts))
  } catch (error) {
    if (error instanceof DomainError && error.code === 'forbidden') {
      await auditDenied(ctx, { action: policyActionOf(action), recordType: action.recordType, recordId: action.recordId })
    }
    throw error
  }
}

export interface SubmitOptions {
  demo?: boolean
}

/**
 * The body of `submitAction`, inside a transaction the caller owns (the demo seed batches many
 * actions into one commit). A refusal throws; the caller audits it outside the rolled-back work.
 */
export async function submitActionIn(trx: Executor, ctx: Ctx, action: ActionInput, opts: SubmitOptions = {}): Promise<AppendResult> {
  await lockLog(trx, ctx)
  const creates = isCreateAction(action.recordType, action.type)
  const prior = await findPrior(trx, ctx, { ...action, orgUnitId: '' })
  if (prior !== undefined) {
    return { status: 'duplicate', seq: prior.seq, id: action.id }
  }
  const existing = await findRecord(trx, ctx.db.dialect, action.recordType, action.recordId, { lock: !creates })
  const target = await targetOf(ctx, trx, action, existing)
  const policyAction = policyActionOf(action)
  if (!decide(ctx.actor, policyAction, target.policy).allowed) {
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  const outcome = await appendToLog(trx, ctx, { ...action, orgUnitId: target.orgUnitId })
  if (outcome.status === 'duplicate') {
    return { status: 'duplicate', seq: outcome.seq, id: action.id }
  }
  const now = ctx.clock.now().toISOString()
  const state = reduceRecord(existing ? parseState(existing) : undefined, action, action.recordType)
  const priority = hasPriorityPeople(state) ? 1 : 0
  try {
    if (existing === undefined) {
      await insertRecord(trx, {
        recordType: action.recordType,
        recordId: action.recordId,
        orgUnitId: target.orgUnitId,
        orgUnitPath: encodePath(target.policy.orgUnitPath),
        ownerId: ctx.actor.userId,
        state: JSON.stringify(state),
        routedTo: '[]',
        priority,
        demo: opts.demo ? 1 : 0,
        version: outcome.seq,
        createdAt: now,
        updatedAt: now,
      })
    } else {
      await updateRecordState(trx, action, { state: JSON.stringify(state), priority, version: outcome.seq, updatedAt: now })
    }
  } catch (error) {
    // Another action created the same record first (a different id, so not a retry).
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', message('faro.record_exists', ctx.lang), { reason: 'record_exists' })
    }
    throw error
  }
  // Vault references are checked and linked in the same transaction: a bad one rolls back all.
  await linkPersonRefs(trx, ctx, action)
  await audit(trx, ctx, { action: policyAction, recordType: action.recordType, recordId: action.recordId, decision: 'allowed' })
  return { status: 'accepted', seq: outcome.seq, id: action.id }
}

function policyActionOf(action: ActionInput): PolicyAction {
  return `${action.recordType}.${isCreateAction(action.recordType, action.type) ? 'create' : 'update'}`
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

export interface RecordPage {
  items: RecordView[]
  next: string | null
}

/** Lists the records of a type that the actor's read scopes reach, newest change first. */
export async function listVisibleRecords(
  ctx: Ctx,
  recordType: RecordType,
  opts: { limit: number; cursor?: string | undefined; underUnitId?: string | undefined; updatedSince?: string | undefined },
): Promise<RecordPage> {
  const scopes = await scopesOrRefuse(ctx, `${recordType}.read`, recordType)
  const after = decodeCursor(opts.cursor, ctx)
  const rows = await listRecords(ctx.db.db, {
    recordType,
    actor: ctx.actor,
    scopes,
    limit: opts.limit + 1,
    ...(after ? { after } : {}),
    ...(opts.underUnitId ? { underUnitId: opts.underUnitId } : {}),
    ...(opts.updatedSince ? { updatedSince: opts.updatedSince } : {}),
  })
  const page = rows.slice(0, opts.limit)
  const last = page.at(-1)
  return {
    items: page.map(toView),
    next: rows.length > opts.limit && last ? encodeCursor(last) : null,
  }
}

export function policyTargetOf(row: RecordRow): PolicyTarget {
  return { orgUnitPath: decodePath(row.orgUnitPath), ownerId: row.ownerId, routedTo: JSON.parse(row.routedTo) as string[] }
}

async function targetOf(
  ctx: Ctx,
  trx: Executor,
  action: ActionInput,
  existing: RecordRow | undefined,
): Promise<{ orgUnitId: string; policy: PolicyTarget }> {
  const creates = isCreateAction(action.recordType, action.type)
  if (existing !== undefined) {
    if (creates) {
      throw new DomainError('conflict', message('faro.record_exists', ctx.lang), { reason: 'record_exists' })
    }
    return { orgUnitId: existing.orgUnitId, policy: policyTargetOf(existing) }
  }
  if (!creates) {
    throw invalidField(ctx, 'recordId', 'record_missing', 'faro.record_missing')
  }
  const orgUnitId = String(action.payload.orgUnitId)
  const unit = await findOrgUnit(trx, orgUnitId)
  if (unit === undefined) {
    throw invalidField(ctx, 'payload.orgUnitId', 'unknown_org_unit', 'faro.unknown_org_unit')
  }
  return { orgUnitId, policy: { orgUnitPath: unit.path, ownerId: ctx.actor.userId } }
}


function hasPriorityPeople(state: RecordState): boolean {
  const people = state.people
  return Array.isArray(people) && isPriority(people as PeopleCount[])
}

function parseState(row: RecordRow): RecordState {
  return JSON.parse(row.state) as RecordState
}

function toView(row: RecordRow): RecordView {
  return {
    recordType: row.recordType,
    recordId: row.recordId,
    orgUnitId: row.orgUnitId,
    ownerId: row.ownerId,
    state: parseState(row),
    priority: row.priority === 1,
    demo: row.demo === 1,
    version: Number(row.version),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

function encodeCursor(row: RecordRow): string {
  return Buffer.from(JSON.stringify([row.updatedAt, row.recordId])).toString('base64url')
}

function decodeCursor(cursor: string | undefined, ctx: Ctx): { updatedAt: string; recordId: string } | undefined {
  if (cursor === undefined) {
    return undefined
  }
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { updatedAt: value[0], recordId: value[1] }
    }
  } catch {
    // fall through to the clear error below
  }
  throw invalidField(ctx, 'cursor', 'invalid_cursor', 'faro.invalid_cursor')
}
