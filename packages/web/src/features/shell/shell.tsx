import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { precacheFieldMode } from '../../pwa/register.ts'
import { Link, useRoute } from '../../ui/router.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { LangSwitch } from './lang-switch.tsx'
import { navFor } from './nav.ts'

/** The signed-in frame: account, language, sign-out, navigation from permissions, the page. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  const { me, logout } = useSession()
  // A record's page belongs to the field activity it is opened from.
  const path = useRoute()
  const route = path === 'records' ? 'field' : path
  const nav = navFor(me.permissions)
  const main = useRef<HTMLElement>(null)
  const firstRender = useRef(true)
  const [logoutError, setLogoutError] = useState<unknown>(undefined)

  // On a phone the menu is one sideways row: keep the open page's entry in sight.
  useEffect(() => {
    document.querySelector('.nav [aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [route])

  // Move focus to the new page so screen readers announce it, but not on the first load.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    main.current?.focus()
  }, [route])

  // Field accounts must be able to start field mode offline, from the first visit on.
  const usesFieldMode = me.permissions.includes('device.register')
  useEffect(() => {
    if (usesFieldMode) {
      precacheFieldMode()
    }
  }, [usesFieldMode])

  // Accounts that take cases keep folios for offline intakes and send what waits; the code (and
  // its storage library) loads only for them.
  const takesCases = me.permissions.includes('case.create')
  const invalidate = useInvalidate()
  useEffect(() => {
    if (!takesCases) {
      return
    }
    let stop: (() => void) | undefined
    let live = true
    void import('../cases/use-offline-intakes.ts').then((m) => {
      if (live) {
        stop = m.startIntakeSync(me.user.id, () => void invalidate('/api/cases'))
      }
    })
    return () => {
      live = false
      stop?.()
    }
  }, [takesCases, me.user.id, invalidate])

  const signOut = () => {
    setLogoutError(undefined)
    logout().catch((e: unknown) => setLogoutError(e))
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="" className="brand">
          <img src={`${import.meta.env.BASE_URL}icons/icon.svg`} alt="" width="32" height="32" />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <div className="account" aria-label={t('shell.account')} role="group">
          <Link to="account" className="account-name" data-testid="account-name" title={t('nav.account')} aria-current={route === 'account' ? 'page' : undefined}>
            {me.user.displayName}
          </Link>
          <span className="account-meta">
            <span data-testid="account-role">{t(`role.${me.user.role}`)}</span>
            <span aria-hidden="true"> · </span>
            <span data-testid="account-unit">{me.orgUnit.name}</span>
          </span>
        </div>
        <div className="topbar-actions">
          <LangSwitch />
          <button type="button" className="button button-ghost" onClick={signOut}>
            {t('shell.logout')}
          </button>
        </div>
      </header>
      <nav className="nav" aria-label={t('shell.mainNav')}>
        <ul>
          {nav.map((item) => (
            <li key={item.route}>
              <Link to={item.route} aria-current={item.route === route ? 'page' : undefined}>
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className="main" id="main" ref={main} tabIndex={-1}>
        {logoutError ? <ErrorNotice error={logoutError} /> : null}
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
    </div>
  )
}

/** A page the account cannot open, or that does not exist, with the way back home. */
export function Refusal({ title }: { title: string }) {
  const { t } = useI18n()
  return (
    <Page title={title}>
      <p>
        <Link to="">{t('app.backHome')}</Link>
      </p>
    </Page>
  )
}
