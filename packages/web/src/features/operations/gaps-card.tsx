import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { openOperations } from './choice.ts'
import type { Operation, Shifts } from './types.ts'
import { dayText } from './words.ts'

/**
 * The home's card of the rosters: how many volunteers are missing on this week's shifts at the
 * account's sites (the national office's: every site), and the operations under way (its own first).
 */
export function RosterGapsCard() {
  const { t, lang } = useI18n()
  const shifts = useFetch<Shifts>('/api/shifts?days=7')
  const operations = useFetch<Items<Operation>>('/api/operations')
  const { me } = useSession()
  const open = operations.status === 'ok' ? openOperations(operations.data.items, me.orgUnit.id) : []
  return (
    <section className="card" aria-labelledby="ops-home-title" data-testid="home-roster-gaps">
      <h2 id="ops-home-title">{t('ops.home.title')}</h2>
      {shifts.status === 'loading' || operations.status === 'loading' ? <Loading /> : null}
      {shifts.status === 'error' ? <ErrorNotice error={shifts.error} onRetry={() => void shifts.reload()} /> : null}
      {shifts.status === 'ok' && operations.status !== 'loading' ? (
        <dl className="stats">
          <div className={shifts.data.gaps > 0 ? 'stat stat-priority' : 'stat'}>
            <dt>{t('ops.home.gaps', { count: shifts.data.gaps })}</dt>
            <dd data-testid="home-roster-gaps-count">{t('ops.number', { n: shifts.data.gaps })}</dd>
          </div>
          <div className="stat">
            <dt>{t('ops.home.shifts', { count: shifts.data.items.length })}</dt>
            <dd>{t('ops.number', { n: shifts.data.items.length })}</dd>
          </div>
        </dl>
      ) : null}
      {operations.status === 'ok' ? (
        open.length === 0 ? (
          <p data-testid="home-operation-open">{t('ops.home.noneOpen')}</p>
        ) : (
          <ul>
            {open.map((o) => (
              <li key={o.recordId} data-testid="home-operation-open">
                {t('ops.home.open', { name: o.name, to: dayText(lang, o.endsOn) })}
              </li>
            ))}
          </ul>
        )
      ) : null}
      <p>
        <Link to="roster">{t('ops.home.toRoster')}</Link>
      </p>
    </section>
  )
}
