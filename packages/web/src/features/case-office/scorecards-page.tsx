import type { Scorecard } from '@faro/core'
import type { ReactNode } from 'react'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { periodQuery } from './period.ts'
import { PeriodPicker, usePeriod } from './period-picker.tsx'
import { count, decimal, percent, roundDays, scorecardOrder } from './scorecards.ts'
import './case-office.css'

/**
 * How each handling body does with the cases routed to it in a period: received, open, late,
 * answered, median days to answer, share on time, complaints against it. Every body for the
 * national office, the most late first; an agency's liaison sees their own body only (the server
 * decides). A table on a wide screen, a card per body on a phone.
 */
export function CaseScorecardsPage() {
  const { t, lang } = useI18n()
  const { me, can } = useSession()
  const unitName = useUnitNames()
  const { choice, setChoice, period, today } = usePeriod()
  const answer = useFetch<Items<Scorecard>>(period ? `/api/cases/scorecards?${periodQuery(period)}` : null)
  const national = can('case.route')
  const cards = answer.status === 'ok' ? scorecardOrder(answer.data.items, unitName, lang) : []
  return (
    <Page
      title={national ? t('case.scorecards.title') : t('case.scorecards.titleOwn', { unit: me.orgUnit.name })}
      intro={t('case.scorecards.intro')}
      testId="case-scorecards-page"
    >
      <div className="card office-filters">
        <PeriodPicker choice={choice} onChange={setChoice} period={period} today={today} />
      </div>
      {period && answer.status === 'loading' ? <Loading /> : null}
      {answer.status === 'error' ? <ErrorNotice error={answer.error} onRetry={() => void answer.reload()} /> : null}
      {answer.status === 'ok' && cards.length === 0 ? <p className="notice">{national ? t('case.scorecards.none') : t('case.scorecards.noneOwn', { unit: me.orgUnit.name })}</p> : null}
      {cards.length > 0 ? (
        <table className="office-table" role="table" data-testid="scorecards">
          <caption className="visually-hidden">{t('case.scorecards.caption')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">
                {t('case.scorecards.body')}
              </th>
              {COLUMNS.map((key) => (
                <th key={key} role="columnheader" scope="col" className="office-number">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {cards.map((card) => (
              <tr key={card.bodyId} role="row" data-testid="scorecard" data-body={card.bodyId} className={card.overdue > 0 ? 'office-late' : undefined}>
                <th role="rowheader" scope="row">
                  {unitName(card.bodyId)}
                </th>
                <Cell label="case.scorecards.received">{count(lang, card.received)}</Cell>
                <Cell label="case.scorecards.open">{count(lang, card.open)}</Cell>
                <Cell label="case.scorecards.overdue">{card.overdue > 0 ? <strong className="office-overdue">{count(lang, card.overdue)}</strong> : count(lang, card.overdue)}</Cell>
                <Cell label="case.scorecards.answered">{count(lang, card.answered)}</Cell>
                <Cell label="case.scorecards.medianDays">{card.medianDaysToAnswer === null ? <NoAnswers /> : t('case.scorecards.days', { n: roundDays(card.medianDaysToAnswer), median: decimal(lang, card.medianDaysToAnswer) })}</Cell>
                <Cell label="case.scorecards.onTime">{card.onTimeShare === null ? <NoAnswers /> : percent(lang, card.onTimeShare)}</Cell>
                <Cell label="case.scorecards.accusedIn">{count(lang, card.accusedIn)}</Cell>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  )
}

const COLUMNS = ['case.scorecards.received', 'case.scorecards.open', 'case.scorecards.overdue', 'case.scorecards.answered', 'case.scorecards.medianDays', 'case.scorecards.onTime', 'case.scorecards.accusedIn'] as const satisfies readonly MessageKey[]

/**
 * A figure; on a phone, where the row is a card and the column headings are hidden, its label is
 * shown beside it (hidden from screen readers, which read the column heading).
 */
function Cell({ label, children }: { label: MessageKey; children: ReactNode }) {
  const { t } = useI18n()
  return (
    <td role="cell" className="office-number">
      <span className="office-cell-label" aria-hidden="true">
        {t(label)}
      </span>
      <span className="office-cell-value">{children}</span>
    </td>
  )
}

/** No hop answered yet: nothing to take a median or a share of. */
function NoAnswers() {
  const { t } = useI18n()
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('case.scorecards.noAnswers')}</span>
    </>
  )
}
