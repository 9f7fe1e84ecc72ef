import { useI18n } from '../../i18n/i18n.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { HopActions } from './case-actions.tsx'
import { pendingQuestion, type CaseHistoryEntry } from './case-history.ts'
import { dueText, word } from './case-words.ts'
import type { CaseItem, Hop } from './types.ts'

/**
 * The bodies the case was sent to, each with its deadlines, its number for the case and its work,
 * and the question a body asked the person, while it waits for the answer (from `history`).
 */
export function HopList({ item, history }: { item: CaseItem; history: readonly CaseHistoryEntry[] }) {
  const { t } = useI18n()
  const { hops } = item.state
  return (
    <section aria-labelledby="case-hops-title" className="case-hops">
      <h2 id="case-hops-title">{t('case.hops.title')}</h2>
      {hops.length === 0 ? <p className="notice">{t('case.hops.none')}</p> : null}
      <ul className="list" data-testid="case-hops">
        {hops.map((hop) => (
          <HopCard key={hop.hopId} item={item} hop={hop} history={history} />
        ))}
      </ul>
    </section>
  )
}

function HopCard({ item, hop, history }: { item: CaseItem; hop: Hop; history: readonly CaseHistoryEntry[] }) {
  const { t, dateTime } = useI18n()
  const unitName = useUnitNames()
  const now = new Date()
  const late = item.overdueHops.includes(hop.hopId)
  const parent = item.state.hops.find((h) => h.hopId === hop.parentHopId)
  const titleId = `hop-${hop.hopId}`
  const question = hop.status === 'info_requested' && item.state.closedAt === undefined ? pendingQuestion(history, hop.hopId) : undefined
  const done = (at: string | undefined, by: string): string => {
    if (at !== undefined) {
      return t('case.hops.doneOn', { when: dateTime(at) })
    }
    if (hop.status === 'referred' || item.state.closedAt !== undefined) {
      return t('case.hops.notDone')
    }
    return t('case.hops.dueOn', { when: dateTime(by), due: dueText(t, by, now).text })
  }
  return (
    <li className={`list-item hop${late ? ' case-item-late' : ''}`} aria-labelledby={titleId} data-testid="case-hop">
      <div className="list-item-head">
        <h3 id={titleId} className="hop-body">
          {unitName(hop.bodyId)}
        </h3>
        {item.state.closedAt === undefined ? <span className="badge badge-muted">{word(t, 'hopStatus', hop.status)}</span> : null}
        {late ? <span className="badge badge-danger">{t('case.overdue')}</span> : null}
      </div>
      {parent ? <p className="list-item-meta">{t('case.hops.referredBy', { body: unitName(parent.bodyId) })}</p> : null}
      {hop.reason ? <p className="list-item-meta">{t('case.hops.reason', { reason: hop.reason })}</p> : null}
      <dl className="facts hop-facts">
        <div>
          <dt>{t('case.hops.routed')}</dt>
          <dd>{dateTime(hop.routedAt)}</dd>
        </div>
        <div>
          <dt>{t('case.hops.acknowledge')}</dt>
          <dd>{done(hop.acknowledgedAt, hop.acknowledgeBy)}</dd>
        </div>
        <div>
          <dt>{t('case.hops.answer')}</dt>
          <dd>{done(hop.firstAnswerAt, hop.answerBy)}</dd>
        </div>
        {hop.externalRef ? (
          <div>
            <dt>{t('case.hops.externalRef')}</dt>
            <dd data-testid="hop-external-ref">{hop.externalRef}</dd>
          </div>
        ) : null}
        {hop.infoRequestedAt && hop.status === 'info_requested' && question === undefined ? (
          <div>
            <dt>{t('case.hops.infoRequested')}</dt>
            <dd>{t('case.hops.infoRequestedOn', { when: dateTime(hop.infoRequestedAt) })}</dd>
          </div>
        ) : null}
        {hop.proposedOutcome ? (
          <div>
            <dt>{t('case.hops.proposed')}</dt>
            <dd>{[word(t, 'outcome', hop.proposedOutcome), hop.proposedSummary].filter(Boolean).join(': ')}</dd>
          </div>
        ) : null}
      </dl>
      {question ? (
        <div className="case-question" data-testid="hop-question">
          <p className="case-question-title">{t('case.question.title', { body: unitName(hop.bodyId) })}</p>
          <blockquote className="case-step-text">{question.question}</blockquote>
          <p className="muted">{t('case.question.asked', { when: dateTime(question.at) })}</p>
        </div>
      ) : null}
      <HopActions item={item} hop={hop} />
    </li>
  )
}
