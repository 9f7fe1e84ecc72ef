import type { CandidateMark, ReviewCandidate } from '@faro/core'
import { useEffect, useId, useRef, useState } from 'react'
import { z } from 'zod'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import { CheckField, RadioTiles } from '../../ui/choice-fields.tsx'
import { FormActions, TextField, useSchemaForm } from '../../ui/form.tsx'
import { Link } from '../../ui/router.tsx'
import { explain, fieldText, levelText, personName } from './review-words.ts'
import { StepError, useTraceStep } from './trace-steps.tsx'

interface CandidateProps {
  caseId: string
  soughtId: string
  candidate: ReviewCandidate
  /** The account may mark it and say how the search ended. */
  canMark: boolean
}

const QUICK_MARKS: readonly CandidateMark[] = ['possible', 'not_this_person']

/**
 * One registry record that may be the person sought: how close, who it names, what the record is
 * and where, why the engine thinks so field by field, and the reviewer's word on it.
 */
export function CandidateCard({ caseId, soughtId, candidate: c, canMark }: CandidateProps) {
  const { t, lang } = useI18n()
  const id = useId()
  const step = useTraceStep(caseId)
  const [confirming, setConfirming] = useState(false)
  const name = personName(c.identity) || t('case.unknownValue')
  const day = c.occurredAt === null ? undefined : new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'medium' }).format(new Date(c.occurredAt))
  const kindKey = `trace.recordKind.${c.kind}`
  const kind = isMessageKey(kindKey) ? t(kindKey, { sex: c.identity.sex ?? 'unknown' }) : t('case.unknownValue')
  const ref = { recordType: c.recordType, recordId: c.recordId }
  return (
    <li className={`candidate candidate-${c.band}${c.mark ? ` candidate-marked-${c.mark}` : ''}`} aria-labelledby={`${id}-name`} data-testid="trace-candidate">
      <div className="candidate-chips">
        <span className={`chip chip-band-${c.band}`} data-testid="candidate-band">
          {t(`trace.band.${c.band}`)}
        </span>
        {c.alert ? (
          <span className="chip chip-new" title={t('trace.review.newHint')} data-testid="candidate-new">
            {t('trace.review.new')}
          </span>
        ) : null}
        {c.mark ? (
          <span className={`chip chip-mark-${c.mark}`} data-testid="candidate-mark">
            {t(`trace.mark.${c.mark}`)}
          </span>
        ) : null}
      </div>
      <h4 className="candidate-name" id={`${id}-name`} data-testid="candidate-name">
        {name}
        {c.identity.aliases.length > 0 ? <span className="candidate-alias"> ({c.identity.aliases.join(', ')})</span> : null}
      </h4>
      <p className="candidate-meta" data-testid="candidate-meta">
        {[kind, day, c.unitName, c.source ? t('trace.review.source', { source: c.source }) : undefined].filter(Boolean).join(' · ')}
      </p>
      {c.alias ? <p className="candidate-note">{t('trace.review.alias')}</p> : null}
      <Why contributions={c.contributions} />
      {c.canOpen ? (
        <p className="candidate-open">
          <Link to={`records/${encodeURIComponent(c.recordType)}/${encodeURIComponent(c.recordId)}`}>{t('trace.review.openRecord')}</Link>
        </p>
      ) : null}
      {canMark && confirming ? (
        <ConfirmForm caseId={caseId} soughtId={soughtId} candidate={c} onDone={() => setConfirming(false)} />
      ) : null}
      {canMark && !confirming ? (
        <>
          <div className="actions candidate-actions" role="group" aria-label={t('trace.review.actionsFor', { name })}>
            {QUICK_MARKS.filter((m) => m !== c.mark).map((mark) => (
              <button key={mark} type="button" className="button button-secondary" disabled={step.busy} onClick={() => void step.run({ type: 'mark_candidate', soughtId, candidate: ref, mark })}>
                {t(`trace.markAction.${mark}`)}
              </button>
            ))}
            <button type="button" className="button button-primary" disabled={step.busy} onClick={() => setConfirming(true)}>
              {t('trace.markAction.confirmed')}
            </button>
          </div>
          <StepError error={step.error} />
        </>
      ) : null}
    </li>
  )
}

/** Each field's level in words with its weight, a bar to the right for, to the left against. */
function Why({ contributions }: { contributions: ReviewCandidate['contributions'] }) {
  const { t, lang } = useI18n()
  const { fields, unknown } = explain(contributions)
  const list = new Intl.ListFormat(lang === 'es' ? 'es-MX' : 'en-US', { type: 'conjunction' })
  return (
    <div className="why" data-testid="candidate-why">
      <p className="why-title">{t('trace.review.why')}</p>
      <ul className="why-list">
        {fields.map((f) => {
          const side = f.bits > 0 ? 'for' : f.bits < 0 ? 'against' : 'none'
          return (
            <li key={f.field} className={`why-row why-${side}`}>
              <span className="why-text">
                <span className="why-field">{fieldText(t, f.field)}</span> {levelText(t, f.field, f.level)}
              </span>
              <span className="why-weight">
                {side === 'none' ? null : <span className="visually-hidden">{t(side === 'for' ? 'trace.review.for' : 'trace.review.against')} </span>}
                {t('trace.review.weight', { bits: f.bits })}
              </span>
              <span className="why-bar" aria-hidden="true">
                <span className="why-fill" style={{ width: `${Math.max(2, Math.round(f.share * 50))}%` }} />
              </span>
            </li>
          )
        })}
      </ul>
      {unknown.length > 0 ? <p className="why-unknown">{t('trace.review.unknownFields', { fields: list.format(unknown.map((f) => fieldText(t, f))) })}</p> : null}
    </div>
  )
}

const ConfirmValues = z
  .object({
    how: z.enum(['alive', 'deceased'], { error: 'trace_how' }),
    place: z.string().trim().max(200),
    condition: z.string().trim().max(500),
    forensicRef: z.string().trim().max(120),
    unableToDecide: z.boolean(),
  })
  .refine((v) => v.how !== 'deceased' || v.forensicRef !== '', { path: ['forensicRef'], message: 'required' })
type ConfirmValues = z.input<typeof ConfirmValues>

/**
 * Confirms a candidate and says how the person was found, in two steps: the mark, then the
 * outcome tied to the record. A retry after the mark went through sends only the outcome.
 */
function ConfirmForm({ caseId, soughtId, candidate, onDone }: { caseId: string; soughtId: string; candidate: ReviewCandidate; onDone: () => void }) {
  const { t } = useI18n()
  const marking = useTraceStep(caseId)
  const ending = useTraceStep(caseId)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const form = useSchemaForm(ConfirmValues, { how: candidate.kind === 'deceased' ? 'deceased' : 'alive', place: '', condition: '', forensicRef: '', unableToDecide: false })
  const how = form.watch('how')
  const record = { recordType: candidate.recordType, recordId: candidate.recordId }
  const submit = form.handleSubmit(async (v) => {
    const forensicRef = v.how === 'deceased' ? v.forensicRef : undefined
    if (candidate.mark !== 'confirmed') {
      const marked = await marking.run({ type: 'mark_candidate', soughtId, candidate: record, mark: 'confirmed', ...(forensicRef ? { forensicRef } : {}) })
      if (!marked) {
        return
      }
    }
    const outcome =
      v.how === 'deceased'
        ? ({ type: 'set_outcome', soughtId, outcome: 'found_deceased', record, forensicRef: v.forensicRef, ...(v.place ? { place: v.place } : {}) } as const)
        : ({ type: 'set_outcome', soughtId, outcome: 'found_alive', record, ...(v.place ? { place: v.place } : {}), ...(v.condition ? { condition: v.condition } : {}), ...(v.unableToDecide ? { unableToDecide: true } : {}) } as const)
    if (await ending.run(outcome)) {
      onDone()
    }
  })
  return (
    <form className="step-form trace-confirm" onSubmit={(e) => void submit(e)} noValidate aria-label={t('trace.confirm.title')} data-testid="trace-confirm">
      <h5 ref={heading} tabIndex={-1} className="step-form-title">
        {t('trace.confirm.title')}
      </h5>
      <p className="muted">{t('trace.confirm.hint')}</p>
      <RadioTiles<ConfirmValues> form={form} name="how" legend={t('trace.confirm.how')} look="pills" options={[{ value: 'alive', label: t('trace.confirm.alive') }, { value: 'deceased', label: t('trace.confirm.deceased') }]} />
      {how === 'deceased' ? <TextField<ConfirmValues> form={form} name="forensicRef" label={t('trace.confirm.forensicRef')} hint={t('trace.confirm.forensicHint')} autoComplete="off" /> : null}
      <TextField<ConfirmValues> form={form} name="place" label={t('trace.confirm.place')} hint={t('trace.confirm.placeHint')} autoComplete="off" />
      {how === 'alive' ? <TextField<ConfirmValues> form={form} name="condition" label={t('trace.confirm.condition')} hint={t('trace.confirm.conditionHint')} multiline /> : null}
      {how === 'alive' ? <CheckField<ConfirmValues> form={form} name="unableToDecide" label={t('trace.confirm.unableToDecide')} hint={t('trace.confirm.unableToDecideHint')} /> : null}
      <StepError error={marking.error ?? ending.error} />
      <FormActions submit={t('trace.confirm.submit')} busy={marking.busy || ending.busy || form.formState.isSubmitting} onCancel={onDone} />
    </form>
  )
}
