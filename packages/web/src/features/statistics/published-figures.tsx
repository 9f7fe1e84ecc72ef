import { useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { changeMark, changeOf, formatCount } from './words.ts'

export interface FigureBeside {
  programme: 'beta' | 'paisano'
  indicator: string
  scope: string
  year: number
  period: string
  value: number
  source: string
  measured: number
}

interface Published {
  bookYears: number[]
  bookYear: number
  year: number
  items: FigureBeside[]
}

/** The indicators the catalogues name; any other the server adds is left out rather than shown as a code. */
export const INDICATORS = [
  'migrants_attended',
  'humanitarian_assistance',
  'orientation',
  'first_aid_to_injured',
  'surveillance_operations',
  'migrants_rescued',
  'rescued',
  'search_and_rescue_beneficiaries',
  'location_requests_answered',
  'persons_searched_in_location_requests',
  'persons_found_in_location_requests',
  'nationals_assisted',
] as const
type Indicator = (typeof INDICATORS)[number]

/** The book's order: each programme's indicators as listed, national before each border. */
export function ordered(items: readonly FigureBeside[]): FigureBeside[] {
  const rank = (f: FigureBeside) => INDICATORS.indexOf(f.indicator as Indicator) * 10 + (['national', 'north', 'south'].indexOf(f.scope) + 1)
  return items.filter((f) => (INDICATORS as readonly string[]).includes(f.indicator)).sort((a, b) => (a.programme === b.programme ? 0 : a.programme === 'beta' ? -1 : 1) || rank(a) - rank(b))
}

/**
 * The year counted in Faro beside a year the programme published (the IOM book's 2010, the
 * Global Compact practice's 2022 and first half of 2023, Paisano's reports): the figures a reader
 * would otherwise look up in print, and how far this year is from them.
 */
export function PublishedFigures({ year }: { year: number }) {
  const { t, lang } = useI18n()
  const [bookYear, setBookYear] = useState<number | null>(null)
  const data = useFetch<Published>(`/api/statistics/published?year=${year}${bookYear === null ? '' : `&bookYear=${bookYear}`}`)
  return (
    <section className="card stats-published" aria-labelledby="stats-published-title" data-testid="stats-published">
      <h2 id="stats-published-title">{t('stats.published.title')}</h2>
      <p className="muted small">{t('stats.published.intro')}</p>
      {data.status === 'loading' ? <Loading /> : null}
      {data.status === 'error' ? <ErrorNotice error={data.error} onRetry={() => void data.reload()} /> : null}
      {data.status === 'ok' ? (
        <>
          <label className="field stats-published-year">
            <span>{t('stats.published.bookYear')}</span>
            <select value={data.data.bookYear} onChange={(e) => setBookYear(Number(e.target.value))}>
              {data.data.bookYears.map((y) => (
                <option key={y} value={y}>
                  {String(y)}
                </option>
              ))}
            </select>
          </label>
          <div className="stats-scroll" tabIndex={0} role="group" aria-label={t('stats.published.title')}>
            <table className="stats-table">
              <thead>
                <tr>
                  <th scope="col">{t('stats.published.indicator')}</th>
                  <th scope="col" className="stats-num">
                    {t('stats.published.book', { year: String(data.data.bookYear) })}
                  </th>
                  <th scope="col" className="stats-num">
                    {t('stats.published.counted', { year: String(year) })}
                  </th>
                  <th scope="col" className="stats-num">
                    {t('stats.col.change')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ordered(data.data.items).map((f) => (
                  <tr key={`${f.programme}-${f.indicator}-${f.scope}-${f.period}`} data-testid={`stats-published-${f.indicator}-${f.scope}`}>
                    <th scope="row">
                      {t(`stats.published.indicator.${f.indicator as Indicator}`)}
                      {f.scope === 'national' ? null : <span className="muted"> · {t(`stats.border.${f.scope === 'north' ? 'north' : 'south'}`)}</span>}
                      {f.period === 'H1' ? <span className="muted"> · {t('stats.published.firstHalf')}</span> : null}
                    </th>
                    <td className="stats-num">{formatCount(lang, f.value)}</td>
                    <td className="stats-num stats-strong">{formatCount(lang, f.measured)}</td>
                    <td className="stats-num">{changeMark(lang, changeOf(f.measured, f.value))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small">{t('stats.published.sources')}</p>
        </>
      ) : null}
    </section>
  )
}
