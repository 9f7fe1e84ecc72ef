import { CaseAcknowledged, CaseAnswered, CaseClosed, CaseClosureProposed, CaseInfoProvided, CaseInfoRequested, CaseNoteAdded, CaseOutcome, CaseReferred, CaseReopened, RecordId, REOPEN_WINDOW_DAYS } from '@faro/core'
import { useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { ApiError } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import type { Choice } from '../../ui/choices.ts'
import { FormActions, SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { useBodies, word } from './case-words.ts'
import { useStepSender } from './step-sender.ts'
import type { CaseItem, Hop, StepDraft } from './types.ts'

type StepType = StepDraft['type']
type Values = Record<string, string>
type T = (key: MessageKey, values?: Record<string, string | number>) => string

interface FieldSpec {
  name: string
  label: string
  kind: 'text' | 'multiline' | 'select'
  options?: readonly Choice[]
  placeholder?: string
  hint?: string
}

/** One step the account may take here: its button, its form and the step it sends. */
interface StepSpec {
  type: StepType
  schema: z.ZodType<Values, Values>
  defaults: Values
  fields: FieldSpec[]
  toStep: (values: Values) => StepDraft
  primary?: boolean
}

/**
 * What the account may do on one hop: the liaison of the hop's body takes it, asks, answers,
 * refers it on or proposes to close it; the call centre gives the information the body asked for.
 */
export function HopActions({ item, hop }: { item: CaseItem; hop: Hop }) {
  const { t } = useI18n()
  const { me, can } = useSession()
  const { bodies } = useBodies()
  const open = item.state.closedAt === undefined && hop.status !== 'referred'
  const specs: StepSpec[] = []
  if (open && can('case.answer') && hop.bodyId === me.orgUnit.id) {
    const elsewhere = bodies.filter((b) => b.value !== hop.bodyId && b.value !== item.state.accused?.agencyId)
    specs.push(...hopSteps(t, hop, elsewhere))
  }
  if (open && can('case.update') && hop.status === 'info_requested') {
    specs.push(textStep('provide_info', 'answer', CaseInfoProvided.shape.answer, t('case.step.field.info'), (answer) => ({ type: 'provide_info', hopId: hop.hopId, answer }), true))
  }
  return <ActionBar caseId={item.recordId} specs={specs} level={4} />
}

/** What the national office and the call centre may do on the whole case: route, close, reopen, note. */
export function OfficeActions({ item }: { item: CaseItem }) {
  const { t } = useI18n()
  const { can } = useSession()
  const { bodies } = useBodies()
  const s = item.state
  const closed = s.closedAt !== undefined
  const specs: StepSpec[] = []
  if (!closed && can('case.close')) {
    const proposed = s.hops.find((h) => h.status === 'closure_proposed')
    specs.push({
      type: 'close',
      schema: z.object({ outcome: CaseOutcome, summary: CaseClosed.shape.summary.unwrap() }),
      defaults: { outcome: proposed?.proposedOutcome ?? '', summary: proposed?.proposedSummary ?? '' },
      fields: [outcomeField(t), { name: 'summary', label: t('case.step.field.closingSummary'), kind: 'multiline' }],
      toStep: (v) => ({ type: 'close', outcome: CaseOutcome.parse(v.outcome), ...(v.summary ? { summary: v.summary } : {}) }),
      primary: proposed !== undefined,
    })
  }
  if (!closed && can('case.route')) {
    const active = new Set(s.hops.filter((h) => h.status !== 'referred').map((h) => h.bodyId))
    specs.push({
      type: 'route',
      schema: z.object({ to: RecordId, reason: z.string().trim().max(500) }),
      defaults: { to: '', reason: '' },
      fields: [
        { name: 'to', label: t('case.step.field.to'), kind: 'select', options: bodies.filter((b) => !active.has(b.value) && b.value !== s.accused?.agencyId), placeholder: t('staff.field.choose') },
        { name: 'reason', label: t('case.step.field.routeReason'), kind: 'text' },
      ],
      toStep: (v) => ({ type: 'route', to: [v.to ?? ''], ...(v.reason ? { reason: v.reason } : {}) }),
    })
  }
  if (closed && can('case.close') && s.closedAt !== undefined && Date.now() - Date.parse(s.closedAt) <= REOPEN_WINDOW_DAYS * 86_400_000) {
    specs.push(textStep('reopen', 'reason', CaseReopened.shape.reason, t('case.step.field.reopenReason'), (reason) => ({ type: 'reopen', reason })))
  }
  if (!closed && can('case.update')) {
    specs.push(textStep('note', 'note', CaseNoteAdded.shape.note, t('case.step.field.note'), (note) => ({ type: 'note', note })))
  }
  if (specs.length === 0) {
    return null
  }
  return (
    <section className="card" aria-labelledby="case-actions-title" data-testid="case-actions">
      <h2 id="case-actions-title">{t('case.actions.title')}</h2>
      <ActionBar caseId={item.recordId} specs={specs} level={3} />
    </section>
  )
}

function hopSteps(t: T, hop: Hop, elsewhere: Choice[]): StepSpec[] {
  const hopId = hop.hopId
  const steps: StepSpec[] = []
  if (hop.acknowledgedAt === undefined) {
    steps.push({
      type: 'acknowledge',
      schema: z.object({ externalRef: CaseAcknowledged.shape.externalRef.unwrap() }),
      defaults: { externalRef: '' },
      fields: [{ name: 'externalRef', label: t('case.step.field.externalRef'), kind: 'text', hint: t('case.step.field.externalRefHint') }],
      toStep: (v) => ({ type: 'acknowledge', hopId, ...(v.externalRef ? { externalRef: v.externalRef } : {}) }),
      primary: true,
    })
  }
  steps.push(
    textStep('answer', 'answer', CaseAnswered.shape.answer, t('case.step.field.answer'), (answer) => ({ type: 'answer', hopId, answer }), hop.acknowledgedAt !== undefined),
    textStep('request_info', 'question', CaseInfoRequested.shape.question, t('case.step.field.question'), (question) => ({ type: 'request_info', hopId, question })),
    {
      type: 'refer',
      schema: z.object({ to: RecordId, reason: CaseReferred.shape.reason }),
      defaults: { to: '', reason: '' },
      fields: [
        { name: 'to', label: t('case.step.field.to'), kind: 'select', options: elsewhere, placeholder: t('staff.field.choose') },
        { name: 'reason', label: t('case.step.field.referReason'), kind: 'multiline' },
      ],
      toStep: (v) => ({ type: 'refer', hopId, to: [v.to ?? ''], reason: v.reason ?? '' }),
    },
    {
      type: 'propose_closure',
      schema: z.object({ outcome: CaseOutcome, summary: CaseClosureProposed.shape.summary }),
      defaults: { outcome: '', summary: '' },
      fields: [outcomeField(t), { name: 'summary', label: t('case.step.field.summary'), kind: 'multiline' }],
      toStep: (v) => ({ type: 'propose_closure', hopId, outcome: CaseOutcome.parse(v.outcome), summary: v.summary ?? '' }),
    },
  )
  return steps
}

/** A step of one text: a question, an answer, a note, a reason. */
function textStep(type: StepType, name: string, check: z.ZodString, label: string, toStep: (text: string) => StepDraft, primary = false): StepSpec {
  return { type, schema: z.object({ [name]: check }), defaults: { [name]: '' }, fields: [{ name, label, kind: 'multiline' }], toStep: (v) => toStep(v[name] ?? ''), primary }
}

function outcomeField(t: T): FieldSpec {
  return { name: 'outcome', label: t('case.step.field.outcome'), kind: 'select', options: CaseOutcome.options.map((o) => ({ value: o, label: word(t, 'outcome', o) })), placeholder: t('staff.field.choose') }
}

/** The buttons of the steps; the chosen one opens its form in place, and says when it was taken. */
function ActionBar({ caseId, specs, level }: { caseId: string; specs: StepSpec[]; level: 3 | 4 }) {
  const { t } = useI18n()
  const send = useStepSender(caseId)
  const [open, setOpen] = useState<StepType | undefined>(undefined)
  const [done, setDone] = useState<StepType | undefined>(undefined)
  const spec = specs.find((s) => s.type === open)
  return (
    <div className="step-actions">
      {done ? (
        <p className="notice notice-ok" role="status" data-testid="step-done">
          {t(`case.stepDone.${done}`)}
        </p>
      ) : null}
      {spec ? (
        <StepForm
          key={spec.type}
          spec={spec}
          level={level}
          send={send}
          onCancel={() => setOpen(undefined)}
          onDone={() => {
            setOpen(undefined)
            setDone(spec.type)
          }}
        />
      ) : specs.length > 0 ? (
        <div className="actions">
          {specs.map((s) => (
            <button
              key={s.type}
              type="button"
              className={`button ${s.primary ? 'button-primary' : 'button-secondary'}`}
              onClick={() => {
                setDone(undefined)
                setOpen(s.type)
              }}
            >
              {t(`case.step.${s.type}`)}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  )
}

function StepForm({ spec, level, send, onDone, onCancel }: { spec: StepSpec; level: 3 | 4; send: (draft: StepDraft) => Promise<CaseItem>; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n()
  const form = useSchemaForm(spec.schema, spec.defaults)
  const [failure, setFailure] = useState<unknown>(undefined)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const Heading = level === 3 ? 'h3' : 'h4'
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    try {
      await send(spec.toStep(values))
      onDone()
    } catch (error) {
      setFailure(showServerErrors(form, onFormFields(error), spec.fields.map((f) => f.name)))
    }
  })
  return (
    <form className="step-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t(`case.step.${spec.type}`)} data-testid={`step-${spec.type}`}>
      <Heading ref={heading} tabIndex={-1} className="step-form-title">
        {t(`case.step.${spec.type}`)}
      </Heading>
      <p className="muted">{t(`case.stepHint.${spec.type}`)}</p>
      {spec.fields.map((f) =>
        f.kind === 'select' ? (
          <SelectField key={f.name} form={form} name={f.name} label={f.label} options={f.options ?? []} {...(f.placeholder === undefined ? {} : { placeholder: f.placeholder })} />
        ) : (
          <TextField key={f.name} form={form} name={f.name} label={f.label} multiline={f.kind === 'multiline'} autoComplete="off" {...(f.hint === undefined ? {} : { hint: f.hint })} />
        ),
      )}
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t(`case.stepSubmit.${spec.type}`)} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}

// The server names the bodies one by one (`to.0`); the form has one list.
function onFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem) {
    return error
  }
  return new ApiError(error.status, { ...error.problem, errors: error.problem.errors?.map((e) => ({ ...e, field: e.field.replace(/^to\.\d+$/, 'to') })) })
}
