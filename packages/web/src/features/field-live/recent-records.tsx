import { useEffect, useState } from 'react'
import { api } from '../../api/client.ts'
import type { RecordPage } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { Badges, ErrorNotice, Loading } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { eventTime, LIVE_TYPES, peopleOf, type Row } from './record-rows.ts'

// A month of a busy group is hundreds of records: the newest first, the rest on request.
const FIRST_SHOWN = 25

/** The records of the period as a list, newest first: what the map shows, readable at 360 px. */
export function RecentRecords({ since, refresh }: { since: string; refresh: number }) {
  const { t, dateTime } = useI18n()
  const { can } = useSession()
  const [rows, setRows] = useState<Row[] | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [showAll, setShowAll] = useState(false)
  useEffect(() => {
    const controller = new AbortController()
    const types = LIVE_TYPES.filter((type) => can(`${type}.read`))
    Promise.all(
      types.map((type) =>
        api<RecordPage<Record<string, unknown>>>(`/api/records/${type}?limit=100&updatedSince=${encodeURIComponent(since)}`, { signal: controller.signal }).then((page) =>
          page.items.map((item): Row => ({ ...item, recordType: type })),
        ),
      ),
    ).then(
      (lists) => {
        // updatedSince narrows by last change; the period is about when the event happened.
        setRows(
          lists
            .flat()
            .filter((row) => Date.parse(eventTime(row)) >= Date.parse(since))
            .sort((a, b) => Date.parse(eventTime(b)) - Date.parse(eventTime(a))),
        )
        setError(undefined)
      },
      (e: unknown) => {
        if (!controller.signal.aborted) {
          setError(e)
        }
      },
    )
    return () => controller.abort()
  }, [since, refresh, can])
  return (
    <section aria-labelledby="live-records">
      <h2 id="live-records">{t('live.records')}</h2>
      {error ? <ErrorNotice error={error} /> : null}
      {rows === undefined && !error ? <Loading /> : null}
      {rows?.length === 0 ? <p className="muted">{t('app.empty')}</p> : null}
      <ul className="list" data-testid="live-records">
        {(rows ?? []).slice(0, showAll ? undefined : FIRST_SHOWN).map((row) => (
          <li key={`${row.recordType}-${row.recordId}`} className={rowClass(row)} data-record-id={row.recordId}>
            <div className="list-item-head">
              <span className="list-item-title">{t(`fm.recordType.${row.recordType}`)}</span>
              <Badges review={row.needsReview} />
              {peopleOf(row.state) > 0 ? <span className="badge badge-muted">{t('field.people', { count: peopleOf(row.state) })}</span> : null}
            </div>
            <p className="list-item-meta">{dateTime(eventTime(row))}</p>
          </li>
        ))}
      </ul>
      {rows && rows.length > FIRST_SHOWN && !showAll ? (
        <div className="list-footer">
          <p className="muted">{t('live.shownOf', { shown: FIRST_SHOWN, total: rows.length })}</p>
          <button type="button" className="button button-secondary" onClick={() => setShowAll(true)}>
            {t('live.showAll')}
          </button>
        </div>
      ) : null}
    </section>
  )
}

function rowClass(row: Row): string {
  if (row.needsReview) {
    return 'list-item list-item-review'
  }
  return row.priority ? 'list-item list-item-priority' : 'list-item'
}
