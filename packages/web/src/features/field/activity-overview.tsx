import type { FieldSummary, SummaryPeriod } from '@faro/core'
import { useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { PeopleBreakdownView } from './people-breakdown.tsx'

export const PERIODS = ['today', 'week', 'month', 'year'] as const satisfies readonly SummaryPeriod[]

/**
 * Exact counts of the field work the account may see (its unit, subtree or the nation, as the
 * server decides) in a period it picks, with the people counted broken down by sex, age band,
 * nationality and vulnerability when `breakdown` is set.
 */
export function ActivityOverview({ breakdown = false }: { breakdown?: boolean }) {
  const { t } = useI18n()
  const [period, setPeriod] = useState<SummaryPeriod>('week')
  const summary = useFetch<FieldSummary>(`/api/field/summary?period=${period}`)
  return (
    <section className="card" aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t('summary.heading')}</h2>
      <PeriodPicker period={period} onChange={setPeriod} />
      {summary.status === 'loading' ? <Loading /> : null}
      {summary.status === 'error' ? <ErrorNotice error={summary.error} onRetry={summary.reload} /> : null}
      {summary.status === 'ok' ? <OverviewFigures summary={summary.data} breakdown={breakdown} /> : null}
    </section>
  )
}

/** The periods as a row of toggle buttons. */
export function PeriodPicker({ period, onChange }: { period: SummaryPeriod; onChange(period: SummaryPeriod): void }) {
  const { t } = useI18n()
  return (
    <div className="segmented" role="group" aria-label={t('live.period')}>
      {PERIODS.map((p) => (
        <button key={p} type="button" aria-pressed={p === period} onClick={() => onChange(p)}>
          {t(`live.period.${p}`)}
        </button>
      ))}
    </div>
  )
}

function OverviewFigures({ summary, breakdown }: { summary: FieldSummary; breakdown: boolean }) {
  const { t } = useI18n()
  const { total } = summary
  return (
    <>
      <dl className="stats" data-testid="activity-stats">
        <Stat value={total.attentions} label="summary.attentions" />
        <Stat value={total.peopleAttended} label="summary.people" />
        <Stat value={total.priority} label="summary.priority" tone="priority" />
        <Stat value={total.rescues} label="summary.rescues" />
        <Stat value={total.peopleRescued} label="summary.peopleRescued" />
        <Stat value={total.patrols} label="summary.patrols" />
      </dl>
      {breakdown ? <PeopleBreakdownView people={summary.people} total={total.peopleAttended + total.peopleRescued} /> : null}
      <p className="muted small">{t('summary.exact')}</p>
    </>
  )
}

function Stat({ value, label, tone }: { value: number; label: MessageKey; tone?: 'priority' }) {
  const { t } = useI18n()
  return (
    <div className={tone ? `stat stat-${tone}` : 'stat'}>
      <dt>{t(label, { count: value })}</dt>
      <dd>{t('summary.count', { count: value })}</dd>
    </div>
  )
}
