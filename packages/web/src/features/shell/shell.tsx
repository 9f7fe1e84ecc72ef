import { lazy, Suspense, useEffect, useRef, useState, type ComponentType } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { precacheFieldMode } from '../../pwa/register.ts'
import { Link, useRoute } from '../../ui/router.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { HomePage } from '../home/home-page.tsx'
import { LangSwitch } from './lang-switch.tsx'
import { canOpen, isRoute, navFor, type RouteId } from './nav.ts'

// Only the home page is in the first download; the others load when opened.
const PAGES: Record<RouteId, ComponentType> = {
  '': HomePage,
  capture: lazy(() => import('../field-mode/field-mode-page.tsx').then((m) => ({ default: m.FieldModePage }))),
  field: lazy(() => import('../field/field-activity-page.tsx').then((m) => ({ default: m.FieldActivityPage }))),
  live: lazy(() => import('../field-live/live-page.tsx').then((m) => ({ default: m.LivePage }))),
  import: lazy(() => import('../field-import/import-page.tsx').then((m) => ({ default: m.ImportPage }))),
  places: lazy(() => import('../places/places-page.tsx').then((m) => ({ default: m.PlacesPage }))),
  staff: lazy(() => import('../users/users-page.tsx').then((m) => ({ default: m.UsersPage }))),
  audit: lazy(() => import('../audit/audit-page.tsx').then((m) => ({ default: m.AuditPage }))),
  people: lazy(() => import('../people/people-page.tsx').then((m) => ({ default: m.PeoplePage }))),
  rights: lazy(() => import('../rights/rights-page.tsx').then((m) => ({ default: m.RightsPage }))),
  tokens: lazy(() => import('../tokens/tokens-page.tsx').then((m) => ({ default: m.TokensPage }))),
  units: lazy(() => import('../org-units/org-units-page.tsx').then((m) => ({ default: m.OrgUnitsPage }))),
}

/** The signed-in frame: account, language, sign-out, navigation from permissions, the page. */
export function Shell() {
  const { t } = useI18n()
  const { me, logout } = useSession()
  const route = useRoute()
  const nav = navFor(me.permissions)
  const main = useRef<HTMLElement>(null)
  const firstRender = useRef(true)
  const [logoutError, setLogoutError] = useState<unknown>(undefined)

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
          <span className="account-name" data-testid="account-name">
            {me.user.displayName}
          </span>
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
        <Suspense fallback={<Loading />}>
          <CurrentPage route={route} permissions={me.permissions} />
        </Suspense>
      </main>
    </div>
  )
}

function CurrentPage({ route, permissions }: { route: string; permissions: readonly string[] }) {
  const { t } = useI18n()
  if (!isRoute(route)) {
    return <Refusal title={t('app.notFound')} />
  }
  if (!canOpen(route, permissions)) {
    return <Refusal title={t('app.noAccess')} />
  }
  const Component = PAGES[route]
  return <Component />
}

function Refusal({ title }: { title: string }) {
  const { t } = useI18n()
  return (
    <Page title={title}>
      <p>
        <Link to="">{t('app.backHome')}</Link>
      </p>
    </Page>
  )
}
