import { randomInt } from 'node:crypto'
import {
  CENTRAL_OFFSET_MS,
  CaseOpened,
  TRACE_ACTIONS,
  type SoughtPerson,
  holdsNationally,
  DEFAULT_CALENDAR,
  DomainError,
  decide,
  hopDeadlines,
  mayReopen,
  message,
  nextDeadlineOf,
  normalizeFolio,
  overdueHops,
  PROBLEM_TITLES,
  publicStatusOf,
  REOPEN_WINDOW_DAYS,
  reduceCase,
  routeCase,
  scopesOf,
  type ActionInput,
  findClusters,
  scorecards,
  type CaseCalendar,
  type Cluster,
  type Scorecard,
  type CaseIntake,
  type Complainant,
  type FolioPrefix,
  type LegalBasis,
  type LocationRequestIntake,
  type Purpose,
  type SoughtPersonInput,
  type CaseIntakeResult,
  type CaseState,
  type CaseStep,
  type CaseView,
  type Hop,
  type PublicCaseView,
  type RecordView,
} from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import { findOrgUnit, findOrgUnits, findUnitIdsUnder } from '../accounts/org-units-repo.ts'
import type { Db } from '../db/open.ts'
import { ActionBatch } from '../log/action-batch.ts'
import { findActionById, listActionsOfRecord } from '../log/actions-repo.ts'
import { inTransaction, type Ctx } from '../log/context.ts'
import { lockLog } from '../log/log.ts'
import { findRecord, policyTargetOf } from '../log/records-repo.ts'
import { allVisibleRecords, listVisibleRecords, readRecord, submitAction } from '../log/records.ts'
import type { Clock } from '../clock.ts'
import { enqueue } from '../mail/outbox.ts'
import type { Keyring } from '../protection/keyring.ts'
import { sealComplainant, storeComplainant } from './complainant.ts'
import { hashPin, verifyPin } from './pins.ts'
import { recordChoice } from '../tracing/answers.ts'
import { assignmentNotices, complainantNotices, type NoticeSettings } from './notices.ts'
import { allocateFolio, clearPinFailures, currentRuleSet, findFolio, findFolioOfRecord, recordPinFailure, reserveFolios, unusedReservations, useReservedFolio } from './cases-repo.ts'

/** Routing on intake is the system's act, not the volunteer's: it needs no right to route. */
const ROUTER = { userId: 'system', role: 'paisano_coordinator', orgUnitId: 'paisano' } as const

/** Wrong PINs a folio takes before it answers nothing for a while. */
export const PIN_TRIES = 5
export const PIN_LOCK_MS = 15 * 60_000

export interface CaseDeps extends NoticeSettings {
  calendar?: CaseCalendar
  /** Opens the identity vault, where a complainant's identity goes; without it, intake refuses one. */
  keyring?: Keyring | undefined
  /** Marks what is written as demo data (the demo seed). */
  demo?: boolean
}

/**
 * Takes a complaint or request for help: gives it a folio and a PIN, logs it, and routes it by
 * the rules in force, in one transaction. The intake's id makes it idempotent: sent again
 * (concurrently or after a lost answer) it is the same case with the same folio.
 */
export async function openCase(ctx: Ctx, input: CaseIntake, deps: CaseDeps = {}): Promise<CaseIntakeResult> {
  const { id, pin, orgUnitId, complainant, folio: reserved, takenAt, ...fields } = input
  return open(ctx, deps, {
    id,
    pin,
    orgUnitId,
    reserved,
    receivedAt: takenAtOrNow(ctx, takenAt, ctx.clock.now()),
    fields,
    requester: complainant,
    prefix: 'PA',
    route: async (trx, payload) => {
      const { rules } = await currentRuleSet(trx)
      const accused = payload.accused?.agencyId
      const underAccused = new Set(accused === undefined ? [] : await findUnitIdsUnder(trx, accused))
      return routeCase(rules, payload, (unit) => underAccused.has(unit)).bodies
    },
  })
}

/**
 * Files a location request: a case of its own kind (folio `LB-…`) whose people sought go to the
 * vault on the basis of vital interest, for family tracing, and whose requester goes there with
 * the consents given. It goes to the Grupo Beta that files it, or to the groups' national
 * coordination, which assigns it. Idempotent by its id, like any intake.
 */
export async function openLocationRequest(ctx: Ctx, input: LocationRequestIntake, deps: CaseDeps = {}): Promise<CaseIntakeResult> {
  const { id, pin, orgUnitId, requester, sought, ...fields } = input
  return open(ctx, deps, {
    id,
    pin,
    orgUnitId,
    receivedAt: ctx.clock.now().toISOString(),
    fields: { ...fields, kind: 'location_request', category: 'missing_migrant' },
    requester,
    requesterLink: { legalBasis: 'consent', purpose: 'family_tracing' },
    sought,
    prefix: 'LB',
    route: async (trx, payload) => {
      const unit = await findOrgUnit(trx, payload.orgUnitId)
      return [unit?.kind === 'beta_group' ? unit.id : TRACING_DESK]
    },
  })
}

/** Where location requests go when no Grupo Beta filed them: the groups' national coordination. */
export const TRACING_DESK = 'beta'

interface Opening {
  id: string
  pin: string | undefined
  orgUnitId: string | undefined
  reserved?: string | undefined
  receivedAt: string
  /** The case's fields but the folio, the time and the unit. */
  fields: Record<string, unknown>
  requester: Complainant | undefined
  requesterLink?: { legalBasis: LegalBasis; purpose: Purpose }
  sought?: readonly SoughtPersonInput[]
  prefix: FolioPrefix
  /** The bodies a new case goes to. */
  route(trx: Db['db'], payload: CaseOpened): Promise<string[]>
}

/**
 * What every intake does, in one transaction under the log lock: the folio (drawn, or reserved
 * by the caller), `CaseOpened`, the identities into the vault, `CaseRouted` acted by the system,
 * and the messages to the bodies and to the requester.
 */
async function open(ctx: Ctx, deps: CaseDeps, o: Opening): Promise<CaseIntakeResult> {
  const pin = o.pin ?? String(randomInt(1_000_000)).padStart(6, '0')
  // The hash and the sealing before the transaction, which holds the log lock.
  const pinHash = await hashPin(ctx.db.db, deps.keyring, o.id, pin)
  const people = o.requester !== undefined || (o.sought?.length ?? 0) > 0
  if (people && deps.keyring === undefined) {
    throw new Error('intake of an identity without the vault keyring')
  }
  const keyring = deps.keyring
  const requester = o.requester === undefined || keyring === undefined ? undefined : sealComplainant(keyring, o.requester)
  const sought = keyring === undefined ? [] : (o.sought ?? []).map((s) => ({ input: s, sealed: sealComplainant(keyring, { identity: s.identity, consents: [] }) }))
  const recordId = o.id
  const now = ctx.clock.now()
  return inTransaction(ctx, async (trx) => {
    await lockLog(trx, ctx)
    const prior = await findActionById(trx, o.id)
    if (prior !== undefined) {
      const folio = prior.recordType === 'case' && prior.actorId === ctx.actor.userId ? await findFolioOfRecord(trx, prior.recordId) : undefined
      if (folio === undefined) {
        throw new DomainError('conflict', message('faro.id_reused', ctx.lang), { reason: 'id_reused' })
      }
      return { status: 'duplicate', recordId: prior.recordId, folio, pin: null }
    }
    const unitId = o.orgUnitId ?? ctx.actor.orgUnitId
    let folio = o.reserved
    if (folio === undefined) {
      folio = await allocateFolio(trx, recordId, pinHash, now, new Date(now.getTime() + CENTRAL_OFFSET_MS).getUTCFullYear(), o.prefix)
    } else if (!(await useReservedFolio(trx, folio, ctx.actor.userId, recordId, pinHash, now))) {
      throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: 'folio', code: 'folio_not_reserved', message: message('faro.case_folio_not_reserved', ctx.lang) }] })
    }
    const soughtPeople = sought.map(({ input, sealed }) => {
      const { identity: _identity, ...details } = input
      return { soughtId: uuidv7(), personId: sealed.personId, ...details }
    })
    const payload = CaseOpened.parse({
      ...o.fields,
      ...(requester ? { personId: requester.personId } : {}),
      ...(soughtPeople.length > 0 ? { sought: soughtPeople } : {}),
      orgUnitId: unitId,
      folio,
      receivedAt: o.receivedAt,
    })
    const opened: ActionInput = { id: o.id, recordType: 'case', recordId, type: 'CaseOpened', payload: payload as unknown as Record<string, unknown> }
    const intake = new ActionBatch(trx, ctx, { demo: deps.demo === true })
    await intake.load([opened])
    await intake.stage(opened)
    await intake.flush()
    if (people && keyring !== undefined) {
      const unit = await findOrgUnit(trx, unitId)
      if (unit === undefined) {
        throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: 'orgUnitId', code: 'unknown_org_unit', message: message('faro.unknown_org_unit', ctx.lang) }] })
      }
      if (requester !== undefined) {
        await storeComplainant(trx, ctx, keyring, unit, recordId, requester, payload.language, o.requesterLink)
      }
      for (const { sealed } of sought) {
        await storeComplainant(trx, ctx, keyring, unit, recordId, sealed, payload.language, { legalBasis: 'vital_interest', purpose: 'family_tracing' })
      }
    }
    const hops = await hopsTo(trx, await o.route(trx, payload), payload.category, now, deps)
    const routed: ActionInput = { id: uuidv7(), recordType: 'case', recordId, type: 'CaseRouted', payload: { at: now.toISOString(), hops } }
    const router = new ActionBatch(trx, { ...ctx, actor: ROUTER }, { demo: deps.demo === true })
    await router.load([routed])
    await router.stage(routed)
    await router.flush()
    const state = reduceCase(reduceCase(undefined, opened), routed)
    await enqueue(trx, [...(await assignmentNotices(trx, state, recordId, hops, deps)), ...complainantNotices(undefined, state, recordId, o.id)], now)
    return { status: 'accepted', recordId, folio, pin }
  })
}

/** How far back a case taken offline may say it was taken, and how far ahead a clock may be. */
const TAKEN_AT_PAST_MS = 90 * 86_400_000
const TAKEN_AT_SKEW_MS = 10 * 60_000

/** When a case was taken: when an offline device says, within reason; else now. */
function takenAtOrNow(ctx: Ctx, takenAt: string | undefined, now: Date): string {
  if (takenAt === undefined) {
    return now.toISOString()
  }
  const at = Date.parse(takenAt)
  if (at > now.getTime() + TAKEN_AT_SKEW_MS || at < now.getTime() - TAKEN_AT_PAST_MS) {
    throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: 'takenAt', code: 'out_of_range', message: message('faro.case_taken_at', ctx.lang) }] })
  }
  return new Date(Math.min(at, now.getTime())).toISOString()
}

/**
 * Reserves a block of folios for the caller's offline intakes (`case.create`). An account holds
 * at most `MAX_RESERVED` unused ones: the folio space of a year is finite.
 */
export const MAX_RESERVED = 100

export async function reserveFolioBlock(ctx: Ctx, count: number): Promise<{ folios: string[]; held: number }> {
  if (!holdsAnywhere(ctx, 'case.create')) {
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  const now = ctx.clock.now()
  return inTransaction(ctx, async (trx) => {
    await lockLog(trx, ctx)
    const held = (await unusedReservations(trx, ctx.actor.userId)).length
    const folios = await reserveFolios(trx, ctx.actor.userId, Math.max(0, Math.min(count, MAX_RESERVED - held)), now, new Date(now.getTime() + CENTRAL_OFFSET_MS).getUTCFullYear())
    return { folios, held: held + folios.length }
  })
}

/** The folios the caller reserved and has not used. */
export async function heldFolios(ctx: Ctx): Promise<{ folio: string; reservedAt: string }[]> {
  return unusedReservations(ctx.db.db, ctx.actor.userId)
}

function holdsAnywhere(ctx: Ctx, action: 'case.create'): boolean {
  return scopesOf(ctx.actor.role, action).length > 0
}

/** Hops to existing units, with their deadlines from `at`. */
async function hopsTo(db: Db['db'], bodies: readonly string[], category: CaseOpened['category'], at: Date, deps: CaseDeps): Promise<Hop[]> {
  const known = new Set((await findOrgUnits(db, [...bodies])).map((u) => u.id))
  const deadlines = hopDeadlines(category, at, deps.calendar ?? DEFAULT_CALENDAR)
  return bodies.filter((b) => known.has(b)).map((bodyId) => ({ hopId: uuidv7(), bodyId, routedAt: at.toISOString(), ...deadlines }))
}

/** One case as staff read it; out of reach (or accused) is forbidden, as for any record. */
export async function readCase(ctx: Ctx, recordId: string): Promise<CaseView> {
  return viewOf(ctx, await readRecord(ctx, 'case', recordId))
}

/** Cases the caller may read, newest change first (`open`: only those not closed). */
export async function listCases(ctx: Ctx, q: { limit: number; cursor?: string | undefined; open?: boolean | undefined; folio?: string | undefined }): Promise<{ items: CaseView[]; next: string | null }> {
  if (q.folio !== undefined) {
    // One case by its folio, if the caller may read it; a folio out of reach reads as none.
    const folio = normalizeFolio(q.folio)
    const row = folio === undefined ? undefined : await findFolio(ctx.db.db, folio)
    const record = row === undefined ? undefined : await findRecord(ctx.db.db, ctx.db.dialect, 'case', row.recordId)
    const visible = record !== undefined && decide(ctx.actor, 'case.read', policyTargetOf(record)).allowed
    return { items: visible ? [await readCase(ctx, record.recordId)] : [], next: null }
  }
  const page = await listVisibleRecords(ctx, 'case', { limit: q.limit, cursor: q.cursor, openCases: q.open === true })
  return { items: page.items.map((r) => viewOf(ctx, r)), next: page.next }
}

/** Every case the caller may read, folded; for the patterns and scorecards of a period. */
export async function visibleCases(ctx: Ctx): Promise<CaseState[]> {
  return (await allVisibleRecords<CaseState>(ctx, 'case')).map((r) => r.state)
}

/** Clusters of complaints in a period; the national office's view (the right to route). */
export async function casePatterns(ctx: Ctx, q: { from: string; to: string; min: number }): Promise<Cluster[]> {
  if (!holdsNationally(ctx.actor, 'case.route')) {
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  return findClusters(await visibleCases(ctx), q)
}

/**
 * Scorecards of the handling bodies in a period: every body for the national office, the
 * caller's own body for anyone else who reads cases.
 */
export async function caseScorecards(ctx: Ctx, q: { from: string; to: string }): Promise<Scorecard[]> {
  const all = scorecards(await visibleCases(ctx), { ...q, now: ctx.clock.now().toISOString() })
  return holdsNationally(ctx.actor, 'case.route') ? all : all.filter((s) => s.bodyId === ctx.actor.orgUnitId)
}

/** How many open cases the caller may read, and how many of them are late. */
export async function countCases(ctx: Ctx): Promise<{ open: number; overdue: number }> {
  let open = 0
  let overdue = 0
  let cursor: string | undefined
  const now = ctx.clock.now()
  do {
    const page = await listVisibleRecords(ctx, 'case', { limit: 500, cursor, openCases: true })
    for (const record of page.items) {
      open += 1
      overdue += overdueHops(record.state as unknown as CaseState, now).length > 0 ? 1 : 0
    }
    cursor = page.next ?? undefined
  } while (cursor !== undefined)
  return { open, overdue }
}

/** One entry of a case's history: a step, when, by whom, and its words. */
export interface CaseHistoryEntry {
  seq: number
  type: string
  at: string
  actorId: string
  payload: Record<string, unknown>
}

/**
 * The steps of a case in order, with the questions, answers and notes they carried. The vault
 * reference is left out for those who may not follow the person up, as in the case view.
 */
export async function caseHistory(ctx: Ctx, recordId: string): Promise<CaseHistoryEntry[]> {
  const view = await readCase(ctx, recordId)
  const hideIdentity = view.state.personId === undefined
  // The view left the search out for one who does not work on it: so does its history.
  const hideSearch = view.state.kind === 'location_request' && view.state.traces === undefined && !worksOnSearch(ctx, view.state as unknown as CaseState)
  const rows = await listActionsOfRecord(ctx.db.db, 'case', recordId)
  return rows
    .filter((r) => !(hideSearch && SEARCH_ACTIONS.has(r.type)))
    .map((r) => {
      const payload = JSON.parse(r.payload) as Record<string, unknown>
      const { personId: _personId, ...rest } = payload
      const shown = hideIdentity ? rest : payload
      const at = typeof payload.at === 'string' ? payload.at : typeof payload.receivedAt === 'string' ? payload.receivedAt : r.receivedAt
      return { seq: Number(r.seq), type: r.type, at, actorId: r.actorId, payload: hideSearch && Array.isArray(shown.sought) ? { ...shown, sought: (shown.sought as Record<string, unknown>[]).map(({ personId: _p, ...s }) => s) } : shown }
    })
}

/**
 * True when the caller works on a location request's search: its body holds the request, or the
 * caller is the national office. Anyone else who reads the request (the consulate or the call
 * centre that filed it) learns how each search ended only from the answers, through the
 * disclosure check — never from the search's own steps.
 */
export function worksOnSearch(ctx: Ctx, state: CaseState): boolean {
  return state.hops.some((h) => h.bodyId === ctx.actor.orgUnitId && h.status !== 'referred') || holdsNationally(ctx.actor, 'case.route')
}

/** The search's own steps, shown only to those who work on it. */
const SEARCH_ACTIONS: ReadonlySet<string> = new Set(Object.keys(TRACE_ACTIONS))

/** A location request as one who does not work on its search may see it: no steps, no vault references. */
function withoutSearch(state: CaseState): CaseState {
  const { traces: _traces, ...rest } = state
  return { ...rest, ...(state.sought ? { sought: state.sought.map(({ personId: _personId, ...s }) => s as SoughtPerson) } : {}) }
}

function viewOf(ctx: Ctx, record: RecordView): CaseView {
  const state = record.state as unknown as CaseState
  // The vault reference is for those who may follow the person up, not for the handling bodies.
  const mayFollowUp = holdsNationally(ctx.actor, 'case.update') || ctx.actor.userId === record.ownerId
  const searched = state.kind === 'location_request' && !worksOnSearch(ctx, state) ? withoutSearch(state) : state
  const shown = mayFollowUp ? searched : { ...searched, personId: undefined }
  return {
    recordId: record.recordId,
    folio: state.folio,
    status: state.status,
    publicStatus: publicStatusOf(state.status),
    nextDeadline: nextDeadlineOf(state) ?? null,
    overdueHops: overdueHops(state, ctx.clock.now()).map((h) => h.hopId),
    identified: state.personId !== undefined,
    state: JSON.parse(JSON.stringify(shown)) as Record<string, unknown>,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  }
}

/**
 * Takes one step of a case: checks it against where the case stands (the hop is the caller's
 * body's, the case is open, the bodies exist and are not the accused), then appends it as an
 * action, which the policy table checks again. A step sent again is a harmless duplicate.
 */
export async function takeStep(ctx: Ctx, recordId: string, step: CaseStep, deps: CaseDeps = {}): Promise<CaseView> {
  // The whole state, vault reference included: what the person is written to depends on it.
  const current = await readRecord(ctx, 'case', recordId)
  const prior = await findActionById(ctx.db.db, step.id)
  if (prior !== undefined && prior.recordType === 'case' && prior.recordId === recordId) {
    return viewOf(ctx, current)
  }
  const state = current.state as unknown as CaseState
  const now = ctx.clock.now()
  const at = now.toISOString()
  const action = (type: string, payload: Record<string, unknown>): ActionInput => ({ id: step.id, recordType: 'case', recordId, type, payload: { at, ...payload }, baseVersion: current.version })
  let next: ActionInput
  switch (step.type) {
    case 'acknowledge':
      next = action('CaseAcknowledged', { hopId: ownHop(ctx, state, step.hopId).hopId, ...(step.externalRef ? { externalRef: step.externalRef } : {}) })
      break
    case 'request_info':
      next = action('CaseInfoRequested', { hopId: ownHop(ctx, state, step.hopId).hopId, question: step.question })
      break
    case 'provide_info': {
      const hop = hopOf(ctx, state, step.hopId)
      if (hop.status !== 'info_requested') {
        throw stepRefused(ctx, 'faro.case_no_question')
      }
      next = action('CaseInfoProvided', { hopId: hop.hopId, answer: step.answer })
      break
    }
    case 'answer':
      next = action('CaseAnswered', { hopId: ownHop(ctx, state, step.hopId).hopId, answer: step.answer })
      break
    case 'refer': {
      const hop = ownHop(ctx, state, step.hopId)
      next = action('CaseReferred', { hopId: hop.hopId, reason: step.reason, hops: await newHops(ctx, recordId, state, step.to, now, deps) })
      break
    }
    case 'propose_closure':
      next = action('CaseClosureProposed', { hopId: ownHop(ctx, state, step.hopId).hopId, outcome: step.outcome, summary: step.summary })
      break
    case 'route':
      openOrRefuse(ctx, state)
      next = action('CaseRouted', { hops: (await newHops(ctx, recordId, state, step.to, now, deps)).map((h) => (step.reason ? { ...h, reason: step.reason } : h)) })
      break
    case 'close':
      openOrRefuse(ctx, state)
      next = action('CaseClosed', { outcome: step.outcome, ...(step.summary ? { summary: step.summary } : {}) })
      break
    case 'reopen':
      if (state.closedAt === undefined) {
        throw stepRefused(ctx, 'faro.case_not_closed')
      }
      if (!mayReopen(state, now)) {
        throw stepRefused(ctx, 'faro.case_reopen_too_late', { days: REOPEN_WINDOW_DAYS })
      }
      next = action('CaseReopened', { reason: step.reason })
      break
    case 'note':
      next = action('CaseNoteAdded', { note: step.note })
      break
    case 'mark_candidate': {
      const { id: _id, type: _type, ...mark } = step
      next = action('TraceCandidateMarked', { ...soughtOf(ctx, state, step.soughtId), ...mark })
      break
    }
    case 'set_outcome': {
      const { id: _id, type: _type, ...outcome } = step
      next = action('TraceOutcomeSet', { ...soughtOf(ctx, state, step.soughtId), ...outcome })
      break
    }
    case 'record_choice': {
      soughtOf(ctx, state, step.soughtId)
      if (state.traces?.[step.soughtId]?.outcome !== 'found_alive') {
        throw stepRefused(ctx, 'faro.trace_not_found_alive')
      }
      next = action('TraceFamilyChoiceSet', { soughtId: step.soughtId, choice: step.choice })
      break
    }
  }
  const addedHops = (next.payload.hops as Hop[] | undefined) ?? []
  const after = reduceCase(state, next)
  const question = step.type === 'request_info' ? step.question : undefined
  const chosen = step.type === 'record_choice' ? state.sought?.find((s) => s.soughtId === step.soughtId) : undefined
  await submitAction(ctx, next, {
    afterFlush: async (trx) => {
      if (chosen !== undefined && step.type === 'record_choice') {
        await recordChoice(trx, ctx, state, chosen.personId, step.choice)
      }
      await enqueue(trx, [...(await assignmentNotices(trx, state, recordId, addedHops, deps)), ...complainantNotices(state, after, recordId, step.id, question)], now)
    },
  })
  return readCase(ctx, recordId)
}

/**
 * One person a location request seeks, for a step on their search: the request is open and the
 * caller's body works on it (the national office may act on any).
 */
function soughtOf(ctx: Ctx, state: CaseState, soughtId: string): { soughtId: string } {
  openOrRefuse(ctx, state)
  if (!state.sought?.some((s) => s.soughtId === soughtId)) {
    throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: 'soughtId', code: 'unknown_sought', message: message('faro.trace_unknown_sought', ctx.lang) }] })
  }
  if (!worksOnSearch(ctx, state)) {
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  return { soughtId }
}

/** A hop of the case, open, that the caller's body handles (the national office may act on any). */
function ownHop(ctx: Ctx, state: CaseState, hopId: string) {
  openOrRefuse(ctx, state)
  const hop = hopOf(ctx, state, hopId)
  if (hop.status === 'referred') {
    throw stepRefused(ctx, 'faro.case_hop_referred')
  }
  if (hop.bodyId !== ctx.actor.orgUnitId && !holdsNationally(ctx.actor, 'case.route')) {
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  return hop
}

function hopOf(ctx: Ctx, state: CaseState, hopId: string) {
  const hop = state.hops.find((h) => h.hopId === hopId)
  if (hop === undefined) {
    throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: 'hopId', code: 'unknown_hop', message: message('faro.case_unknown_hop', ctx.lang) }] })
  }
  return hop
}

function openOrRefuse(ctx: Ctx, state: CaseState): void {
  if (state.closedAt !== undefined) {
    throw stepRefused(ctx, 'faro.case_closed')
  }
}

function stepRefused(ctx: Ctx, key: string, values?: Record<string, number>): DomainError {
  return new DomainError('conflict', message(key, ctx.lang, values), { reason: key.replace(/^faro\./, '') })
}

/** New hops to bodies that exist and are not the accused agency or under it. */
async function newHops(ctx: Ctx, recordId: string, state: CaseState, to: readonly string[], now: Date, deps: CaseDeps): Promise<Hop[]> {
  const row = await findRecord(ctx.db.db, ctx.db.dialect, 'case', recordId)
  const excluded = new Set(JSON.parse(row?.excludedUnits ?? '[]') as string[])
  const units = new Map((await findOrgUnits(ctx.db.db, [...to])).map((u) => [u.id, u]))
  const issues = to.flatMap((id, i) => {
    if (!units.has(id)) {
      return [{ field: `to.${i}`, code: 'unknown_org_unit', message: message('faro.unknown_org_unit', ctx.lang) }]
    }
    return excluded.has(id) ? [{ field: `to.${i}`, code: 'accused_body', message: message('faro.case_accused_body', ctx.lang) }] : []
  })
  if (issues.length > 0) {
    throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues })
  }
  return hopsTo(ctx.db.db, [...new Set(to)], state.category, now, deps)
}

/**
 * What the person who filed a case learns from its folio and PIN. A wrong PIN, an unknown folio
 * and a folio resting after too many wrong PINs all get the same answer in the same time, so
 * nobody can tell which folios exist.
 */
export async function lookUpCase(db: Db, clock: Clock, folioText: string, pin: string, keyring?: Keyring): Promise<PublicCaseView | undefined> {
  const folio = normalizeFolio(folioText)
  const row = folio === undefined ? undefined : await findFolio(db.db, folio)
  const now = clock.now()
  const resting = row?.pinLockedUntil != null && row.pinLockedUntil > now.toISOString()
  const ok = await verifyPin(db.db, keyring, row?.recordId ?? folioText, pin, row === undefined || resting ? undefined : row.pinHash)
  if (row === undefined || resting) {
    return undefined
  }
  if (!ok) {
    await recordPinFailure(db.db, row.folio, PIN_TRIES, new Date(now.getTime() + PIN_LOCK_MS))
    return undefined
  }
  await clearPinFailures(db.db, row.folio)
  const record = await findRecord(db.db, db.dialect, 'case', row.recordId)
  if (record === undefined) {
    return undefined
  }
  const state = JSON.parse(record.state) as CaseState
  const reopenUntil = state.closedAt === undefined ? null : new Date(Date.parse(state.closedAt) + REOPEN_WINDOW_DAYS * 86_400_000).toISOString()
  return {
    folio: state.folio,
    kind: state.kind,
    category: state.category,
    status: publicStatusOf(state.status),
    receivedAt: state.receivedAt,
    lastActivityAt: state.lastActivityAt,
    outcome: state.outcome ?? null,
    mayReopenUntil: reopenUntil,
  }
}
