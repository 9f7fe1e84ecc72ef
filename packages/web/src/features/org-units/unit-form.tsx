import { CreateOrgUnitInput, OrgUnitKind } from '@faro/core'
import { useState } from 'react'
import { z } from 'zod'
import { api } from '../../api/client.ts'
import type { OrgUnit } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { unitChoices } from '../../ui/choices.ts'
import { SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice } from '../../ui/status.tsx'

// Every new unit hangs from an existing one: only the seed creates roots.
const NewUnit = CreateOrgUnitInput.pick({ id: true, kind: true, name: true, state: true, city: true }).extend({ parentId: CreateOrgUnitInput.shape.parentId.unwrap() })

/** A new unit under an existing one: a group, a module, an observation point, an agency… */
export function UnitForm({ units, onCreated }: { units: readonly OrgUnit[]; onCreated: (unit: OrgUnit) => void }) {
  const { t } = useI18n()
  const form = useSchemaForm(NewUnit, { id: '', parentId: '', kind: undefined, name: '', state: '', city: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  const parents = unitChoices(units)
  const kinds = OrgUnitKind.options.map((k) => ({ value: k, label: t(`orgUnitKind.${k}`) }))
  const submit = form.handleSubmit(async (values: z.output<typeof NewUnit>) => {
    setFailure(undefined)
    const body = { ...values, ...(values.state ? {} : { state: undefined }), ...(values.city ? {} : { city: undefined }) }
    try {
      onCreated(await api<OrgUnit>('/api/org-units', { method: 'POST', body }))
      form.reset()
    } catch (error) {
      setFailure(showServerErrors(form, error, ['id', 'parentId', 'kind', 'name', 'state', 'city']))
    }
  })
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="unit-create">
      <h2>{t('units.create.title')}</h2>
      <TextField form={form} name="name" label={t('units.field.name')} />
      <TextField form={form} name="id" label={t('units.field.id')} autoComplete="off" hint={t('units.field.idHint')} />
      <SelectField form={form} name="parentId" label={t('units.field.parent')} options={parents} placeholder={t('staff.field.choose')} />
      <SelectField form={form} name="kind" label={t('units.field.kind')} options={kinds} placeholder={t('staff.field.choose')} />
      <TextField form={form} name="state" label={t('units.field.state')} />
      <TextField form={form} name="city" label={t('units.field.city')} />
      {failure ? <ErrorNotice error={failure} /> : null}
      <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
        {t('units.create.submit')}
      </button>
    </form>
  )
}
