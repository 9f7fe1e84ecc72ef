import { sql } from 'kysely'
import { CENTRAL_OFFSET_MS, centralDate, DomainError, decide, PROBLEM_TITLES, type FieldCounts, type FieldSummary, type OrgUnit, type PeopleBreakdown, type RecordType, type Scope, type SummaryPeriod, type Actor } from '@faro/core'
import { listOrgUnits } from '../accounts/org-units-repo.ts'
import { encodePath } from '../db/dialect.ts'
import { readableTypes, scopeFilter } from '../log/records-repo.ts'
import { auditDenied } from '../log/audit.ts'
import type { Ctx } from '../log/context.ts'

const FIELD_TYPES = ['patrol', 'attention', 'rescue', 'remains'] as const satisfies readonly RecordType[]
type FieldType = (typeof FIELD_TYPES)[number]

/**
 * The most recent map points of the period, at most: a day's field work of the whole country at
 * the programmes' rates, and a read of a few milliseconds whatever the period.
 */
const MAX_POINTS = 1000
/** The field records with a place of their own, the most frequent first (a patrol has a route, not a point). */
const POINT_TYPES: readonly FieldType[] = ['attention', 'rescue', 'remains']
/** Up to this many units, the points are read unit by unit. */
const FEW_UNITS = 4

// "Today" is the day in Mexico City (CENTRAL_OFFSET_MS), not in UTC, where it would end at six
// in the evening.

/**
 * The facts read here, and the record type whose read permission each needs (`records` and
 * `priority_records` name theirs as their `kind`).
 */
const FACT_TYPE: Readonly<Record<string, FieldType | undefined>> = { attended: 'attention', attended_vulnerable: 'attention', rescued: 'rescue', rescued_vulnerable: 'rescue' }

/**
 * Counts the field work of a unit and the units below it in a period, per group and per border,
 * with map points. A coordinator asks for their subtree, the national view for everything; the
 * policy decides. The figures come from the statistics' summary margins (margins.ts: each record
 * on its own state's day), so they cost the same at ten thousand records as at ten million; only
 * the map points are read from the records: the most recent of the period, by the index on time.
 */
export async function fieldSummary(ctx: Ctx, q: { unit?: string | undefined; period: SummaryPeriod }): Promise<FieldSummary> {
  const unitId = q.unit ?? ctx.actor.orgUnitId
  // The whole tree, read once: the unit asked, its subtree and every row's border come from it.
  const units = new Map((await listOrgUnits(ctx.db.db)).map((u) => [u.id, u]))
  const unit = units.get(unitId)
  if (unit === undefined) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  const readable = readableTypes(ctx.actor.role, FIELD_TYPES)
  if (!FIELD_TYPES.some((t) => decide(ctx.actor, `${t}.read`, { orgUnitPath: unit.path }).allowed)) {
    await auditDenied(ctx, { action: 'attention.read', recordType: 'field_summary', recordId: unitId })
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  const { from, to } = periodOf(ctx.clock.now(), q.period)
  const under = [...units.values()].filter((u) => u.path.includes(unitId))
  // The units each type may be counted in: the subtree asked for, narrowed by the caller's scope.
  const visible = new Map(readable.map((r) => [r.type, new Set(under.filter((u) => inScope(u, ctx.actor, r.scopes)).map((u) => u.id))]))
  const unitIds = [...new Set([...visible.values()].flatMap((s) => [...s]))]
  const total = emptyCounts()
  const byGroup = new Map<string, FieldCounts>()
  const byBorder = new Map<string, FieldCounts>()
  const people = new PeopleTally()
  if (unitIds.length > 0) {
    // A day's margins for today and the week, a month's for the month, a year's for the year: the
    // fewest rows that cover the period (a calendar month or year in Mexico's time).
    const grain = q.period === 'year' ? 'year' : q.period === 'month' ? 'month' : 'day'
    const cut = (d: string) => d.slice(0, { day: 10, month: 7, year: 4 }[grain])
    // The people's breakdowns need no unit when the caller sees every unit of the subtree for
    // both types (the usual case): the database sums them, a national week's a few dozen rows out
    // of the few hundred of its unit's own margins and its subtree's (margins.ts), not of the five
    // thousand of every unit's. The figures per group always need theirs.
    const whole = (['attention', 'rescue'] as const).every((t) => visible.get(t)?.size === under.length)
    const subtree = whole && grain === 'day' ? [unitId, encodePath(unit.path)] : undefined
    const margins = (facts: readonly string[], dims: readonly string[], byUnit: boolean) => {
      // Lists on the key's leading columns, so each fact and dimension is one range of the key
      // (an OR of pairs would read the whole grain).
      let query = ctx.db.db
        .selectFrom('statMargins')
        .select(['fact', 'dim', 'value', (eb) => eb.fn.sum<number>('n').as('n')])
        .where('grain', '=', grain)
        .where('fact', 'in', facts)
        .where('dim', 'in', dims)
        .where('period', '>=', cut(centralDate(from)))
        .where('period', '<=', cut(centralDate(to.getTime() - 1)))
        // A large subtree as a subquery, not as a list of its ids: given the country's 240 ids,
        // PostgreSQL judged the key's range too costly and scanned the whole table (130 ms
        // against 12 at three million records). A few units as their ids: for one group the
        // subquery looks like one row, and PostgreSQL went through the org tree once per margin
        // row (a group's year, 16 ms instead of 0.5). `visible` narrows it to the caller's scope below.
        .where('unitId', 'in', !byUnit && subtree !== undefined ? subtree : under.length <= FEW_UNITS ? under.map((u) => u.id) : (eb) => eb.selectFrom('orgUnits').select('id').where((w) => w.or([w('id', '=', unitId), w('path', 'like', `%/${unitId}/%`)])))
        .groupBy(['fact', 'dim', 'value'])
      if (byUnit) {
        query = query.select('unitId').groupBy('unitId')
      }
      return query.execute() as Promise<{ fact: string; dim: string; value: string; n: number | string; unitId?: string }[]>
    }
    const rows = (
      await Promise.all([
        margins(['attended', 'rescued'], [''], true),
        margins(['records', 'priority_records'], ['kind'], true),
        margins(['attended', 'rescued'], ['sex', 'ageBand', 'nationality'], !whole),
        margins(['attended_vulnerable', 'rescued_vulnerable'], ['kind'], !whole),
      ])
    ).flat()
    for (const row of rows) {
      const n = Number(row.n)
      const type = FACT_TYPE[row.fact] ?? row.value
      if (n === 0 || (row.unitId !== undefined && !visible.get(type as FieldType)?.has(row.unitId))) {
        continue
      }
      const figure = figureOf(row.fact, row.dim, row.value)
      if (figure !== undefined && row.unitId !== undefined) {
        const border = borderOf(units.get(row.unitId)?.path ?? [], units)
        for (const counts of [total, getOr(byGroup, row.unitId), getOr(byBorder, border)]) {
          counts[figure] += n
        }
      }
      people.add(row.fact, row.dim, row.value, n)
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
    points: await recentPoints(ctx, unitId, readable, visible, { from, to }),
  }
}

/**
 * The period in Mexico's time as UTC instants: today; the week, seven days ending with today;
 * this calendar month; this calendar year.
 */
export function periodOf(now: Date, period: SummaryPeriod): { from: Date; to: Date } {
  const local = new Date(now.getTime() + CENTRAL_OFFSET_MS)
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
  return { from: new Date(startLocal - CENTRAL_OFFSET_MS), to: new Date(endLocal - CENTRAL_OFFSET_MS) }
}

/**
 * Whether the caller's scope for a type reaches a unit. Summary cells carry no owner and no
 * routing, so the `own` and `routed` scopes count nothing here; no role reads field work by them.
 */
function inScope(unit: OrgUnit, actor: Actor, scopes: readonly Scope[]): boolean {
  return scopes.some((s) => s === 'national' || (s === 'subtree' && unit.path.includes(actor.orgUnitId)) || (s === 'unit' && unit.id === actor.orgUnitId))
}

/**
 * The most recent points of the period, at most MAX_POINTS, newest first. A few units are read
 * one by one by their own index on time (`records_unit_occurred`), from the time where the
 * thousandth newest of them all stands; a larger subtree (the border's groups, the country) by the
 * index on time of every unit (`records_occurred`), where the first thousand rows are nearly all
 * its own. Either way a year costs no more than a day, and only the states that may be shown are
 * parsed.
 */
async function recentPoints(ctx: Ctx, unitId: string, readable: ReturnType<typeof readableTypes<FieldType>>, visible: ReadonlyMap<FieldType, ReadonlySet<string>>, period: { from: Date; to: Date }): Promise<FieldSummary['points']> {
  const reads = readable
    .filter((r) => POINT_TYPES.includes(r.type))
    .sort((a, b) => POINT_TYPES.indexOf(a.type) - POINT_TYPES.indexOf(b.type))
    .flatMap((r) => {
      const units = [...(visible.get(r.type) ?? [])]
      return (units.length <= FEW_UNITS ? units.map((u) => [u]) : [undefined]).map((only) => ({ r, only }))
    })
  const to = period.to.toISOString()
  /** A read's records of the period from `from` on, newest first, a thousand at most. */
  const window = (r: (typeof reads)[number]['r'], only: string[] | undefined, from: string, filtered: boolean) => {
    let query = ctx.db.db.selectFrom('records').where('recordType', '=', r.type).where('occurredAt', '>=', from).where('occurredAt', '<', to)
    if (filtered) {
      query = query.where('orgUnitPath', 'like', `%/${unitId}/%`).where((eb) => scopeFilter(eb, ctx.actor, r.scopes))
    }
    if (only !== undefined) {
      query = query.where('orgUnitId', 'in', only)
    }
    return query.orderBy('occurredAt', 'desc').limit(MAX_POINTS)
  }
  // Each read starts where the thousandth newest of those before it stands (the most frequent
  // type first), so the reads together give about a thousand rows, not a thousand each. Unit by
  // unit the times come first, from the index (type, unit, time) without the table, the policy's
  // filters left to the second read: asked at once with them, PostgreSQL took those filters for
  // selective, read every record of a group's year (75,000, 300 ms at three million records) and
  // sorted them.
  let from = period.from.toISOString()
  if (reads.every((x) => x.only !== undefined)) {
    let times: { occurredAt: string }[] = []
    for (const { r, only } of reads) {
      const found = await window(r, only, from, false).select('occurredAt').execute()
      times = newest([...times, ...found.map((row) => ({ occurredAt: row.occurredAt ?? '' }))])
      from = times.length === MAX_POINTS ? (times.at(-1)?.occurredAt ?? from) : from
    }
  }
  // Only the location is taken out of each state, by the database: parsing a thousand whole states
  // here, and carrying them from the database, was a third of the national week's time.
  const location = ctx.db.dialect === 'postgres' ? sql<string | null>`(state::jsonb -> 'location')::text` : sql<string | null>`json_extract(state, '$.location')`
  let rows: { type: FieldType; recordId: string; location: string | null; priority: number; occurredAt: string }[] = []
  for (const { r, only } of reads) {
    const found = await window(r, only, from, true).select(['recordId', location.as('location'), 'priority', 'occurredAt']).execute()
    rows = newest([...rows, ...found.map((row) => ({ ...row, type: r.type, occurredAt: row.occurredAt ?? '' }))])
    from = rows.length === MAX_POINTS ? (rows.at(-1)?.occurredAt ?? from) : from
  }
  const points: FieldSummary['points'] = []
  for (const row of rows) {
    // A point's time is its record's event time, which `occurredAt` keeps (action-batch.ts).
    const place = row.location === null ? undefined : (JSON.parse(row.location) as unknown)
    if (isPoint(place) && row.occurredAt !== '') {
      points.push({ recordType: row.type, recordId: row.recordId, lat: place.lat, lon: place.lon, at: row.occurredAt, priority: row.priority === 1 })
    }
  }
  return points
}

/** The newest MAX_POINTS rows, newest first. */
function newest<T extends { occurredAt: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)).slice(0, MAX_POINTS)
}

/** Adds up people by sex, age band, nationality and vulnerability, from their margins. */
class PeopleTally {
  private readonly maps = { sex: new Map<string, number>(), ageBand: new Map<string, number>(), nationality: new Map<string, number>(), vulnerability: new Map<string, number>() }

  add(fact: string, dim: string, value: string, n: number): void {
    if ((fact === 'attended' || fact === 'rescued') && (dim === 'sex' || dim === 'ageBand' || dim === 'nationality')) {
      bump(this.maps[dim], value, n)
    } else if ((fact === 'attended_vulnerable' || fact === 'rescued_vulnerable') && dim === 'kind') {
      bump(this.maps.vulnerability, value, n)
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

const RECORD_FIGURE: Readonly<Record<string, keyof FieldCounts | undefined>> = { patrol: 'patrols', attention: 'attentions', rescue: 'rescues', remains: 'remains' }

/** The figure a margin adds to: records by type, priority records, people attended and rescued. */
function figureOf(fact: string, dim: string, value: string): keyof FieldCounts | undefined {
  if (fact === 'records' && dim === 'kind') {
    return RECORD_FIGURE[value]
  }
  if (fact === 'priority_records' && dim === 'kind') {
    return 'priority'
  }
  if (dim === '') {
    return fact === 'attended' ? 'peopleAttended' : fact === 'rescued' ? 'peopleRescued' : undefined
  }
  return undefined
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
