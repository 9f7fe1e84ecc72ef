import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'

// Part of the home page, so of the shell's first download: types only from core, no zod.

/** GET /api/cases/counts: exact, whatever the number of cases. */
interface CaseCountsAnswer {
  open: number
  overdue: number
}

/** How many open cases the account may read, and how many of them are late. */
export function CaseCounts({ title }: { title: string }) {
  const { t, lang } = useI18n()
  const counts = useFetch<CaseCountsAnswer>('/api/cases/counts')
  const number = new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US')
  return (
    <section className="card" aria-labelledby="case-counts-title">
      <h2 id="case-counts-title">{title}</h2>
      {counts.status === 'loading' ? <Loading /> : null}
      {counts.status === 'error' ? <ErrorNotice error={counts.error} onRetry={counts.reload} /> : null}
      {counts.status === 'ok' ? (
        <dl className="stats" data-testid="case-counts">
          <div className="stat">
            <dt>{t('case.counts.open')}</dt>
            <dd>{number.format(counts.data.open)}</dd>
          </div>
          <div className="stat stat-priority">
            <dt>{t('case.counts.overdue')}</dt>
            <dd>{number.format(counts.data.overdue)}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  )
}
