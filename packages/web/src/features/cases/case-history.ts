import type { CaseState } from './types.ts'

/** One step as GET /api/cases/:id/history lists it. */
export interface CaseHistoryEntry {
  seq: number
  type: string
  at: string
  /** A user id, or `system` for what Faro did by itself (routing at intake). */
  actorId: string
  payload: Record<string, unknown>
}

export type CaseStepKind = 'opened' | 'routed' | 'referred' | 'acknowledged' | 'info_requested' | 'info_provided' | 'answered' | 'closure_proposed' | 'closed' | 'reopened' | 'note' | 'other'

/**
 * Who took a step, as far as the viewer can tell: Faro itself, an account whose name the app
 * knows (with the unit it acted for, when the step says), or only the unit or office it acted for.
 */
export type CaseActor = { kind: 'system' } | { kind: 'person'; name: string; unitId?: string } | { kind: 'unit'; unitId: string } | { kind: 'office' } | { kind: 'staff' }

/** One step of a case, ready to be put in words. */
export interface CaseStepLine {
  seq: number
  at: string
  kind: CaseStepKind
  actor: CaseActor
  /** The bodies a routing or a referral sent the case to. */
  bodyIds: string[]
  /** For information given: the body that asked for it. */
  askedBy?: string
  externalRef?: string
  outcome?: string
  /** The words the step carried: a question, an answer, a reason, a summary, a note. */
  text?: string
}

/**
 * The history of a case in order, from its action log, with who took each step: a name from
 * `names` (account id → display name) when the app knows it, else the unit the step was taken
 * for (the unit that took the case, the body of the hop), else the office the step implies.
 */
export function caseSteps(entries: readonly CaseHistoryEntry[], state: Pick<CaseState, 'hops'>, names: ReadonlyMap<string, string>): CaseStepLine[] {
  const bodyOf = new Map(state.hops.map((h) => [h.hopId, h.bodyId]))
  return [...entries]
    .sort((a, b) => a.seq - b.seq)
    .map((e) => {
      const p = e.payload
      const kind = KINDS[e.type] ?? 'other'
      const hopBody = bodyOf.get(text(p, 'hopId') ?? '')
      const actingFor = kind === 'opened' ? text(p, 'orgUnitId') : HOP_STEPS.has(kind) ? hopBody : undefined
      const line: CaseStepLine = { seq: e.seq, at: e.at, kind, actor: actorOf(e.actorId, kind, actingFor, names), bodyIds: kind === 'routed' || kind === 'referred' ? bodiesOf(p) : [] }
      const words = kind === 'routed' ? reasonsOf(p) : text(p, WORDS[kind] ?? '')
      return {
        ...line,
        ...(kind === 'info_provided' && hopBody !== undefined ? { askedBy: hopBody } : {}),
        ...(text(p, 'externalRef') === undefined ? {} : { externalRef: text(p, 'externalRef') }),
        ...(text(p, 'outcome') === undefined ? {} : { outcome: text(p, 'outcome') }),
        ...(words === undefined ? {} : { text: words }),
      }
    })
}

/**
 * The question a body asked on a hop that still waits for the person's answer: the last one asked
 * there after any information given. Undefined when nothing is waiting.
 */
export function pendingQuestion(entries: readonly CaseHistoryEntry[], hopId: string): { question: string; at: string } | undefined {
  let pending: { question: string; at: string } | undefined
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (text(e.payload, 'hopId') !== hopId) {
      continue
    }
    if (e.type === 'CaseInfoRequested') {
      const question = text(e.payload, 'question')
      pending = question === undefined ? pending : { question, at: e.at }
    } else if (e.type === 'CaseInfoProvided') {
      pending = undefined
    }
  }
  return pending
}

const KINDS: Record<string, CaseStepKind> = {
  CaseOpened: 'opened',
  CaseRouted: 'routed',
  CaseReferred: 'referred',
  CaseAcknowledged: 'acknowledged',
  CaseInfoRequested: 'info_requested',
  CaseInfoProvided: 'info_provided',
  CaseAnswered: 'answered',
  CaseClosureProposed: 'closure_proposed',
  CaseClosed: 'closed',
  CaseReopened: 'reopened',
  CaseNoteAdded: 'note',
}

// The payload field that carries each step's words.
const WORDS: Partial<Record<CaseStepKind, string>> = {
  info_requested: 'question',
  info_provided: 'answer',
  answered: 'answer',
  referred: 'reason',
  closure_proposed: 'summary',
  closed: 'summary',
  reopened: 'reason',
  note: 'note',
}

// Steps only the hop's own body may take: whoever took one acted for that body.
const HOP_STEPS: ReadonlySet<CaseStepKind> = new Set(['acknowledged', 'info_requested', 'answered', 'referred', 'closure_proposed'])
// Steps only the Paisano national office may take (case.route, case.close).
const OFFICE_STEPS: ReadonlySet<CaseStepKind> = new Set(['routed', 'closed', 'reopened'])

function actorOf(actorId: string, kind: CaseStepKind, actingFor: string | undefined, names: ReadonlyMap<string, string>): CaseActor {
  if (actorId === 'system') {
    return { kind: 'system' }
  }
  const name = names.get(actorId)
  if (name !== undefined) {
    return actingFor === undefined ? { kind: 'person', name } : { kind: 'person', name, unitId: actingFor }
  }
  if (actingFor !== undefined) {
    return { kind: 'unit', unitId: actingFor }
  }
  return OFFICE_STEPS.has(kind) ? { kind: 'office' } : { kind: 'staff' }
}

function text(payload: Record<string, unknown>, key: string): string | undefined {
  const value = payload[key]
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

function hopsOf(payload: Record<string, unknown>): Record<string, unknown>[] {
  const hops = payload.hops
  return Array.isArray(hops) ? hops.filter((h): h is Record<string, unknown> => typeof h === 'object' && h !== null) : []
}

function bodiesOf(payload: Record<string, unknown>): string[] {
  return hopsOf(payload).flatMap((h) => (typeof h.bodyId === 'string' ? [h.bodyId] : []))
}

// A routing by the national office may give a reason, kept on each hop it made.
function reasonsOf(payload: Record<string, unknown>): string | undefined {
  const reasons = [...new Set(hopsOf(payload).flatMap((h) => text(h, 'reason') ?? []))]
  return reasons.length === 0 ? undefined : reasons.join(' · ')
}
