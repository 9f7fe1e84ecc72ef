import type { AuditEvent, Items, User } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'

/** The latest audit events, newest first; actors by name when the viewer may read staff. */
export function AuditEvents({ limit, namesAllowed }: { limit: number; namesAllowed: boolean }) {
  const { t, dateTime } = useI18n()
  const events = useFetch<Items<AuditEvent>>(`/api/audit?limit=${limit}`)
  // Actors are stored by id; an officer who may read staff sees their names instead.
  const users = useFetch<Items<User>>(namesAllowed ? '/api/users' : null)
  const names = new Map(users.status === 'ok' && namesAllowed ? users.data.items.map((u) => [u.id, u.displayName]) : [])
  if (events.status === 'loading') {
    return <Loading />
  }
  if (events.status === 'error') {
    return <ErrorNotice error={events.error} onRetry={events.reload} />
  }
  return (
    <section aria-labelledby="audit-events-heading">
      <h2 id="audit-events-heading" className="list-heading">
        {t('audit.recent')}
      </h2>
      <ul className="list" data-testid="audit-list">
        {events.data.items.map((e) => {
          const role = `role.${e.role}`
          return (
            <li key={e.seq} className={e.decision === 'denied' ? 'list-item list-item-denied' : 'list-item'}>
              <div className="list-item-head">
                <span className="list-item-title mono">
                  #{e.seq} {e.action}
                </span>
                <span className={e.decision === 'denied' ? 'badge badge-danger' : 'badge badge-ok'}>{t(`audit.decision.${e.decision}`)}</span>
              </div>
              <p className="list-item-meta">
                <time dateTime={e.at}>{dateTime(e.at)}</time> · {t('audit.actor', { actor: names.get(e.actorId) ?? e.actorId, role: isMessageKey(role) ? t(role) : e.role })}
              </p>
              {e.recordType ? <p className="list-item-meta muted mono">{t('audit.record', { recordType: e.recordType, recordId: e.recordId ?? '' })}</p> : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
