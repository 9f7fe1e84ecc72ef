import { CreateUserInput, ResetPasswordInput, Role, UpdateUserInput } from '@faro/core'
import { useMemo, useState } from 'react'
import { z } from 'zod'
import { api, apiNoContent } from '../../api/client.ts'
import type { Items, OrgUnit, User } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { unitChoices, type Choice } from '../../ui/choices.ts'
import { FormActions, SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'

/** The units as choices, in tree order, each indented under its parent. */
function useUnitOptions(): Choice[] {
  const units = useFetch<Items<OrgUnit>>('/api/org-units')
  return useMemo(() => (units.status === 'ok' ? unitChoices(units.data.items) : []), [units])
}

// The work e-mail as typed: empty means none; otherwise an address the API takes.
const WorkEmail = z
  .string()
  .trim()
  .refine((text) => text === '' || CreateUserInput.shape.email.safeParse(text).success, { message: 'email' })
const CreateUserFields = CreateUserInput.safeExtend({ email: WorkEmail })
const EditUserFields = z.strictObject({ ...UpdateUserInput.shape, email: WorkEmail })

function useRoleOptions(): Choice[] {
  const { t } = useI18n()
  return Role.options.map((role) => ({ value: role, label: t(`role.${role}`) }))
}

/**
 * A new staff account: its sign-in name, how colleagues see it, its role, its unit, a first
 * password, and the work e-mail Faro writes to about cases, if it has one.
 */
export function CreateUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const { t } = useI18n()
  const units = useUnitOptions()
  const roles = useRoleOptions()
  const form = useSchemaForm(CreateUserFields, { username: '', displayName: '', role: undefined, orgUnitId: '', password: '', email: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  const submit = form.handleSubmit(async ({ email, ...fields }) => {
    setFailure(undefined)
    const body = { ...fields, ...(email === '' ? {} : { email }) }
    try {
      const user = await api<User>('/api/users', { method: 'POST', body })
      form.reset()
      onCreated(user)
    } catch (error) {
      setFailure(showServerErrors(form, error, ['username', 'displayName', 'role', 'orgUnitId', 'password', 'email']))
    }
  })
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="user-create">
      <h2>{t('staff.create.title')}</h2>
      <TextField form={form} name="displayName" label={t('staff.field.displayName')} hint={t('staff.field.displayNameHint')} />
      <TextField form={form} name="username" label={t('staff.field.username')} autoComplete="off" hint={t('staff.field.usernameHint')} />
      <SelectField form={form} name="role" label={t('staff.field.role')} options={roles} placeholder={t('staff.field.choose')} />
      <SelectField form={form} name="orgUnitId" label={t('staff.field.unit')} options={units} placeholder={t('staff.field.choose')} />
      <TextField form={form} name="password" type="password" autoComplete="new-password" label={t('staff.field.password')} hint={t('staff.field.passwordHint')} />
      <TextField form={form} name="email" autoComplete="off" label={t('staff.field.email')} hint={t('staff.field.emailHint')} />
      {failure ? <ErrorNotice error={failure} /> : null}
      <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
        {t('staff.create.submit')}
      </button>
    </form>
  )
}

/** Changes the name, role, unit or work e-mail of an account; an emptied e-mail removes it. */
export function EditUserForm({ user, onSaved, onCancel }: { user: User; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n()
  const units = useUnitOptions()
  const roles = useRoleOptions()
  const form = useSchemaForm(EditUserFields, { displayName: user.displayName, role: user.role, orgUnitId: user.orgUnitId, email: user.email ?? '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    // Only what changed is sent: a role change ends the account's sessions, a rename must not.
    const body = {
      ...(values.displayName !== undefined && values.displayName !== user.displayName ? { displayName: values.displayName } : {}),
      ...(values.role !== undefined && values.role !== user.role ? { role: values.role } : {}),
      ...(values.orgUnitId !== undefined && values.orgUnitId !== user.orgUnitId ? { orgUnitId: values.orgUnitId } : {}),
      ...(values.email !== (user.email ?? '') ? { email: values.email === '' ? null : values.email } : {}),
    }
    if (Object.keys(body).length === 0) {
      onCancel()
      return
    }
    try {
      await api<User>(`/api/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body })
      onSaved()
    } catch (error) {
      setFailure(showServerErrors(form, error, ['displayName', 'role', 'orgUnitId', 'email']))
    }
  })
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="user-edit">
      <TextField form={form} name="displayName" label={t('staff.field.displayName')} />
      <SelectField form={form} name="role" label={t('staff.field.role')} options={roles} />
      <SelectField form={form} name="orgUnitId" label={t('staff.field.unit')} options={units} />
      <TextField form={form} name="email" autoComplete="off" label={t('staff.field.email')} hint={t('staff.field.emailHint')} />
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t('staff.edit.save')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}

/** A new password for another account whose owner forgot it; its sessions and tokens end. */
export function ResetPasswordForm({ user, onDone, onCancel }: { user: User; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n()
  const form = useSchemaForm(ResetPasswordInput, { newPassword: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  const submit = form.handleSubmit(async (body) => {
    setFailure(undefined)
    try {
      await apiNoContent(`/api/users/${encodeURIComponent(user.id)}/password`, { method: 'POST', body })
      onDone()
    } catch (error) {
      setFailure(showServerErrors(form, error, ['newPassword']))
    }
  })
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="user-password">
      <TextField form={form} name="newPassword" type="password" autoComplete="new-password" label={t('staff.password.new')} hint={t('staff.password.hint')} />
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t('staff.password.save')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}
