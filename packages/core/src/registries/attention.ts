import { centralDate } from '../places/states.ts'
import type { CertificateRecorded, EquipmentRegistered, StaffProfileRecorded } from './schemas.ts'
import { VEHICLES } from './schemas.ts'

/**
 * What needs a coordinator's attention in a group's registries, folded from the records: what
 * expires soon, what to renew, which towers are overdue for inspection. Pure: the server and the
 * staff app compute the same lists from the same records. Days are counted as lived in Mexico's
 * central time.
 */

/** A record as the folds read it: its id and its state. */
export interface Held<T> {
  recordId: string
  state: T
}

/** Certificates and fitness checks ending within this many days are listed. */
export const EXPIRY_WINDOW_DAYS = 60

const DAY_MS = 86_400_000

/** Today in Mexico's central time, YYYY-MM-DD. */
export function localDay(now: Date): string {
  return centralDate(now)
}

/** Whole days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

export interface Expiring {
  kind: 'certificate' | 'fitness'
  recordId: string
  orgUnitId: string
  userId: string
  /** The course, for a certificate. */
  course?: string
  endsOn: string
  /** Negative once past. */
  daysLeft: number
}

/**
 * Certificates and medical fitness checks that end within `withinDays` of today, or have ended
 * (a revoked certificate is left out; a person's older certificate of a course is superseded by a
 * newer one), soonest first.
 */
export function expiring(
  certificates: readonly Held<CertificateRecorded & { revoked?: boolean }>[],
  profiles: readonly Held<StaffProfileRecorded>[],
  now: Date,
  withinDays = EXPIRY_WINDOW_DAYS,
): Expiring[] {
  const today = localDay(now)
  const out: Expiring[] = []
  for (const c of latestCertificates(certificates)) {
    if (c.state.expiresOn !== undefined) {
      const daysLeft = daysBetween(today, c.state.expiresOn)
      if (daysLeft <= withinDays) {
        out.push({ kind: 'certificate', recordId: c.recordId, orgUnitId: c.state.orgUnitId, userId: c.state.userId, course: c.state.course, endsOn: c.state.expiresOn, daysLeft })
      }
    }
  }
  for (const p of profiles) {
    if (p.state.fitUntil !== undefined) {
      const daysLeft = daysBetween(today, p.state.fitUntil)
      if (daysLeft <= withinDays) {
        out.push({ kind: 'fitness', recordId: p.recordId, orgUnitId: p.state.orgUnitId, userId: p.state.userId, endsOn: p.state.fitUntil, daysLeft })
      }
    }
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.userId.localeCompare(b.userId))
}

/** Each person's newest certificate of each course, revoked ones left out. */
export function latestCertificates<T extends CertificateRecorded & { revoked?: boolean }>(certificates: readonly Held<T>[]): Held<T>[] {
  const latest = new Map<string, Held<T>>()
  for (const c of certificates) {
    if (c.state.revoked === true) {
      continue
    }
    const key = `${c.state.userId}|${c.state.course}`
    const held = latest.get(key)
    if (held === undefined || c.state.issuedOn > held.state.issuedOn) {
      latest.set(key, c)
    }
  }
  return [...latest.values()]
}

/** Who holds a valid certificate of a course today (not expired, not revoked). */
export function holders(certificates: readonly Held<CertificateRecorded & { revoked?: boolean }>[], course: string, now: Date): Held<CertificateRecorded>[] {
  const today = localDay(now)
  return latestCertificates(certificates).filter((c) => c.state.course === course && c.state.issuedOn <= today && (c.state.expiresOn === undefined || c.state.expiresOn >= today))
}

/** Why an item is on the renewal list. */
export type RenewalReason = 'lost' | 'out_of_service' | 'in_repair' | 'poor_condition' | 'service_overdue' | 'service_due' | 'old'

export interface Renewal {
  recordId: string
  orgUnitId: string
  type: EquipmentRegistered['type']
  identifier: string
  reasons: RenewalReason[]
  /** Whole years since it was acquired, when known. */
  ageYears?: number
  nextServiceOn?: string
}

/** Vehicles older than this are proposed for renewal; other equipment, older than the next. */
export const VEHICLE_RENEWAL_YEARS = 10
export const ITEM_RENEWAL_YEARS = 5
/** A service due within this many days is listed. */
export const SERVICE_WINDOW_DAYS = 30

const REASON_WEIGHT: Record<RenewalReason, number> = { lost: 0, out_of_service: 1, service_overdue: 2, in_repair: 3, poor_condition: 4, old: 5, service_due: 6 }

/**
 * What each group lacks or will lose soon: lost and out-of-service items, items in repair or in
 * poor condition, services overdue or due within 30 days (by date, or by engine hours or
 * kilometres reached), and vehicles over 10 years old (other equipment over 5). Most urgent first.
 */
export function renewalList(equipment: readonly Held<EquipmentRegistered>[], now: Date): Renewal[] {
  const today = localDay(now)
  const out: Renewal[] = []
  for (const { recordId, state } of equipment) {
    const reasons: RenewalReason[] = []
    if (state.status === 'lost' || state.status === 'out_of_service' || state.status === 'in_repair') {
      reasons.push(state.status)
    }
    if (state.condition === 'poor') {
      reasons.push('poor_condition')
    }
    const usageDue = state.nextServiceAt !== undefined && state.usage !== undefined && state.usage >= state.nextServiceAt
    if (state.nextServiceOn !== undefined || usageDue) {
      const days = state.nextServiceOn === undefined ? Infinity : daysBetween(today, state.nextServiceOn)
      if (days < 0 || usageDue) {
        reasons.push('service_overdue')
      } else if (days <= SERVICE_WINDOW_DAYS) {
        reasons.push('service_due')
      }
    }
    const ageYears = state.acquiredOn === undefined ? undefined : Math.floor(daysBetween(state.acquiredOn, today) / 365.25)
    if (ageYears !== undefined && ageYears >= (VEHICLES.includes(state.type) ? VEHICLE_RENEWAL_YEARS : ITEM_RENEWAL_YEARS) && state.status !== 'lost') {
      reasons.push('old')
    }
    if (reasons.length > 0) {
      out.push({ recordId, orgUnitId: state.orgUnitId, type: state.type, identifier: state.identifier, reasons, ...(ageYears !== undefined ? { ageYears } : {}), ...(state.nextServiceOn ? { nextServiceOn: state.nextServiceOn } : {}) })
    }
  }
  const urgency = (r: Renewal) => Math.min(...r.reasons.map((x) => REASON_WEIGHT[x]))
  return out.sort((a, b) => urgency(a) - urgency(b) || a.orgUnitId.localeCompare(b.orgUnitId) || a.identifier.localeCompare(b.identifier))
}

/** A place that is inspected on a schedule, as the folds read it. */
export interface InspectedPlace {
  orgUnitId: string
  name: string
  kind: string
  status?: string
  inspectionEveryDays?: number
  inspectedAt?: string
  damage?: string
  waterTankLevel?: string
  strobeWorking?: boolean
}

export interface OverdueInspection {
  recordId: string
  orgUnitId: string
  name: string
  kind: string
  /** The day the next inspection was due; null when the place was never inspected. */
  dueOn: string | null
  daysOverdue: number | null
  /** What the last inspection found, when there was one. */
  inspectedAt?: string
  damage?: string
  waterTankLevel?: string
  strobeWorking?: boolean
}

/** Places with an inspection schedule whose next inspection is past due (or that were never inspected), most overdue first. */
export function overdueInspections(places: readonly Held<InspectedPlace>[], now: Date): OverdueInspection[] {
  const today = localDay(now)
  const out: OverdueInspection[] = []
  for (const { recordId, state } of places) {
    if (state.inspectionEveryDays === undefined || state.status === 'closed') {
      continue
    }
    if (state.inspectedAt === undefined) {
      out.push({ recordId, orgUnitId: state.orgUnitId, name: state.name, kind: state.kind, dueOn: null, daysOverdue: null })
      continue
    }
    const dueOn = new Date(Date.parse(`${localDay(new Date(state.inspectedAt))}T00:00:00Z`) + state.inspectionEveryDays * DAY_MS).toISOString().slice(0, 10)
    const daysOverdue = daysBetween(dueOn, today)
    if (daysOverdue > 0) {
      const { inspectedAt, damage, waterTankLevel, strobeWorking } = state
      out.push({ recordId, orgUnitId: state.orgUnitId, name: state.name, kind: state.kind, dueOn, daysOverdue, inspectedAt, ...(damage ? { damage } : {}), ...(waterTankLevel ? { waterTankLevel } : {}), ...(strobeWorking !== undefined ? { strobeWorking } : {}) })
    }
  }
  return out.sort((a, b) => (b.daysOverdue ?? Infinity) - (a.daysOverdue ?? Infinity) || a.name.localeCompare(b.name))
}

/** Places whose latest inspection found them needing repair: damage, a dry tank, a dead strobe. */
export function needsRepair(places: readonly Held<InspectedPlace>[]): Held<InspectedPlace>[] {
  return places.filter(({ state }) => state.status === 'needs_repair' || state.damage === 'severe' || state.damage === 'destroyed' || state.strobeWorking === false || state.waterTankLevel === 'empty')
}
