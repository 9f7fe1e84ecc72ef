import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { api, ApiError } from '../../api/client.ts'
import type { Me } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { errorText } from '../../ui/error-text.ts'
import { useDocumentTitle } from '../../ui/status.tsx'
import { LangSwitch } from '../shell/lang-switch.tsx'

/** Username and password; a six-digit code field appears when the server asks for one. */
export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useI18n()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [totp, setTotp] = useState('')
  const [needTotp, setNeedTotp] = useState(false)
  const [hint, setHint] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const totpInput = useRef<HTMLInputElement>(null)
  const errorId = useId()
  const totpHintId = useId()
  useDocumentTitle(t('login.title'))

  useEffect(() => {
    if (needTotp) {
      totpInput.current?.focus()
    }
  }, [needTotp])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      // Usernames are lower case; phone keyboards often capitalise the first letter.
      const body = { username: username.trim().toLowerCase(), password, ...(needTotp ? { totp: totp.trim() } : {}) }
      onSignedIn(await api<Me>('/api/auth/login', { method: 'POST', body, expectUnauthenticated: true }))
    } catch (e) {
      if (e instanceof ApiError && e.problem?.reason === 'totp_required') {
        setNeedTotp(true)
        setHint(e.problem.detail)
      } else {
        setError(errorText(e, t))
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="login">
      <div className="login-lang">
        <LangSwitch />
      </div>
      <main className="login-card" id="main">
        <div className="login-brand">
          <img src={`${import.meta.env.BASE_URL}icons/icon.svg`} alt="" width="56" height="56" />
          <div>
            <p className="login-name">{t('app.name')}</p>
            <p className="muted">{t('app.tagline')}</p>
          </div>
        </div>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        <form onSubmit={submit} aria-describedby={error ? errorId : undefined}>
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {needTotp ? (
            <div className="field">
              <label htmlFor="login-totp">{t('login.totp')}</label>
              <input
                id="login-totp"
                ref={totpInput}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                aria-describedby={totpHintId}
                value={totp}
                onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
              />
              <p className="field-hint" id={totpHintId}>
                {hint ?? t('login.totpHint')}
              </p>
            </div>
          ) : null}
          {error ? (
            <p className="notice notice-error" role="alert" id={errorId}>
              {error}
            </p>
          ) : null}
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  )
}
