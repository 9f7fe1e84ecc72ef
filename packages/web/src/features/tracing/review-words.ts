import type { CaseState, PolicyAction, ReviewCandidate, ReviewedIdentity } from '@faro/core'
import { ApiError } from '../../api/client.ts'
import { isMessageKey, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import { errorText } from '../../ui/error-text.ts'

type T = (key: MessageKey, values?: MessageValues) => string

/** Who looks at a location request: their unit and what their role may do. */
export interface Reviewer {
  unitId: string
  can(action: PolicyAction): boolean
}

/** What of a case decides who may review it. */
export interface RequestShape {
  kind: string
  orgUnitId: string
  hops: readonly { bodyId: string; status: string }[]
  closedAt?: string | undefined
}

/** What an account may do with a request's candidates, as the server will decide it. */
export interface ReviewRights {
  /** See the candidates: the body the request was sent to, the national office, the filer. */
  review: boolean
  /** Mark candidates and say how a search ended: the body working on it, or the national office. */
  mark: boolean
  /** Record what a found person lets the requester be told. */
  choose: boolean
  /**
   * See how each search stands, where a found person is and the reviewers' marks: not the filer
   * that does not work on the request, who learns only what the found person allows (the answers).
   */
  outcomes: boolean
}

/**
 * The same reading of the policy as the server's (`trace.review`, then `case.update` on a hop of
 * one's own body or as the national office), so a button is shown only where pressing it can
 * work: a consulate sees the candidates of its request but never marks them. Whoever does not
 * work on the search does not see how it stands: the server leaves it out of what they read.
 */
export function reviewRights(state: RequestShape, who: Reviewer): ReviewRights {
  if (state.kind !== 'location_request') {
    return { review: false, mark: false, choose: false, outcomes: true }
  }
  const handles = state.hops.some((h) => h.bodyId === who.unitId && h.status !== 'referred')
  const national = who.can('case.route')
  const review = who.can('trace.review') && (handles || national || state.orgUnitId === who.unitId)
  const mark = review && state.closedAt === undefined && who.can('case.update') && (handles || national)
  return { review, mark, choose: mark, outcomes: handles || national }
}

/**
 * Registry records the search flagged as they arrived and no reviewer has yet marked: what the
 * "review candidates" link counts as new.
 */
export function newAlerts(state: Pick<CaseState, 'traces'>): number {
  let count = 0
  for (const trace of Object.values(state.traces ?? {})) {
    for (const key of Object.keys(trace.found ?? {})) {
      if (trace.marks[key] === undefined) {
        count += 1
      }
    }
  }
  return count
}

/** A person's name as written: given names then surnames, or a list's name in one string. */
export function personName(identity: Pick<ReviewedIdentity, 'givenNames' | 'firstSurname' | 'secondSurname' | 'fullName'>): string {
  const parts = [identity.givenNames, identity.firstSurname, identity.secondSurname].filter((p): p is string => p !== undefined && p.trim() !== '')
  return parts.length > 0 ? parts.join(' ') : (identity.fullName ?? '')
}

/** One field of a candidate's explanation, with the share of the widest bar it fills (0 to 1). */
export interface ExplainedField {
  field: string
  level: string
  bits: number
  share: number
}

/**
 * A candidate's score field by field: the fields both sides wrote, each with its weight for or
 * against and the length of its bar against the candidate's heaviest field, and the fields one side
 * lacks, which weigh nothing.
 */
export function explain(contributions: ReviewCandidate['contributions']): { fields: ExplainedField[]; unknown: string[] } {
  const known = contributions.filter((c): c is { field: string; level: string; bits: number } => c.level !== null)
  const widest = Math.max(1, ...known.map((c) => Math.abs(c.bits)))
  return {
    fields: known.map((c) => ({ field: c.field, level: c.level, bits: c.bits, share: Math.min(1, Math.abs(c.bits) / widest) })),
    unknown: contributions.filter((c) => c.level === null).map((c) => c.field),
  }
}

/** A field's level in words ("a surname spelt differently that sounds the same"); one the catalogue lacks as "other". */
export function levelText(t: T, field: string, level: string): string {
  const key = `trace.level.${field}.${level}`
  return isMessageKey(key) ? t(key) : t('case.unknownValue')
}

/** A field's name in words; one the catalogue lacks as "other". */
export function fieldText(t: T, field: string): string {
  const key = `trace.field.${field}`
  return isMessageKey(key) ? t(key) : t('case.unknownValue')
}

/**
 * A refused step in words: the catalogue's sentence for the reason the server gave
 * (`trace_not_found_alive`, `case_closed`…) or for a refusal of the role, else the server's own
 * localised message. Never a code.
 */
export function stepErrorText(error: unknown, t: T): string {
  if (error instanceof ApiError) {
    const reason = error.problem?.reason
    const key = reason === undefined ? undefined : `trace.problem.${reason}`
    if (key !== undefined && isMessageKey(key)) {
      return t(key)
    }
    if (error.status === 403) {
      return t('trace.problem.forbidden')
    }
  }
  return errorText(error, t)
}
