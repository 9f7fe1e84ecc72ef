import { useEffect, useState } from 'react'
import { api } from '../../api/client.ts'
import type { RecordPage } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { Badges, ErrorNotice, Loading } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { eventTime, LIVE_TYPES, type Row } from './record-rows.ts'
import { ReviewPanel } from './review-panel.tsx'
import { useReviewTarget } from './review-url.ts'

/**
 * The records of the group that two devices changed at once (docs/sync.md, "Concurrent edits"),
 * whatever their date, each with its review panel on request. The open panel is in the URL
 * (`?review=<recordType>/<recordId>`), so it survives a reload and can be shared.
 */
export function NeedsReview({ refresh, onReviewed }: { refresh: number; onReviewed: () => void }) {
  const { t, dateTime } = useI18n()
  const { can, me } = useSession()
  const unit = me.orgUnit.id
  const [rows, setRows] = useState<Row[] | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [target, setTarget] = useReviewTarget()
  const open = target ? `${target.type}-${target.recordId}` : undefined
  const [done, setDone] = useState(false)
  useEffect(() => {
    const controller = new AbortController()
    const types = LIVE_TYPES.filter((type) => can(`${type}.read`))
    Promise.all(
      types.map((type) =>
        api<RecordPage<Record<string, unknown>>>(`/api/records/${type}?needsReview=true&unit=${encodeURIComponent(unit)}&limit=100`, { signal: controller.signal }).then((page) =>
          page.items.map((item): Row => ({ ...item, recordType: type })),
        ),
      ),
    ).then(
      (lists) => {
        setRows(lists.flat().sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt)))
        setError(undefined)
      },
      (e: unknown) => {
        if (!controller.signal.aborted) {
          setError(e)
        }
      },
    )
    return () => controller.abort()
  }, [unit, refresh, can])
  const reviewed = () => {
    setTarget(undefined, 'replace')
    setDone(true)
    onReviewed()
  }
  return (
    <section aria-labelledby="live-review" data-testid="live-review">
      <h2 id="live-review">{t('review.title')}</h2>
      <p className="muted small">{t('review.intro')}</p>
      {done ? (
        <p className="notice notice-ok" role="status">
          {t('review.done')}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {rows === undefined && !error ? <Loading /> : null}
      {rows?.length === 0 ? <p className="muted">{t('review.none')}</p> : null}
      {target && rows && !rows.some((row) => row.recordType === target.type && row.recordId === target.recordId) ? (
        // A shared or old link: someone cleared the flag since, or the record is not of this group.
        <div className="notice" role="status" data-testid="review-gone">
          <p>{t('review.gone')}</p>
          <button type="button" className="button button-secondary" onClick={() => setTarget(undefined)}>
            {t('review.close')}
          </button>
        </div>
      ) : null}
      <ul className="list">
        {(rows ?? []).map((row) => {
          const key = `${row.recordType}-${row.recordId}`
          const panelId = `review-${key}`
          return (
            <li key={key} className="list-item list-item-review" data-record-id={row.recordId}>
              <div className="list-item-head">
                <span className="list-item-title">{t(`fm.recordType.${row.recordType}`)}</span>
                <Badges review priority={row.priority} demo={row.demo} />
              </div>
              <p className="list-item-meta">{dateTime(eventTime(row))}</p>
              <p className="list-item-meta muted">{t('review.changedAt', { when: dateTime(row.updatedAt) })}</p>
              <button
                type="button"
                className="button button-secondary"
                aria-expanded={open === key}
                aria-controls={open === key ? panelId : undefined}
                onClick={() => {
                  setDone(false)
                  setTarget(open === key ? undefined : { type: row.recordType, recordId: row.recordId })
                }}
              >
                {open === key ? t('review.close') : t('review.open')}
              </button>
              {open === key ? <ReviewPanel id={panelId} type={row.recordType} recordId={row.recordId} onReviewed={reviewed} /> : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
