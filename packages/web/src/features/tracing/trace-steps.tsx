import { FamilyChoice, type TraceState } from '@faro/core'
import { useCallback, useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { useI18n } from '../../i18n/i18n.tsx'
import { RadioTiles } from '../../ui/choice-fields.tsx'
import { useSchemaForm } from '../../ui/form.tsx'
import { useInvalidate } from '../../ui/use-fetch.ts'
import { useStepSender } from '../cases/step-sender.ts'
import type { StepDraft } from '../cases/types.ts'
import { stepErrorText } from './review-words.ts'

/** One way of taking steps on a request's search: whether one is on its way, and how the last failed. */
export interface TraceStep {
  /** Sends the step (the same id again on a retry of the same draft); true once it is taken. */
  run(draft: StepDraft): Promise<boolean>
  busy: boolean
  error: unknown
}

/**
 * Takes steps on a location request's people, then reads the candidates again so the view shows
 * the step. Each caller keeps its own unconfirmed step, so a retry of a mark is never confused with
 * the outcome that follows it.
 */
export function useTraceStep(caseId: string): TraceStep {
  const send = useStepSender(caseId)
  const invalidate = useInvalidate()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const run = useCallback(
    async (draft: StepDraft) => {
      setBusy(true)
      setError(undefined)
      try {
        await send(draft)
        await invalidate(`/api/tracing/requests/${encodeURIComponent(caseId)}`)
        return true
      } catch (failure) {
        setError(failure)
        return false
      } finally {
        setBusy(false)
      }
    },
    [send, invalidate, caseId],
  )
  return { run, busy, error }
}

/** A refused step in words, read out as it appears. */
export function StepError({ error }: { error: unknown }) {
  const { t } = useI18n()
  if (error === undefined) {
    return null
  }
  return (
    <p className="notice notice-error" role="alert" data-testid="trace-step-error">
      {stepErrorText(error, t)}
    </p>
  )
}

type Ending = 'not_found' | 'withdrawn'
const ENDINGS: readonly Ending[] = ['not_found', 'withdrawn']

/** "Not found" and "request withdrawn": each asks once more before it ends the person's search. */
export function EndSearch({ caseId, soughtId }: { caseId: string; soughtId: string }) {
  const { t } = useI18n()
  const step = useTraceStep(caseId)
  const [asked, setAsked] = useState<Ending | undefined>(undefined)
  const question = useRef<HTMLParagraphElement>(null)
  useEffect(() => question.current?.focus(), [asked])
  if (asked !== undefined) {
    return (
      <div className="trace-ask" data-testid={`trace-end-${asked}`}>
        <p ref={question} tabIndex={-1}>
          {t(`trace.outcomeAsk.${asked}`)}
        </p>
        <StepError error={step.error} />
        <div className="actions">
          <button type="button" className="button button-primary" disabled={step.busy} onClick={() => void step.run({ type: 'set_outcome', soughtId, outcome: asked })}>
            {t(`trace.outcomeSubmit.${asked}`)}
          </button>
          <button type="button" className="button button-secondary" disabled={step.busy} onClick={() => setAsked(undefined)}>
            {t('staff.edit.cancel')}
          </button>
        </div>
      </div>
    )
  }
  return (
    <div className="actions trace-end" role="group" aria-label={t('trace.review.endSearch')}>
      {ENDINGS.map((ending) => (
        <button key={ending} type="button" className="button button-secondary" onClick={() => setAsked(ending)}>
          {t(`trace.outcomeAction.${ending}`)}
        </button>
      ))}
    </div>
  )
}

const ChoiceValues = z.object({ choice: FamilyChoice })
type ChoiceValues = z.input<typeof ChoiceValues>

/**
 * What the found adult lets the requester be told, as three tiles; it can be changed later, as the
 * person may change their mind.
 */
export function FoundChoice({ caseId, soughtId, trace }: { caseId: string; soughtId: string; trace: TraceState }) {
  const { t } = useI18n()
  const step = useTraceStep(caseId)
  const [saved, setSaved] = useState(false)
  const form = useSchemaForm(ChoiceValues, trace.choice ? { choice: trace.choice } : {})
  const submit = form.handleSubmit(async (values) => {
    setSaved(false)
    setSaved(await step.run({ type: 'record_choice', soughtId, choice: values.choice }))
  })
  return (
    <form className="trace-choice" onSubmit={(e) => void submit(e)} noValidate data-testid="trace-choice">
      <h3>{t('trace.choice.title')}</h3>
      {trace.choice ? (
        <p className="trace-choice-current" data-testid="trace-choice-current">
          {t('trace.choice.current', { choice: t(`trace.choice.${trace.choice}`) })}
        </p>
      ) : null}
      <RadioTiles<ChoiceValues>
        form={form}
        name="choice"
        legend={t('trace.choice.legend')}
        hint={t('trace.choice.hint')}
        look="big"
        options={FamilyChoice.options.map((c) => ({ value: c, label: t(`trace.choice.${c}`), hint: t(`trace.choice.${c}Hint`) }))}
      />
      <StepError error={step.error} />
      {saved ? (
        <p className="notice notice-ok" role="status">
          {t('trace.review.saved')}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={step.busy}>
          {t('trace.choice.submit')}
        </button>
      </div>
    </form>
  )
}
