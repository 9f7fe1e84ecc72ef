import { ConvoyIncidentKind } from '@faro/core'
import { useState } from 'react'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { FormActions, SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { incidentBody, IncidentForm, isoToLocal } from './convoy-form.ts'
import { DateTimeField } from './datetime-field.tsx'
import type { Convoy } from './types.ts'

/** Records what happened on a convoy's road: when, what, where and what was done. Added, never replacing another. */
export function RecordIncident({ convoy, name, onRecorded, onCancel }: { convoy: Convoy; name: string; onRecorded: () => void; onCancel: () => void }) {
  const { t } = useI18n()
  const form = useSchemaForm(IncidentForm, { at: isoToLocal(new Date()), kind: undefined, place: '', description: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  // One id per incident, kept across retries so a lost answer never records it twice.
  const [id] = useState(uuidv7)
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    try {
      await api(`/api/convoys/${encodeURIComponent(convoy.recordId)}/incidents`, { method: 'POST', body: incidentBody(values, id) })
      onRecorded()
    } catch (error) {
      setFailure(showServerErrors(form, error, ['at', 'kind', 'place', 'description']))
    }
  })
  return (
    <form className="convoy-incident-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('convoy.incident.formNamed', { name })} data-testid="convoy-incident-form">
      <div className="convoy-form-row">
        <SelectField form={form} name="kind" label={t('convoy.incident.kind')} placeholder={t('convoy.field.choose')} options={ConvoyIncidentKind.options.map((k) => ({ value: k, label: t(`convoy.incident.kind.${k}`) }))} />
        <DateTimeField form={form} name="at" label={t('convoy.incident.at')} />
      </div>
      <TextField form={form} name="place" label={t('convoy.incident.place')} hint={t('convoy.incident.placeHint')} autoComplete="off" />
      <TextField form={form} name="description" label={t('convoy.incident.description')} hint={t('convoy.incident.descriptionHint')} multiline />
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t('convoy.incident.submit')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}
