import { useParams } from '@tanstack/react-router'
import { lazy, Suspense, useMemo, useState } from 'react'
import type { HistoryEntry, Items, RecordView } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import { Link } from '../../ui/router.tsx'
import { Badges, ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { HistoryStep } from '../field-live/review-panel.tsx'
import { reviewView } from '../field-live/review.ts'
import { useFieldName, useValueText } from './format.ts'

const CorrectionForm = lazy(() => import('./correction-form.tsx'))
const CORRECTABLE = new Set(['attention', 'rescue', 'patrol', 'remains'])

// The fields that say what a record is about, first; the rest follow in the record's own order.
const LEAD_FIELDS = ['at', 'startedAt', 'foundAt', 'orgUnitId', 'setting', 'kind', 'emergencyType', 'people', 'services', 'outcome']

/**
 * One record as its readers see it: what it says now, in words, and every change that made it
 * so, with who sent it from which device. Opened from the lists (`/records/<type>/<id>`); what
 * the account may read is the server's decision.
 */
export function RecordPage() {
  const { t, dateTime } = useI18n()
  const { can } = useSession()
  const { type, id } = useParams({ from: '/records/$type/$id' })
  const recordType = type ?? 'attention'
  const path = `/api/records/${recordType}/${encodeURIComponent(id)}`
  const record = useFetch<RecordView<Record<string, unknown>>>(path)
  const history = useFetch<Items<HistoryEntry>>(`${path}/history`)
  const format = useValueText(recordType)
  const fieldName = useFieldName()
  const steps = useMemo(() => (history.status === 'ok' ? reviewView(history.data.items).steps : []), [history])
  const typeKey = `record.type.${recordType}`
  const title = isMessageKey(typeKey) ? t(typeKey) : t('record.title')
  const [correcting, setCorrecting] = useState(false)
  const [saved, setSaved] = useState(false)
  const mayCorrect = CORRECTABLE.has(recordType) && can(`${recordType as 'attention'}.update`)

  return (
    <Page title={title} testId="record-page">
      <p>
        {recordType === 'place' ? (
          <Link to="places">{t('record.backPlaces')}</Link>
        ) : recordType === 'call' ? (
          <Link to="calls">{t('record.backCalls')}</Link>
        ) : (
          <Link to="field">{t('record.back')}</Link>
        )}
      </p>
      {record.status === 'loading' ? <Loading /> : null}
      {record.status === 'error' ? <ErrorNotice error={record.error} onRetry={record.reload} /> : null}
      {record.status === 'ok' ? (
        <section className="card" aria-labelledby="record-now">
          <div className="list-item-head">
            <h2 id="record-now">{t('record.now')}</h2>
            <Badges demo={record.data.demo} priority={record.data.priority} />
          </div>
          <p className="list-item-meta">{t('record.updated', { when: dateTime(record.data.updatedAt), version: record.data.version })}</p>
          {record.data.needsReview ? (
            <p className="notice notice-warning" data-testid="record-needs-review">
              {t('record.needsReview')}{' '}
              {can('attention.read') ? <Link to={`live?review=${recordType}/${record.data.recordId}`}>{t('record.openReview')}</Link> : null}
            </p>
          ) : null}
          <dl className="facts">
            {orderedFields(record.data.state).map((field) => (
              <div key={field}>
                <dt>{fieldName(field)}</dt>
                <dd>{format(field, record.data.state[field])}</dd>
              </div>
            ))}
          </dl>
          {saved ? (
            <p className="notice notice-ok" role="status">
              {t('correct.saved')}
            </p>
          ) : null}
          {recordType === 'attention' && Array.isArray(record.data.state.services) && record.data.state.services.includes('complaint_taken') && can('case.create') ? (
            <div className="actions">
              <Link to={`intake?from=attention/${encodeURIComponent(record.data.recordId)}`} className="button button-primary" data-testid="record-open-complaint">
                {t('case.intake.openFromAttention')}
              </Link>
            </div>
          ) : null}
          {mayCorrect && !correcting ? (
            <div className="actions">
              <button type="button" className="button button-secondary" onClick={() => { setSaved(false); setCorrecting(true) }}>
                {t('correct.open')}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
      {record.status === 'ok' && correcting ? (
        <Suspense fallback={<Loading />}>
          <CorrectionForm
            record={record.data}
            onCancel={() => setCorrecting(false)}
            onDone={() => {
              setCorrecting(false)
              setSaved(true)
              void record.reload()
              void history.reload()
            }}
          />
        </Suspense>
      ) : null}
      <section aria-labelledby="record-history">
        <h2 id="record-history">{t('record.history')}</h2>
        {history.status === 'loading' ? <Loading /> : null}
        {history.status === 'error' ? <ErrorNotice error={history.error} onRetry={history.reload} /> : null}
        <ol className="list" data-testid="record-history-list">
          {steps.map((step) => (
            <HistoryStep key={step.seq} step={step} fieldName={fieldName} format={format} />
          ))}
        </ol>
      </section>
    </Page>
  )
}

function orderedFields(state: Record<string, unknown>): string[] {
  const fields = Object.keys(state).filter((f) => f !== 'personIds' || (Array.isArray(state[f]) && state[f].length > 0))
  return [...LEAD_FIELDS.filter((f) => fields.includes(f)), ...fields.filter((f) => !LEAD_FIELDS.includes(f))]
}
