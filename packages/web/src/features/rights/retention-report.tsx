import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { dueNow, type PurgeItem } from './retention.ts'
import { RetentionRun } from './retention-run.tsx'

/**
 * What the daily retention job will shred next, soonest first: ids and dates, never names; and,
 * for whoever manages retention, the job run now after a second confirmation.
 */
export function RetentionReport() {
  const { t, dateTime } = useI18n()
  const { can } = useSession()
  const plan = useFetch<Items<PurgeItem>>('/api/retention/report')
  if (plan.status === 'loading') {
    return <Loading />
  }
  if (plan.status === 'error') {
    return <ErrorNotice error={plan.error} onRetry={plan.reload} />
  }
  const next = plan.data.items.slice(0, 20)
  return (
    <section className="retention-section" aria-labelledby="retention-heading">
      <h2 id="retention-heading" className="list-heading">
        {t('retention.heading', { count: plan.data.items.length })}
      </h2>
      {can('retention.manage') ? <RetentionRun due={dueNow(plan.data.items, Date.now())} /> : null}
      {next.length === 0 ? <p className="muted">{t('app.empty')}</p> : null}
      <ul className="list" data-testid="retention-report">
        {next.map((item) => (
          <li key={item.personId} className="list-item">
            <p className="list-item-title mono">{t('rights.person', { id: item.personId.slice(-8) })}</p>
            <p className="list-item-meta">
              {t(`retention.reason.${item.reason}`)} · <time dateTime={item.dueAt}>{dateTime(item.dueAt)}</time>
            </p>
            {item.heldSince === null ? null : (
              <p className="list-item-meta" data-testid="retention-held">
                {t('retention.held', { since: dateTime(item.heldSince) })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
