import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { Link } from '../../ui/router.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { canOpen, type RouteId } from '../shell/nav.ts'
import type { AttentionCounts } from './types.ts'
import './attention-card.css'

// In the order a coordinator acts on them: what has already ended first.
const LINES: readonly { count: keyof AttentionCounts; text: MessageKey; route: RouteId; urgent?: true }[] = [
  { count: 'expired', text: 'home.attention.expired', route: 'team', urgent: true },
  { count: 'expiring', text: 'home.attention.expiring', route: 'team' },
  { count: 'renewals', text: 'home.attention.renewals', route: 'equipment' },
  { count: 'overdueInspections', text: 'home.attention.overdue', route: 'inspections' },
  { count: 'needsRepair', text: 'home.attention.repair', route: 'inspections' },
  { count: 'rosterGaps', text: 'home.attention.rosterGaps', route: 'team' },
]

/**
 * The coordinator's "needs attention": what expires or has expired, what to renew, which towers
 * are overdue or need repair, each a link to its screen; a calm line when all is up to date.
 * Counted by the server under the account's unit (`/api/registries/attention`).
 */
export function AttentionCard() {
  const { t } = useI18n()
  const { me } = useSession()
  const counts = useFetch<AttentionCounts>('/api/registries/attention')
  const shown = counts.status === 'ok' ? LINES.filter((line) => counts.data[line.count] > 0) : []
  return (
    <section className="card attention-card" aria-labelledby="home-attention" data-testid="home-attention">
      <h2 id="home-attention">{t('home.attention.title')}</h2>
      {counts.status === 'loading' ? <Loading /> : null}
      {counts.status === 'error' ? <ErrorNotice error={counts.error} onRetry={() => void counts.reload()} /> : null}
      {counts.status === 'ok' && shown.length === 0 ? (
        <p className="attention-clear" data-testid="home-attention-clear">
          {t('home.attention.allClear')}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <ul className="attention-lines">
          {shown.map((line) => {
            const text = t(line.text, { count: counts.status === 'ok' ? counts.data[line.count] : 0 })
            return (
              <li key={line.count} className={line.urgent ? 'attention-urgent' : undefined} data-testid={`home-attention-${line.count}`}>
                {canOpen(line.route, me.permissions) ? <Link to={line.route}>{text}</Link> : text}
              </li>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}
