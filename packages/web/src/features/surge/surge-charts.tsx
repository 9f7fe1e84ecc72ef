import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import type { SurgeFigures, SurgePoint } from './types.ts'
import { breakdownRows, hourRange, type SurgeDimension } from './words.ts'

const DIMENSIONS: readonly { dimension: SurgeDimension; field: keyof Pick<SurgeFigures, 'bySex' | 'byAge' | 'byNationality' | 'byVulnerability' | 'byService'>; heading: MessageKey }[] = [
  { dimension: 'sex', field: 'bySex', heading: 'breakdown.sex' },
  { dimension: 'age', field: 'byAge', heading: 'breakdown.ageBand' },
  { dimension: 'nationality', field: 'byNationality', heading: 'breakdown.nationality' },
  { dimension: 'vulnerability', field: 'byVulnerability', heading: 'breakdown.vulnerability' },
  { dimension: 'service', field: 'byService', heading: 'surge.byService' },
]

/**
 * A point's arrivals per hour: a table (what a screen reader reads) whose arrivals column carries
 * a bar each, so the same table is the chart and nothing scrolls sideways at 360 px.
 */
export function PointCard({ point, hours, index }: { point: SurgePoint; hours: readonly string[]; index: number }) {
  const { t, lang } = useI18n()
  const max = Math.max(1, ...hours.map((h) => point.byHour[h] ?? 0))
  return (
    <section className="card surge-point" aria-labelledby={`surge-point-${index}`} data-testid="surge-point-card" data-point={point.point} data-people={point.people}>
      <h3 id={`surge-point-${index}`}>{point.point}</h3>
      <p className="muted small">{t('surge.pointPeople', { unit: point.unitName, count: point.people })}</p>
      <table className="surge-hours">
        <caption className="visually-hidden">{t('surge.hoursCaption', { point: point.point })}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('surge.hour')}</th>
            <th scope="col">{t('surge.arrivals')}</th>
          </tr>
        </thead>
        <tbody>
          {hours.map((h) => {
            const n = point.byHour[h] ?? 0
            return (
              <tr key={h}>
                <th scope="row">{hourRange(lang, h)}</th>
                <td>
                  <span className="surge-bar" aria-hidden="true">
                    <span className="surge-bar-fill" style={{ width: `${n === 0 ? 0 : Math.max(2, Math.round((n / max) * 100))}%` }} />
                  </span>
                  <span className="surge-bar-n">{t('surge.number', { count: n })}</span>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

/** Who arrived in the day, every point added up: each value in words with its count and share. */
export function Breakdowns({ total }: { total: SurgeFigures }) {
  const { t, lang } = useI18n()
  return (
    <section aria-labelledby="surge-breakdowns" className="breakdown surge-breakdowns" data-testid="surge-breakdowns">
      <h2 id="surge-breakdowns">{t('surge.breakdowns')}</h2>
      <div className="breakdown-grid">
        {DIMENSIONS.map(({ dimension, field, heading }) => {
          const rows = breakdownRows(t, lang, dimension, total[field])
          return (
            <div key={dimension} className="card breakdown-card" data-testid={`surge-by-${dimension}`}>
              <h3>{t(heading)}</h3>
              {rows.length === 0 ? (
                <p className="muted small">{t('breakdown.none')}</p>
              ) : (
                <ul className="bars">
                  {rows.map(({ value, label, people }) => {
                    const share = people / total.people
                    return (
                      <li key={value}>
                        <span className="bar-label">{label}</span>
                        <span className="bar-figure">{t('breakdown.figure', { count: people, share })}</span>
                        <span className="bar-track" aria-hidden="true">
                          <span className="bar-fill" style={{ width: `${Math.max(1, Math.min(100, Math.round(share * 100)))}%` }} />
                        </span>
                      </li>
                    )
                  })}
                </ul>
              )}
            </div>
          )
        })}
      </div>
      <p className="muted small">{t('surge.note')}</p>
    </section>
  )
}
