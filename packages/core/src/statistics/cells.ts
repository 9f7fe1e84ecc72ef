import type { PeopleCount } from '../people/counts.ts'
import { TALLY_COUNTS } from '../operations/schemas.ts'
import type { RecordType } from '../records/registry.ts'
import { eventTimeOf } from '../records/view.ts'
import { wallClock } from '../places/states.ts'
import type { CaseState } from '../cases/fold.ts'
import { holderOf } from '../tracing/statistics.ts'

/**
 * The programmes' counts as summary cells: what one record adds to the statistics, by day (in
 * the record's own state's time zone: Tijuana's ten at night is the same day in Tijuana, not the
 * next one in Mexico City), org unit and the dimensions of its fact. The server keeps the sum of
 * every record's cells in a table, updated in the transaction that changes the record: a
 * correction takes the record's old cells away and adds its new ones, so counts move from one
 * cell to another; a shredded identity changes nothing here, since cells carry no one's identity.
 * Pure: the same record always gives the same cells.
 */

/**
 * - `attended`: people given humanitarian attention, by sex, age band and nationality;
 * - `attended_vulnerable`: the same people by vulnerability (`kind`), a person in each of theirs;
 * - `service`: people given each service (`kind`): water, food, first aid, orientation…;
 * - `rescued`: people rescued, by sex, age band, nationality, emergency (`kind`) and outcome;
 * - `patrol`: patrols, by kind; `patrol_encountered`: people met on them;
 * - `remains`: human remains found, by condition (`kind`);
 * - `tally`: a Paisano site's counts, by what was counted (`kind`: guidance, guides handed…);
 * - `rescued_vulnerable`: the people rescued by vulnerability (`kind`), as `attended_vulnerable`;
 * - `records`: the records themselves, by record type (`kind`), and `priority_records` those
 *   with a vulnerable person among their people: the field summary's "attentions", "rescues" and
 *   "priority" figures are records, not people, and must come from here to stay cheap at any size;
 * - `case`: complaints, requests for help and location requests, by category (`kind`), status
 *   (`outcome`), channel, the body that holds it (`body`) and whether its answer came on time
 *   (`timing`: on_time, late, pending), on the day it was received, under the unit that took it;
 * - `trace_request`: location requests, `outcome` answered (every person sought has an outcome) or
 *   open, by body; `trace_sought`: the persons they seek, by outcome (found_alive, found_deceased,
 *   not_found, withdrawn, searching) and body.
 */
export const FACTS = ['attended', 'attended_vulnerable', 'service', 'rescued', 'rescued_vulnerable', 'patrol', 'patrol_encountered', 'remains', 'tally', 'records', 'priority_records', 'case', 'trace_request', 'trace_sought'] as const
export type Fact = (typeof FACTS)[number]

export interface StatCell {
  fact: Fact
  day: string
  unitId: string
  sex: string
  ageBand: string
  nationality: string
  kind: string
  outcome: string
  channel: string
  body: string
  timing: string
  n: number
}

/** The dimensions of a cell, which together name it. */
export const CELL_DIMENSIONS = ['fact', 'day', 'unitId', 'sex', 'ageBand', 'nationality', 'kind', 'outcome', 'channel', 'body', 'timing'] as const

/** The record types that count in the statistics. */
export const COUNTED_TYPES: readonly RecordType[] = ['attention', 'rescue', 'patrol', 'remains', 'tally', 'case', 'daily_report']

const NONE = { sex: '', ageBand: '', nationality: '', kind: '', outcome: '', channel: '', body: '', timing: '' }

/**
 * Whether a case's answer came within its deadline: the first answer of the hop that holds it,
 * against that hop's `answerBy`; `pending` until it has one (lateness while waiting depends on the
 * hour asked, which a summary cannot hold: the case lists show it).
 */
export function caseTiming(state: CaseState): 'on_time' | 'late' | 'pending' {
  const holder = [...state.hops].reverse().find((h) => h.status !== 'referred') ?? state.hops.at(-1)
  const answeredAt = holder?.firstAnswerAt ?? holder?.answeredAt
  if (holder === undefined || answeredAt === undefined) {
    return 'pending'
  }
  return Date.parse(answeredAt) <= Date.parse(holder.answerBy) ? 'on_time' : 'late'
}

// A zone's date only changes at its midnight, which every Mexican zone keeps on a quarter hour:
// the date of a quarter hour is worked out once (a formatter's answer costs microseconds, and a
// sync push counts a hundred records).
const QUARTER_HOUR = 900_000
const DATES = new Map<string, string>()

/** The date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(at: string, timeZone: string): string {
  const quarter = Math.floor(Date.parse(at) / QUARTER_HOUR)
  const key = `${timeZone} ${quarter}`
  let date = DATES.get(key)
  if (date === undefined) {
    if (DATES.size > 20_000) {
      DATES.clear()
    }
    date = wallClock(new Date(quarter * QUARTER_HOUR), timeZone).date
    DATES.set(key, date)
  }
  return date
}

function peopleOf(state: Readonly<Record<string, unknown>>): PeopleCount[] {
  return Array.isArray(state.people) ? (state.people as PeopleCount[]) : []
}

function person(group: PeopleCount) {
  return { sex: group.sex ?? 'unknown', ageBand: group.ageBand ?? 'unknown', nationality: group.nationality ?? 'unknown' }
}

// Module-level rather than a closure in `cellsOf`: a sync push builds hundreds of cells, and a
// function made per call (and named, under tsx) costs more than the cell.
function makeCell(day: string, unitId: string, fact: Fact, n: number, dims: Partial<typeof NONE> = NONE): StatCell {
  return {
    fact,
    day,
    unitId,
    sex: dims.sex ?? '',
    ageBand: dims.ageBand ?? '',
    nationality: dims.nationality ?? '',
    kind: dims.kind ?? '',
    outcome: dims.outcome ?? '',
    channel: dims.channel ?? '',
    body: dims.body ?? '',
    timing: dims.timing ?? '',
    n,
  }
}

/**
 * The cells of a record as it stands (none for a type that is not counted, or no state).
 * `timeZone` is the zone of the record's unit's state; `createdAt` dates a record with no time of
 * its own.
 */
export function cellsOf(recordType: RecordType, state: Readonly<Record<string, unknown>> | undefined, where: { timeZone: string; createdAt?: string }): StatCell[] {
  if (state === undefined || !COUNTED_TYPES.includes(recordType)) {
    return []
  }
  const unitId = typeof state.orgUnitId === 'string' ? state.orgUnitId : ''
  const at = recordType === 'case' ? (typeof state.receivedAt === 'string' ? state.receivedAt : where.createdAt) : (eventTimeOf(state) ?? where.createdAt)
  // A tally and a daily report are a day's counts: their day is the one they name.
  const day = (recordType === 'tally' || recordType === 'daily_report') && typeof state.day === 'string' ? state.day : at === undefined ? '' : localDate(at, where.timeZone)
  const out: StatCell[] = []
  switch (recordType) {
    case 'attention': {
      const people = peopleOf(state)
      for (const group of people) {
        out.push(makeCell(day, unitId, 'attended', group.count, person(group)))
        for (const v of group.vulnerabilities ?? []) {
          out.push(makeCell(day, unitId, 'attended_vulnerable', group.count, { ...person(group), kind: v }))
        }
      }
      const total = people.reduce((sum, g) => sum + g.count, 0)
      for (const s of Array.isArray(state.services) ? (state.services as string[]) : []) {
        out.push(makeCell(day, unitId, 'service', total, { kind: s }))
      }
      break
    }
    case 'rescue':
      for (const group of peopleOf(state)) {
        out.push(makeCell(day, unitId, 'rescued', group.count, { ...person(group), kind: String(state.emergencyType ?? ''), outcome: String(state.outcome ?? '') }))
        for (const v of group.vulnerabilities ?? []) {
          out.push(makeCell(day, unitId, 'rescued_vulnerable', group.count, { ...person(group), kind: v }))
        }
      }
      break
    case 'patrol':
      out.push(makeCell(day, unitId, 'patrol', 1, { kind: String(state.kind ?? '') }))
      if (typeof state.peopleEncountered === 'number' && state.peopleEncountered > 0) {
        out.push(makeCell(day, unitId, 'patrol_encountered', state.peopleEncountered, { kind: String(state.kind ?? '') }))
      }
      break
    case 'remains':
      out.push(makeCell(day, unitId, 'remains', typeof state.count === 'number' ? state.count : 1, { kind: String(state.condition ?? '') }))
      break
    case 'tally':
      for (const key of TALLY_COUNTS) {
        const n = state[key]
        if (typeof n === 'number' && n > 0) {
          out.push(makeCell(day, unitId, 'tally', n, { kind: key }))
        }
      }
      break
    case 'daily_report': {
      // The same cells as the day's attentions, rescues, patrols and remains would give.
      for (const group of peopleOf({ people: state.attended })) {
        out.push(makeCell(day, unitId, 'attended', group.count, person(group)))
        for (const v of group.vulnerabilities ?? []) {
          out.push(makeCell(day, unitId, 'attended_vulnerable', group.count, { ...person(group), kind: v }))
        }
      }
      for (const [kind, n] of Object.entries((state.services ?? {}) as Record<string, number>)) {
        out.push(makeCell(day, unitId, 'service', n, { kind }))
      }
      for (const [kind, n] of Object.entries((state.patrols ?? {}) as Record<string, number>)) {
        out.push(makeCell(day, unitId, 'patrol', n, { kind }))
      }
      if (typeof state.peopleEncountered === 'number' && state.peopleEncountered > 0) {
        out.push(makeCell(day, unitId, 'patrol_encountered', state.peopleEncountered, { kind: '' }))
      }
      for (const rescue of Array.isArray(state.rescues) ? (state.rescues as { emergencyType: string; outcome: string; people: PeopleCount[] }[]) : []) {
        for (const group of rescue.people) {
          out.push(makeCell(day, unitId, 'rescued', group.count, { ...person(group), kind: rescue.emergencyType, outcome: rescue.outcome }))
          for (const v of group.vulnerabilities ?? []) {
            out.push(makeCell(day, unitId, 'rescued_vulnerable', group.count, { ...person(group), kind: v }))
          }
        }
      }
      if (typeof state.remains === 'number' && state.remains > 0) {
        out.push(makeCell(day, unitId, 'remains', state.remains, { kind: 'unknown' }))
      }
      break
    }
    case 'case': {
      const c = state as unknown as CaseState
      const body = holderOf(c) ?? ''
      out.push(makeCell(day, unitId, 'case', 1, { kind: String(c.category), outcome: c.status, channel: String(c.channel), body, timing: caseTiming(c) }))
      if (c.kind === 'location_request') {
        const sought = c.sought ?? []
        const outcomes = sought.map((p) => c.traces?.[p.soughtId]?.outcome ?? 'searching')
        out.push(makeCell(day, unitId, 'trace_request', 1, { outcome: sought.length > 0 && !outcomes.includes('searching') ? 'answered' : 'open', body }))
        for (const outcome of outcomes) {
          out.push(makeCell(day, unitId, 'trace_sought', 1, { outcome, body }))
        }
      }
      break
    }
    default:
      break
  }
  out.push(makeCell(day, unitId, 'records', 1, { kind: recordType }))
  if (peopleOf(state).some((g) => (g.vulnerabilities ?? []).length > 0)) {
    out.push(makeCell(day, unitId, 'priority_records', 1, { kind: recordType }))
  }
  return out.filter((c) => c.n !== 0)
}

/** The name of a cell's place in the table: its dimensions joined. */
export function cellKey(c: Omit<StatCell, 'n'>): string {
  return `${c.fact}\u0000${c.day}\u0000${c.unitId}\u0000${c.sex}\u0000${c.ageBand}\u0000${c.nationality}\u0000${c.kind}\u0000${c.outcome}\u0000${c.channel}\u0000${c.body}\u0000${c.timing}`
}

/**
 * Adds cells, times `sign`, into a sum by cell; cells that come to 0 are dropped. The sum's cells
 * are its own copies (never the ones given), so they are added to in place.
 */
export function addCells(into: Map<string, StatCell>, cells: readonly StatCell[], sign: 1 | -1 = 1): Map<string, StatCell> {
  for (const c of cells) {
    const key = cellKey(c)
    const sum = into.get(key)
    if (sum === undefined) {
      into.set(key, { ...c, n: sign * c.n })
    } else {
      sum.n += sign * c.n
      if (sum.n === 0) {
        into.delete(key)
      }
    }
  }
  return into
}
