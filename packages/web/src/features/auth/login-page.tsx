import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { api, ApiError } from '../../api/client.ts'
import type { Me } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { errorText } from '../../ui/error-text.ts'
import { Loading, useDocumentTitle } from '../../ui/status.tsx'
import { LangSwitch } from '../shell/lang-switch.tsx'

// Only accounts made in bulk need it, once: it stays out of the shell's first script.
const ActivateAccount = lazy(() => import('./activate-form.tsx'))
const ACTIVATE_HASH = '#activate'

/**
 * Username and password; a six-digit code field appears when the server asks for one. From here
 * (or at #activate) an account made in bulk sets its first password with its one-time code.
 */
export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useI18n()
  const [activating, setActivating] = useState(() => window.location.hash === ACTIVATE_HASH)
  const [activated, setActivated] = useState(false)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [totp, setTotp] = useState('')
  const [needTotp, setNeedTotp] = useState(false)
  const [hint, setHint] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const totpInput = useRef<HTMLInputElement>(null)
  const passwordInput = useRef<HTMLInputElement>(null)
  const errorId = useId()
  const totpHintId = useId()
  useDocumentTitle(t(activating ? 'activate.title' : 'login.title'))

  useEffect(() => {
    const onHash = () => setActivating(window.location.hash === ACTIVATE_HASH)
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  useEffect(() => {
    if (activated) {
      passwordInput.current?.focus()
    }
  }, [activated])

  const leaveActivation = () => {
    // Back to the plain address, so the signed-in app does not keep the fragment.
    window.history.replaceState(null, '', window.location.pathname + window.location.search)
    setActivating(false)
  }

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
      {/* In a landmark of its own, like everything on the page. */}
      <header className="login-lang">
        <LangSwitch />
      </header>
      <main className="login-card" id="main">
        <div className="login-brand">
          <img src={`${import.meta.env.BASE_URL}icons/icon.svg`} alt="" width="56" height="56" />
          <div>
            <p className="login-name">{t('app.name')}</p>
            <p className="muted">{t('app.tagline')}</p>
          </div>
        </div>
        {activating ? (
          <Suspense fallback={<Loading />}>
            <ActivateAccount
              onBack={leaveActivation}
              onDone={(name) => {
                setUsername(name)
                setPassword('')
                setActivated(true)
                leaveActivation()
              }}
            />
          </Suspense>
        ) : (
          <>
            <h1>{t('login.title')}</h1>
            <p className="muted">{t('login.intro')}</p>
            {activated ? (
              <p className="notice notice-ok" role="status" data-testid="activate-done">
                {t('activate.done')}
              </p>
            ) : null}
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
                  ref={passwordInput}
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
            <p className="login-alt">
              <a href={ACTIVATE_HASH} data-testid="activate-link">
                {t('activate.link')}
              </a>
            </p>
          </>
        )}
      </main>
    </div>
  )
}
