import type { Dim, StatFact, TableAnswer, TableRow } from './types.ts'

/**
 * Where a statistics page stands and how it goes down: national → border → state → group or
 * site. A border and a state are not units, so the page keeps them as a filter on its rows
 * (`scope`), asks the table by them and adds up what it keeps; a unit is asked for itself.
 */

/** The unit read, and within it the border and the state drilled into, if any. */
export interface Scope {
  unit: string
  border?: string
  state?: string
}

/** What a page's rows are: the next place down, or one of the cell's or calendar's dimensions. */
export const BREAKDOWNS = ['place', 'month', 'week', 'quarter', 'operation', 'sex', 'ageBand', 'nationality', 'kind', 'outcome'] as const
export type Breakdown = (typeof BREAKDOWNS)[number]

/** The breakdowns over time, drawn as a line with last year's dashed. */
export const TIME_BREAKDOWNS: ReadonlySet<Breakdown> = new Set(['month', 'week', 'quarter'])

/** The place levels a drill-down passes. */
export type PlaceLevel = 'border' | 'state' | 'unit'

/** A unit as the drill-down needs it (the org tree's units carry more). */
export interface TreeUnit {
  id: string
  kind: string
  name: string
  path: string[]
  state?: string | null
  border?: string | null
}

// Units with no units under them that count: a drill-down ends there.
const LEAF_KINDS: ReadonlySet<string> = new Set(['beta_group', 'module', 'observation_point', 'us_office', 'agency', 'internal_control', 'consulate'])

/** The breakdowns that mean something for a fact (people have a sex; a patrol does not). */
export function breakdownsFor(fact: StatFact, canPlace: boolean): Breakdown[] {
  const people = fact === 'attended' || fact === 'attended_vulnerable' || fact === 'rescued'
  return BREAKDOWNS.filter((b) => {
    switch (b) {
      case 'place':
        return canPlace
      case 'sex':
      case 'ageBand':
      case 'nationality':
        return people
      case 'outcome':
        return fact === 'rescued'
      case 'operation':
        return fact === 'tally'
      default:
        return true
    }
  })
}

/**
 * The next place level under a scope: a border's states, a state's groups and sites, and under a
 * unit what its kind holds (a coordination its borders, Paisano's office its states, a state
 * committee its sites); undefined at a group or a site.
 */
export function placeLevel(scope: Scope, unitKind: string | undefined): PlaceLevel | undefined {
  if (scope.state !== undefined) {
    return 'unit'
  }
  if (scope.border !== undefined) {
    return 'state'
  }
  if (unitKind === undefined || LEAF_KINDS.has(unitKind)) {
    return undefined
  }
  if (unitKind === 'paisano_office') {
    return 'state'
  }
  if (unitKind === 'state_committee') {
    return 'unit'
  }
  return 'border'
}

/** The dimension a breakdown's rows are (a place breakdown's is its level's). */
export function rowDim(breakdown: Breakdown, level: PlaceLevel | undefined): Dim {
  if (breakdown === 'place') {
    return level ?? 'unit'
  }
  return breakdown
}

/**
 * The `by` of the table question: the scope's filter dimension first (so the rows can be kept
 * to the border or the state drilled into), then the rows' own.
 */
export function byOf(scope: Scope, breakdown: Breakdown, level: PlaceLevel | undefined): Dim[] {
  const dim = rowDim(breakdown, level)
  const filter: Dim[] = scope.state !== undefined ? ['state'] : scope.border !== undefined ? ['border'] : []
  if (breakdown === 'place' && level === 'state') {
    // The map colours the states and each knows its border: both, always.
    return ['border', 'state']
  }
  return [...filter.filter((f) => f !== dim), dim]
}

/** A row of a page: one value of its dimension, with its counts added up over the filter. */
export interface PageRow {
  value: string
  n: number
  previous: number
  /** The border of a state row (from the map's question), to drill into it. */
  border?: string
}

/**
 * The rows of an answer kept to the scope's border and state and added up by the page's
 * dimension, largest first (over time: in time order).
 */
export function pageRows(answer: Pick<TableAnswer, 'rows'>, scope: Scope, dim: Dim, inTimeOrder = false): PageRow[] {
  const sums = new Map<string, PageRow>()
  for (const r of answer.rows) {
    if (!inScope(r, scope)) {
      continue
    }
    const value = String(r[dim] ?? '')
    const row = sums.get(value) ?? { value, n: 0, previous: 0 }
    row.n += Number(r.n)
    row.previous += Number(r.previous ?? 0)
    if (dim === 'state' && typeof r.border === 'string' && r.border !== '') {
      row.border = r.border
    }
    sums.set(value, row)
  }
  const rows = [...sums.values()]
  return inTimeOrder ? rows.sort((a, b) => a.value.localeCompare(b.value)) : rows.sort((a, b) => b.n - a.n || a.value.localeCompare(b.value))
}

/**
 * Each row with its count a year earlier taken from the table of that period (`before`, asked
 * apart): a row counted then but not now is kept with nothing now, so the rows add up to the
 * total a year earlier too. A period's row matches the same period a year later (November 2025
 * is November 2026's year earlier); an operation's keeps the server's match (the operation of its
 * kind a year before), which the page's own table already carries.
 */
export function withBefore(rows: readonly PageRow[], before: readonly PageRow[], dim: Dim): PageRow[] {
  if (dim === 'operation') {
    return [...rows]
  }
  const later = (value: string) => (PERIOD_DIMS.has(dim) && /^\d{4}/.test(value) ? `${String(Number(value.slice(0, 4)) + 1).padStart(4, '0')}${value.slice(4)}` : value)
  const out = new Map(rows.map((r) => [r.value, { ...r, previous: 0 }]))
  for (const b of before) {
    const value = later(b.value)
    const row = out.get(value)
    if (row === undefined) {
      out.set(value, { value, n: 0, previous: b.n, ...(b.border !== undefined ? { border: b.border } : {}) })
    } else {
      row.previous += b.n
    }
  }
  return [...out.values()]
}

// The calendar's dimensions, whose values name a year first.
const PERIOD_DIMS: ReadonlySet<Dim> = new Set(['year', 'half', 'quarter', 'month', 'week'])

/**
 * The total of a page: the answer's own when nothing is filtered out (exact, last year's too);
 * else the kept rows added up.
 */
export function pageTotal(answer: Pick<TableAnswer, 'rows' | 'total' | 'previousTotal'>, scope: Scope): { n: number; previous: number } {
  if (scope.border === undefined && scope.state === undefined) {
    return { n: answer.total, previous: answer.previousTotal ?? 0 }
  }
  return answer.rows.filter((r) => inScope(r, scope)).reduce<{ n: number; previous: number }>((sum, r) => ({ n: sum.n + Number(r.n), previous: sum.previous + Number(r.previous ?? 0) }), { n: 0, previous: 0 })
}

/** The scope one step down from a row of a place breakdown. */
export function drillInto(scope: Scope, level: PlaceLevel, row: Pick<PageRow, 'value' | 'border'>): Scope {
  switch (level) {
    case 'border':
      return { unit: scope.unit, border: row.value }
    case 'state':
      return { unit: scope.unit, ...(scope.border ?? row.border ? { border: scope.border ?? row.border } : {}), state: row.value }
    case 'unit':
      return { unit: row.value }
  }
}

/** One step of the breadcrumbs: where it goes, and what it is (a unit's name, a border, a state). */
export interface Crumb {
  scope: Scope
  kind: 'unit' | 'border' | 'state'
  value: string
}

/**
 * The way back up, from the reader's own unit (where a drill-down starts) to the scope: each unit
 * on the tree's path below the home unit, and the border and state passed on the way, as the
 * home unit's levels would have passed them.
 */
export function crumbsOf(home: string, scope: Scope, units: ReadonlyMap<string, TreeUnit>): Crumb[] {
  const crumbs: Crumb[] = [{ scope: { unit: home }, kind: 'unit', value: home }]
  const target = units.get(scope.unit)
  const homeLevel = placeLevel({ unit: home }, units.get(home)?.kind)
  if (scope.unit !== home && target !== undefined && target.path.includes(home)) {
    // Drilled into a unit: the border and state it lies in, as steps from home.
    const place = placeOf(scope.unit, units)
    if (homeLevel === 'border' && place.border !== '') {
      crumbs.push({ scope: { unit: home, border: place.border }, kind: 'border', value: place.border })
    }
    if ((homeLevel === 'border' || homeLevel === 'state') && place.state !== '') {
      crumbs.push({ scope: { unit: home, ...(homeLevel === 'border' && place.border !== '' ? { border: place.border } : {}), state: place.state }, kind: 'state', value: place.state })
    }
    // Units between home and the target that are not on the level path (a coordination).
    const between = target.path.slice(target.path.indexOf(home) + 1, -1).filter((id) => placeLevel({ unit: id }, units.get(id)?.kind) === undefined)
    for (const id of between) {
      crumbs.push({ scope: { unit: id }, kind: 'unit', value: id })
    }
    crumbs.push({ scope: { unit: scope.unit }, kind: 'unit', value: scope.unit })
    return crumbs
  }
  if (scope.unit !== home) {
    crumbs.push({ scope: { unit: scope.unit }, kind: 'unit', value: scope.unit })
  }
  if (scope.border !== undefined) {
    crumbs.push({ scope: { unit: scope.unit, border: scope.border }, kind: 'border', value: scope.border })
  }
  if (scope.state !== undefined) {
    crumbs.push({ scope: { unit: scope.unit, ...(scope.border !== undefined ? { border: scope.border } : {}), state: scope.state }, kind: 'state', value: scope.state })
  }
  return crumbs
}

/** A unit's border and state: its own, or its nearest ancestor's (a module's are its committee's). */
export function placeOf(unitId: string, units: ReadonlyMap<string, TreeUnit>): { border: string; state: string } {
  const up = [...(units.get(unitId)?.path ?? [unitId])].reverse().map((id) => units.get(id))
  return {
    border: up.find((u) => u?.border !== undefined && u.border !== null)?.border ?? '',
    state: up.find((u) => u?.state !== undefined && u.state !== null && u.state !== '')?.state ?? '',
  }
}

function inScope(r: TableRow, scope: Scope): boolean {
  return (scope.border === undefined || r.border === undefined || r.border === scope.border) && (scope.state === undefined || r.state === undefined || r.state === scope.state)
}
