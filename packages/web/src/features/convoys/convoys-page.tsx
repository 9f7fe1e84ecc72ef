import { useId, useState } from 'react'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch, useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { ConvoyCard } from './convoy-card.tsx'
import { defaultOperation, splitConvoys } from './order.ts'
import { ScheduleConvoy } from './schedule-convoy.tsx'
import type { Convoy, OperationChoice } from './types.ts'
import './convoys.css'

/**
 * The escorted convoys of Paisano's operations: those ahead first, then those gone by, of every
 * operation or one; Paisano's national office schedules them, publishes them, moves them along
 * and records what happens on the road; everyone else reads.
 */
export function ConvoysPage() {
  const { t } = useI18n()
  const { can, me } = useSession()
  const invalidate = useInvalidate()
  const filterId = useId()
  const [operation, setOperation] = useState('')
  const [scheduling, setScheduling] = useState(false)
  const [done, setDone] = useState<string | undefined>(undefined)
  const operations = useFetch<Items<OperationChoice>>('/api/operations')
  const convoys = useFetch<Items<Convoy>>(operation === '' ? '/api/convoys' : `/api/convoys?operation=${encodeURIComponent(operation)}`)
  const choices = operations.status === 'ok' ? operations.data.items : []
  const { upcoming, past } = splitConvoys(convoys.status === 'ok' ? convoys.data.items : [], new Date())
  const changed = async (text: string) => {
    await invalidate('/api/convoys')
    setDone(text)
  }
  const scheduled = async (convoy: { departurePoint: string }) => {
    setScheduling(false)
    await changed(t('convoy.form.done', { name: convoy.departurePoint }))
  }
  return (
    <Page title={t('convoy.title')} intro={t(can('convoy.create') ? 'convoy.intro' : 'convoy.introReader')} testId="convoys-page">
      {can('convoy.create') && !scheduling ? (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => { setDone(undefined); setScheduling(true) }} data-testid="convoy-schedule-start">
            {t('convoy.form.start')}
          </button>
        </div>
      ) : null}
      {scheduling && operations.status !== 'loading' ? <ScheduleConvoy operations={choices} operationId={defaultOperation(choices, me.orgUnit.id)} onScheduled={(c) => void scheduled(c)} onCancel={() => setScheduling(false)} /> : null}
      {done ? (
        <p className="notice notice-ok" role="status" data-testid="convoy-done">
          {done}
        </p>
      ) : null}
      {choices.length > 0 ? (
        <div className="field convoy-filter">
          <label htmlFor={filterId}>{t('convoy.filter')}</label>
          <select id={filterId} value={operation} onChange={(e) => setOperation(e.target.value)} data-testid="convoy-filter">
            <option value="">{t('convoy.filter.all')}</option>
            {choices.map((o) => (
              <option key={o.recordId} value={o.recordId}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {convoys.status === 'loading' ? <Loading /> : null}
      {convoys.status === 'error' ? <ErrorNotice error={convoys.error} onRetry={() => void convoys.reload()} /> : null}
      {convoys.status === 'ok' ? (
        <>
          <ConvoyList title={t('convoy.upcoming')} none={t('convoy.upcoming.none')} convoys={upcoming} testId="convoys-upcoming" onChanged={changed} />
          <ConvoyList title={t('convoy.past')} none={t('convoy.past.none')} convoys={past} testId="convoys-past" onChanged={changed} />
        </>
      ) : null}
    </Page>
  )
}

/** A list of convoys under its heading, with how many there are. */
function ConvoyList({ title, none, convoys, testId, onChanged }: { title: string; none: string; convoys: readonly Convoy[]; testId: string; onChanged: (done: string) => Promise<void> }) {
  const { t } = useI18n()
  const titleId = useId()
  return (
    <section className="convoy-section" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId}>
        {title} <span className="muted convoy-count">{t('convoy.count', { count: convoys.length })}</span>
      </h2>
      {convoys.length === 0 ? <p className="notice">{none}</p> : null}
      {convoys.length > 0 ? (
        <ul className="convoy-list">
          {convoys.map((c) => (
            <ConvoyCard key={c.recordId} convoy={c} onChanged={onChanged} />
          ))}
        </ul>
      ) : null}
    </section>
  )
}
