import {
  decide,
  DomainError,
  isCreateAction,
  isPriority,
  eventTimeOf,
  alertsOf,
  bodiesOf,
  CASE_ACTION_POLICY,
  type CaseState,
  message,
  PROBLEM_TITLES,
  reduceRecord,
  hasOwnFold,
  type ActionInput,
  type OrgUnit,
  type PeopleCount,
  type PolicyAction,
  type PolicyTarget,
  type RecordState,
  type RecordType,
  addCells,
  cellsOf,
  COUNTED_TYPES,
  type StatCell,
} from '@faro/core'
import type { Insertable } from 'kysely'
import { decodePath, encodePath } from '../db/dialect.ts'
import type { PersonLinksTable } from '../db/schema.ts'
import { findActionsByIds, findChangesSince, findDeviceCountersTaken, insertActions, type NewActionRow } from './actions-repo.ts'
import { appendAuditMany, type AuditLink } from './audit-repo.ts'
import { findOrgUnits, findUnitIdsUnder } from '../accounts/org-units-repo.ts'
import { findPeople, insertLinks, type PersonRow } from '../protection/people/people-repo.ts'
import { findRecords, policyTargetOf, recordKey, upsertRecords, type RecordRow, type RecordWrite } from './records-repo.ts'
import { personLinksOf, personRefsOf } from '../protection/people/person-refs.ts'
import { auditEvent, type AuditSubject } from './audit.ts'
import { invalidField } from '../accounts/accounts.ts'
import type { Ctx, Executor } from './context.ts'
import { lockLog, logRow, prepareAction, type Prepared } from './log.ts'
import { applyCells, unitStates, zoneOfPath } from '../statistics/summaries.ts'

/** One accepted action waiting for its sequence number, which the log gives it at `flush`. */
export interface Entry {
  id: string
  hash: string
  seq?: number
}

/** The outcome of staging one action: a new entry, or a harmless repeat of an earlier one. */
export type Staged = { status: 'accepted'; entry: Entry; review: boolean } | { status: 'duplicate'; entry: Entry }

/** A record as the batch sees it: the stored projection plus what staged actions did to it. */
interface Slot {
  row: RecordWrite
  state: RecordState
  /** The state the summary table counts: as stored before the batch, then as last flushed. */
  counted: RecordState | undefined
  policy: PolicyTarget
  /** The version stored before this batch; 0 for a record the batch creates. */
  storedVersion: number
  /** Changes staged in this batch, for the review of concurrent edits. */
  staged: { source: string; fields: string[] }[]
  last?: Entry
  dirty: boolean
}

export interface BatchOptions {
  demo?: boolean
}

/**
 * Applies many actions in one transaction with a few statements instead of a dozen per action.
 *
 * `load` reads, in one query each, everything the actions' checks need: earlier actions with
 * their ids, device counters already taken, the records they touch (locked on PostgreSQL), the
 * org units they name and the people they reference. `stage` then checks one action in memory,
 * in the same order and with the same answers as a lone submission: a repeat is a duplicate,
 * an id or counter reused with other content a conflict, then record existence, the policy and
 * the vault references. A refused action throws and leaves nothing staged, so it needs no
 * savepoint. `flush` writes what was staged: one multi-row insert into the log (which assigns the
 * sequence numbers), one upsert of the projections and one of the audit chain.
 *
 * All of it runs under the log lock, so what `load` read cannot change before `flush`: no other
 * writer can take an id, a counter or a record meanwhile.
 */
export class ActionBatch {
  private readonly priors = new Map<string, Entry>()
  private readonly countersTaken = new Set<string>()
  private readonly slots = new Map<string, Slot>()
  private readonly units = new Map<string, OrgUnit>()
  /** The time zone of each unit path the changed records sit under, for the statistics' days. */
  private readonly zones = new Map<string, string>()
  private readonly people = new Map<string, PersonRow>()
  /** For each accused agency of a case being opened, the units that must never see it. */
  private readonly excludedUnder = new Map<string, string[]>()
  private pendingActions: NewActionRow[] = []
  private pendingEntries: Entry[] = []
  private pendingLinks: Insertable<PersonLinksTable>[] = []
  private pendingAudit: AuditLink[] = []

  constructor(
    private readonly trx: Executor,
    private readonly ctx: Ctx,
    private readonly opts: BatchOptions = {},
  ) {}

  /** Takes the log lock and reads what the checks of these actions need. */
  async load(actions: readonly ActionInput[]): Promise<void> {
    await lockLog(this.trx, this.ctx)
    const fresh = actions.filter((a) => !this.priors.has(a.id))
    for (const prior of await findActionsByIds(this.trx, fresh.map((a) => a.id))) {
      this.priors.set(prior.id, { id: prior.id, hash: prior.contentHash, seq: Number(prior.seq) })
    }
    const deviceIds = new Set(actions.flatMap((a) => (a.deviceId === undefined ? [] : [a.deviceId])))
    for (const deviceId of deviceIds) {
      const counters = actions.flatMap((a) => (a.deviceId === deviceId && a.deviceCounter !== undefined ? [a.deviceCounter] : []))
      for (const counter of await findDeviceCountersTaken(this.trx, deviceId, counters)) {
        this.countersTaken.add(counterKey(deviceId, counter))
      }
    }
    const keys = actions.filter((a) => !this.slots.has(recordKey(a)))
    for (const row of await findRecords(this.trx, this.ctx.db.dialect, keys, { lock: true })) {
      this.slots.set(recordKey(row), slotOf(row))
    }
    const unitIds = new Set(actions.flatMap((a) => (typeof a.payload.orgUnitId === 'string' && !this.units.has(a.payload.orgUnitId) ? [a.payload.orgUnitId] : [])))
    for (const unit of await findOrgUnits(this.trx, [...unitIds])) {
      this.units.set(unit.id, unit)
    }
    for (const agencyId of new Set(actions.flatMap(accusedAgencyOf))) {
      if (!this.excludedUnder.has(agencyId)) {
        this.excludedUnder.set(agencyId, await findUnitIdsUnder(this.trx, agencyId))
      }
    }
    const personIds = new Set(actions.flatMap((a) => personRefsOf(a.payload)).filter((id) => !this.people.has(id)))
    for (const person of await findPeople(this.trx, [...personIds])) {
      this.people.set(person.id, person)
    }
  }

  /**
   * Checks one loaded action and stages its writes; throws a DomainError, staging nothing, when
   * it is refused. Reads the database only to review a change made on an outdated version.
   * `prepared` is used when it was worked out for this batch's actor (a device import acts as
   * the device's owner, so its hashes are worked out again).
   */
  async stage(action: ActionInput, prepared?: Prepared): Promise<Staged> {
    const ctx = this.ctx
    const prep = prepared?.actorId === ctx.actor.userId ? prepared : prepareAction(action, ctx.actor.userId)
    const hash = prep.hash
    const prior = this.priors.get(action.id)
    if (prior !== undefined) {
      if (prior.hash !== hash) {
        throw new DomainError('conflict', message('faro.id_reused', ctx.lang), { reason: 'id_reused' })
      }
      return { status: 'duplicate', entry: prior }
    }
    const creates = isCreateAction(action.recordType, action.type)
    const key = recordKey(action)
    const existing = this.slots.get(key)
    const target = this.targetOf(action, creates, existing)
    if (!decide(ctx.actor, policyActionOf(action), target.policy).allowed) {
      throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
    }
    const counter = action.deviceId !== undefined && action.deviceCounter !== undefined ? counterKey(action.deviceId, action.deviceCounter) : undefined
    if (counter !== undefined && this.countersTaken.has(counter)) {
      throw new DomainError('conflict', message('faro.device_counter_reused', ctx.lang), { reason: 'device_counter_reused' })
    }
    const links = personLinksOf(ctx, action, this.people)
    const review = existing !== undefined && !creates ? await this.concurrentEdit(action, existing) : false

    // Every check passed: from here on the action is part of the batch.
    const entry: Entry = { id: action.id, hash }
    const now = ctx.clock.now().toISOString()
    const slot = existing ?? this.newSlot(action, target)
    slot.state = reduceRecord(existing?.state, action, action.recordType)
    // A creation's state is its payload with the unit checked above, key for key: its text is
    // the payload's, already written once.
    // (Not for a type with its own fold: a case's state adds its status and hops to the payload, a
    // tally's and a surge sheet's their counts, a convoy's its incidents.)
    const stateIsPayload = existing === undefined && slot.state.orgUnitId === action.payload.orgUnitId && !hasOwnFold(action.recordType)
    slot.row.state = stateIsPayload ? prep.payloadJson : JSON.stringify(slot.state)
    slot.row.priority = hasPriorityPeople(slot.state) ? 1 : 0
    if (action.recordType === 'case') {
      // The bodies a case was sent to read it (scope `routed`); those of the accused agency never do.
      const routedTo = bodiesOf(slot.state as unknown as CaseState)
      slot.row.routedTo = JSON.stringify(routedTo)
      slot.policy = { ...slot.policy, routedTo }
      // The deadline sweep looks at the case from its earliest alert on (a step taken may have
      // ended some alerts; the sweep's idempotent messages make a second look harmless).
      slot.row.alertAt = alertsOf(slot.state as unknown as CaseState)[0]?.at ?? null
    }
    slot.row.updatedAt = now
    slot.row.occurredAt = eventTimeOf(slot.state) ?? slot.row.createdAt
    slot.row.needsReview = review ? 1 : slot.row.needsReview
    slot.staged.push({ source: sourceOf(action.deviceId, ctx.actor.userId), fields: Object.keys(action.payload) })
    slot.last = entry
    slot.dirty = true
    this.slots.set(key, slot)
    this.priors.set(action.id, entry)
    if (counter !== undefined) {
      this.countersTaken.add(counter)
    }
    this.pendingActions.push(logRow({ ...action, orgUnitId: target.orgUnitId }, prep, now))
    this.pendingEntries.push(entry)
    this.pendingLinks.push(...links)
    this.pendingAudit.push(auditEvent(ctx, takenSubject(action), prep.audit))
    return { status: 'accepted', entry, review }
  }

  /** Stages an audit event of the batch's actor in its place in the chain (a refusal, say). */
  audit(subject: AuditSubject): void {
    this.pendingAudit.push(auditEvent(this.ctx, subject))
  }

  /** Writes everything staged so far; every staged entry has its sequence number after it. */
  async flush(): Promise<void> {
    if (this.pendingActions.length > 0) {
      const seqs = await insertActions(this.trx, this.ctx.db.dialect, this.pendingActions)
      for (const entry of this.pendingEntries) {
        entry.seq = seqs.get(entry.id)
        if (entry.seq === undefined) {
          throw new Error('an inserted action came back without its sequence number')
        }
      }
      const rows: RecordWrite[] = []
      const changed: Slot[] = []
      for (const slot of this.slots.values()) {
        if (slot.dirty && slot.last?.seq !== undefined) {
          slot.row.version = slot.last.seq
          slot.storedVersion = slot.last.seq
          slot.staged = []
          slot.dirty = false
          rows.push({ ...slot.row })
          changed.push(slot)
        }
      }
      await upsertRecords(this.trx, this.ctx.db.dialect, rows)
      await this.countChanges(changed)
      await insertLinks(this.trx, this.pendingLinks)
    }
    await appendAuditMany(this.trx, this.ctx.db.dialect, this.pendingAudit, this.ctx.auditHead)
    this.pendingActions = []
    this.pendingEntries = []
    this.pendingLinks = []
    this.pendingAudit = []
  }

  /**
   * Moves the statistics' counts of the changed records: each one's new cells in, its old ones out,
   * in this transaction. Days are counted in each record's unit's own time zone.
   */
  private async countChanges(changed: readonly Slot[]): Promise<void> {
    const counted = changed.filter((slot) => COUNTED_TYPES.includes(slot.row.recordType as RecordType))
    if (counted.length === 0) {
      return
    }
    const paths = [...new Set(counted.map((slot) => slot.row.orgUnitPath))]
    const fresh = paths.filter((path) => !this.zones.has(path))
    if (fresh.length > 0) {
      const states = await unitStates(this.trx, fresh.flatMap(decodePath))
      for (const path of fresh) {
        this.zones.set(path, zoneOfPath(path, states))
      }
    }
    const sum = new Map<string, StatCell>()
    for (const slot of counted) {
      const where = { timeZone: this.zones.get(slot.row.orgUnitPath) ?? '', createdAt: slot.row.createdAt }
      const type = slot.row.recordType as RecordType
      addCells(sum, cellsOf(type, slot.state, where))
      addCells(sum, cellsOf(type, slot.counted, where), -1)
      slot.counted = slot.state
    }
    // The records' own paths, for their subtrees' margins: no need to read them again.
    await applyCells(this.trx, this.ctx.db.dialect, [...sum.values()], new Map(paths.map((path) => [decodePath(path).at(-1) ?? '', path])))
  }

  private targetOf(action: ActionInput, creates: boolean, existing: Slot | undefined): { orgUnitId: string; policy: PolicyTarget } {
    const ctx = this.ctx
    if (existing !== undefined) {
      if (creates) {
        throw new DomainError('conflict', message('faro.record_exists', ctx.lang), { reason: 'record_exists' })
      }
      return { orgUnitId: existing.row.orgUnitId, policy: existing.policy }
    }
    if (!creates) {
      throw invalidField(ctx, 'recordId', 'record_missing', 'faro.record_missing')
    }
    const orgUnitId = String(action.payload.orgUnitId)
    const unit = this.units.get(orgUnitId)
    if (unit === undefined) {
      throw invalidField(ctx, 'payload.orgUnitId', 'unknown_org_unit', 'faro.unknown_org_unit')
    }
    const excludedUnits = accusedAgencyOf(action).flatMap((id) => this.excludedUnder.get(id) ?? [id])
    return { orgUnitId, policy: { orgUnitPath: unit.path, ownerId: ctx.actor.userId, excludedUnits } }
  }

  private newSlot(action: ActionInput, target: { orgUnitId: string; policy: PolicyTarget }): Slot {
    const now = this.ctx.clock.now().toISOString()
    return {
      row: {
        recordType: action.recordType,
        recordId: action.recordId,
        orgUnitId: target.orgUnitId,
        orgUnitPath: encodePath(target.policy.orgUnitPath),
        ownerId: this.ctx.actor.userId,
        state: '',
        routedTo: '[]',
        excludedUnits: JSON.stringify(target.policy.excludedUnits ?? []),
        priority: 0,
        demo: this.opts.demo ? 1 : 0,
        version: 0,
        createdAt: now,
        updatedAt: now,
        occurredAt: now,
        alertAt: null,
        needsReview: 0,
      },
      state: { orgUnitId: target.orgUnitId },
      counted: undefined,
      policy: target.policy,
      storedVersion: 0,
      staged: [],
      dirty: false,
    }
  }

  /**
   * True when a change was made on an outdated version and another source (another device, or
   * another account without one) changed one of the same fields since: the later change wins,
   * both stay in the log, and the record is flagged for someone to look at.
   */
  private async concurrentEdit(action: ActionInput, slot: Slot): Promise<boolean> {
    const base = action.baseVersion
    if (base === undefined) {
      return false
    }
    const source = sourceOf(action.deviceId, this.ctx.actor.userId)
    const fields = new Set(Object.keys(action.payload))
    const touches = (other: { source: string; fields: readonly string[] }) => other.source !== source && other.fields.some((f) => fields.has(f))
    if (slot.staged.some(touches)) {
      return true
    }
    if (slot.storedVersion <= base) {
      return false
    }
    const changes = await findChangesSince(this.trx, action.recordType, action.recordId, base)
    return changes.some((c) => touches({ source: sourceOf(c.deviceId ?? undefined, c.actorId), fields: Object.keys(JSON.parse(c.payload) as object) }))
  }
}

/** The sequence number of a flushed entry. */
export function seqOf(entry: Entry): number {
  if (entry.seq === undefined) {
    throw new Error('the batch was not flushed')
  }
  return entry.seq
}

function slotOf(row: RecordRow): Slot {
  const state = JSON.parse(row.state) as RecordState
  return {
    row: { ...row, version: Number(row.version) },
    state,
    counted: state,
    policy: policyTargetOf(row),
    storedVersion: Number(row.version),
    staged: [],
    dirty: false,
  }
}

/** What the audit row of an action taken says: its policy action, the record, allowed. */
export function takenSubject(action: { recordType: RecordType; recordId: string; type: string }): AuditSubject {
  return { action: policyActionOf(action), recordType: action.recordType, recordId: action.recordId, decision: 'allowed' }
}

export function policyActionOf(action: { recordType: RecordType; type: string }): PolicyAction {
  if (action.recordType === 'case') {
    return CASE_ACTION_POLICY[action.type as keyof typeof CASE_ACTION_POLICY]
  }
  return `${action.recordType}.${isCreateAction(action.recordType, action.type) ? 'create' : 'update'}`
}

function counterKey(deviceId: string, counter: number): string {
  return `${deviceId}\u0000${counter}`
}

/** Who made a change, for telling concurrent edits from one device's own successive ones. */
function sourceOf(deviceId: string | undefined, actorId: string): string {
  return deviceId === undefined ? `actor:${actorId}` : `device:${deviceId}`
}

function hasPriorityPeople(state: RecordState): boolean {
  const people = state.people
  return Array.isArray(people) && isPriority(people as PeopleCount[])
}

/** The accused agency a case names when it is opened, if any. */
function accusedAgencyOf(action: ActionInput): string[] {
  if (action.recordType !== 'case' || action.type !== 'CaseOpened') {
    return []
  }
  const accused = action.payload.accused
  const agencyId = typeof accused === 'object' && accused !== null && 'agencyId' in accused ? accused.agencyId : undefined
  return typeof agencyId === 'string' ? [agencyId] : []
}
