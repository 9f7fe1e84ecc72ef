import type { PeopleBreakdown } from '@faro/core'
import { useMemo } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/messages.ts'

const DIMENSIONS = ['sex', 'ageBand', 'nationality', 'vulnerability'] as const
type Dimension = (typeof DIMENSIONS)[number]
const HEADINGS: Record<Dimension, MessageKey> = {
  sex: 'breakdown.sex',
  ageBand: 'breakdown.ageBand',
  nationality: 'breakdown.nationality',
  vulnerability: 'breakdown.vulnerability',
}

/**
 * The people attended and rescued in a period by sex, age band, nationality and vulnerability:
 * each value in words with its count, its share of the people counted and a bar, largest first.
 */
export function PeopleBreakdownView({ people, total }: { people: PeopleBreakdown; total: number }) {
  const { t, lang } = useI18n()
  const valueText = useMemo(() => {
    const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' })
    return (dimension: Dimension, value: string): string => {
      if (value === 'unknown') {
        return t('breakdown.unknown')
      }
      switch (dimension) {
        case 'sex':
          return t(`sex.${value}` as MessageKey)
        case 'ageBand':
          return t('fm.people.ageBand', { band: value })
        case 'nationality':
          return regions.of(value) ?? value
        case 'vulnerability':
          return t(`vulnerability.${value}` as MessageKey)
      }
    }
  }, [lang, t])
  if (total === 0) {
    return null
  }
  return (
    <section aria-labelledby="breakdown-heading" className="breakdown" data-testid="people-breakdown">
      <h2 id="breakdown-heading">{t('breakdown.heading', { count: total })}</h2>
      <div className="breakdown-grid">
        {DIMENSIONS.map((dimension) => (
          <div key={dimension} className="card breakdown-card" data-testid={`breakdown-${dimension}`}>
            <h3>{t(HEADINGS[dimension])}</h3>
            {people[dimension].length === 0 ? (
              <p className="muted small">{t('breakdown.none')}</p>
            ) : (
              <ul className="bars">
                {people[dimension].map(({ value, count }) => {
                  const share = count / total
                  return (
                    <li key={value}>
                      <span className="bar-label">{valueText(dimension, value)}</span>
                      <span className="bar-figure">{t('breakdown.figure', { count, share })}</span>
                      <span className="bar-track" aria-hidden="true">
                        <span className="bar-fill" style={{ width: `${Math.max(1, Math.round(share * 100))}%` }} />
                      </span>
                    </li>
                  )
                })}
              </ul>
            )}
          </div>
        ))}
      </div>
      <p className="muted small">{t('breakdown.note')}</p>
    </section>
  )
}
