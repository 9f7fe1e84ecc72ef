import { z } from 'zod'
import type { CaseState } from '../cases/fold.ts'
import { CENTRAL_OFFSET_MS } from '../places/states.ts'

/**
 * The programme's own figures for the search for missing migrants — "requests answered, persons
 * sought, persons found" (209, 1,274 and 10 in the first half of 2023) — counted from the location
 * requests themselves, by the body each was sent to and by period.
 *
 * A request counts in the period it was received (Mexico's central time), under the body that
 * holds it (its latest hop that was not referred on). It is answered when every person it seeks
 * has an outcome. Persons found are those found alive or found deceased, the latter only ever with
 * a forensic reference.
 */

export const StatisticsPeriod = z.enum(['month', 'quarter', 'half', 'year'])
export type StatisticsPeriod = z.infer<typeof StatisticsPeriod>

export const TracingFigures = z.object({
  requests: z.number().int(),
  answered: z.number().int().describe('requests where every person sought has an outcome'),
  personsSought: z.number().int(),
  foundAlive: z.number().int(),
  foundDeceased: z.number().int(),
  notFound: z.number().int(),
  withdrawn: z.number().int(),
  searching: z.number().int().describe('persons with no outcome yet'),
})
export type TracingFigures = z.infer<typeof TracingFigures>

export const TracingStatisticsRow = TracingFigures.extend({
  bodyId: z.string(),
  period: z.string().describe('2026-11 (month), 2026-Q4, 2026-H2, 2026'),
})
export type TracingStatisticsRow = z.infer<typeof TracingStatisticsRow>

/** The period a moment falls in, in Mexico's central time. */
export function periodOf(at: string, period: StatisticsPeriod): string {
  const local = new Date(Date.parse(at) + CENTRAL_OFFSET_MS)
  const year = local.getUTCFullYear()
  const month = local.getUTCMonth()
  switch (period) {
    case 'month':
      return `${year}-${String(month + 1).padStart(2, '0')}`
    case 'quarter':
      return `${year}-Q${Math.floor(month / 3) + 1}`
    case 'half':
      return `${year}-H${month < 6 ? 1 : 2}`
    case 'year':
      return String(year)
  }
}

export function emptyFigures(): TracingFigures {
  return { requests: 0, answered: 0, personsSought: 0, foundAlive: 0, foundDeceased: 0, notFound: 0, withdrawn: 0, searching: 0 }
}

/** Adds one location request to figures. */
export function countRequest(figures: TracingFigures, state: CaseState): void {
  const sought = state.sought ?? []
  figures.requests += 1
  figures.personsSought += sought.length
  let open = 0
  for (const person of sought) {
    switch (state.traces?.[person.soughtId]?.outcome) {
      case 'found_alive':
        figures.foundAlive += 1
        break
      case 'found_deceased':
        figures.foundDeceased += 1
        break
      case 'not_found':
        figures.notFound += 1
        break
      case 'withdrawn':
        figures.withdrawn += 1
        break
      case undefined:
        open += 1
        break
    }
  }
  figures.searching += open
  if (sought.length > 0 && open === 0) {
    figures.answered += 1
  }
}

/** The body that holds a request: its latest hop not referred on, else its latest hop. */
export function holderOf(state: CaseState): string | undefined {
  const hops = state.hops
  return [...hops].reverse().find((h) => h.status !== 'referred')?.bodyId ?? hops.at(-1)?.bodyId
}

/**
 * Figures by body and period for the location requests received from `from` (inclusive) to `to`
 * (exclusive), ISO instants; sorted by period, then body.
 */
export function tracingStatistics(cases: readonly CaseState[], q: { from: string; to: string; period: StatisticsPeriod }): TracingStatisticsRow[] {
  const rows = new Map<string, TracingStatisticsRow>()
  const from = Date.parse(q.from)
  const to = Date.parse(q.to)
  for (const state of cases) {
    const received = Date.parse(state.receivedAt)
    if (state.kind !== 'location_request' || received < from || received >= to) {
      continue
    }
    const bodyId = holderOf(state) ?? state.orgUnitId
    const period = periodOf(state.receivedAt, q.period)
    const key = `${period}|${bodyId}`
    let row = rows.get(key)
    if (row === undefined) {
      row = { bodyId, period, ...emptyFigures() }
      rows.set(key, row)
    }
    countRequest(row, state)
  }
  return [...rows.values()].sort((a, b) => a.period.localeCompare(b.period) || a.bodyId.localeCompare(b.bodyId))
}
