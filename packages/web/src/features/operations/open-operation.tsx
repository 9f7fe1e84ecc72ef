import { OperationKind, SpecialReason } from '@faro/core'
import { useId, useMemo, useState } from 'react'
import { api } from '../../api/client.ts'
import type { Items, OrgUnit } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { DateField } from '../../ui/choice-fields.tsx'
import { FormActions, SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { operationBody, OperationForm } from './operation-form.ts'

// Far enough ahead for any operation's dates.
const FAR = '2100-12-31'
const GROUP_KINDS = new Set(['beta_coordination', 'beta_group'])

/**
 * Opens an operation under the account's own office: one of Paisano's seasons, or a special
 * operation of the groups with why it opens and over which groups. An end before the start comes
 * back from the server, on the field.
 */
export function OpenOperation({ onOpened, onCancel }: { onOpened: (operation: { recordId: string; name: string }) => void; onCancel: () => void }) {
  const { t } = useI18n()
  const { me } = useSession()
  const groupsId = useId()
  // A group's coordination opens special operations only; Paisano's office its seasons too.
  const kinds = GROUP_KINDS.has(me.orgUnit.kind) ? (['special'] as const) : OperationKind.options
  const form = useSchemaForm(OperationForm, { name: '', kind: kinds.length === 1 ? 'special' : undefined, startsOn: '', endsOn: '', reason: '', units: [] })
  const [failure, setFailure] = useState<unknown>(undefined)
  // One id per operation, kept across retries so a lost answer never opens it twice.
  const [id] = useState(uuidv7)
  const units = useFetch<Items<OrgUnit>>('/api/org-units')
  const groups = useMemo(() => (units.status === 'ok' ? units.data.items.filter((u) => u.kind === 'beta_group' && (u.path.includes(me.orgUnit.id) || !GROUP_KINDS.has(me.orgUnit.kind))) : []), [units, me.orgUnit])
  const special = form.watch('kind') === 'special'
  const groupsError = form.formState.errors.units
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    try {
      await api(`/api/operations`, { method: 'POST', body: operationBody(values, id, me.orgUnit.id) })
      onOpened({ recordId: id, name: values.name })
    } catch (error) {
      setFailure(showServerErrors(form, error, ['name', 'kind', 'startsOn', 'endsOn', 'reason', 'units']))
    }
  })
  return (
    <form className="card ops-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${groupsId}-title`} data-testid="ops-open-form">
      <h2 id={`${groupsId}-title`}>{t('ops.open.title')}</h2>
      <TextField form={form} name="name" label={t('ops.field.name')} hint={t('ops.field.nameHint')} autoComplete="off" />
      <SelectField form={form} name="kind" label={t('ops.field.kind')} placeholder={t('ops.field.choose')} options={kinds.map((k) => ({ value: k, label: t(`ops.kind.${k}`) }))} />
      <div className="ops-form-row">
        <DateField form={form} name="startsOn" label={t('ops.field.startsOn')} max={FAR} />
        <DateField form={form} name="endsOn" label={t('ops.field.endsOn')} max={FAR} />
      </div>
      <p className="field-hint">{t('ops.field.endsOnHint')}</p>
      {special ? (
        <>
          <SelectField form={form} name="reason" label={t('ops.field.reason')} placeholder={t('ops.field.choose')} options={SpecialReason.options.map((r) => ({ value: r, label: t(`ops.reason.${r}`) }))} />
          <fieldset className="ops-groups" aria-describedby={groupsError ? `${groupsId}-error` : undefined} aria-invalid={groupsError ? true : undefined}>
            <legend>{t('ops.field.groups')}</legend>
            <div className="check-grid">
              {groups.map((g) => (
                <label key={g.id} className="check">
                  <input type="checkbox" value={g.id} {...form.register('units')} />
                  {g.name}
                </label>
              ))}
            </div>
            {groupsError ? (
              <p className="field-error" id={`${groupsId}-error`} role="alert">
                {t('ops.field.groupsNeeded')}
              </p>
            ) : null}
          </fieldset>
        </>
      ) : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t('ops.open.submit')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}
