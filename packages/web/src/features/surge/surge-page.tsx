import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { Breakdowns, PointCard } from './surge-charts.tsx'
import type { SpecialOperation, SurgeDashboard } from './types.ts'
import { localDay } from './words.ts'
import './surge.css'

const POLL_MS = 30_000

/**
 * The surge dashboard of a special operation: the day's arrivals, per point per hour, and who
 * they were, from the operators' sheets the reader may see. It asks again every 30 seconds, so a
 * sheet synced from a phone a moment ago shows without a reload.
 */
export function SurgePage() {
  const { t } = useI18n()
  const operations = useFetch<{ items: SpecialOperation[] }>('/api/operations')
  return (
    <Page title={t('surge.title')} intro={t('surge.intro.page')} testId="surge-page">
      {operations.status === 'loading' ? <Loading /> : null}
      {operations.status === 'error' ? <ErrorNotice error={operations.error} onRetry={() => void operations.reload()} /> : null}
      {operations.status === 'ok' ? <Dashboard operations={operations.data.items.filter((o) => o.kind === 'special')} /> : null}
    </Page>
  )
}

function Dashboard({ operations }: { operations: SpecialOperation[] }) {
  const { t } = useI18n()
  const first = operations.find((o) => o.status === 'open') ?? operations[0]
  const [chosen, setChosen] = useState<string | undefined>(first?.recordId)
  const [day, setDay] = useState(() => localDay(Date.now()))
  if (!first || chosen === undefined) {
    return <p className="muted">{t('surge.none')}</p>
  }
  return (
    <>
      <div className="surge-filters">
        <div className="field">
          <label htmlFor="surge-operation">{t('surge.operation')}</label>
          <select id="surge-operation" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {operations.map((o) => (
              <option key={o.recordId} value={o.recordId}>
                {t('surge.operationOption', { name: o.name, status: t(STATUS[o.status]) })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="surge-day">{t('surge.day')}</label>
          <input id="surge-day" type="date" value={day} onChange={(e) => setDay(e.target.value || localDay(Date.now()))} />
        </div>
      </div>
      <Figures operationId={chosen} day={day} />
    </>
  )
}

function Figures({ operationId, day }: { operationId: string; day: string }) {
  const { t, lang } = useI18n()
  const path = `/api/operations/${encodeURIComponent(operationId)}/surge?day=${day}`
  const query = useQuery({ queryKey: ['api', path], queryFn: ({ signal }) => api<SurgeDashboard>(path, { signal }), refetchInterval: POLL_MS })
  const time = (ms: number) => new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { timeStyle: 'short' }).format(new Date(ms))
  const updated = (
    <div className="surge-updated">
      <p className="muted small" role="status" data-testid="surge-updated">
        {query.dataUpdatedAt > 0 ? t('surge.updated', { time: time(query.dataUpdatedAt) }) : ''}
      </p>
      <button type="button" className="button button-secondary" disabled={query.isFetching} onClick={() => void query.refetch()} data-testid="surge-refresh">
        {t('surge.refresh')}
      </button>
    </div>
  )
  if (query.isError && query.data === undefined) {
    return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
  }
  const data = query.data
  if (data === undefined) {
    return <Loading />
  }
  const { total } = data
  return (
    <div data-testid="surge-dashboard">
      {updated}
      {query.isError ? <ErrorNotice error={query.error} /> : null}
      <section className="card surge-headline" aria-labelledby="surge-total-label">
        <h2 id="surge-total-label">{t('surge.totalLabel')}</h2>
        <p className="surge-big" data-testid="surge-total" data-people={total.people}>
          {t('surge.total', { count: total.people })}
        </p>
        <p className="muted small">
          {t('surge.sheets', { count: total.sheets })}
          {total.lastAt ? ` · ${t('surge.lastAt', { time: time(Date.parse(total.lastAt)) })}` : ''}
        </p>
      </section>
      <h2 className="surge-points-heading">{t('surge.points')}</h2>
      {data.points.length === 0 ? <p className="muted">{t('surge.noPoints')}</p> : null}
      <div className="surge-points">
        {data.points.map((p, i) => (
          <PointCard key={p.key} point={p} hours={data.hours} index={i} />
        ))}
      </div>
      {total.people > 0 ? <Breakdowns total={total} /> : null}
    </div>
  )
}

// The status of an operation in words.
const STATUS = { upcoming: 'ops.status.upcoming', open: 'ops.status.open', ended: 'ops.status.ended' } as const satisfies Record<SpecialOperation['status'], MessageKey>
