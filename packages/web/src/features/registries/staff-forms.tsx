import { GovernmentLevel, Issuer, StaffFunction } from '@faro/core'
import { useMemo, useState } from 'react'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { FormActions, SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { DateField } from '../../ui/choice-fields.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { certificateBody, CertificateForm, LANGUAGES, profileBody, ProfileForm, profileValues } from './registry-forms.ts'
import { courseName } from './registry-words.ts'
import type { Course, StaffMember } from './types.ts'

// Far enough ahead for any certificate's expiry or fitness check.
const FAR = '2100-12-31'

/** A person's working profile: function, government level, since when, languages, fit until. */
export function ProfileEditor({ member, today, onSaved, onCancel }: { member: StaffMember; today: string; onSaved: () => void; onCancel: () => void }) {
  const { t, lang } = useI18n()
  const form = useSchemaForm(ProfileForm, profileValues(member))
  const [failure, setFailure] = useState<unknown>(undefined)
  const [id] = useState(uuidv7)
  const names = useMemo(() => new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }), [lang])
  const offered = [...new Set([...LANGUAGES, ...(member.profile?.languages ?? [])])]
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    try {
      await api(`/api/staff/${encodeURIComponent(member.userId)}/profile`, { method: 'PUT', body: profileBody(values, id) })
      onSaved()
    } catch (error) {
      setFailure(showServerErrors(form, error, ['function', 'governmentLevel', 'startDate', 'languages', 'fitUntil']))
    }
  })
  return (
    <form className="reg-form" onSubmit={(e) => void submit(e)} noValidate data-testid="team-profile-form">
      <div className="reg-form-row">
        <SelectField form={form} name="function" label={t('team.field.function')} placeholder={t('staff.field.choose')} options={StaffFunction.options.map((f) => ({ value: f, label: t(`staffFunction.${f}`) }))} />
        <SelectField form={form} name="governmentLevel" label={t('team.field.level')} placeholder={t('staff.field.choose')} options={GovernmentLevel.options.map((g) => ({ value: g, label: t(`governmentLevel.${g}`) }))} />
      </div>
      <div className="reg-form-row">
        <DateField form={form} name="startDate" label={t('team.field.startDate')} max={today} />
        <DateField form={form} name="fitUntil" label={t('team.field.fitUntil')} max={FAR} />
      </div>
      <p className="field-hint">{t('team.field.fitUntilHint')}</p>
      <fieldset className="reg-languages">
        <legend>{t('team.field.languages')}</legend>
        {offered.map((code) => (
          <label key={code} className="check">
            <input type="checkbox" value={code} {...form.register('languages')} />
            {names.of(code) ?? code}
          </label>
        ))}
      </fieldset>
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t('team.saveProfile')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}

/** A certificate of one course for one person; an expiry before the issue comes back from the server on its field. */
export function CertificateEditor({ member, courses, today, onSaved, onCancel }: { member: StaffMember; courses: readonly Course[]; today: string; onSaved: (course: string) => void; onCancel: () => void }) {
  const { t, lang } = useI18n()
  const form = useSchemaForm(CertificateForm, { course: '', issuer: undefined, issuerName: '', issuedOn: '', expiresOn: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  // One id per certificate, kept across retries so a lost answer never records it twice.
  const [id] = useState(uuidv7)
  const courseOptions = useMemo(
    () => courses.map((c) => ({ value: c.code, label: courseName(t, lang, c.code, courses) })).sort((a, b) => a.label.localeCompare(b.label, lang)),
    [courses, t, lang],
  )
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    try {
      await api(`/api/staff/${encodeURIComponent(member.userId)}/certificates`, { method: 'POST', body: certificateBody(values, id) })
      onSaved(values.course)
    } catch (error) {
      setFailure(showServerErrors(form, error, ['course', 'issuer', 'issuerName', 'issuedOn', 'expiresOn']))
    }
  })
  return (
    <form className="reg-form" onSubmit={(e) => void submit(e)} noValidate data-testid="team-certificate-form">
      <div className="reg-form-row">
        <SelectField form={form} name="course" label={t('team.field.course')} placeholder={t('staff.field.choose')} options={courseOptions} />
        <SelectField form={form} name="issuer" label={t('team.field.issuer')} placeholder={t('staff.field.choose')} options={Issuer.options.map((i) => ({ value: i, label: t(`issuer.${i}`) }))} />
      </div>
      <TextField form={form} name="issuerName" label={t('team.field.issuerName')} />
      <div className="reg-form-row">
        <DateField form={form} name="issuedOn" label={t('team.field.issuedOn')} max={today} />
        <DateField form={form} name="expiresOn" label={t('team.field.expiresOn')} max={FAR} />
      </div>
      <p className="field-hint">{t('team.field.expiresOnHint')}</p>
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t('team.saveCertificate')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}
