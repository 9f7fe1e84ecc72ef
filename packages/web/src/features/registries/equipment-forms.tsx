import { EquipmentCondition, EquipmentStatus, EquipmentType, localDay } from '@faro/core'
import { useMemo, useState } from 'react'
import { api } from '../../api/client.ts'
import type { Items, OrgUnit } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { DateField } from '../../ui/choice-fields.tsx'
import { unitChoices } from '../../ui/choices.ts'
import { FormActions, SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { changeBody, ChangeForm, changeValues, registerBody, RegisterForm } from './registry-forms.ts'
import type { Equipment } from './types.ts'

const FAR = '2100-12-31'

/** A new vehicle or item of a group: the unit shown, or one of its groups. */
export function RegisterEditor({ unit, onSaved, onCancel }: { unit: string; onSaved: (item: string) => void; onCancel: () => void }) {
  const { t } = useI18n()
  const units = useFetch<Items<OrgUnit>>('/api/org-units')
  const groups = useMemo(() => (units.status === 'ok' ? unitChoices(units.data.items.filter((u) => u.path.includes(unit) && u.kind === 'beta_group')).map((c) => ({ ...c, label: c.label.trim() })) : []), [units, unit])
  const form = useSchemaForm(RegisterForm, { orgUnitId: groups.length === 0 ? unit : groups.length === 1 ? (groups[0]?.value ?? unit) : '', type: undefined, identifier: '', quantity: '1', acquiredOn: '', nextServiceOn: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  const [id] = useState(uuidv7)
  const today = localDay(new Date())
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    try {
      await api('/api/equipment', { method: 'POST', body: registerBody(values, id) })
      onSaved(`${t(`equipmentType.${values.type}`)} ${values.identifier}`)
    } catch (error) {
      setFailure(showServerErrors(form, error, ['orgUnitId', 'type', 'identifier', 'quantity', 'acquiredOn', 'nextServiceOn']))
    }
  })
  return (
    <form className="card reg-form" onSubmit={(e) => void submit(e)} noValidate data-testid="equipment-register">
      <h2>{t('gear.new')}</h2>
      {groups.length > 1 ? <SelectField form={form} name="orgUnitId" label={t('gear.field.unit')} placeholder={t('staff.field.choose')} options={groups} /> : null}
      <div className="reg-form-row">
        <SelectField form={form} name="type" label={t('gear.field.type')} placeholder={t('staff.field.choose')} options={EquipmentType.options.map((x) => ({ value: x, label: t(`equipmentType.${x}`) }))} />
        <TextField form={form} name="identifier" label={t('gear.field.identifier')} hint={t('gear.field.identifierHint')} />
      </div>
      <TextField form={form} name="quantity" label={t('gear.field.quantity')} inputMode="numeric" hint={t('gear.field.quantityHint')} />
      <div className="reg-form-row">
        <DateField form={form} name="acquiredOn" label={t('gear.field.acquiredOn')} max={today} />
        <DateField form={form} name="nextServiceOn" label={t('gear.field.nextServiceOn')} max={FAR} />
      </div>
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t('gear.register')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}

/** A change of an item's status, condition or usage, with a note of what was found or done. */
export function ChangeEditor({ item, onSaved, onCancel }: { item: Equipment; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n()
  const form = useSchemaForm(ChangeForm, changeValues(item))
  const [failure, setFailure] = useState<unknown>(undefined)
  const [id] = useState(uuidv7)
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    const body = changeBody(item, values, id)
    if (body === null) {
      onCancel()
      return
    }
    try {
      await api(`/api/equipment/${encodeURIComponent(item.recordId)}`, { method: 'PATCH', body })
      onSaved()
    } catch (error) {
      setFailure(showServerErrors(form, error, ['status', 'condition', 'usage', 'note']))
    }
  })
  return (
    <form className="reg-form" onSubmit={(e) => void submit(e)} noValidate data-testid="equipment-change">
      <div className="reg-form-row">
        <SelectField form={form} name="status" label={t('gear.field.status')} options={EquipmentStatus.options.map((x) => ({ value: x, label: t(`equipmentStatus.${x}`) }))} />
        <SelectField form={form} name="condition" label={t('gear.field.condition')} options={EquipmentCondition.options.map((x) => ({ value: x, label: t(`equipmentCondition.${x}`) }))} />
      </div>
      <TextField form={form} name="usage" label={t('gear.field.usage')} inputMode="numeric" />
      <TextField form={form} name="note" label={t('gear.field.note')} multiline />
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t('gear.saveChange')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}
