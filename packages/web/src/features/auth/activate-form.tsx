import { ActivateInput, PASSWORD_MIN_LENGTH } from '@faro/core'
import { useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { apiNoContent, ApiError } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice } from '../../ui/status.tsx'

const ActivateForm = ActivateInput.extend({ confirm: z.string() }).refine((v) => v.confirm === v.password, { path: ['confirm'], message: 'mismatch' })

/**
 * The first sign-in of an account made in bulk (an operation's volunteers): the username and
 * one-time code handed over on paper, and the password its owner chooses, under the same rule
 * as every password. The server answers a wrong username, a wrong code and a used or expired one
 * alike, and so does this form: it never says which part was wrong.
 */
export default function ActivateAccount({ onDone, onBack }: { onDone: (username: string) => void; onBack: () => void }) {
  const { t } = useI18n()
  const form = useSchemaForm(ActivateForm, { username: '', code: '', password: '', confirm: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  const [refused, setRefused] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  const submit = form.handleSubmit(async ({ username, code, password }) => {
    setFailure(undefined)
    setRefused(false)
    // Usernames are lower case; phone keyboards often capitalise the first letter.
    const name = username.trim().toLowerCase()
    try {
      await apiNoContent('/api/auth/activate', { method: 'POST', body: { username: name, code: code.trim(), password }, expectUnauthenticated: true })
      onDone(name)
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setRefused(true)
        return
      }
      setFailure(showServerErrors(form, error, ['username', 'code', 'password']))
    }
  })

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('activate.title')}
      </h1>
      <p className="muted">{t('activate.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="activate-form">
        <TextField form={form} name="username" autoComplete="username" label={t('activate.username')} />
        <TextField form={form} name="code" autoComplete="one-time-code" label={t('activate.code')} hint={t('activate.codeHint')} />
        <TextField form={form} name="password" type="password" autoComplete="new-password" label={t('activate.password')} hint={t('activate.passwordRule', { min: PASSWORD_MIN_LENGTH })} />
        <TextField form={form} name="confirm" type="password" autoComplete="new-password" label={t('activate.confirm')} />
        {refused ? (
          <p className="notice notice-error" role="alert" data-testid="activate-refused">
            {t('activate.failed')}
          </p>
        ) : null}
        {failure ? <ErrorNotice error={failure} /> : null}
        <button type="submit" className="button button-primary button-block" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('activate.submitting') : t('activate.submit')}
        </button>
      </form>
      <p className="login-alt">
        <button type="button" className="button button-secondary button-block" onClick={onBack}>
          {t('activate.back')}
        </button>
      </p>
    </>
  )
}
