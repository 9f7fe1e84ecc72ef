import { CreatePersonInput, PersonIdentity, Sex } from '@faro/core'
import { useMemo, useState } from 'react'
import { z } from 'zod'
import { api, ApiError } from '../../api/client.ts'
import type { Items, OrgUnit } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { countryChoices, unitChoices } from '../../ui/choices.ts'
import { SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import type { MaskedPerson } from './types.ts'

/** A field the person may leave blank: blank is sent as nothing, anything else is checked. */
function orBlank<S extends z.ZodType>(schema: S) {
  return z.union([z.literal(''), schema]).optional()
}

// The few fields a person usually gives at first, flat for the form; the vault's schema checks each.
const Fields = z.object({
  orgUnitId: CreatePersonInput.shape.orgUnitId,
  givenNames: orBlank(PersonIdentity.shape.givenNames.unwrap()),
  firstSurname: orBlank(PersonIdentity.shape.firstSurname.unwrap()),
  secondSurname: orBlank(PersonIdentity.shape.secondSurname.unwrap()),
  sex: z.union([Sex, z.literal('')]).optional(),
  approximateAge: z.union([z.literal(''), z.coerce.number().int().min(0).max(120)]).optional(),
  nationality: z.string().optional(),
  phone: z.string().trim().max(40).optional(),
})
const FIELD_NAMES = ['orgUnitId', 'givenNames', 'firstSurname', 'secondSurname', 'sex', 'approximateAge', 'nationality', 'phone'] as const satisfies readonly (keyof z.infer<typeof Fields>)[]

/**
 * Stores a person's identity in the vault, only when the person chooses to give it: the names,
 * sex, age, nationality and a phone, under the unit responsible for it. The answer is masked
 * like any other; revealing it later is audited.
 */
export function RegisterPerson({ onRegistered }: { onRegistered: (person: MaskedPerson) => void }) {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const units = useFetch<Items<OrgUnit>>('/api/org-units')
  const unitOptions = useMemo(
    () => (units.status === 'ok' ? unitChoices(units.data.items.filter((u) => u.path.includes(me.orgUnit.id))) : []),
    [units, me.orgUnit.id],
  )
  const countries = useMemo(() => countryChoices(lang), [lang])
  const form = useSchemaForm(Fields, { orgUnitId: me.orgUnit.id, givenNames: '', firstSurname: '', secondSurname: '', sex: '', approximateAge: '', nationality: '', phone: '' })
  const [failure, setFailure] = useState<unknown>(undefined)

  const submit = form.handleSubmit(async (v) => {
    setFailure(undefined)
    const identity = {
      ...(v.givenNames ? { givenNames: v.givenNames } : {}),
      ...(v.firstSurname ? { firstSurname: v.firstSurname } : {}),
      ...(v.secondSurname ? { secondSurname: v.secondSurname } : {}),
      ...(v.sex ? { sex: v.sex } : {}),
      ...(typeof v.approximateAge === 'number' ? { approximateAge: v.approximateAge } : {}),
      ...(v.nationality ? { nationality: v.nationality } : {}),
      ...(v.phone ? { phones: [v.phone] } : {}),
    }
    try {
      onRegistered(await api<MaskedPerson>('/api/people', { method: 'POST', body: { orgUnitId: v.orgUnitId, identity } }))
      form.reset()
    } catch (error) {
      // The vault names fields under `identity.`; the form has them flat.
      const flat = error instanceof ApiError && error.problem ? new ApiError(error.status, { ...error.problem, errors: error.problem.errors?.map((e) => ({ ...e, field: e.field.replace(/^identity\./, '').replace(/^phones\.\d+$/, 'phone') })) }) : error
      setFailure(showServerErrors<z.input<typeof Fields>>(form, flat, FIELD_NAMES))
    }
  })

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="person-register">
      <h2>{t('people.register.title')}</h2>
      <p className="muted">{t('people.register.intro')}</p>
      <SelectField form={form} name="orgUnitId" label={t('people.register.unit')} options={unitOptions} />
      <TextField form={form} name="givenNames" label={t('people.field.givenNames')} autoComplete="off" />
      <TextField form={form} name="firstSurname" label={t('people.field.firstSurname')} autoComplete="off" />
      <TextField form={form} name="secondSurname" label={t('people.field.secondSurname')} autoComplete="off" />
      <SelectField form={form} name="sex" label={t('people.field.sex')} options={Sex.options.map((s) => ({ value: s, label: t(`sex.${s}`) }))} placeholder={t('people.register.notSaid')} />
      <TextField form={form} name="approximateAge" inputMode="numeric" label={t('people.field.approximateAge')} />
      <SelectField form={form} name="nationality" label={t('people.field.nationality')} options={countries} placeholder={t('people.register.notSaid')} />
      <TextField form={form} name="phone" autoComplete="off" label={t('people.register.phone')} />
      {failure ? <ErrorNotice error={failure} /> : null}
      <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
        {t('people.register.submit')}
      </button>
    </form>
  )
}
