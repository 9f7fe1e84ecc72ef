import { ChangePasswordInput, EnableTotpInput, StartTotpInput } from '@faro/core'
import { useState } from 'react'
import { z } from 'zod'
import { api, apiNoContent } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice, Page } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'

/**
 * The signed-in person's own account: who they are in Faro, their password and their second
 * factor. Both changes ask for the password again, and the second factor for a current code when
 * one is on, so a session left open cannot be used to take the account over.
 */
export function AccountPage() {
  const { t } = useI18n()
  const { me } = useSession()
  return (
    <Page title={t('account.title')} testId="account-page">
      <section className="card" aria-labelledby="account-who">
        <h2 id="account-who">{me.user.displayName}</h2>
        <dl className="facts">
          <div>
            <dt>{t('account.username')}</dt>
            <dd className="mono">{me.user.username}</dd>
          </div>
          <div>
            <dt>{t('account.role')}</dt>
            <dd>{t(`role.${me.user.role}`)}</dd>
          </div>
          <div>
            <dt>{t('account.unit')}</dt>
            <dd>{me.orgUnit.name}</dd>
          </div>
        </dl>
      </section>
      <PasswordSection />
      <SecondFactorSection enabled={me.user.totpEnabled} />
    </Page>
  )
}

const PasswordForm = ChangePasswordInput.extend({ confirm: z.string() }).refine((v) => v.confirm === v.newPassword, { path: ['confirm'], message: 'mismatch' })

function PasswordSection() {
  const { t } = useI18n()
  const { logout } = useSession()
  const form = useSchemaForm(PasswordForm, { currentPassword: '', newPassword: '', confirm: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  const [done, setDone] = useState(false)

  const submit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setFailure(undefined)
    try {
      await apiNoContent('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } })
      setDone(true)
      // Every session of the account has just ended, this one too: sign in with the new password.
      setTimeout(() => void logout(), 2500)
    } catch (error) {
      setFailure(showServerErrors(form, error, ['currentPassword', 'newPassword']))
    }
  })

  return (
    <section className="card" aria-labelledby="account-password">
      <h2 id="account-password">{t('account.password.title')}</h2>
      <p className="muted">{t('account.password.intro')}</p>
      {done ? (
        <p className="notice notice-ok" role="status" data-testid="password-changed">
          {t('account.password.done')}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField form={form} name="currentPassword" type="password" autoComplete="current-password" label={t('account.password.current')} />
          <TextField form={form} name="newPassword" type="password" autoComplete="new-password" label={t('account.password.new')} hint={t('account.password.rule')} />
          <TextField form={form} name="confirm" type="password" autoComplete="new-password" label={t('account.password.confirm')} />
          {failure ? <ErrorNotice error={failure} /> : null}
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t('account.saving') : t('account.password.submit')}
          </button>
        </form>
      )}
    </section>
  )
}

type Enrolment = { step: 'start' } | { step: 'scan'; secret: string; uri: string } | { step: 'done' }

function SecondFactorSection({ enabled }: { enabled: boolean }) {
  const { t } = useI18n()
  const [enrolment, setEnrolment] = useState<Enrolment>({ step: 'start' })
  const on = enabled || enrolment.step === 'done'
  return (
    <section className="card" aria-labelledby="account-totp">
      <h2 id="account-totp">{t('account.totp.title')}</h2>
      <p className={on ? 'status status-ok' : 'status'} data-testid="totp-status">
        {on ? t('account.totp.on') : t('account.totp.off')}
      </p>
      <p className="muted">{t('account.totp.intro')}</p>
      {enrolment.step === 'start' ? <StartEnrolment replacing={enabled} onStarted={(secret, uri) => setEnrolment({ step: 'scan', secret, uri })} /> : null}
      {enrolment.step === 'scan' ? <ConfirmEnrolment secret={enrolment.secret} uri={enrolment.uri} onDone={() => setEnrolment({ step: 'done' })} /> : null}
      {enrolment.step === 'done' ? (
        <p className="notice notice-ok" role="status" data-testid="totp-done">
          {t('account.totp.done')}
        </p>
      ) : null}
    </section>
  )
}

function StartEnrolment({ replacing, onStarted }: { replacing: boolean; onStarted: (secret: string, uri: string) => void }) {
  const { t } = useI18n()
  const form = useSchemaForm(StartTotpInput, { password: '', code: undefined })
  const [failure, setFailure] = useState<unknown>(undefined)
  const submit = form.handleSubmit(async (body) => {
    setFailure(undefined)
    try {
      const answer = await api<{ secret: string; uri: string }>('/api/auth/totp/setup', { method: 'POST', body: { password: body.password, ...(body.code ? { code: body.code } : {}) } })
      onStarted(answer.secret, answer.uri)
    } catch (error) {
      setFailure(showServerErrors(form, error, ['password', 'code']))
    }
  })
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <TextField form={form} name="password" type="password" autoComplete="current-password" label={t('account.totp.password')} />
      {replacing ? <TextField form={form} name="code" inputMode="numeric" autoComplete="one-time-code" label={t('account.totp.currentCode')} hint={t('account.totp.currentCodeHint')} /> : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
        {replacing ? t('account.totp.replace') : t('account.totp.start')}
      </button>
    </form>
  )
}

function ConfirmEnrolment({ secret, uri, onDone }: { secret: string; uri: string; onDone: () => void }) {
  const { t } = useI18n()
  const form = useSchemaForm(EnableTotpInput, { code: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  const submit = form.handleSubmit(async (body) => {
    setFailure(undefined)
    try {
      await apiNoContent('/api/auth/totp/enable', { method: 'POST', body })
      onDone()
    } catch (error) {
      setFailure(showServerErrors(form, error, ['code']))
    }
  })
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ol className="steps">
        <li>
          {t('account.totp.scan')}{' '}
          <a href={uri} className="button button-secondary">
            {t('account.totp.openApp')}
          </a>
        </li>
        <li>
          {t('account.totp.typeKey')}
          <p className="secret mono" data-testid="totp-secret">
            {secret.replace(/(.{4})/g, '$1 ').trim()}
          </p>
        </li>
      </ol>
      <TextField form={form} name="code" inputMode="numeric" autoComplete="one-time-code" label={t('account.totp.newCode')} hint={t('account.totp.newCodeHint')} />
      {failure ? <ErrorNotice error={failure} /> : null}
      <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
        {t('account.totp.confirm')}
      </button>
    </form>
  )
}
