import { useState } from 'react'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { ErrorNotice } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { RecordIncident } from './incident-form.tsx'
import { nextStatuses } from './order.ts'
import type { Convoy } from './types.ts'

/**
 * One convoy: where and when it leaves, its route and destination states, what travels, who
 * escorts it, where it stands and whether the public schedule shows it, and what happened on the
 * road. Who may change convoys publishes or withdraws it, moves it along (cancelling is asked
 * twice) and records an incident.
 */
export function ConvoyCard({ convoy, onChanged }: { convoy: Convoy; onChanged: (done: string) => Promise<void> }) {
  const { t, dateTime, lang } = useI18n()
  const { can } = useSession()
  const [failure, setFailure] = useState<unknown>(undefined)
  const [busy, setBusy] = useState(false)
  const [reporting, setReporting] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const name = `${convoy.departurePoint}, ${convoy.departureState}`
  const editable = can('convoy.update')
  const incidents = convoy.incidents ?? []
  // As Mexico writes numbers (1,200), which the catalogue's plain `es` would not group.
  const number = new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US')
  const change = async (body: { published: boolean } | { status: Convoy['status'] }, done: string) => {
    setFailure(undefined)
    setBusy(true)
    setCancelling(false)
    try {
      await api(`/api/convoys/${encodeURIComponent(convoy.recordId)}`, { method: 'PATCH', body: { id: uuidv7(), ...body } })
      await onChanged(done)
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  const recorded = async () => {
    setReporting(false)
    await onChanged(t('convoy.incident.done', { name }))
  }
  return (
    <li className="card convoy" data-testid="convoy" data-id={convoy.recordId}>
      <div className="convoy-head">
        <h3>{name}</h3>
        <span className="convoy-badges">
          <span className={`convoy-status convoy-status-${convoy.status}`} data-testid="convoy-status">
            {t(`convoy.status.${convoy.status}`)}
          </span>
          <span className={convoy.published ? 'badge badge-ok' : 'badge badge-muted'} data-testid="convoy-published">
            {convoy.published ? t('convoy.published.yes') : t('convoy.published.no')}
          </span>
        </span>
      </div>
      <p className="convoy-when">
        <time dateTime={convoy.departsAt}>{dateTime(convoy.departsAt)}</time>
      </p>
      <dl className="convoy-facts">
        <div>
          <dt>{t('convoy.route')}</dt>
          <dd>{convoy.route}</dd>
        </div>
        <div>
          <dt>{t('convoy.destinations', { count: convoy.destinationStates.length })}</dt>
          <dd>{convoy.destinationStates.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('convoy.travelling')}</dt>
          <dd>{t('convoy.counts', { vehicles: convoy.vehicles, vehiclesText: number.format(convoy.vehicles), people: convoy.people, peopleText: number.format(convoy.people) })}</dd>
        </div>
        <div>
          <dt>{t('convoy.escort')}</dt>
          <dd>{convoy.escortName}</dd>
        </div>
        {convoy.notes ? (
          <div>
            <dt>{t('convoy.notes')}</dt>
            <dd>{convoy.notes}</dd>
          </div>
        ) : null}
      </dl>
      {incidents.length > 0 ? (
        <section className="convoy-incidents" aria-label={t('convoy.incident.listNamed', { name })}>
          <h4>{t('convoy.incident.count', { count: incidents.length })}</h4>
          <ul>
            {incidents.map((i, n) => (
              <li key={`${i.at}-${n}`} data-testid="convoy-incident">
                <strong>{t(`convoy.incident.kind.${i.kind}`)}</strong> · {i.place} · <time dateTime={i.at}>{dateTime(i.at)}</time>
                {i.description ? <p>{i.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      {editable && !reporting && !cancelling ? (
        <div className="actions convoy-actions">
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void change({ published: !convoy.published }, t(convoy.published ? 'convoy.unpublish.done' : 'convoy.publish.done', { name }))} aria-label={t(convoy.published ? 'convoy.unpublish.named' : 'convoy.publish.named', { name })}>
            {t(convoy.published ? 'convoy.unpublish' : 'convoy.publish')}
          </button>
          {nextStatuses(convoy.status).map((s) => (
            <button key={s} type="button" className="button button-secondary" disabled={busy} onClick={() => (s === 'cancelled' ? setCancelling(true) : void change({ status: s }, t('convoy.move.done', { name, status: t(`convoy.status.${s}`) })))} aria-label={t(`convoy.move.${s}Named`, { name })}>
              {t(`convoy.move.${s}`)}
            </button>
          ))}
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => setReporting(true)} aria-label={t('convoy.incident.startNamed', { name })}>
            {t('convoy.incident.start')}
          </button>
        </div>
      ) : null}
      {cancelling ? (
        <div className="convoy-confirm" role="group" aria-label={t('convoy.move.cancelledNamed', { name })}>
          <span>{t(convoy.published ? 'convoy.cancel.askPublished' : 'convoy.cancel.ask')}</span>
          <span className="actions">
            <button type="button" className="button button-danger" onClick={() => void change({ status: 'cancelled' }, t('convoy.move.done', { name, status: t('convoy.status.cancelled') }))} data-testid="convoy-cancel-confirm">
              {t('convoy.cancel.yes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setCancelling(false)}>
              {t('convoy.cancel.no')}
            </button>
          </span>
        </div>
      ) : null}
      {reporting ? <RecordIncident convoy={convoy} name={name} onRecorded={() => void recorded()} onCancel={() => setReporting(false)} /> : null}
    </li>
  )
}
