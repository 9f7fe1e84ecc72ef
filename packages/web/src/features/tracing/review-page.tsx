import type { ReviewedSought, TraceReview, TraceState } from '@faro/core'
import { useParams } from '@tanstack/react-router'
import { useEffect, useRef } from 'react'
import { ApiError } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import type { CaseItem } from '../cases/types.ts'
import { CandidateCard } from './candidate-card.tsx'
import { reviewRights, type ReviewRights } from './review-words.ts'
import { countryName, words } from './sought-list.tsx'
import { SoughtDescribed } from './sought-described.tsx'
import { EndSearch, FoundChoice } from './trace-steps.tsx'
import '../cases/cases.css'
import './tracing.css'

/**
 * The reviewer's screen of a location request (`/cases/<id>/review`): for each person sought, what
 * the requester said of them and the registry's candidates, ranked and explained, with the marks
 * and outcomes the account may give. Reading it is audited by the server; the URL names no one.
 */
export function ReviewPage() {
  const { t } = useI18n()
  const { id } = useParams({ from: '/cases/$id/review' })
  const item = useFetch<CaseItem>(`/api/cases/${encodeURIComponent(id)}`)
  const review = useFetch<TraceReview>(`/api/tracing/requests/${encodeURIComponent(id)}/review`)
  const title = item.status === 'ok' ? t('trace.review.title', { folio: item.data.state.folio }) : t('trace.review.titleLoading')
  const failed = item.status === 'error' ? item.error : review.status === 'error' ? review.error : undefined
  return (
    <Page title={title} intro={t('trace.review.intro')} testId="trace-review">
      <p className="case-back">
        <Link to={`cases/${encodeURIComponent(id)}`}>{t('trace.review.back')}</Link>
      </p>
      {failed === undefined && (item.status === 'loading' || review.status === 'loading') ? <Loading /> : null}
      {failed !== undefined ? <Refused error={failed} onRetry={() => void Promise.all([item.reload(), review.reload()])} /> : null}
      {failed === undefined && item.status === 'ok' && review.status === 'ok' ? <ReviewBody item={item.data} review={review.data} /> : null}
    </Page>
  )
}

function Refused({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n()
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    return (
      <div className="notice notice-error" role="alert" data-testid="trace-review-refused">
        <p>{error.status === 403 ? t('trace.review.forbidden') : t('case.page.notFound')}</p>
      </div>
    )
  }
  return <ErrorNotice error={error} onRetry={onRetry} />
}

function ReviewBody({ item, review }: { item: CaseItem; review: TraceReview }) {
  const { t, lang } = useI18n()
  const { me, can } = useSession()
  const rights = reviewRights(item.state, { unitId: me.orgUnit.id, can })
  const country = countryName(lang)(review.nationality)
  return (
    <>
      <p className="trace-searched muted">
        {t('trace.review.searched', { count: review.registrySize })}
        {country ? ` ${t('trace.review.onlyNationality', { country })}` : ''}
      </p>
      <ol className="trace-review-list">
        {review.items.map((person) => (
          <SoughtReview key={person.soughtId} caseId={item.recordId} person={person} total={review.items.length} trace={item.state.traces?.[person.soughtId]} rights={rights} />
        ))}
      </ol>
    </>
  )
}

interface SoughtReviewProps {
  caseId: string
  person: ReviewedSought
  total: number
  trace: TraceState | undefined
  rights: ReviewRights
}

/** One person sought: how they were described, how their search stands, and their candidates. */
function SoughtReview({ caseId, person, total, trace, rights }: SoughtReviewProps) {
  const { t } = useI18n()
  const headingId = `sought-${person.number}`
  // A filer that does not work on the request learns how a search ended from its answers only.
  const outcome = rights.outcomes ? (trace?.outcome ?? person.outcome) : undefined
  const status = useRef<HTMLParagraphElement>(null)
  const before = useRef(outcome)
  // An outcome just given: the keyboard goes to it, as the form that gave it is gone.
  useEffect(() => {
    if (before.current !== outcome && outcome !== undefined) {
      status.current?.focus()
    }
    before.current = outcome
  }, [outcome])
  return (
    <li className="card trace-person" aria-labelledby={headingId} data-testid="trace-review-person">
      <h2 id={headingId}>{t('trace.personOf', { number: person.number, total })}</h2>
      {rights.outcomes ? (
        <p ref={status} tabIndex={-1} className={`trace-status sought-outcome-${outcome ?? 'searching'}`} data-testid="trace-review-outcome">
          {t('trace.sought.outcome')}: <strong>{words(t, 'outcome', outcome ?? 'searching')}</strong>
        </p>
      ) : null}
      {rights.outcomes && (trace?.place || trace?.condition || trace?.forensicRef) ? (
        <ul className="trace-found">
          {trace.place ? <li>{t('trace.review.foundPlace', { place: trace.place })}</li> : null}
          {trace.condition ? <li>{t('trace.review.foundCondition', { condition: trace.condition })}</li> : null}
          {trace.forensicRef ? <li>{t('trace.review.forensicRef', { ref: trace.forensicRef })}</li> : null}
        </ul>
      ) : null}
      {outcome === 'found_alive' && trace?.unableToDecide ? <p className="notice notice-warning">{t('trace.review.unableToDecide')}</p> : null}
      {/* Only a person who can decide is asked what may be told of them. */}
      {outcome === 'found_alive' && trace !== undefined && !trace.unableToDecide && rights.choose ? <FoundChoice caseId={caseId} soughtId={person.soughtId} trace={trace} /> : null}
      <SoughtDescribed identity={person.identity} />
      <h3 className="trace-candidates-title">{t('trace.review.candidates', { count: person.candidates.length })}</h3>
      {person.candidates.length === 0 ? (
        <p className="muted">{t('trace.review.none')}</p>
      ) : (
        <ol className="candidate-list">
          {person.candidates.map((c) => (
            <CandidateCard key={`${c.recordType}/${c.recordId}`} caseId={caseId} soughtId={person.soughtId} candidate={rights.outcomes ? c : { ...c, mark: undefined }} canMark={rights.mark} />
          ))}
        </ol>
      )}
      {rights.mark && outcome === undefined ? <EndSearch caseId={caseId} soughtId={person.soughtId} /> : null}
    </li>
  )
}
