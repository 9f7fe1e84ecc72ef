import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import type { CaseList } from './types.ts'

// Part of the home page, so of the shell's first download: types only from core, no zod.

/** How many open cases the account may read, and how many of them are late. */
export function CaseCounts({ title }: { title: string }) {
  const { t } = useI18n()
  const list = useFetch<CaseList>('/api/cases?open=true&limit=200')
  return (
    <section className="card" aria-labelledby="case-counts-title">
      <h2 id="case-counts-title">{title}</h2>
      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'error' ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' ? (
        <dl className="stats" data-testid="case-counts">
          <div className="stat">
            <dt>{t('case.counts.open')}</dt>
            <dd>{list.data.next === null ? list.data.items.length : t('case.counts.atLeast', { count: list.data.items.length })}</dd>
          </div>
          <div className="stat stat-priority">
            <dt>{t('case.counts.overdue')}</dt>
            <dd>{list.data.items.filter((c) => c.overdueHops.length > 0).length}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  )
}
