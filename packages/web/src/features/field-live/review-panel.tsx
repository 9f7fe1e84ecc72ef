import { useMemo, useState } from 'react'
import { api, ApiError } from '../../api/client.ts'
import type { HistoryEntry, Items, RecordView } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import type { LiveType } from './record-rows.ts'
import { useFieldName, useValueText } from '../records/format.ts'
import { reviewView, type FieldChange, type ReviewStep } from './review.ts'

/**
 * One flagged record's history of changes, with the value that won each contested field, and
 * the button that clears the flag. Values are plain text; linked people appear only as a count.
 */
export function ReviewPanel({ id, type, recordId, onReviewed }: { id: string; type: LiveType; recordId: string; onReviewed: () => void }) {
  const { t } = useI18n()
  const format = useValueText(type)
  const { can } = useSession()
  const path = `/api/records/${type}/${encodeURIComponent(recordId)}`
  const history = useFetch<Items<HistoryEntry>>(`${path}/history`)
  const items = history.status === 'ok' ? history.data.items : undefined
  const view = useMemo(() => (items ? reviewView(items) : undefined), [items])
  const fieldName = useFieldName()
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<unknown>(undefined)
  const mayChange = can(`${type}.update`)

  const markReviewed = async () => {
    setSaving(true)
    setFailure(undefined)
    try {
      await api<RecordView<Record<string, unknown>>>(`${path}/review`, { method: 'POST' })
      onReviewed()
    } catch (error) {
      setFailure(error)
      setSaving(false)
    }
  }

  return (
    <div className="review-panel" id={id} data-testid="review-panel">
      <p className="notice">{t('review.explain')}</p>
      {history.status === 'loading' ? <Loading /> : null}
      {history.status === 'error' ? <ErrorNotice error={history.error} onRetry={history.reload} /> : null}
      {view && view.contested.length > 0 ? <p className="list-item-title">{t('review.contested', { fields: view.contested.map(fieldName).join(', ') })}</p> : null}
      {view ? (
        <>
          <h3>{t('review.history')}</h3>
          <ol className="list" data-testid="review-history">
            {view.steps.map((step) => (
              <HistoryStep key={step.seq} step={step} fieldName={fieldName} format={format} />
            ))}
          </ol>
        </>
      ) : null}
      {failure instanceof ApiError && failure.status === 403 ? (
        <p className="notice notice-error" role="alert">
          {t('review.forbidden')}
        </p>
      ) : null}
      {failure && !(failure instanceof ApiError && failure.status === 403) ? <ErrorNotice error={failure} /> : null}
      {mayChange ? (
        <button type="button" className="button button-primary" onClick={() => void markReviewed()} disabled={saving}>
          {saving ? t('review.marking') : t('review.mark')}
        </button>
      ) : (
        <p className="muted">{t('review.forbidden')}</p>
      )}
    </div>
  )
}

/** One action of a record's history: when it arrived, from which device, and what it set, in words. */
export function HistoryStep({ step, fieldName, format }: { step: ReviewStep; fieldName: (field: string) => string; format: (field: string, value: unknown) => string }) {
  const { t, dateTime } = useI18n()
  return (
    <li className="list-item" data-seq={step.seq}>
      <div className="list-item-head">
        <span className="list-item-title">{step.created ? t('review.created') : t('review.corrected')}</span>
        <span className="badge badge-muted">{t('review.seq', { seq: step.seq })}</span>
      </div>
      <p className="list-item-meta">{t('review.received', { when: dateTime(step.receivedAt) })}</p>
      <p className="list-item-meta">{step.deviceId ? <span className="mono">{t('review.device', { device: step.deviceId })}</span> : t('review.noDevice')}</p>
      <dl className="review-changes" aria-label={t('review.fields')}>
        {step.changes.map((change) => (
          <div key={change.field} className={change.contested ? 'review-contested' : undefined}>
            <dt>
              {fieldName(change.field)}
              <ChangeBadge change={change} />
            </dt>
            <dd>{change.value.kind === 'people' ? t('review.personIds', { count: change.value.count }) : format(change.field, change.raw)}</dd>
          </div>
        ))}
      </dl>
    </li>
  )
}

function ChangeBadge({ change }: { change: FieldChange }) {
  const { t } = useI18n()
  if (!change.contested) {
    return null
  }
  if (change.current) {
    return <span className="badge badge-ok">{t('review.won')}</span>
  }
  return <span className="badge badge-muted">{t('review.replaced')}</span>
}
