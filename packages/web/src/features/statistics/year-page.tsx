import { useParams } from '@tanstack/react-router'
import { useState, type ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { statisticsYearRoute } from '../../router.tsx'
import { Link } from '../../ui/router.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { BookTable, type BookQuestion } from './book-table.tsx'
import { CaseTables } from './case-tables.tsx'
import { ExportButtons } from './exports.tsx'
import { PublishedFigures } from './published-figures.tsx'
import type { OperationItem, StatFact, TableAnswer } from './types.ts'
import type { Names } from './words.ts'
import './statistics.css'

type BookTableId = 'attended-sex' | 'attended-age' | 'services' | 'patrols' | 'encountered' | 'rescues' | 'rescue-outcomes' | 'first-aid' | 'remains' | 'tallies'

/** The Grupos Beta tables of the yearly report, in the book's order. */
const BETA_TABLES: readonly { id: BookTableId; q: BookQuestion }[] = [
  { id: 'attended-sex', q: { fact: 'attended', rows: 'border', cols: 'sex' } },
  { id: 'attended-age', q: { fact: 'attended', rows: 'border', cols: 'ageBand' } },
  { id: 'services', q: { fact: 'service', rows: 'kind', cols: 'border' } },
  { id: 'patrols', q: { fact: 'patrol', rows: 'kind', cols: 'border' } },
  { id: 'encountered', q: { fact: 'patrol_encountered', rows: 'kind', cols: 'border' } },
  { id: 'rescues', q: { fact: 'rescued', rows: 'kind', cols: 'border' } },
  { id: 'rescue-outcomes', q: { fact: 'rescued', rows: 'outcome', cols: 'border' } },
  { id: 'first-aid', q: { fact: 'service', rows: 'month', cols: 'border', only: { dim: 'kind', value: 'first_aid' } } },
  { id: 'remains', q: { fact: 'remains', rows: 'kind', cols: 'border' } },
]

/** Paisano's tables: the year by operation, the tallies by what was counted. */
const PAISANO_TABLES: readonly { id: BookTableId; q: BookQuestion }[] = [{ id: 'tallies', q: { fact: 'tally', rows: 'kind', cols: 'operation' } }]

/**
 * "El año del programa": the programme's yearly tables laid out as its printed report — Grupos
 * Beta's attention by border with sex and age, services, patrols, rescues, first aid and remains;
 * Paisano's year by operation — under the reader's own unit, with the report as a PDF.
 */
export function StatisticsYearPage() {
  const { t } = useI18n()
  const { year: raw } = useParams({ from: statisticsYearRoute.id })
  const [thisYear] = useState(() => new Date().getFullYear())
  const year = /^\d{4}$/.test(raw) ? Number(raw) : thisYear
  const operations = useFetch<{ items: OperationItem[] }>('/api/operations')
  return (
    <Page title={t('stats.year.title', { year: String(year) })} intro={t('stats.year.intro')} testId="stats-year-page">
      <nav className="stats-crumbs" aria-label={t('stats.crumbs')}>
        <ol>
          <li>
            <Link to="statistics">{t('stats.title')}</Link>
          </li>
          <li aria-current="page">{t('stats.year.title', { year: String(year) })}</li>
        </ol>
      </nav>
      <nav className="stats-years" aria-label={t('stats.year.other')}>
        <ul>
          {Array.from({ length: 4 }, (_, i) => thisYear - i).map((y) => (
            <li key={y}>
              <Link to={`statistics/year/${y}`} aria-current={y === year ? 'page' : undefined}>
                {String(y)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="card stats-exports" aria-labelledby="stats-report-heading">
        <h2 id="stats-report-heading">{t('stats.year.report')}</h2>
        <p className="muted small">{t('stats.year.reportIntro')}</p>
        <ExportButtons formats={['pdf']} request={{ report: { kind: 'yearly', year } }} testId="stats-year-export" />
      </section>
      {operations.status === 'loading' ? <Loading /> : null}
      {operations.status === 'error' ? <ErrorNotice error={operations.error} onRetry={() => void operations.reload()} /> : null}
      {operations.status === 'ok' ? <Book year={year} names={{ operations: operations.data.items }} /> : null}
      <PublishedFigures year={year} />
    </Page>
  )
}

function Book({ year, names }: { year: number; names: Names }) {
  const { t } = useI18n()
  return (
    <>
      <Programme title={t('stats.year.beta')} probe={['attended', 'patrol', 'rescued']} year={year} testId="stats-year-beta">
        {BETA_TABLES.map(({ id, q }) => (
          <BookTable key={id} title={t(`stats.year.table.${id}`)} q={q} year={year} names={names} testId={`stats-book-${id}`} />
        ))}
      </Programme>
      <Programme title={t('stats.year.paisano')} probe={['tally']} year={year} testId="stats-year-paisano">
        {PAISANO_TABLES.map(({ id, q }) => (
          <BookTable key={id} title={t(`stats.year.table.${id}`)} q={q} year={year} names={names} testId={`stats-book-${id}`} />
        ))}
        <CaseTables year={year} names={names} />
      </Programme>
    </>
  )
}

/**
 * A programme's part of the report, shown when it counted anything in the year under the reader's
 * unit (a Paisano office reads no Grupos Beta tables of empty rows).
 */
function Programme({ title, probe, year, testId, children }: { title: string; probe: readonly StatFact[]; year: number; testId: string; children: ReactNode }) {
  const { t } = useI18n()
  const first = useFetch<TableAnswer>(`/api/statistics/table?fact=${probe[0] ?? 'attended'}&year=${year}`)
  const second = useFetch<TableAnswer>(probe[1] === undefined ? null : `/api/statistics/table?fact=${probe[1]}&year=${year}`)
  const third = useFetch<TableAnswer>(probe[2] === undefined ? null : `/api/statistics/table?fact=${probe[2]}&year=${year}`)
  const answers = [first, second, third].slice(0, probe.length)
  const failed = answers.find((a) => a.status === 'error')
  return (
    <section className="card stats-programme" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`}>{title}</h2>
      {failed?.status === 'error' ? <ErrorNotice error={failed.error} /> : null}
      {answers.some((a) => a.status === 'loading') ? <Loading /> : null}
      {answers.every((a) => a.status === 'ok') ? answers.some((a) => a.status === 'ok' && a.data.total > 0) ? children : <p className="muted">{t('stats.year.nothing', { year: String(year) })}</p> : null}
    </section>
  )
}
