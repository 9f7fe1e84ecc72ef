import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import type { CaseItem } from '../cases/types.ts'
import './tracing.css'

/** What the requester may be told of one person sought (`POST /api/tracing/requests/:id/answers`). */
interface Answer {
  person: number
  status: string
  place?: string | null
  forensicRef?: string | null
}

/**
 * The requester's side of a location request (the consulate or the call centre that filed it):
 * what may be passed on of each person sought, decided by the server's disclosure check. Each ask
 * is audited there, so it is asked once per visit, not again when the window regains focus.
 */
export function TraceAnswers({ item }: { item: CaseItem }) {
  const { t } = useI18n()
  const id = useId()
  const path = `/api/tracing/requests/${encodeURIComponent(item.recordId)}/answers`
  // Keyed by the case's version too: a step on the case asks again.
  const answers = useQuery({ queryKey: ['api-post', path, item.version], queryFn: ({ signal }) => api<{ items: Answer[] }>(path, { method: 'POST', signal }), staleTime: Infinity })
  return (
    <section className="card trace-answers" aria-labelledby={id} data-testid="trace-answers">
      <h2 id={id}>{t('trace.answers.title')}</h2>
      <p className="muted">{t('trace.answers.intro')}</p>
      {answers.isPending ? <Loading /> : null}
      {answers.isError ? <ErrorNotice error={answers.error} onRetry={() => void answers.refetch()} /> : null}
      {answers.data ? (
        <ul className="trace-answer-list">
          {answers.data.items.map((a) => {
            const key = `trace.answer.${a.status}`
            const status = isMessageKey(key) ? t(key) : t('case.unknownValue')
            return (
              <li key={a.person} className={`trace-answer sought-outcome-${a.status}`} data-testid="trace-answer">
                <span className="trace-answer-line">{t('trace.answers.line', { number: a.person, status })}</span>
                {a.place ? <span className="trace-answer-more">{t('trace.review.foundPlace', { place: a.place })}</span> : null}
                {a.forensicRef ? <span className="trace-answer-more">{t('trace.review.forensicRef', { ref: a.forensicRef })}</span> : null}
              </li>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}
