import type { CaseOutcome } from './catalogues.ts'
import type { AlertBand, CandidateMark, FamilyChoice, RegistryRef, TraceOutcome } from '../tracing/record.ts'
import type { CaseOpened, Hop } from './schemas.ts'
import { REOPEN_WINDOW_DAYS } from './schemas.ts'

/** Where one hop of a case stands with the body it was sent to. */
export type HopStatus = 'routed' | 'acknowledged' | 'info_requested' | 'answered' | 'closure_proposed' | 'referred'

export interface HopState extends Hop {
  status: HopStatus
  acknowledgedAt?: string
  externalRef?: string
  infoRequestedAt?: string
  firstAnswerAt?: string
  answeredAt?: string
  proposedOutcome?: CaseOutcome
  proposedSummary?: string
}

/** The status of a case, derived from its actions. */
export type CaseStatus = 'received' | 'routed' | 'acknowledged' | 'info_requested' | 'answered' | 'resolved' | 'not_resolved' | 'closed'

/** What the person who filed it is told: no internal steps, no bodies' names. */
export type PublicCaseStatus = 'received' | 'in_progress' | 'info_requested' | 'answered' | 'closed'

/** Where the search for one sought person of a location request stands. */
export interface TraceState {
  /** Each reviewer's latest word on each candidate, by `recordType/recordId`. */
  marks: Record<string, { candidate: RegistryRef; mark: CandidateMark; at: string; forensicRef?: string }>
  /** Registry records the search flagged after the request was filed, by `recordType/recordId`. */
  found?: Record<string, { candidate: RegistryRef; band: AlertBand; at: string }>
  outcome?: TraceOutcome
  outcomeAt?: string
  record?: RegistryRef
  place?: string
  condition?: string
  /** Found alive but unable to decide for themselves: told as for a minor. */
  unableToDecide?: boolean
  forensicRef?: string
  /** What the found adult lets the requester be told. */
  choice?: FamilyChoice
  choiceAt?: string
}

/** A case as the fold leaves it: what was taken, the hops, and how it ended. */
export type CaseState = CaseOpened & {
  hops: HopState[]
  status: CaseStatus
  lastActivityAt: string
  closedAt?: string
  outcome?: CaseOutcome
  closingSummary?: string
  reopenedAt?: string
  reopenCount: number
  /** A location request: each sought person's search, by `soughtId`. */
  traces?: Record<string, TraceState>
}

type Action = { type: string; payload: Record<string, unknown> }

/**
 * Folds one action into a case. Pure, shared by the server and the offline client, like every
 * record's fold. Actions that name a hop the case does not have change nothing: the server
 * refuses them before they reach the log, and a fold never throws on what the log holds.
 */
export function reduceCase(state: CaseState | undefined, action: Action): CaseState {
  if (action.type === 'CaseOpened') {
    const opened = action.payload as unknown as CaseOpened
    return withStatus({ ...opened, hops: [], status: 'received', lastActivityAt: opened.receivedAt, reopenCount: 0 })
  }
  if (state === undefined) {
    throw new Error(`${action.type} before the case exists`)
  }
  const p = action.payload as Record<string, unknown> & { at: string; hopId?: string }
  const next: CaseState = { ...state, hops: state.hops.map((h) => ({ ...h })), lastActivityAt: p.at }
  const hop = next.hops.find((h) => h.hopId === p.hopId)
  switch (action.type) {
    case 'CaseRouted':
      next.hops.push(...(p.hops as Hop[]).map((h): HopState => ({ ...h, status: 'routed' })))
      break
    case 'CaseAcknowledged':
      if (hop) {
        hop.status = 'acknowledged'
        hop.acknowledgedAt ??= p.at
        if (typeof p.externalRef === 'string') {
          hop.externalRef = p.externalRef
        }
      }
      break
    case 'CaseInfoRequested':
      if (hop) {
        hop.status = 'info_requested'
        hop.infoRequestedAt = p.at
        hop.acknowledgedAt ??= p.at
      }
      break
    case 'CaseInfoProvided':
      if (hop && hop.status === 'info_requested') {
        hop.status = 'acknowledged'
      }
      break
    case 'CaseAnswered':
      if (hop) {
        hop.status = 'answered'
        hop.acknowledgedAt ??= p.at
        hop.firstAnswerAt ??= p.at
        hop.answeredAt = p.at
      }
      break
    case 'CaseReferred':
      if (hop) {
        hop.status = 'referred'
        hop.acknowledgedAt ??= p.at
        next.hops.push(...(p.hops as Hop[]).map((h): HopState => ({ ...h, parentHopId: hop.hopId, status: 'routed' })))
      }
      break
    case 'CaseClosureProposed':
      if (hop) {
        hop.status = 'closure_proposed'
        hop.acknowledgedAt ??= p.at
        hop.firstAnswerAt ??= p.at
        hop.proposedOutcome = p.outcome as CaseOutcome
        hop.proposedSummary = p.summary as string
      }
      break
    case 'CaseClosed':
      next.closedAt = p.at
      next.outcome = p.outcome as CaseOutcome
      if (typeof p.summary === 'string') {
        next.closingSummary = p.summary
      }
      break
    case 'CaseReopened':
      delete next.closedAt
      delete next.outcome
      delete next.closingSummary
      next.reopenedAt = p.at
      next.reopenCount = state.reopenCount + 1
      // The proposals that led to the closure no longer stand: the bodies pick the case up again.
      for (const h of next.hops) {
        if (h.status === 'closure_proposed' || h.status === 'answered') {
          h.status = 'acknowledged'
        }
      }
      break
    case 'TraceCandidateMarked':
    case 'TraceOutcomeSet':
    case 'TraceFamilyChoiceSet':
    case 'TraceCandidateFound':
      next.traces = traceStep(state, action.type, p)
      break
    default:
      break
  }
  return withStatus(next)
}

/** One step of a location request's search for one of its people; unknown people change nothing. */
function traceStep(state: CaseState, type: string, p: Record<string, unknown> & { at: string }): Record<string, TraceState> | undefined {
  const soughtId = p.soughtId as string
  if (!state.sought?.some((s) => s.soughtId === soughtId)) {
    return state.traces
  }
  const traces = { ...state.traces }
  const trace: TraceState = { ...traces[soughtId], marks: { ...traces[soughtId]?.marks } }
  if (type === 'TraceCandidateMarked') {
    const candidate = p.candidate as RegistryRef
    trace.marks[`${candidate.recordType}/${candidate.recordId}`] = { candidate, mark: p.mark as CandidateMark, at: p.at, ...(typeof p.forensicRef === 'string' ? { forensicRef: p.forensicRef } : {}) }
  } else if (type === 'TraceCandidateFound') {
    const candidate = p.candidate as RegistryRef
    trace.found = { ...trace.found, [`${candidate.recordType}/${candidate.recordId}`]: { candidate, band: p.band as AlertBand, at: p.at } }
  } else if (type === 'TraceOutcomeSet') {
    trace.outcome = p.outcome as TraceOutcome
    trace.outcomeAt = p.at
    for (const key of ['record', 'place', 'condition', 'unableToDecide', 'forensicRef'] as const) {
      if (p[key] === undefined) {
        delete trace[key]
      } else {
        Object.assign(trace, { [key]: p[key] })
      }
    }
  } else {
    trace.choice = p.choice as FamilyChoice
    trace.choiceAt = p.at
  }
  traces[soughtId] = trace
  return traces
}

function withStatus(state: CaseState): CaseState {
  return { ...state, status: statusOf(state) }
}

/** The case's status from its hops and its closure. */
export function statusOf(state: Pick<CaseState, 'hops' | 'closedAt'>): CaseStatus {
  if (state.closedAt !== undefined) {
    return 'closed'
  }
  const active = state.hops.filter((h) => h.status !== 'referred')
  if (active.length === 0) {
    return 'received'
  }
  const proposal = active.find((h) => h.status === 'closure_proposed')
  if (proposal) {
    return proposal.proposedOutcome === 'resolved' ? 'resolved' : 'not_resolved'
  }
  for (const status of ['answered', 'info_requested', 'acknowledged'] as const) {
    if (active.some((h) => h.status === status)) {
      return status
    }
  }
  return 'routed'
}

/** The status the person who filed the case sees. */
export function publicStatusOf(status: CaseStatus): PublicCaseStatus {
  switch (status) {
    case 'received':
    case 'routed':
      return 'received'
    case 'acknowledged':
      return 'in_progress'
    case 'info_requested':
      return 'info_requested'
    case 'answered':
    case 'resolved':
    case 'not_resolved':
      return 'answered'
    case 'closed':
      return 'closed'
  }
}

/** The hops that are late at `now`: not acknowledged by their time, or not answered by theirs. */
export function overdueHops(state: CaseState, now: Date): HopState[] {
  if (state.closedAt !== undefined) {
    return []
  }
  const t = now.toISOString()
  return state.hops.filter((h) => {
    if (h.status === 'referred') {
      return false
    }
    const unacknowledged = h.acknowledgedAt === undefined && h.acknowledgeBy < t
    const unanswered = h.firstAnswerAt === undefined && h.answerBy < t
    return unacknowledged || unanswered
  })
}

/** The earliest deadline still open on the case, for sorting a queue; undefined when none. */
export function nextDeadlineOf(state: CaseState): string | undefined {
  if (state.closedAt !== undefined) {
    return undefined
  }
  const open = state.hops.flatMap((h) => {
    if (h.status === 'referred') {
      return []
    }
    if (h.acknowledgedAt === undefined) {
      return [h.acknowledgeBy]
    }
    return h.firstAnswerAt === undefined ? [h.answerBy] : []
  })
  return open.sort()[0]
}

/** True while the person may still reopen a closed case. */
export function mayReopen(state: CaseState, now: Date): boolean {
  return state.closedAt !== undefined && now.getTime() - Date.parse(state.closedAt) <= REOPEN_WINDOW_DAYS * 86_400_000
}

/** The bodies the case was ever sent to: they keep reading their own hops. */
export function bodiesOf(state: Pick<CaseState, 'hops'>): string[] {
  return [...new Set(state.hops.map((h) => h.bodyId))]
}

/** A moment the handling body or the national office must hear about a hop. */
export interface CaseAlert {
  hopId: string
  bodyId: string
  kind: 'acknowledge_half' | 'acknowledge_late' | 'acknowledge_overdue' | 'answer_half' | 'answer_late' | 'answer_overdue'
  /** The deadline the alert is about. */
  due: string
  at: string
}

/**
 * Every alert of the open hops of a case, past and future: reminders at 50% and 80% of the time
 * to acknowledge and to answer, and the deadline itself. A step that is done has no alerts left.
 */
export function alertsOf(state: CaseState): CaseAlert[] {
  if (state.closedAt !== undefined) {
    return []
  }
  const out: CaseAlert[] = []
  for (const h of state.hops) {
    if (h.status === 'referred') {
      continue
    }
    const steps: ['acknowledge' | 'answer', string][] = []
    if (h.acknowledgedAt === undefined) {
      steps.push(['acknowledge', h.acknowledgeBy])
    }
    if (h.firstAnswerAt === undefined) {
      steps.push(['answer', h.answerBy])
    }
    for (const [step, due] of steps) {
      const start = Date.parse(h.routedAt)
      const span = Date.parse(due) - start
      out.push(
        { hopId: h.hopId, bodyId: h.bodyId, kind: `${step}_half`, due, at: new Date(start + span * 0.5).toISOString() },
        { hopId: h.hopId, bodyId: h.bodyId, kind: `${step}_late`, due, at: new Date(start + span * 0.8).toISOString() },
        { hopId: h.hopId, bodyId: h.bodyId, kind: `${step}_overdue`, due, at: due },
      )
    }
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
}
