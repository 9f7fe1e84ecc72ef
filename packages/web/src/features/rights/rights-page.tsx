import { useId, useState } from 'react'
import { api, ApiError } from '../../api/client.ts'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { RectifyForm } from './rectify-form.tsx'
import { RetentionReport } from './retention-report.tsx'

interface RightsRequest {
  id: string
  personId: string
  kind: 'access' | 'rectification' | 'cancellation' | 'opposition'
  status: 'open' | 'extended' | 'blocked' | 'completed' | 'refused'
  receivedAt: string
  dueAt: string
  extended: boolean
  shredAt: string | null
}

const ACTION_OF = { access: 'report', cancellation: 'cancel', opposition: 'oppose', rectification: undefined } as const

/** The data-protection officer's queue of ARCO requests: deadlines, status and the next step. */
export function RightsPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const queue = useFetch<Items<RightsRequest>>('/api/rights-requests')
  const [error, setError] = useState<unknown>(undefined)

  const act = (path: string, body?: unknown) => {
    setError(undefined)
    api(path, { method: 'POST', ...(body === undefined ? {} : { body }) }).then(queue.reload, setError)
  }
  const report = async (id: string) => {
    setError(undefined)
    // Fetched, not linked: the report is personal data and must not sit in history or caches.
    const res = await fetch(`/api/rights-requests/${id}/access-report`, { credentials: 'same-origin' })
    if (!res.ok) {
      setError(new ApiError(res.status, undefined))
      return
    }
    const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html' }))
    const a = document.createElement('a')
    a.href = url
    a.download = `access-report-${id}.html`
    a.click()
    URL.revokeObjectURL(url)
    queue.reload()
  }

  return (
    <Page title={t('rights.title')} intro={t('rights.intro')} testId="rights-page">
      {error ? <ErrorNotice error={error} /> : null}
      {queue.status === 'loading' ? <Loading /> : null}
      {queue.status === 'error' ? <ErrorNotice error={queue.error} onRetry={queue.reload} /> : null}
      {queue.status === 'ok' && queue.data.items.length === 0 ? <p className="muted">{t('app.empty')}</p> : null}
      {queue.status === 'ok' && queue.data.items.length > 0 ? (
        <ul className="list" data-testid="rights-queue">
          {queue.data.items.map((r) => (
            <RequestItem key={r.id} request={r} onAct={act} onReport={(id) => void report(id)} onRectified={queue.reload} />
          ))}
        </ul>
      ) : null}
      {can('retention.manage') ? <RetentionReport /> : null}
    </Page>
  )
}

function RequestItem({ request: r, onAct, onReport, onRectified }: { request: RightsRequest; onAct: (path: string, body?: unknown) => void; onReport: (id: string) => void; onRectified: () => void }) {
  const { t, dateTime } = useI18n()
  const [reason, setReason] = useState('')
  const reasonId = useId()
  const open = r.status === 'open' || r.status === 'extended'
  const overdue = open && Date.parse(r.dueAt) < Date.now()
  const step = ACTION_OF[r.kind]
  return (
    <li className={overdue ? 'list-item list-item-denied' : 'list-item'}>
      <div className="list-item-head">
        <span className="list-item-title">{t(`rights.kind.${r.kind}`)}</span>
        <span className="badge">{t(`rights.status.${r.status}`)}</span>
      </div>
      <p className="list-item-meta">
        {t('rights.due', { date: dateTime(r.dueAt) })}
        {overdue ? ` · ${t('rights.overdue')}` : ''}
        {r.shredAt ? ` · ${t('rights.shredAt', { date: dateTime(r.shredAt) })}` : ''}
      </p>
      <p className="list-item-meta muted mono">{t('rights.person', { id: r.personId.slice(-8) })}</p>
      {open ? (
        <div className="form">
          {step === 'report' ? (
            <button type="button" className="button" onClick={() => onReport(r.id)}>
              {t('rights.report')}
            </button>
          ) : null}
          {r.kind === 'rectification' ? <RectifyForm requestId={r.id} onDone={onRectified} /> : null}
          {step === 'cancel' || step === 'oppose' ? (
            <button type="button" className="button" onClick={() => onAct(`/api/rights-requests/${r.id}/${step}`)}>
              {t(`rights.${step}`)}
            </button>
          ) : null}
          <label htmlFor={reasonId}>{t('rights.reason')}</label>
          <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />
          {!r.extended ? (
            <button type="button" className="button button-ghost" disabled={reason.trim().length < 10} onClick={() => onAct(`/api/rights-requests/${r.id}/extend`, { reason })}>
              {t('rights.extend')}
            </button>
          ) : null}
          <button type="button" className="button button-danger" disabled={reason.trim().length < 10} onClick={() => onAct(`/api/rights-requests/${r.id}/refuse`, { ground: 'not_accredited', reason })}>
            {t('rights.refuse')}
          </button>
        </div>
      ) : null}
    </li>
  )
}
