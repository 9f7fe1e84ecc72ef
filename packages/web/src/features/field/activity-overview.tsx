import type { FieldRecordType, FieldStates, RecordPage } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch, type FetchState } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { summarize, type ActivitySummary } from './summary.ts'

const WINDOW_DAYS = 7

/**
 * Counts of the field records the account may see (its unit, subtree or the nation, as the
 * server decides) whose event happened in the last seven days.
 */
export function ActivityOverview({ limit }: { limit: number }) {
  const { t, dateTime } = useI18n()
  const { can } = useSession()
  const attention = useRecords('attention', can('attention.read'), limit)
  const rescue = useRecords('rescue', can('rescue.read'), limit)
  const patrol = useRecords('patrol', can('patrol.read'), limit)
  const all = [attention, rescue, patrol].filter((s) => s !== undefined)
  const failed = all.find((s) => s.status === 'error')
  if (failed?.status === 'error') {
    return <ErrorNotice error={failed.error} onRetry={failed.reload} />
  }
  if (all.some((s) => s.status === 'loading')) {
    return <Loading />
  }
  const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000)
  const a = summaryOf('attention', attention, since)
  const r = summaryOf('rescue', rescue, since)
  const p = summaryOf('patrol', patrol, since)
  const partial = [a, r, p].some((s) => s !== undefined && !s.complete)
  return (
    <section className="card" aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t('summary.heading')}</h2>
      <dl className="stats" data-testid="activity-stats">
        {a ? (
          <>
            <Stat value={a.records} complete={a.complete} label="summary.attentions" />
            <Stat value={a.people} complete={a.complete} label="summary.people" />
            <Stat value={a.priority} complete={a.complete} label="summary.priority" tone="priority" />
          </>
        ) : null}
        {r ? <Stat value={r.records} complete={r.complete} label="summary.rescues" /> : null}
        {p ? <Stat value={p.records} complete={p.complete} label="summary.patrols" /> : null}
      </dl>
      {a?.latest ? <p className="muted">{t('summary.latest', { date: dateTime(a.latest) })}</p> : null}
      {partial ? <p className="muted small">{t('summary.partial')}</p> : null}
    </section>
  )
}

function Stat({ value, complete, label, tone }: { value: number; complete: boolean; label: MessageKey; tone?: 'priority' }) {
  const { t } = useI18n()
  return (
    <div className={tone ? `stat stat-${tone}` : 'stat'}>
      <dt>{t(label, { count: value })}</dt>
      <dd>{t(complete ? 'summary.count' : 'summary.atLeast', { count: value })}</dd>
    </div>
  )
}

type Records<T extends FieldRecordType> = (FetchState<RecordPage<FieldStates[T]>> & { reload(): void }) | undefined

function useRecords<T extends FieldRecordType>(type: T, allowed: boolean, limit: number): Records<T> {
  const state = useFetch<RecordPage<FieldStates[T]>>(allowed ? `/api/records/${type}?limit=${limit}` : null)
  return allowed ? state : undefined
}

function summaryOf<T extends FieldRecordType>(type: T, records: Records<T>, since: Date): ActivitySummary | undefined {
  return records?.status === 'ok' ? summarize(type, records.data, since) : undefined
}
