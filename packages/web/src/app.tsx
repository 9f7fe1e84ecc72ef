import { useCallback, useEffect, useMemo, useState } from 'react'
import { api, apiNoContent, ApiError, onUnauthenticated, setCsrfToken } from './api/client.ts'
import type { Me } from './api/types.ts'
import { LoginPage } from './features/auth/login-page.tsx'
import { SessionContext, type Session } from './features/auth/session.tsx'
import { Shell } from './features/shell/shell.tsx'
import { I18nProvider, useI18n } from './i18n/i18n.tsx'
import { navigate } from './ui/router.tsx'
import { ErrorNotice, Loading } from './ui/status.tsx'

type Boot = { kind: 'checking' } | { kind: 'anonymous' } | { kind: 'signed-in'; me: Me } | { kind: 'failed'; error: unknown }

export function App() {
  return (
    <I18nProvider>
      <Root />
    </I18nProvider>
  )
}

/** Asks the server who is signed in, then shows the login screen or the shell. */
function Root() {
  const { t } = useI18n()
  const [boot, setBoot] = useState<Boot>({ kind: 'checking' })

  const signIn = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken)
    setBoot({ kind: 'signed-in', me })
  }, [])

  const signOutLocally = useCallback(() => {
    setCsrfToken(undefined)
    setBoot({ kind: 'anonymous' })
  }, [])

  const check = useCallback(() => {
    setBoot({ kind: 'checking' })
    api<Me>('/api/auth/me', { expectUnauthenticated: true }).then(signIn, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        signOutLocally()
      } else {
        setBoot({ kind: 'failed', error })
      }
    })
  }, [signIn, signOutLocally])

  useEffect(check, [check])

  useEffect(() => {
    onUnauthenticated(signOutLocally)
    return () => onUnauthenticated(undefined)
  }, [signOutLocally])

  const me = boot.kind === 'signed-in' ? boot.me : undefined
  const session = useMemo<Session | undefined>(
    () =>
      me && {
        me,
        can: (action) => me.permissions.includes(action),
        logout: async () => {
          try {
            await apiNoContent('/api/auth/logout', { method: 'POST' })
          } catch (error) {
            // An already-ended session is signed out; an unreachable server keeps the cookie alive.
            if (!(error instanceof ApiError && error.status === 401)) {
              throw error
            }
          }
          signOutLocally()
          navigate('')
        },
      },
    [me, signOutLocally],
  )

  if (boot.kind === 'checking') {
    return (
      <div className="boot">
        <Loading />
      </div>
    )
  }
  if (boot.kind === 'failed') {
    return (
      <div className="boot">
        <p className="boot-name">{t('app.name')}</p>
        <ErrorNotice error={boot.error} onRetry={check} />
      </div>
    )
  }
  if (!session) {
    return <LoginPage onSignedIn={signIn} />
  }
  return (
    <SessionContext.Provider value={session}>
      <Shell />
    </SessionContext.Provider>
  )
}
