import { useI18n } from '../../i18n/i18n.tsx'
import type { StatFact } from './types.ts'
import { changeOf, changeWords, dayName, factName, formatCount } from './words.ts'

/**
 * The page's figure: the fact's total under the scope in the period, and how it compares with
 * the same period a year earlier — an arrow and a share for the eye, a sentence for screen readers.
 */
export function Summary({ fact, n, previous, from, to, place, period }: { fact: StatFact; n: number; previous: number; from: string; to: string; place: string; period: string }) {
  const { t, lang } = useI18n()
  const c = changeOf(n, previous)
  return (
    <section className="card stats-summary" aria-labelledby="stats-summary-heading" data-testid="stats-summary">
      <h2 id="stats-summary-heading">{factName(t, fact)}</h2>
      <p className="stats-where muted">{t('stats.where', { place, period, from: dayName(lang, from), to: dayName(lang, to) })}</p>
      <p className="stats-big" data-testid="stats-total" data-n={n}>
        {formatCount(lang, n)}
      </p>
      <p className={`stats-change stats-change-${c.direction}`} data-testid="stats-change">
        {c.direction === 'up' || c.direction === 'down' ? (
          <>
            <span aria-hidden="true" className="stats-change-mark">
              {c.direction === 'up' ? '▲' : '▼'}
            </span>{' '}
          </>
        ) : null}
        <span>{changeWords(t, lang, c, previous)}</span>
      </p>
    </section>
  )
}
