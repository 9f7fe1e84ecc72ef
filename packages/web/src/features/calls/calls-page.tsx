import { useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { Badges, ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { countByTopic, languageName, timeOfDay, useTodaysCalls, type CallRecord } from './today.ts'
import './calls.css'

// A day is over a hundred calls: the latest ones first, the rest on request.
const FIRST_SHOWN = 50

/**
 * Today's calls that the account may read (its unit's for an operator, all for the Paisano
 * coordination): how many about each topic, and the list, latest first, each call opening its
 * record page.
 */
export function CallsPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const calls = useTodaysCalls(new Date())
  const [showAll, setShowAll] = useState(false)
  const items = calls.data ?? []
  const shown = showAll ? items : items.slice(0, FIRST_SHOWN)
  return (
    <Page title={t('call.today.title')} testId="calls-page">
      {can('call.create') ? (
        <p>
          <Link to="call" className="button button-primary" data-testid="calls-log">
            {t('call.log.title')}
          </Link>
        </p>
      ) : null}
      {calls.isError ? <ErrorNotice error={calls.error} onRetry={() => void calls.refetch()} /> : null}
      {calls.data === undefined && !calls.isError ? <Loading /> : null}
      {calls.data !== undefined ? (
        <>
          <TopicCounts calls={items} />
          <section aria-labelledby="calls-list">
            <h2 id="calls-list" className="list-heading">
              {t('call.today.list')}
            </h2>
            {items.length === 0 ? <p className="muted">{t('call.today.empty')}</p> : null}
            <ul className="list" data-testid="call-list">
              {shown.map((call) => (
                <CallItem key={call.recordId} call={call} />
              ))}
            </ul>
            {items.length > shown.length ? (
              <div className="list-footer">
                <button type="button" className="button button-secondary" onClick={() => setShowAll(true)}>
                  {t('call.today.showAll', { count: items.length - shown.length })}
                </button>
              </div>
            ) : null}
          </section>
        </>
      ) : null}
    </Page>
  )
}

function TopicCounts({ calls }: { calls: readonly CallRecord[] }) {
  const { t } = useI18n()
  const counts = countByTopic(calls)
  const most = Math.max(1, ...counts.map((c) => c.count))
  return (
    <section className="card call-counts" aria-labelledby="calls-counts" data-testid="call-counts">
      <h2 id="calls-counts">{t('call.today.total', { count: calls.length })}</h2>
      <ul className="bars">
        {counts.map(({ topic, count }) => (
          <li key={topic} data-topic={topic}>
            <span>{t(`call.topic.${topic}`)}</span>
            <span className="bar-figure">{t('call.count', { count })}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(count / most) * 100}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

function CallItem({ call }: { call: CallRecord }) {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const unitName = useUnitNames()
  const { state } = call
  const time = timeOfDay(lang, call.occurredAt)
  const details = [
    t(`call.outcome.${state.outcome}`),
    t(`call.from.${state.fromCountry}`),
    state.language === 'es' ? '' : state.language === 'en' ? t('call.language.en') : languageName(lang, state.language),
    state.minutes === undefined ? '' : t('call.minutesShort', { minutes: state.minutes }),
    state.folio === undefined ? '' : t('call.folioShort', { folio: state.folio }),
    call.orgUnitId === me.orgUnit.id ? '' : unitName(call.orgUnitId),
  ].filter((d) => d !== '')
  return (
    <li className="list-item call-item" data-record-id={call.recordId}>
      <div className="list-item-head">
        <Link to={`records/call/${call.recordId}`} className="list-item-title">
          <time dateTime={call.occurredAt}>{time}</time> · {t(`call.topic.${state.topic}`)}
        </Link>
        <Badges demo={call.demo} />
      </div>
      <p className="list-item-meta">{details.join(' · ')}</p>
    </li>
  )
}
