import { useParams } from '@tanstack/react-router'
import { ApiError } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import type { Items } from '../../api/types.ts'
import { OfficeActions } from './case-actions.tsx'
import type { CaseHistoryEntry } from './case-history.ts'
import { HopList } from './case-hops.tsx'
import { CaseHistory } from './case-steps.tsx'
import { languageName, placeText, word } from './case-words.ts'
import { isOverdue } from './due.ts'
import { CaseComplainant } from './complainant.tsx'
import { CaseEvidence } from './evidence.tsx'
import type { CaseItem, CaseState } from './types.ts'
import { SoughtList } from '../tracing/sought-list.tsx'
import { TraceAnswers } from '../tracing/trace-answers.tsx'
import { useSession } from '../auth/session.tsx'
import './cases.css'

/**
 * One case in words: what was taken, the bodies it was sent to with their deadlines and what
 * they did, the actions the account may take on it, and its history from the action log. What the account may read
 * is the server's decision; a case out of reach says so.
 */
export function CasePage() {
  const { t } = useI18n()
  const { id } = useParams({ from: '/cases/$id' })
  const view = useFetch<CaseItem>(`/api/cases/${encodeURIComponent(id)}`)
  const title = view.status === 'ok' ? t('case.page.title', { folio: view.data.state.folio }) : t('case.page.titleLoading')
  return (
    <Page title={title} testId="case-page">
      <p className="case-back">
        <Link to="cases">{t('case.page.back')}</Link>
      </p>
      {view.status === 'loading' ? <Loading /> : null}
      {view.status === 'error' ? <Refused error={view.error} onRetry={view.reload} /> : null}
      {view.status === 'ok' ? <CaseBody item={view.data} /> : null}
    </Page>
  )
}

function Refused({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n()
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    return (
      <div className="notice notice-error" role="alert" data-testid="case-refused">
        <p>{error.status === 403 ? t('case.page.forbidden') : t('case.page.notFound')}</p>
      </div>
    )
  }
  return <ErrorNotice error={error} onRetry={onRetry} />
}

function CaseBody({ item }: { item: CaseItem }) {
  const { t, dateTime } = useI18n()
  const unitName = useUnitNames()
  const { me } = useSession()
  // One request for the hops (the question waiting for an answer) and the history below.
  const history = useFetch<Items<CaseHistoryEntry>>(`/api/cases/${encodeURIComponent(item.recordId)}/history`)
  const s = item.state
  return (
    <>
      <section className="card case-summary" aria-labelledby="case-summary-title">
        <div className="list-item-head">
          <h2 className="case-what" id="case-summary-title">
            {word(t, 'category', s.category)} <span className="muted">· {word(t, 'kind', s.kind)}</span>
          </h2>
          <span className={`badge case-status case-status-${item.status}`} data-testid="case-status">
            {word(t, 'status', item.status)}
          </span>
          {isOverdue(item) ? <span className="badge badge-danger">{t('case.overdue')}</span> : null}
        </div>
        <p className="muted">{t('case.page.publicStatus', { status: word(t, 'publicStatus', item.publicStatus) })}</p>
        {s.closedAt !== undefined ? (
          <p className="notice notice-ok">
            {t('case.page.closed', { when: dateTime(s.closedAt), outcome: s.outcome ? word(t, 'outcome', s.outcome) : '' })}
            {s.closingSummary ? ` ${s.closingSummary}` : ''}
          </p>
        ) : null}
        {s.inTransit ? <p className="notice notice-warning">{t('case.page.inTransit')}</p> : null}
        <CaseFacts state={s} unitName={unitName} />
      </section>
      {s.kind === 'location_request' ? <SoughtList item={item} /> : null}
      {/* The filer tells the requester what may be told; the bodies working on it see the review. */}
      {s.kind === 'location_request' && s.orgUnitId === me.orgUnit.id ? <TraceAnswers item={item} /> : null}
      <HopList item={item} history={history.status === 'ok' ? history.data.items : []} />
      <OfficeActions item={item} />
      <CaseComplainant item={item} />
      <CaseEvidence item={item} />
      <CaseHistory item={item} history={history} onRetry={() => void history.reload()} />
    </>
  )
}

function CaseFacts({ state: s, unitName }: { state: CaseState; unitName: (id: string) => string }) {
  const { t, dateTime, lang } = useI18n()
  const money = (n: number) => new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { style: 'currency', currency: s.facts?.currency ?? 'MXN' }).format(n)
  const tracing = s.kind === 'location_request'
  const when = s.occurredFrom === undefined ? t('case.page.whenUnknown') : s.occurredTo === undefined ? dateTime(s.occurredFrom) : t('case.page.between', { from: dateTime(s.occurredFrom), to: dateTime(s.occurredTo) })
  const rows: [string, string | undefined][] = [
    [t('case.page.received'), t('case.page.receivedBy', { when: dateTime(s.receivedAt), unit: unitName(s.orgUnitId), channel: word(t, 'channel', s.channel) })],
    [t('case.page.description'), s.description],
    // A location request says where and when for each person sought, in their list.
    [t('case.page.where'), tracing ? undefined : placeText(t, s.place)],
    [t('case.page.when'), tracing ? undefined : when],
    [t('case.page.accusedAgency'), s.accused?.agencyId ? unitName(s.accused.agencyId) : undefined],
    [t('case.intake.badge'), s.accused?.badge],
    [t('case.intake.plate'), s.accused?.vehiclePlate],
    [t('case.intake.accusedDescription'), s.accused?.description],
    [t('case.page.identity'), s.kind === 'complaint' ? (s.allowIdentityToAccused ? t('case.page.identityAllowed') : t('case.page.identityKept')) : undefined],
    [t('case.page.amountDemanded'), s.facts?.amountDemanded === undefined ? undefined : money(s.facts.amountDemanded)],
    [t('case.page.amountPaid'), s.facts?.amountPaid === undefined ? undefined : money(s.facts.amountPaid)],
    [t('case.page.vehiclePlates'), s.facts?.vehiclePlates],
    [t('case.page.vin'), s.facts?.vin],
    [t('case.page.importPermit'), s.facts?.importPermit],
    [t('case.page.goodsSeized'), s.facts?.goodsSeized],
    [t('case.page.contact'), s.contactChannel === 'none' ? word(t, 'contact', 'none') : t('case.page.contactIn', { channel: word(t, 'contact', s.contactChannel), language: languageName(t, lang, s.language) })],
    [t('case.page.reopened'), s.reopenCount > 0 ? t('case.page.reopenCount', { count: s.reopenCount }) : undefined],
  ]
  return (
    <dl className="facts" data-testid="case-facts">
      {rows
        .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  )
}
