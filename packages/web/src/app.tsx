import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { api, apiNoContent, ApiError, NetworkError, onUnauthenticated, setCsrfToken } from './api/client.ts'
import type { Me } from './api/types.ts'
import { LoginPage } from './features/auth/login-page.tsx'
import { forgetOfflineSession, loadOfflineSession, saveOfflineSession } from './features/auth/offline-session.ts'
import { SessionContext, type Session } from './features/auth/session.tsx'
import { LOGOUT_BLOCKED_EVENT, LOGOUT_BLOCKED_KEY } from './features/field-mode/logout-blocked.ts'
import { I18nProvider, useI18n } from './i18n/i18n.tsx'
import { makeRouter } from './router.tsx'
import { ErrorNotice, Loading } from './ui/status.tsx'

// One router and one server-state cache for the app's lifetime; the cache is emptied at sign-out
// so the next account never sees the last one's answers.
const router = makeRouter()
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The screens say when an answer failed and offer to retry; on a weak link a silent retry
      // only makes the wait longer. Answers stay fresh for half a minute between screens.
      retry: false,
      staleTime: 30_000,
      refetchOnWindowFocus: false,
    },
  },
})

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
    saveOfflineSession(me)
    setBoot({ kind: 'signed-in', me })
  }, [])

  const signOutLocally = useCallback(() => {
    setCsrfToken(undefined)
    forgetOfflineSession()
    queryClient.clear()
    setBoot({ kind: 'anonymous' })
  }, [])

  const check = useCallback(() => {
    setBoot({ kind: 'checking' })
    api<Me>('/api/auth/me', { expectUnauthenticated: true }).then(signIn, (error: unknown) => {
      const offline = error instanceof NetworkError ? loadOfflineSession() : undefined
      if (error instanceof ApiError && error.status === 401) {
        signOutLocally()
      } else if (offline) {
        // No network: field mode opens from the last online sign-in; the server still decides
        // at the next sync whether the session is valid.
        setBoot({ kind: 'signed-in', me: offline })
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
        logout: async (options) => {
          if (me.permissions.includes('device.register')) {
            // Loaded on demand so the shell never carries the field outbox code.
            const { prepareLogout } = await import('./features/field-mode/logout-guard.ts')
            const unsent = await prepareLogout(me.user.id, options?.force ?? false)
            if (unsent > 0) {
              sessionStorage.setItem(LOGOUT_BLOCKED_KEY, String(unsent))
              void router.navigate({ to: '/capture' })
              window.dispatchEvent(new Event(LOGOUT_BLOCKED_EVENT))
              return
            }
          }
          sessionStorage.removeItem(LOGOUT_BLOCKED_KEY)
          try {
            await apiNoContent('/api/auth/logout', { method: 'POST' })
          } catch (error) {
            // An already-ended session is signed out; an unreachable server keeps the cookie alive.
            if (!(error instanceof ApiError && error.status === 401)) {
              throw error
            }
          }
          signOutLocally()
          void router.navigate({ to: '/' })
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
    <QueryClientProvider client={queryClient}>
      <SessionContext.Provider value={session}>
        <RouterProvider router={router} />
      </SessionContext.Provider>
    </QueryClientProvider>
  )
}
