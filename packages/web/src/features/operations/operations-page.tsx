import { useState } from 'react'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch, useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { firstOperation } from './choice.ts'
import { OpenOperation } from './open-operation.tsx'
import { SiteList } from './sites.tsx'
import { TallyTotalsTable } from './totals.tsx'
import type { Operation } from './types.ts'
import { VolunteerSection } from './volunteers.tsx'
import { dayText } from './words.ts'
import './operations.css'

/**
 * Paisano's seasons and the groups' special operations: the list, newest first, each upcoming,
 * open or ended; a form to open one for who may; and the chosen one's sites, volunteers and
 * tallies. The operation under way of the account's own office is chosen at first.
 */
export function OperationsPage() {
  const { t, lang } = useI18n()
  const { can, me } = useSession()
  const invalidate = useInvalidate()
  const operations = useFetch<Items<Operation>>('/api/operations')
  const [picked, setPicked] = useState<string | undefined>(undefined)
  const [opening, setOpening] = useState(false)
  const [done, setDone] = useState<string | undefined>(undefined)
  const items = operations.status === 'ok' ? operations.data.items : []
  const chosen = items.find((o) => o.recordId === picked) ?? firstOperation(items, me.orgUnit.id)
  const opened = async (operation: { recordId: string; name: string }) => {
    await invalidate('/api/operations')
    setOpening(false)
    setPicked(operation.recordId)
    setDone(t('ops.open.done', { name: operation.name }))
  }
  return (
    <Page title={t('ops.title')} intro={t('ops.intro')} testId="operations-page">
      {can('operation.create') && !opening ? (
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => { setDone(undefined); setOpening(true) }} data-testid="ops-open-start">
            {t('ops.open.start')}
          </button>
        </div>
      ) : null}
      {opening ? <OpenOperation onOpened={(o) => void opened(o)} onCancel={() => setOpening(false)} /> : null}
      {done ? (
        <p className="notice notice-ok" role="status" data-testid="ops-done">
          {done}
        </p>
      ) : null}
      <section className="ops-section" aria-labelledby="ops-list-title">
        <h2 id="ops-list-title">{t('ops.list.title')}</h2>
        {operations.status === 'loading' ? <Loading /> : null}
        {operations.status === 'error' ? <ErrorNotice error={operations.error} onRetry={() => void operations.reload()} /> : null}
        {operations.status === 'ok' && items.length === 0 ? <p className="notice">{t('ops.list.none')}</p> : null}
        {items.length > 0 ? (
          <ul className="ops-operations" data-testid="ops-list">
            {items.map((o) => (
              <li key={o.recordId} className={o === chosen ? 'ops-operation ops-operation-chosen' : 'ops-operation'} data-testid="ops-operation" data-id={o.recordId}>
                <span className="ops-operation-main">
                  <strong>{o.name}</strong>
                  <span>{t(`ops.kind.${o.kind}`)}{o.reason ? ` · ${t(`ops.reason.${o.reason}`)}` : ''}</span>
                  <span className="muted">{t('ops.dates', { from: dayText(lang, o.startsOn), to: dayText(lang, o.endsOn) })}</span>
                </span>
                <span className={`ops-status ops-status-${o.status}`}>{t(`ops.status.${o.status}`)}</span>
                <button type="button" className="button button-secondary" aria-pressed={o === chosen} onClick={() => setPicked(o.recordId)} aria-label={t('ops.list.show', { name: o.name })}>
                  {t('ops.list.showShort')}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {chosen ? <OperationView key={chosen.recordId} operation={chosen} /> : null}
    </Page>
  )
}

/** One operation: its sites, its volunteers and what its sites counted. */
function OperationView({ operation }: { operation: Operation }) {
  const { t } = useI18n()
  const { can } = useSession()
  return (
    <section className="ops-view" aria-labelledby="ops-view-title" data-testid="ops-view">
      <h2 id="ops-view-title" className="ops-view-title">
        {operation.name}
      </h2>
      <SiteList operation={operation} />
      {can('volunteer.read') ? <VolunteerSection operation={operation} /> : null}
      {can('tally.read') ? <TallyTotalsTable operation={operation} /> : null}
      {!can('volunteer.read') && !can('tally.read') ? <p className="muted">{t('ops.view.readOnly')}</p> : null}
    </section>
  )
}
