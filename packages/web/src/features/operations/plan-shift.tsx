import { useId, useState, type InputHTMLAttributes, type Ref } from 'react'
import type { FieldError } from 'react-hook-form'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { FormActions, SelectField, showServerErrors, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { ShiftForm } from './operation-form.ts'
import type { Operation, Site, Volunteer } from './types.ts'
import { addDays } from './week.ts'
import { weekdayText } from './words.ts'

/**
 * Plans a shift at the site on a day of the week shown: its times (an end before the start runs
 * past midnight), how many are needed and who is on it, among the site's volunteers.
 */
export function PlanShift({ operation, site, from, people, onPlanned }: { operation: Operation; site: Site; from: string; people: readonly Volunteer[]; onPlanned: (text: string) => void }) {
  const { t, lang } = useI18n()
  const id = useId()
  const [open, setOpen] = useState(false)
  const form = useSchemaForm(ShiftForm, { date: from, starts: '08:00', ends: '14:00', needed: '2', volunteers: [] })
  const [failure, setFailure] = useState<unknown>(undefined)
  const [shiftId, setShiftId] = useState(uuidv7)
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    try {
      await api('/api/shifts', { method: 'POST', body: { id: shiftId, orgUnitId: site.orgUnitId, operationId: operation.recordId, ...values } })
      onPlanned(t('ops.plan.done', { day: weekdayText(lang, values.date), starts: values.starts, ends: values.ends }))
      // The next shift is another one: a new id, the same day and a cleared list of who is on it.
      setShiftId(uuidv7())
      form.reset({ ...form.getValues(), volunteers: [] })
      setOpen(false)
    } catch (error) {
      setFailure(showServerErrors(form, error, ['date', 'starts', 'ends', 'needed', 'volunteers']))
    }
  })
  if (!open) {
    return (
      <div className="actions ops-plan-start">
        <button type="button" className="button button-primary" onClick={() => setOpen(true)} data-testid="roster-plan-open">
          {t('ops.plan.open')}
        </button>
      </div>
    )
  }
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i))
  const sorted = [...people].sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '', lang))
  return (
    <form className="card ops-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="roster-plan-form">
      <h2 id={`${id}-title`}>{t('ops.plan.title', { site: site.name })}</h2>
      <SelectField form={form} name="date" label={t('ops.plan.date')} options={days.map((d) => ({ value: d, label: weekdayText(lang, d) }))} />
      <div className="ops-form-row">
        <InputField id={`${id}-starts`} label={t('ops.plan.starts')} type="time" error={form.formState.errors.starts} {...form.register('starts')} />
        <InputField id={`${id}-ends`} label={t('ops.plan.ends')} type="time" error={form.formState.errors.ends} hint={t('ops.plan.endsHint')} {...form.register('ends')} />
        <InputField id={`${id}-needed`} label={t('ops.plan.needed')} type="number" min={1} max={50} error={form.formState.errors.needed} {...form.register('needed')} />
      </div>
      <fieldset className="ops-groups">
        <legend>{t('ops.plan.volunteers')}</legend>
        {sorted.length === 0 ? <p className="muted">{t('ops.plan.noVolunteers')}</p> : null}
        <div className="check-grid">
          {sorted.map((v) => (
            <label key={v.userId} className="check">
              <input type="checkbox" value={v.userId} {...form.register('volunteers')} />
              {v.displayName ?? v.username ?? t('ops.volunteers.noName')}
            </label>
          ))}
        </div>
      </fieldset>
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t('ops.plan.submit')} busy={form.formState.isSubmitting} onCancel={() => setOpen(false)} />
    </form>
  )
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; error: FieldError | undefined; hint?: string; ref?: Ref<HTMLInputElement> }

/** A time or a number, labelled, with the server's message (or a general one) under it. */
function InputField({ id, label, error, hint, ...input }: InputProps) {
  const { t } = useI18n()
  const text = error === undefined ? undefined : error.type === 'server' && error.message ? error.message : t('form.error.invalid')
  const describedBy = [hint ? `${id}-hint` : '', text ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={text ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {text ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {text}
        </p>
      ) : null}
    </div>
  )
}
