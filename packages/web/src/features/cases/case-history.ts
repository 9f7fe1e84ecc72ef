import type { CaseOutcome } from '@faro/core'
import type { CaseState } from './types.ts'

/** One moment of a case's life, as its state keeps it. */
export interface CaseEvent {
  at: string
  kind: 'received' | 'routed' | 'referred' | 'acknowledged' | 'info_requested' | 'answered' | 'closed' | 'reopened'
  bodyId?: string
  /** For a referral: the body that sent it on. */
  fromBodyId?: string
  externalRef?: string
  outcome?: CaseOutcome
}

/**
 * The history of a case from its state, oldest first: when it came in, each sending to a body
 * and what that body did, its closing and reopening. (The texts of questions, answers and notes
 * are in the action log, which the case API does not list yet.)
 */
export function caseHistory(state: CaseState): CaseEvent[] {
  const events: CaseEvent[] = [{ at: state.receivedAt, kind: 'received' }]
  const bodyOf = new Map(state.hops.map((h) => [h.hopId, h.bodyId]))
  for (const hop of state.hops) {
    const from = hop.parentHopId === undefined ? undefined : bodyOf.get(hop.parentHopId)
    events.push(from === undefined ? { at: hop.routedAt, kind: 'routed', bodyId: hop.bodyId } : { at: hop.routedAt, kind: 'referred', bodyId: hop.bodyId, fromBodyId: from })
    if (hop.acknowledgedAt !== undefined) {
      events.push({ at: hop.acknowledgedAt, kind: 'acknowledged', bodyId: hop.bodyId, ...(hop.externalRef ? { externalRef: hop.externalRef } : {}) })
    }
    if (hop.infoRequestedAt !== undefined) {
      events.push({ at: hop.infoRequestedAt, kind: 'info_requested', bodyId: hop.bodyId })
    }
    if (hop.answeredAt !== undefined) {
      events.push({ at: hop.answeredAt, kind: 'answered', bodyId: hop.bodyId })
    }
  }
  if (state.reopenedAt !== undefined) {
    events.push({ at: state.reopenedAt, kind: 'reopened' })
  }
  if (state.closedAt !== undefined) {
    events.push({ at: state.closedAt, kind: 'closed', ...(state.outcome ? { outcome: state.outcome } : {}) })
  }
  // Stable: what happened at the same moment keeps the order above (received before routed).
  return events.map((e, i) => ({ e, i })).sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i)).map(({ e }) => e)
}
