import { reduceTally, TALLY_COUNTS, type TallyCount, type TallyState } from '@faro/core'
import { centralDay, shiftOnNow, type MyShift } from './shift-time.ts'

/**
 * A module volunteer's tallies, as the phone works them out offline: which record a tap goes to,
 * what it queues, and the day's totals.
 */

/** Where a tap counts: the site, the day and, when one is on, the shift. */
export interface TallyContext {
  orgUnitId: string
  day: string
  operationId?: string | undefined
  shiftId?: string | undefined
}

/** An action as the outbox holds it, enough to fold a tally. */
export interface TallyAction {
  recordId: string
  type: string
  payload: Record<string, unknown>
}

/** A new outbox action, before the outbox gives it an id and a counter. */
export interface TallyDraft {
  recordType: 'tally'
  recordId: string
  type: 'TallyOpened' | 'TallyCounted'
  payload: Record<string, unknown>
}

export type TallyTotals = Record<TallyCount, number>

/** Where a tap made now counts: the shift on now (and its operation), else the site's operation, if known. */
export function tallyContext(input: { orgUnitId: string; shifts: readonly MyShift[]; siteOperationId: string | undefined; at: number }): TallyContext {
  const shift = shiftOnNow(
    input.shifts.filter((s) => s.orgUnitId === input.orgUnitId),
    input.at,
  )
  const operationId = shift?.operationId ?? input.siteOperationId
  return { orgUnitId: input.orgUnitId, day: centralDay(input.at), ...(operationId ? { operationId } : {}), ...(shift ? { shiftId: shift.recordId } : {}) }
}

/** Folds the tally actions on the phone, in the order they were made, into one state per record. */
export function foldTallies(actions: readonly TallyAction[]): Map<string, TallyState> {
  const states = new Map<string, TallyState>()
  for (const action of actions) {
    states.set(action.recordId, reduceTally(states.get(action.recordId), action))
  }
  return states
}

/** The record a tap in this context adds to: the one opened for the same site, day and shift. */
export function tallyFor(states: ReadonlyMap<string, TallyState>, context: TallyContext): string | undefined {
  for (const [recordId, state] of states) {
    if (state.orgUnitId === context.orgUnitId && state.day === context.day && state.shiftId === context.shiftId) {
      return recordId
    }
  }
  return undefined
}

/**
 * What one tap queues: the day's first tap (for this site and shift) opens the tally, then every
 * tap is one `TallyCounted` of 1 on it, so taps made offline add up and never overwrite each other.
 */
export function planTap(states: ReadonlyMap<string, TallyState>, context: TallyContext, count: TallyCount, at: number, newRecordId: () => string): TallyDraft[] {
  const existing = tallyFor(states, context)
  const recordId = existing ?? newRecordId()
  const counted: TallyDraft = { recordType: 'tally', recordId, type: 'TallyCounted', payload: { at: new Date(at).toISOString(), [count]: 1 } }
  if (existing) {
    return [counted]
  }
  const { orgUnitId, day, operationId, shiftId } = context
  const opened: TallyDraft = { recordType: 'tally', recordId, type: 'TallyOpened', payload: { orgUnitId, ...(operationId ? { operationId } : {}), ...(shiftId ? { shiftId } : {}), day } }
  return [opened, counted]
}

/** The day's counts at a site, every shift's tally added up. */
export function dayTotals(states: ReadonlyMap<string, TallyState>, orgUnitId: string, day: string): TallyTotals {
  const totals = emptyTotals()
  for (const state of states.values()) {
    if (state.orgUnitId === orgUnitId && state.day === day) {
      for (const k of TALLY_COUNTS) {
        totals[k] += state[k]
      }
    }
  }
  return totals
}

export function emptyTotals(): TallyTotals {
  return { guidance: 0, guides: 0, complaintReferrals: 0, helpReferrals: 0, otherReferrals: 0 }
}
