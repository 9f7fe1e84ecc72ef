import { DomainError, decide, eventTimeOf, PROBLEM_TITLES, totalPeople, type FieldCounts, type FieldSummary, type PeopleBreakdown, type PeopleCount, type RecordType, type SummaryPeriod } from '@faro/core'
import { decodePath } from '../db/dialect.ts'
import { findOrgUnit, listOrgUnits } from '../accounts/org-units-repo.ts'
import { readableTypes, scopeFilter } from '../log/records-repo.ts'
import { auditDenied } from '../log/audit.ts'
import type { Ctx } from '../log/context.ts'

const FIELD_TYPES = ['patrol', 'attention', 'rescue', 'remains'] as const satisfies readonly RecordType[]

// Mexico's central time has had no daylight saving since 2022: UTC-6 all year. "Today" is the
// day in Mexico, not in UTC, where it would end at six in the evening.
const MEXICO_OFFSET_MS = -6 * 3_600_000

/**
 * Counts the field work of a unit and the units below it in a period, by each record's own time
 * (`at`, `startedAt`, `foundAt`), per group and per border, with map points. A coordinator asks
 * for their subtree, the national view for everything; the policy decides.
 */
export async function fieldSummary(ctx: Ctx, q: { unit?: string | undefined; period: SummaryPeriod }): Promise<FieldSummary> {
  const unitId = q.unit ?? ctx.actor.orgUnitId
  const unit = await findOrgUnit(ctx.db.db, unitId)
  if (unit === undefined) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  const readable = readableTypes(ctx.actor.role, FIELD_TYPES)
  if (!FIELD_TYPES.some((t) => decide(ctx.actor, `${t}.read`, { orgUnitPath: unit.path }).allowed)) {
    await auditDenied(ctx, { action: 'attention.read', recordType: 'field_summary', recordId: unitId })
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  const { from, to } = periodOf(ctx.clock.now(), q.period)
  const rows = await ctx.db.db
    .selectFrom('records')
    .select(['recordType', 'recordId', 'orgUnitId', 'orgUnitPath', 'state', 'priority'])
    .where('orgUnitPath', 'like', `%/${unitId}/%`)
    // By when the work happened, however late the device sent it.
    .where('occurredAt', '>=', from.toISOString())
    .where('occurredAt', '<', to.toISOString())
    .where((eb) => eb.or(readable.map((r) => eb.and([eb('recordType', '=', r.type), scopeFilter(eb, ctx.actor, r.scopes)]))))
    .execute()
  const units = new Map((await listOrgUnits(ctx.db.db)).map((u) => [u.id, u]))
  const total = emptyCounts()
  const byGroup = new Map<string, FieldCounts>()
  const byBorder = new Map<string, FieldCounts>()
  const points: FieldSummary['points'] = []
  const people = new PeopleTally()
  for (const row of rows) {
    const state = JSON.parse(row.state) as Record<string, unknown>
    const at = eventTimeOf(state)
    if (at === undefined) {
      continue
    }
    const border = borderOf(decodePath(row.orgUnitPath), units)
    for (const counts of [total, getOr(byGroup, row.orgUnitId), getOr(byBorder, border)]) {
      add(counts, row.recordType, state, row.priority === 1)
    }
    if ((row.recordType === 'attention' || row.recordType === 'rescue') && Array.isArray(state.people)) {
      people.add(state.people as PeopleCount[])
    }
    const location = state.location
    if (isPoint(location)) {
      points.push({ recordType: row.recordType as (typeof FIELD_TYPES)[number], recordId: row.recordId, lat: location.lat, lon: location.lon, at, priority: row.priority === 1 })
    }
  }
  return {
    unit: unitId,
    period: q.period,
    from: from.toISOString(),
    to: to.toISOString(),
    total,
    byGroup: [...byGroup].map(([id, counts]) => ({ orgUnitId: id, name: units.get(id)?.name ?? id, border: units.get(id)?.border ?? null, counts })),
    byBorder: [...byBorder].map(([border, counts]) => ({ border, counts })),
    people: people.result(),
    points: points.slice(0, 5000),
  }
}

/**
 * The period in Mexico's time as UTC instants: today; the week, seven days ending with today;
 * this calendar month; this calendar year.
 */
export function periodOf(now: Date, period: SummaryPeriod): { from: Date; to: Date } {
  const local = new Date(now.getTime() + MEXICO_OFFSET_MS)
  const y = local.getUTCFullYear()
  const m = local.getUTCMonth()
  const tomorrow = Date.UTC(y, m, local.getUTCDate() + 1)
  const bounds: Record<SummaryPeriod, readonly [number, number]> = {
    today: [tomorrow - 86_400_000, tomorrow],
    week: [tomorrow - 7 * 86_400_000, tomorrow],
    month: [Date.UTC(y, m, 1), Date.UTC(y, m + 1, 1)],
    year: [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)],
  }
  const [startLocal, endLocal] = bounds[period]
  return { from: new Date(startLocal - MEXICO_OFFSET_MS), to: new Date(endLocal - MEXICO_OFFSET_MS) }
}

/** Adds up people groups by sex, age band, nationality and vulnerability. */
class PeopleTally {
  private readonly maps = { sex: new Map<string, number>(), ageBand: new Map<string, number>(), nationality: new Map<string, number>(), vulnerability: new Map<string, number>() }

  add(groups: readonly PeopleCount[]): void {
    for (const g of groups) {
      bump(this.maps.sex, g.sex ?? 'unknown', g.count)
      bump(this.maps.ageBand, g.ageBand ?? 'unknown', g.count)
      bump(this.maps.nationality, g.nationality ?? 'unknown', g.count)
      for (const v of g.vulnerabilities ?? []) {
        bump(this.maps.vulnerability, v, g.count)
      }
    }
  }

  result(): PeopleBreakdown {
    const sorted = (map: Map<string, number>) => [...map].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    return { sex: sorted(this.maps.sex), ageBand: sorted(this.maps.ageBand), nationality: sorted(this.maps.nationality), vulnerability: sorted(this.maps.vulnerability) }
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by)
}

function emptyCounts(): FieldCounts {
  return { patrols: 0, attentions: 0, peopleAttended: 0, rescues: 0, peopleRescued: 0, remains: 0, priority: 0 }
}

function getOr(map: Map<string, FieldCounts>, key: string): FieldCounts {
  let counts = map.get(key)
  if (counts === undefined) {
    counts = emptyCounts()
    map.set(key, counts)
  }
  return counts
}

function add(counts: FieldCounts, type: string, state: Record<string, unknown>, priority: boolean): void {
  const people = Array.isArray(state.people) ? totalPeople(state.people as PeopleCount[]) : 0
  if (type === 'patrol') {
    counts.patrols += 1
  } else if (type === 'attention') {
    counts.attentions += 1
    counts.peopleAttended += people
  } else if (type === 'rescue') {
    counts.rescues += 1
    counts.peopleRescued += people
  } else if (type === 'remains') {
    counts.remains += 1
  }
  if (priority) {
    counts.priority += 1
  }
}

function isPoint(value: unknown): value is { lat: number; lon: number } {
  return typeof value === 'object' && value !== null && 'lat' in value && 'lon' in value && typeof value.lat === 'number' && typeof value.lon === 'number'
}

/** The border of the nearest unit on the path that has one (a group), else `unknown`. */
function borderOf(path: readonly string[], units: Map<string, { border?: string | undefined }>): string {
  for (const id of [...path].reverse()) {
    const border = units.get(id)?.border
    if (border !== undefined) {
      return border
    }
  }
  return 'unknown'
}
