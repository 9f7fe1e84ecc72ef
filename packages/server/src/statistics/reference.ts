import type { Fact } from '@faro/core'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { readCsv } from '../seed/org-tree.ts'
import { tableOf, type By } from './query.ts'

/**
 * The figures the programmes published (the IOM book's years of Grupos Beta, the Global Compact
 * practice's 2022 and 2023, Programa Paisano's yearly reports: ../../seed-data/*-statistics.csv),
 * each with the question of the summary table that measures the same thing, so a year counted in
 * Faro can be set beside a year the programme published.
 */

export interface PublishedFigure {
  programme: 'beta' | 'paisano'
  indicator: string
  /** `national`, `north` or `south`. */
  scope: string
  year: number
  /** `year`, or `H1` for the first half. */
  period: string
  value: number
  source: string
}

interface Measure {
  fact: Fact
  /** Narrows the cells to one value of a dimension (a service, an outcome). */
  only?: { by: By; values: readonly string[] }
}

/** How each published indicator is measured from the summary; those Faro does not count are left out. */
const MEASURES: Readonly<Record<string, Measure>> = {
  migrants_attended: { fact: 'attended' },
  surveillance_operations: { fact: 'patrol' },
  migrants_rescued: { fact: 'rescued' },
  rescued: { fact: 'rescued' },
  search_and_rescue_beneficiaries: { fact: 'rescued' },
  first_aid_to_injured: { fact: 'service', only: { by: 'kind', values: ['first_aid'] } },
  // The book's "humanitarian assistance" is water, food and medicine handed out; water reaches
  // the most people, and one person given all three counts once in the book.
  humanitarian_assistance: { fact: 'service', only: { by: 'kind', values: ['water'] } },
  orientation: { fact: 'service', only: { by: 'kind', values: ['orientation'] } },
  location_requests_answered: { fact: 'trace_request', only: { by: 'outcome', values: ['answered'] } },
  persons_searched_in_location_requests: { fact: 'trace_sought' },
  persons_found_in_location_requests: { fact: 'trace_sought', only: { by: 'outcome', values: ['found_alive', 'found_deceased'] } },
  nationals_assisted: { fact: 'tally', only: { by: 'kind', values: ['guidance'] } },
}

/** The published figures Faro can measure, newest year first. */
export function publishedFigures(): PublishedFigure[] {
  const beta = readCsv('grupos-beta-statistics.csv').map((r) => ({ programme: 'beta' as const, indicator: r.indicator ?? '', scope: r.scope ?? 'national', year: Number(r.year), period: r.period ?? 'year', value: Number(r.value), source: r.source ?? '' }))
  const paisano = readCsv('paisano-statistics.csv').map((r) => ({ programme: 'paisano' as const, indicator: r.indicator ?? '', scope: 'national', year: Number(r.year), period: 'year', value: Number(r.value), source: 'Programa Paisano' }))
  return [...beta, ...paisano].filter((f) => MEASURES[f.indicator] !== undefined && Number.isFinite(f.value)).sort((a, b) => b.year - a.year || a.indicator.localeCompare(b.indicator))
}

/** A published figure with Faro's count of the same thing over `from`–`to` under a unit. */
export interface FigureBeside extends PublishedFigure {
  measured: number
}

/** Sets the published figures of `bookYear` beside Faro's counts of `from`–`to` under `unitId`. */
export async function figuresBeside(db: Kysely<Database>, q: { bookYear: number; from: string; to: string; unitId: string }): Promise<FigureBeside[]> {
  const figures = publishedFigures().filter((f) => f.year === q.bookYear)
  const out: FigureBeside[] = []
  for (const f of figures) {
    const measure = MEASURES[f.indicator] as Measure
    const by: By[] = [...(f.scope === 'national' ? [] : (['border'] as By[])), ...(measure.only === undefined ? [] : [measure.only.by])]
    // A half-year's figure beside the same half of the year counted.
    const to = f.period === 'H1' ? `${q.from.slice(0, 4)}-06-30` : q.to
    const answer = await tableOf(db, { fact: measure.fact, from: q.from, to, unitId: q.unitId, by })
    const measured = answer.rows
      .filter((r) => f.scope === 'national' || r.border === f.scope)
      .filter((r) => measure.only === undefined || measure.only.values.includes(String(r[measure.only.by])))
      .reduce((sum, r) => sum + Number(r.n), 0)
    out.push({ ...f, measured })
  }
  return out
}
