import { BREAKDOWNS, type Breakdown, type Scope } from './drill.ts'
import { encodePeriod, parsePeriod, type PeriodChoice } from './period.ts'
import { STAT_FACTS, type StatFact } from './types.ts'

/**
 * A statistics page's question as its address keeps it (`?fact=rescued&period=2026-Q4&unit=…
 * &border=north&state=Sonora&by=month`): read with defaults for what is missing or wrong, and
 * written back with the defaults left out, so the plain address is the reader's own unit this year.
 */

/** The address's words, as the router keeps them. */
export interface StatisticsSearch {
  fact?: string
  period?: string
  unit?: string
  border?: string
  state?: string
  by?: string
}

export interface PageQuestion {
  fact: StatFact
  period: PeriodChoice
  scope: Scope
  /** Undefined: the page's default (the next place down, or the months where there is none). */
  by: Breakdown | undefined
}

// A border or a state that is none ('' in the table) is written as this word: an empty value
// would be dropped from the address.
const NONE = '-'

// Paisano's offices count tallies, not people attended: their pages open on what they count.
const PAISANO_KINDS: ReadonlySet<string> = new Set(['paisano_office', 'state_committee', 'module', 'observation_point', 'us_office'])

/** The fact a page opens on for a unit of this kind. */
export function defaultFact(homeKind: string): StatFact {
  return PAISANO_KINDS.has(homeKind) ? 'tally' : 'attended'
}

export function readSearch(search: StatisticsSearch, home: string, today: string, homeKind = ''): PageQuestion {
  const fact = STAT_FACTS.find((f) => f === search.fact) ?? defaultFact(homeKind)
  const period = parsePeriod(search.period) ?? { kind: 'year', year: Number(today.slice(0, 4)) }
  const scope: Scope = { unit: search.unit ?? home }
  if (search.border !== undefined) {
    scope.border = search.border === NONE ? '' : search.border
  }
  if (search.state !== undefined) {
    scope.state = search.state === NONE ? '' : search.state
  }
  const by = BREAKDOWNS.find((b) => b === search.by)
  return { fact, period, scope, by }
}

export function writeSearch(q: PageQuestion, home: string): StatisticsSearch {
  const out: StatisticsSearch = { fact: q.fact, period: encodePeriod(q.period) }
  if (q.scope.unit !== home) {
    out.unit = q.scope.unit
  }
  if (q.scope.border !== undefined) {
    out.border = q.scope.border === '' ? NONE : q.scope.border
  }
  if (q.scope.state !== undefined) {
    out.state = q.scope.state === '' ? NONE : q.scope.state
  }
  if (q.by !== undefined) {
    out.by = q.by
  }
  return out
}
