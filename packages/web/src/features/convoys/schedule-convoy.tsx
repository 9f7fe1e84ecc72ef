import { MEXICAN_STATES } from '@faro/core'
import { useId, useMemo, useState } from 'react'
import { api } from '../../api/client.ts'
import type { Items, OrgUnit } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { CheckField } from '../../ui/choice-fields.tsx'
import { FormActions, SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { DateTimeField } from './datetime-field.tsx'
import { CONVOY_FIELDS, convoyBody, ConvoyForm } from './convoy-form.ts'
import type { OperationChoice } from './types.ts'

// The federal police force escorts Paisano's convoys unless the office says otherwise.
const DEFAULT_ESCORT = 'agency-pf'

/**
 * Schedules a convoy under the account's own office: where and when it leaves, its route, the
 * states it goes to (boxes to tick, easier on a phone than a list of several choices), what
 * travels, who escorts it, the operation and whether the public schedule shows it.
 */
export function ScheduleConvoy({ operations, operationId, onScheduled, onCancel }: { operations: readonly OperationChoice[]; operationId: string; onScheduled: (convoy: { recordId: string; departurePoint: string }) => void; onCancel: () => void }) {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const destinationsId = useId()
  const form = useSchemaForm(ConvoyForm, { departurePoint: '', departureState: undefined, departsAt: '', route: '', destinationStates: [], vehicles: '', people: '', escortId: DEFAULT_ESCORT, operationId, published: false, notes: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  // One id per convoy, kept across retries so a lost answer never schedules it twice.
  const [id] = useState(uuidv7)
  const units = useFetch<Items<OrgUnit>>('/api/org-units')
  const escorts = useMemo(() => (units.status === 'ok' ? units.data.items.filter((u) => u.kind === 'agency').map((u) => ({ value: u.id, label: u.name })).sort((a, b) => a.label.localeCompare(b.label, lang)) : [{ value: DEFAULT_ESCORT, label: t('convoy.field.escortLoading') }]), [units, lang, t])
  const states = MEXICAN_STATES.map((s) => ({ value: s, label: s }))
  const destinationsError = form.formState.errors.destinationStates
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    try {
      await api('/api/convoys', { method: 'POST', body: convoyBody(values, id, me.orgUnit.id) })
      onScheduled({ recordId: id, departurePoint: values.departurePoint })
    } catch (error) {
      setFailure(showServerErrors(form, error, CONVOY_FIELDS))
    }
  })
  return (
    <form className="card convoy-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${destinationsId}-title`} data-testid="convoy-form">
      <h2 id={`${destinationsId}-title`}>{t('convoy.form.title')}</h2>
      <TextField form={form} name="departurePoint" label={t('convoy.field.departurePoint')} hint={t('convoy.field.departurePointHint')} autoComplete="off" />
      <div className="convoy-form-row">
        <SelectField form={form} name="departureState" label={t('convoy.field.departureState')} placeholder={t('convoy.field.choose')} options={states} />
        <DateTimeField form={form} name="departsAt" label={t('convoy.field.departsAt')} />
      </div>
      <TextField form={form} name="route" label={t('convoy.field.route')} hint={t('convoy.field.routeHint')} autoComplete="off" />
      <fieldset className="convoy-states" aria-describedby={destinationsError ? `${destinationsId}-error` : undefined} aria-invalid={destinationsError ? true : undefined}>
        <legend>{t('convoy.field.destinationStates')}</legend>
        <div className="check-grid">
          {MEXICAN_STATES.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" value={s} {...form.register('destinationStates')} />
              {s}
            </label>
          ))}
        </div>
        {destinationsError ? (
          <p className="field-error" id={`${destinationsId}-error`} role="alert">
            {destinationsError.type === 'server' && destinationsError.message ? destinationsError.message : t('convoy.field.destinationsNeeded')}
          </p>
        ) : null}
      </fieldset>
      <div className="convoy-form-row">
        <TextField form={form} name="vehicles" label={t('convoy.field.vehicles')} inputMode="numeric" autoComplete="off" />
        <TextField form={form} name="people" label={t('convoy.field.people')} inputMode="numeric" autoComplete="off" />
      </div>
      <p className="field-hint">{t('convoy.field.countsHint')}</p>
      <SelectField form={form} name="escortId" label={t('convoy.field.escort')} options={escorts} />
      <SelectField form={form} name="operationId" label={t('convoy.field.operation')} options={[{ value: '', label: t('convoy.field.noOperation') }, ...operations.map((o) => ({ value: o.recordId, label: o.name }))]} />
      <TextField form={form} name="notes" label={t('convoy.field.notes')} hint={t('convoy.field.notesHint')} multiline />
      <CheckField form={form} name="published" label={t('convoy.field.published')} hint={t('convoy.field.publishedHint')} />
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t('convoy.form.submit')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}
