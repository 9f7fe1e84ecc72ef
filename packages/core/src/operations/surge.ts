import { z } from 'zod'
import { Service } from '../field/services.ts'
import { AgeBand, MAX_PEOPLE_PER_GROUP, Nationality, Sex, Vulnerability } from '../people/counts.ts'
import { GeoPoint } from '../places/schemas.ts'
import { IsoDateTime, RecordId } from '../util/ids.ts'

/**
 * The surge tally of a special operation (a heat wave, a flood, a caravan): at a point where
 * hundreds arrive in an hour, an operator counts people by sex, age band, nationality and
 * vulnerability with the services given, in a tap or two each, offline. A sheet is one
 * operator's count at one point on one day; each tap adds to it, and its fold keeps the
 * breakdowns and the arrivals per hour, so a dashboard adds sheets up without reading taps.
 */

const Day = z.iso.date()

/** Payload of SurgeOpened: one operator's sheet at one point of a special operation on a day. */
export const SurgeOpened = z.strictObject({
  orgUnitId: RecordId.describe('the group counting'),
  operationId: RecordId.describe('the special operation'),
  day: Day,
  point: z.string().trim().min(1).max(120).describe('where people arrive: "Puente Rodolfo Robles", "Albergue municipal"'),
  placeId: RecordId.optional().describe('the point as a registered place, when it is one'),
  location: GeoPoint.optional(),
})
export type SurgeOpened = z.infer<typeof SurgeOpened>

/** One tap: a person or a family arriving, as the operator saw them, and what they were given. */
export const SurgeGroup = z.strictObject({
  count: z.number().int().min(1).max(MAX_PEOPLE_PER_GROUP),
  sex: Sex.default('unknown'),
  ageBand: AgeBand.default('unknown'),
  nationality: Nationality.default('unknown'),
  vulnerabilities: z.array(Vulnerability).max(10).default([]),
})
export type SurgeGroup = z.infer<typeof SurgeGroup>

/** Payload of SurgeCounted: what one tap (or a few, sent together) adds. */
export const SurgeCounted = z.strictObject({
  at: IsoDateTime,
  groups: z.array(SurgeGroup).min(1).max(50),
  services: z.array(Service).max(Service.options.length).default([]),
})
export type SurgeCounted = z.input<typeof SurgeCounted>

type Counts = Record<string, number>

/** A sheet's state: the opening's fields, the people counted and their breakdowns. */
export type SurgeState = SurgeOpened & {
  people: number
  taps: number
  bySex: Counts
  byAge: Counts
  byNationality: Counts
  /** People with each vulnerability; one person may count under several. */
  byVulnerability: Counts
  /** People given each service. */
  byService: Counts
  /** Arrivals per hour, keyed by the hour's start in UTC (`2026-12-05T14`). */
  byHour: Counts
  lastAt?: string
}

function add(counts: Counts, key: string, n: number): Counts {
  return { ...counts, [key]: (counts[key] ?? 0) + n }
}

/** The UTC hour a tap falls in, or `unknown` for a time that cannot be read. */
export function hourOf(at: string): string {
  const ms = Date.parse(at)
  return Number.isNaN(ms) ? 'unknown' : new Date(ms).toISOString().slice(0, 13)
}

const EMPTY = { people: 0, taps: 0, bySex: {}, byAge: {}, byNationality: {}, byVulnerability: {}, byService: {}, byHour: {} }

/** Folds a sheet: every tap adds; nothing is overwritten, so taps from any phone in any order agree. */
export function reduceSurge(state: SurgeState | undefined, action: { type: string; payload: Record<string, unknown> }): SurgeState {
  if (action.type === 'SurgeOpened') {
    return { ...(action.payload as SurgeOpened), ...EMPTY }
  }
  // A state written before the sheet kept some breakdown starts that breakdown empty.
  const current: SurgeState = { orgUnitId: '', operationId: '', day: '', point: '', ...EMPTY, ...state }
  const tap = action.payload as z.output<typeof SurgeCounted>
  let next: SurgeState = { ...current, taps: current.taps + 1 }
  const hour = hourOf(tap.at)
  for (const g of tap.groups) {
    next = {
      ...next,
      people: next.people + g.count,
      bySex: add(next.bySex, g.sex ?? 'unknown', g.count),
      byAge: add(next.byAge, g.ageBand ?? 'unknown', g.count),
      byNationality: add(next.byNationality, g.nationality ?? 'unknown', g.count),
      byHour: add(next.byHour, hour, g.count),
    }
    for (const v of g.vulnerabilities ?? []) {
      next = { ...next, byVulnerability: add(next.byVulnerability, v, g.count) }
    }
    for (const s of tap.services ?? []) {
      next = { ...next, byService: add(next.byService, s, g.count) }
    }
  }
  return current.lastAt === undefined || tap.at > current.lastAt ? { ...next, lastAt: tap.at } : next
}

/** Adds sheets' breakdowns together. */
export function addCounts(into: Counts, from: Counts): Counts {
  const out = { ...into }
  for (const [k, n] of Object.entries(from)) {
    out[k] = (out[k] ?? 0) + n
  }
  return out
}
