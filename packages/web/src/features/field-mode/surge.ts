import { reduceSurge, type AgeBand, type Service, type Sex, type SurgeState, type Vulnerability } from '@faro/core'

/**
 * The surge tally as the phone works it out offline: which special operation the operator counts
 * for, which sheet a tap goes to, what it queues, and the day's totals at the point.
 */

/** A special operation as the phone keeps it to count offline. */
export interface SurgeOperation {
  recordId: string
  name: string
  reason: string | undefined
  startsOn: string
  endsOn: string
  units: string[]
}

/** Where the operator counts: their group, the operation, the phone's day and the point. */
export interface SurgeContext {
  orgUnitId: string
  operationId: string
  day: string
  point: string
}

/** What a tap says about who arrived, and what they were given. */
export interface SurgeTap {
  count: number
  sex: Sex
  ageBand: AgeBand
  nationality: string
  vulnerabilities: Vulnerability[]
  services: Service[]
}

/** An action as the outbox holds it, enough to fold a sheet. */
export interface SurgeAction {
  recordId: string
  type: string
  payload: Record<string, unknown>
}

/** A new outbox action, before the outbox gives it an id and a counter. */
export interface SurgeDraft {
  recordType: 'surge'
  recordId: string
  type: 'SurgeOpened' | 'SurgeCounted'
  payload: Record<string, unknown>
}

/** The day's count at a point: everyone, and per hour (its start, in UTC, as the sheets key it). */
export interface PointTotals {
  people: number
  byHour: { hour: string; people: number }[]
}

/**
 * The special operation open on `day` that the account counts for: its group is in it, or its
 * unit is above one that is (a coordination). `paths` holds each unit's ancestry, root first.
 */
export function openSurgeFor(operations: readonly SurgeOperation[], unit: { id: string }, paths: Readonly<Record<string, readonly string[]>>, day: string): SurgeOperation | undefined {
  return operations.find((o) => o.startsOn <= day && day <= o.endsOn && o.units.some((u) => u === unit.id || (paths[u] ?? []).includes(unit.id)))
}

/** Folds the surge actions on the phone, in the order they were made, into one state per sheet. */
export function foldSheets(actions: readonly SurgeAction[]): Map<string, SurgeState> {
  const states = new Map<string, SurgeState>()
  for (const action of actions) {
    states.set(action.recordId, reduceSurge(states.get(action.recordId), action))
  }
  return states
}

/** A point as written, without case or extra spaces, so "puente  rodolfo robles" is the same point. */
export function pointKey(point: string): string {
  return point.trim().toLocaleLowerCase('es').replace(/\s+/g, ' ')
}

/** The sheet a tap in this context adds to: the one this phone opened for the operation, day and point. */
export function sheetFor(states: ReadonlyMap<string, SurgeState>, context: SurgeContext): string | undefined {
  for (const [recordId, state] of states) {
    if (matches(state, context)) {
      return recordId
    }
  }
  return undefined
}

/**
 * What one tap queues: the day's first tap at a point opens the operator's sheet, then every tap
 * is one `SurgeCounted`, so taps made offline add up and never overwrite each other.
 */
export function planArrival(states: ReadonlyMap<string, SurgeState>, context: SurgeContext, tap: SurgeTap, at: number, newRecordId: () => string): SurgeDraft[] {
  const existing = sheetFor(states, context)
  const recordId = existing ?? newRecordId()
  const group = { count: tap.count, sex: tap.sex, ageBand: tap.ageBand, nationality: tap.nationality, vulnerabilities: tap.vulnerabilities }
  const counted: SurgeDraft = { recordType: 'surge', recordId, type: 'SurgeCounted', payload: { at: new Date(at).toISOString(), groups: [group], services: tap.services } }
  if (existing) {
    return [counted]
  }
  const { orgUnitId, operationId, day } = context
  const opened: SurgeDraft = { recordType: 'surge', recordId, type: 'SurgeOpened', payload: { orgUnitId, operationId, day, point: context.point.trim() } }
  return [opened, counted]
}

/** The day's arrivals at the point from the sheets on this phone, with the hours in order. */
export function pointTotals(states: ReadonlyMap<string, SurgeState>, context: SurgeContext): PointTotals {
  let people = 0
  const hours = new Map<string, number>()
  for (const state of states.values()) {
    if (!matches(state, context)) {
      continue
    }
    people += state.people
    for (const [hour, n] of Object.entries(state.byHour)) {
      hours.set(hour, (hours.get(hour) ?? 0) + n)
    }
  }
  return { people, byHour: [...hours].sort(([a], [b]) => a.localeCompare(b)).map(([hour, n]) => ({ hour, people: n })) }
}

function matches(state: SurgeState, context: SurgeContext): boolean {
  return state.orgUnitId === context.orgUnitId && state.operationId === context.operationId && state.day === context.day && pointKey(state.point) === pointKey(context.point)
}
