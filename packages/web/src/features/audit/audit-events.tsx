import { useId, useState } from 'react'
import type { AuditEvent, Items, User } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import { Link } from '../../ui/router.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'

// The actions an officer most often looks for; any other still shows, in words, in the list.
const ACTIONS = ['person.reveal', 'person.disclose', 'person.search', 'person.create', 'user.read', 'user.manage', 'auth.login', 'device.import', 'rights.access_report', 'retention.run'] as const
const RECORD_TYPES = ['attention', 'rescue', 'patrol', 'remains', 'place'] as const

type T = (key: MessageKey, values?: MessageValues) => string

/**
 * The latest audit events, newest first, in words: what was done, by whom (by name when the
 * viewer may read staff), to what, and the decision. By default without the viewer's own events,
 * which would otherwise fill the list with the officer's own work.
 */
export function AuditEvents({ limit, namesAllowed }: { limit: number; namesAllowed: boolean }) {
  const { t, dateTime } = useI18n()
  const { me } = useSession()
  const ids = { decision: useId(), action: useId(), own: useId() }
  const [decision, setDecision] = useState<'' | 'allowed' | 'denied'>('')
  const [action, setAction] = useState('')
  const [hideOwn, setHideOwn] = useState(true)
  const query = new URLSearchParams({ limit: String(limit), ...(decision ? { decision } : {}), ...(action ? { action } : {}), ...(hideOwn ? { excludeOwn: 'true' } : {}) })
  const events = useFetch<Items<AuditEvent>>(`/api/audit?${query.toString()}`)
  // Actors are stored by id; an officer who may read staff sees their names instead.
  const users = useFetch<Items<User>>(namesAllowed ? '/api/users' : null)
  const names = new Map(users.status === 'ok' && namesAllowed ? users.data.items.map((u) => [u.id, u.displayName]) : [])
  const actorName = (id: string) => (id === me.user.id ? me.user.displayName : (names.get(id) ?? t('audit.someone', { id: id.slice(-6) })))

  return (
    <section aria-labelledby="audit-events-heading">
      <h2 id="audit-events-heading" className="list-heading">
        {t('audit.recent')}
      </h2>
      <form className="form form-row" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor={ids.decision}>{t('audit.filter.decision')}</label>
          <select id={ids.decision} value={decision} onChange={(e) => setDecision(e.target.value === 'allowed' || e.target.value === 'denied' ? e.target.value : '')}>
            <option value="">{t('audit.filter.any')}</option>
            <option value="allowed">{t('audit.decision.allowed')}</option>
            <option value="denied">{t('audit.decision.denied')}</option>
          </select>
        </div>
        <div>
          <label htmlFor={ids.action}>{t('audit.filter.action')}</label>
          <select id={ids.action} value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t('audit.filter.anyAction')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionText(a, t)}
              </option>
            ))}
          </select>
        </div>
        <label className="check" htmlFor={ids.own}>
          <input id={ids.own} type="checkbox" checked={hideOwn} onChange={(e) => setHideOwn(e.target.checked)} />
          {t('audit.filter.hideOwn')}
        </label>
      </form>
      {events.status === 'loading' ? <Loading /> : null}
      {events.status === 'error' ? <ErrorNotice error={events.error} onRetry={events.reload} /> : null}
      {events.status === 'ok' && events.data.items.length === 0 ? <p className="muted">{t('app.empty')}</p> : null}
      {events.status === 'ok' ? (
        <ul className="list" data-testid="audit-list">
          {events.data.items.map((e) => {
            const role = `role.${e.role}`
            return (
              <li key={e.seq} className={e.decision === 'denied' ? 'list-item list-item-denied' : 'list-item'}>
                <div className="list-item-head">
                  <span className="list-item-title">{actionText(e.action, t)}</span>
                  <span className={e.decision === 'denied' ? 'badge badge-danger' : 'badge badge-ok'}>{t(`audit.decision.${e.decision}`)}</span>
                </div>
                <p className="list-item-meta">
                  <time dateTime={e.at}>{dateTime(e.at)}</time> · {t('audit.actor', { actor: actorName(e.actorId), role: isMessageKey(role) ? t(role) : t('audit.object.user') })}
                </p>
                {e.recordType ? <Subject recordType={e.recordType} recordId={e.recordId} /> : null}
              </li>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}

/** What the event was about: a record (a link to it when it is one of the field's), or a kind and the end of its id. */
function Subject({ recordType, recordId }: { recordType: string; recordId: string | null }) {
  const { t } = useI18n()
  const object = objectText(recordType, t)
  const field = RECORD_TYPES.find((r) => r === recordType)
  if (field && recordId) {
    return (
      <p className="list-item-meta">
        {object} · <Link to={`records/${field}/${encodeURIComponent(recordId)}`}>{t('audit.openRecord')}</Link>
      </p>
    )
  }
  return <p className="list-item-meta muted">{recordId ? t('audit.subject', { object, id: recordId.slice(-6) }) : object}</p>
}

/** An audit action in words: its own catalogue entry, or its record type and verb. */
export function actionText(action: string, t: T): string {
  const own = `audit.action.${action}`
  if (isMessageKey(own)) {
    return t(own)
  }
  const [type = '', verb = ''] = action.split('.')
  const verbKey = `audit.verb.${verb}`
  return isMessageKey(verbKey) ? t(verbKey, { type: objectText(type, t) }) : t('audit.action.other')
}

function objectText(type: string, t: T): string {
  for (const key of [`record.type.${type}`, `audit.object.${type}`]) {
    if (isMessageKey(key)) {
      return t(key)
    }
  }
  return t('audit.object.other')
}
