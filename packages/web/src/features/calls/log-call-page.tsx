import { useEffect, useId, useRef, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import { ApiError } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { FormActions, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { useActionSender } from '../../ui/online-action.ts'
import { Link } from '../../ui/router.tsx'
import { ErrorNotice, Page } from '../../ui/status.tsx'
import { useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { RadioTiles } from '../../ui/choice-fields.tsx'
import { FieldRow } from './call-fields.tsx'
import { CALL_LANGUAGES, CALL_OUTCOMES, CALL_TOPICS, callDefaults, callPayload, callTime, CASE_OUTCOMES, CallForm, clockTime, FROM_COUNTRIES, type CallFormField, type CallFormValues, type CallOutcomeCode, type CallTopic, type CheckedCall } from './call-values.ts'
import { timeOfDay } from './today.ts'
import './calls.css'

/** A call just saved, for the line that confirms it above the next one's form. */
interface Saved {
  recordId: string
  topic: CallTopic
  outcome: CallOutcomeCode
  at: string
}

/**
 * Logs a call while the operator is still on the phone: the topic and how it ended, where from,
 * a folio when it concerns a case, minutes and notes; the time follows the clock. Saving confirms
 * the call and starts an empty form for the next one, with its own ids.
 */
export function LogCallPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const [saved, setSaved] = useState<Saved | undefined>(undefined)
  const [round, setRound] = useState(0)
  return (
    <Page title={t('call.log.title')} intro={t('call.log.intro')} testId="log-call-page">
      {can('call.read') ? (
        <p className="call-links">
          <Link to="calls">{t('call.today.title')}</Link>
        </p>
      ) : null}
      {/* Always present, so a screen reader announces each confirmation as it replaces the last. */}
      <div role="status" className="call-saved-slot">
        {saved ? <SavedNotice saved={saved} /> : null}
      </div>
      <CallFormCard
        key={round}
        focusFirst={round > 0}
        onSaved={(call) => {
          setSaved(call)
          setRound((r) => r + 1)
        }}
      />
    </Page>
  )
}

const FIELDS: readonly CallFormField[] = ['topic', 'outcome', 'fromCountry', 'language', 'time', 'minutes', 'folio', 'notes']

function CallFormCard({ focusFirst, onSaved }: { focusFirst: boolean; onSaved: (call: Saved) => void }) {
  const { t } = useI18n()
  const { me } = useSession()
  const send = useActionSender()
  const invalidate = useInvalidate()
  // Drawn once for this form: a retry after a lost answer files the same call, not a second one.
  const [recordId] = useState(() => uuidv7())
  const [defaults] = useState(() => callDefaults(new Date()))
  const form = useSchemaForm(CallForm, defaults)
  const [timeTyped, setTimeTyped] = useState(false)
  // The moment of the first attempt, when the time was left to the clock: the same on a retry.
  const sentAt = useRef<string | undefined>(undefined)
  const [failure, setFailure] = useState<unknown>(undefined)
  const outcome = form.watch('outcome')
  const folio = form.watch('folio')
  const time = form.watch('time')
  const { setFocus } = form

  useEffect(() => {
    if (focusFirst) {
      setFocus('topic')
    }
  }, [focusFirst, setFocus])

  const submit = form.handleSubmit(async (call: CheckedCall) => {
    setFailure(undefined)
    const at = timeTyped ? callTime(call.time, new Date(), true) : (sentAt.current ??= new Date().toISOString())
    try {
      await send({ recordType: 'call', recordId, type: 'CallLogged', payload: callPayload(call, me.orgUnit.id, at) })
      void invalidate('/api/records/call')
      onSaved({ recordId, topic: call.topic, outcome: call.outcome, at })
    } catch (error) {
      setFailure(showServerErrors(form, onFormFields(error), FIELDS))
    }
  })

  const yesterday = timeTyped && new Date(callTime(time, new Date(), true)).getDate() !== new Date().getDate()
  const suggestFolio = CASE_OUTCOMES.includes(outcome) && folio.trim() === ''
  return (
    <form className="card call-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('call.log.title')} data-testid="call-form">
      <RadioTiles form={form} name="topic" look="tiles" terse legend={t('call.topic')} options={CALL_TOPICS.map((topic) => ({ value: topic, label: t(`call.topic.${topic}`), hint: t(`call.topicHint.${topic}`) }))} />
      <RadioTiles form={form} name="outcome" look="tiles" terse legend={t('call.outcome')} options={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`call.outcome.${o}`) }))} />
      {suggestFolio ? (
        <p className="notice notice-warning call-nudge" data-testid="call-folio-suggest">
          {t('call.folio.suggest')}
        </p>
      ) : null}
      <div className="call-folio">
        <TextField form={form} name="folio" label={t('call.folio')} hint={t('call.folio.hint')} autoComplete="off" />
      </div>
      <FieldRow>
        <RadioTiles form={form} name="fromCountry" look="pills" legend={t('call.from')} options={FROM_COUNTRIES.map((c) => ({ value: c, label: t(`call.from.${c}`) }))} />
        <RadioTiles form={form} name="language" look="pills" legend={t('call.language')} options={CALL_LANGUAGES.map((l) => ({ value: l, label: t(`call.language.${l}`) }))} />
      </FieldRow>
      <FieldRow>
        <ClockField form={form} typed={timeTyped} onTyped={() => setTimeTyped(true)} label={t('call.time')} note={yesterday ? t('call.time.yesterday') : timeTyped ? undefined : t('call.time.now')} />
        <TextField form={form} name="minutes" label={t('call.minutes')} inputMode="numeric" autoComplete="off" />
      </FieldRow>
      <TextField form={form} name="notes" label={t('call.notes')} hint={t('call.notes.hint')} multiline />
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={form.formState.isSubmitting ? t('call.saving') : t('call.save')} busy={form.formState.isSubmitting} />
    </form>
  )
}

/**
 * The time of the call: it follows the clock until the operator types one, so a form left open
 * between calls still says now.
 */
function ClockField({ form, typed, onTyped, label, note }: { form: UseFormReturn<CallFormValues, unknown, CheckedCall>; typed: boolean; onTyped: () => void; label: string; note?: string }) {
  const { t } = useI18n()
  const id = useId()
  const input = useRef<HTMLInputElement | null>(null)
  const { setValue } = form
  useEffect(() => {
    if (typed) {
      return undefined
    }
    const timer = setInterval(() => {
      // Never under the operator's fingers, even before the time they type is whole.
      if (document.activeElement !== input.current) {
        setValue('time', clockTime(new Date()))
      }
    }, 10_000)
    return () => clearInterval(timer)
  }, [typed, setValue])
  const { ref, ...field } = form.register('time', { onChange: onTyped })
  const error = form.getFieldState('time', form.formState).error
  return (
    <div className="field call-time">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="time"
        aria-invalid={error ? true : undefined}
        aria-describedby={[note ? `${id}-note` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        ref={(el) => {
          ref(el)
          input.current = el
        }}
        {...field}
      />
      {note ? (
        <p className="field-hint" id={`${id}-note`}>
          {note}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {t('form.error.time')}
        </p>
      ) : null}
    </div>
  )
}

function SavedNotice({ saved }: { saved: Saved }) {
  const { t, lang } = useI18n()
  const time = timeOfDay(lang, saved.at)
  return (
    <div className="notice notice-ok" data-testid="call-saved">
      <p>{t('call.saved', { time, topic: t(`call.topic.${saved.topic}`), outcome: t(`call.outcome.${saved.outcome}`) })}</p>
      <p>
        <Link to={`records/call/${saved.recordId}`}>{t('call.saved.open')}</Link>
      </p>
    </div>
  )
}

// The server names the payload's fields (`payload.folio`); the form's are the same without it.
function onFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem) {
    return error
  }
  return new ApiError(error.status, { ...error.problem, errors: error.problem.errors?.map((e) => ({ ...e, field: e.field.replace(/^payload\./, '') })) })
}
