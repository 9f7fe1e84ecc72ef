import { useEffect, useRef, useState } from 'react'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { errorText } from '../../ui/error-text.ts'
import { useInvalidate } from '../../ui/use-fetch.ts'
import { conflictMessage, mayApproveUnit, nationalState, progressWords, revisionWords, unitsInOrder, unitStateWords, type Approver, type PeriodApprovals } from './approvals.ts'

/** The programme's and the period's names, for the sentences. */
export type ApprovalWords = { programme: string; period: string }

interface PartProps {
  approvals: PeriodApprovals
  actor: Approver
  paths: ReadonlyMap<string, readonly string[]>
  words: ApprovalWords
}

/** Each unit of the period with its state, and "Aprobar" where the account may approve it. */
export function UnitList({ approvals, actor, paths, words }: PartProps) {
  const { t, lang } = useI18n()
  const approve = useApproval(approvals)
  return (
    <section className="card approvals-units" aria-labelledby="approvals-units-heading" data-testid="approvals-units">
      <h2 id="approvals-units-heading">{t(`statsApproval.units.${approvals.programme}`)}</h2>
      <p className="approvals-progress" data-testid="approvals-progress">
        {progressWords(t, lang, approvals.programme, approvals.units)}
      </p>
      {approve.done !== undefined && approve.done !== approvals.programme ? (
        <p className="notice notice-ok" role="status" data-testid="approvals-done">
          {t('statsApproval.done', { unit: approvals.units.find((u) => u.unit === approve.done)?.name ?? '' })}
        </p>
      ) : null}
      <ul className="list approvals-list">
        {unitsInOrder(actor, approvals.programme, approvals.units, paths).map((u) => {
          const may = u.approvedAt === null && mayApproveUnit(actor, approvals.programme, u.unit, paths)
          return (
            <li key={u.unit} className="list-item approvals-unit" data-testid="approvals-unit" data-unit={u.unit} data-approved={u.approvedAt !== null}>
              <div className="approvals-unit-head">
                <span className="list-item-title">{u.name}</span>
                <span className={`badge ${u.approvedAt === null ? 'badge-muted' : 'badge-ok'}`}>{u.approvedAt === null ? t('statsApproval.badge.pending') : t('statsApproval.badge.approved')}</span>
              </div>
              {/* Pending says itself in the badge; an approval says who and when. */}
              {u.approvedAt !== null ? <p className="list-item-meta">{unitStateWords(t, lang, u, actor.userId)}</p> : null}
              {may && approve.asking !== u.unit ? (
                <button type="button" className="button button-primary" onClick={() => approve.ask(u.unit)} data-testid="approvals-approve">
                  {t('statsApproval.approve')}
                  <span className="visually-hidden"> {u.name}</span>
                </button>
              ) : null}
              {approve.asking === u.unit ? <Confirm approve={approve} text={t('statsApproval.confirmUnit', { unit: u.name, ...words })} confirm={t('statsApproval.confirm', { unit: u.name })} /> : null}
              {approve.failedOn === u.unit ? <Failure error={approve.error} /> : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/**
 * The national office's approval, which publishes: waiting while units are pending (the button
 * disabled, with how many are left in words), then "Aprobar y publicar", and once published, the
 * publications with their days and "Publicar una revisión".
 */
export function NationalApproval({ approvals, actor, paths, words }: PartProps) {
  const { t, lang } = useI18n()
  const approve = useApproval(approvals)
  const programme = approvals.programme
  const state = nationalState(approvals)
  const may = mayApproveUnit(actor, programme, programme, paths)
  return (
    <section className="card approvals-national" aria-labelledby="approvals-national-heading" data-testid="approvals-national">
      <h2 id="approvals-national-heading">{t(`statsApproval.national.${programme}`)}</h2>
      <p id="approvals-national-state" data-testid="approvals-national-state">
        {state.kind === 'waiting' ? t(`statsApproval.waiting.${programme}`, { count: state.pending }) : state.kind === 'ready' ? t('statsApproval.ready') : t('statsApproval.published')}
      </p>
      {approvals.revisions.length > 0 ? (
        <>
          <ul className="approvals-revisions" data-testid="approvals-revisions">
            {approvals.revisions.map((r) => (
              <li key={r.revision}>{revisionWords(t, lang, r, actor.userId)}</li>
            ))}
          </ul>
          <p>
            <a href={`/${lang}/datos`} data-testid="approvals-open-data">
              {t('statsApproval.openData')}
            </a>
          </p>
        </>
      ) : null}
      {approve.done === programme ? (
        <p className="notice notice-ok" role="status" data-testid="approvals-done">
          {t('statsApproval.doneNational', words)}
        </p>
      ) : null}
      {may && state.kind === 'published' ? <p className="muted small">{t('statsApproval.revisionHint')}</p> : null}
      {may && approve.asking !== programme ? (
        <button type="button" className="button button-primary" disabled={state.kind === 'waiting'} aria-describedby="approvals-national-state" onClick={() => approve.ask(programme)} data-testid="approvals-national-approve">
          {state.kind === 'published' ? t('statsApproval.publishRevision') : t('statsApproval.approveNational')}
        </button>
      ) : null}
      {approve.asking === programme ? <Confirm approve={approve} text={t(state.kind === 'published' ? 'statsApproval.confirmRevision' : 'statsApproval.confirmNational', words)} confirm={state.kind === 'published' ? t('statsApproval.publishRevision') : t('statsApproval.approveNational')} /> : null}
      {approve.failedOn === programme ? <Failure error={approve.error} /> : null}
    </section>
  )
}

interface Approval {
  /** The unit whose approval is being confirmed. */
  asking: string | undefined
  busy: boolean
  /** The unit approved last. */
  done: string | undefined
  failedOn: string | undefined
  error: unknown
  ask(unit: string): void
  cancel(): void
  send(): Promise<void>
}

/** Asking, sending and answering one approval at a time; the period is read again after it. */
function useApproval(approvals: PeriodApprovals): Approval {
  const invalidate = useInvalidate()
  const [asking, setAsking] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | undefined>(undefined)
  const [failure, setFailure] = useState<{ unit: string; error: unknown } | undefined>(undefined)
  return {
    asking,
    busy,
    done,
    failedOn: failure?.unit,
    error: failure?.error,
    ask: (unit) => {
      setDone(undefined)
      setFailure(undefined)
      setAsking(unit)
    },
    cancel: () => setAsking(undefined),
    send: async () => {
      if (asking === undefined) {
        return
      }
      setBusy(true)
      try {
        await api('/api/statistics/approvals', { method: 'POST', body: { period: approvals.period, unit: asking } })
        await invalidate('/api/statistics/approvals')
        setDone(asking)
      } catch (error) {
        setFailure({ unit: asking, error })
        // Someone else may have approved meanwhile: show the period as it is now.
        await invalidate('/api/statistics/approvals')
      }
      setBusy(false)
      setAsking(undefined)
    },
  }
}

/** The question before an approval, in words, with the question focused for a screen reader. */
function Confirm({ approve, text, confirm }: { approve: Approval; text: string; confirm: string }) {
  const { t } = useI18n()
  const question = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    question.current?.focus()
  }, [])
  return (
    <div className="notice notice-warning approvals-confirm" role="group" aria-labelledby="approvals-confirm-text" data-testid="approvals-confirm">
      <p id="approvals-confirm-text" ref={question} tabIndex={-1}>
        {text}
      </p>
      <div className="actions">
        <button type="button" className="button button-primary" disabled={approve.busy} onClick={() => void approve.send()} data-testid="approvals-confirm-yes">
          {confirm}
        </button>
        <button type="button" className="button button-secondary" disabled={approve.busy} onClick={approve.cancel}>
          {t('statsApproval.cancel')}
        </button>
      </div>
    </div>
  )
}

/** A refused approval: the catalog's sentence for the API's conflicts, the server's otherwise. */
function Failure({ error }: { error: unknown }) {
  const { t } = useI18n()
  const key = conflictMessage(error)
  return (
    <div className="notice notice-error" role="alert" data-testid="approvals-error">
      <p>{key !== undefined ? t(key) : errorText(error, t)}</p>
    </div>
  )
}
