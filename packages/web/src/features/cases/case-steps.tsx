import { useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Items, User } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey, MessageValues } from '../../i18n/messages.ts'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import type { FetchState } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { caseSteps, type CaseActor, type CaseHistoryEntry, type CaseStepLine } from './case-history.ts'
import { word } from './case-words.ts'
import type { CaseItem } from './types.ts'

type T = (key: MessageKey, values?: MessageValues) => string

/** The history of a case in words: who did what, when, with the words each step carried. */
export function CaseHistory({ item, history, onRetry }: { item: CaseItem; history: FetchState<Items<CaseHistoryEntry>>; onRetry: () => void }) {
  const { t, dateTime, lang } = useI18n()
  const unitName = useUnitNames()
  const names = useKnownNames()
  const steps = useMemo(() => (history.status === 'ok' ? caseSteps(history.data.items, item.state, names) : []), [history, item.state, names])
  const list = new Intl.ListFormat(lang === 'es' ? 'es-MX' : 'en-US', { type: 'conjunction' })
  return (
    <section aria-labelledby="case-history-title">
      <h2 id="case-history-title">{t('case.history.title')}</h2>
      {history.status === 'loading' ? <Loading /> : null}
      {history.status === 'error' ? <ErrorNotice error={history.error} onRetry={onRetry} /> : null}
      {history.status === 'ok' ? (
        <ol className="list case-history" data-testid="case-history">
          {steps.map((step) => (
            <li key={step.seq} className="list-item case-step" data-testid="case-step">
              <div className="list-item-head">
                <span className="list-item-title">{actorName(t, step.actor, unitName)}</span>
              </div>
              <p className="list-item-meta muted">
                <time dateTime={step.at}>{dateTime(step.at)}</time>
                {step.actor.kind === 'person' && step.actor.unitId !== undefined ? ` · ${unitName(step.actor.unitId)}` : ''}
              </p>
              <p>
                {stepSentence(t, step, { channel: word(t, 'channel', item.state.channel), bodies: list.format(step.bodyIds.map(unitName)), body: step.askedBy ? unitName(step.askedBy) : '' })}
                {step.externalRef ? ` ${t('case.history.ref', { ref: step.externalRef })}` : ''}
              </p>
              {step.text ? <blockquote className="case-step-text">{step.text}</blockquote> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  )
}

/**
 * Names of accounts the app already knows: the signed-in account, and the staff list if it was
 * loaded (the staff page). The list is not fetched here: reading it is audited, and a case page
 * opened many times a day must not fill the audit log.
 */
function useKnownNames(): ReadonlyMap<string, string> {
  const { me } = useSession()
  const cached = useQueryClient().getQueryData<Items<User>>(['api', '/api/users'])
  return useMemo(() => {
    const names = new Map((cached?.items ?? []).map((u) => [u.id, u.displayName]))
    names.set(me.user.id, me.user.displayName)
    return names
  }, [cached, me.user.id, me.user.displayName])
}

function actorName(t: T, actor: CaseActor, unitName: (id: string) => string): string {
  switch (actor.kind) {
    case 'system':
      return t('case.log.system')
    case 'person':
      return actor.name
    case 'unit':
      return unitName(actor.unitId)
    case 'office':
      return t('case.log.office')
    case 'staff':
      return t('case.log.staff')
  }
}

function stepSentence(t: T, step: CaseStepLine, values: { channel: string; bodies: string; body: string }): string {
  const outcome = step.outcome === undefined ? '' : word(t, 'outcome', step.outcome)
  switch (step.kind) {
    case 'opened':
      return t('case.log.opened', { channel: values.channel })
    case 'routed':
      return t('case.log.routed', { bodies: values.bodies })
    case 'referred':
      return t('case.log.referred', { bodies: values.bodies })
    case 'info_provided':
      return values.body ? t('case.log.info_provided', { body: values.body }) : t('case.log.info_providedAny')
    case 'closure_proposed':
      return t('case.log.closure_proposed', { outcome })
    case 'closed':
      return t('case.log.closed', { outcome })
    default:
      return t(`case.log.${step.kind}`)
  }
}
