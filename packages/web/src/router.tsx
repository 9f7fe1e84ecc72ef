import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet, useParams, type AnyRoute } from '@tanstack/react-router'
import type { GenericRecordType } from '@faro/core'
import type { ComponentType } from 'react'
import { useSession } from './features/auth/session.tsx'
import { HomePage } from './features/home/home-page.tsx'
import { canOpen, type RouteId } from './features/shell/nav.ts'
import { Refusal, Shell } from './features/shell/shell.tsx'
import { useI18n } from './i18n/i18n.tsx'

// Rendered only for a signed-in account (app.tsx), which every page reads from SessionContext.
const root = createRootRoute({
  component: () => (
    <Shell>
      <Outlet />
    </Shell>
  ),
  notFoundComponent: NotFound,
})

/**
 * A page of the navigation: its component loads when first opened (only the home page is in the
 * first download) and shows only to the roles `nav.ts` opens it to.
 */
function page(id: Exclude<RouteId, '' | 'live' | 'guide' | 'statistics'>, load: () => Promise<Record<string, ComponentType>>, exportName: string) {
  const Component = lazyRouteComponent(load, exportName)
  return createRoute({ getParentRoute: () => root, path: `/${id}`, component: () => <Guarded id={id} component={Component} /> })
}

const home = createRoute({ getParentRoute: () => root, path: '/', component: HomePage })

/**
 * The live page keeps the open review panel in its URL (`?review=<type>/<recordId>`), so it
 * survives a reload and can be shared; anything else there is dropped.
 */
export const liveRoute = createRoute({
  getParentRoute: () => root,
  path: '/live',
  validateSearch: (search: Record<string, unknown>): { review?: string } => (typeof search.review === 'string' ? { review: search.review } : {}),
  component: () => <Guarded id="live" component={LivePage} />,
})

const LivePage = lazyRouteComponent(() => import('./features/field-live/live-page.tsx'), 'LivePage')

/** Where the guide's editor stands, in its URL so a reload or a shared link opens the same place. */
export interface GuideSearch {
  edition?: string
  section?: string
  lang?: string
  view?: 'diff'
}

/**
 * The guide's editions (`/guide`), one edition (`?edition=<id>`), a section of it in a language
 * (`&section=<slug>&lang=<lang>`) or what changed in it (`&view=diff`); anything else is dropped.
 */
export const guideRoute = createRoute({
  getParentRoute: () => root,
  path: '/guide',
  validateSearch: (search: Record<string, unknown>): GuideSearch => {
    const text = (value: unknown, pattern: RegExp) => (typeof value === 'string' && pattern.test(value) ? value : undefined)
    const edition = text(search.edition, /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/)
    if (edition === undefined) {
      return {}
    }
    const section = text(search.section, /^[a-z0-9][a-z0-9-]{0,63}$/)
    const lang = text(search.lang, /^[a-z]{2,3}$/)
    if (section !== undefined && lang !== undefined) {
      return { edition, section, lang }
    }
    return search.view === 'diff' ? { edition, view: 'diff' } : { edition }
  },
  component: () => <Guarded id="guide" component={GuidePage} />,
})

const GuidePage = lazyRouteComponent(() => import('./features/guide/guide-page.tsx'), 'GuidePage')

/**
 * The intake; `?from=attention/<id>` files the complaint a Grupo Beta took during that attention,
 * linked to it. Anything else there is dropped.
 */
export const intakeRoute = createRoute({
  getParentRoute: () => root,
  path: '/intake',
  validateSearch: (search: Record<string, unknown>): { from?: string } => (typeof search.from === 'string' && /^attention\/[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(search.from) ? { from: search.from } : {}),
  component: () => <Guarded id="intake" component={IntakePage} />,
})

const IntakePage = lazyRouteComponent(() => import('./features/cases/intake-page.tsx'), 'IntakePage')

/**
 * The statistics (`/statistics`): the question in the address — `fact`, `period`, `unit`, the
 * `border` and `state` drilled into, and the breakdown `by` — so Back goes back up a drill-down
 * and a link opens the same table. The page reads the words; here only short plain ones are kept.
 */
export const statisticsRoute = createRoute({
  getParentRoute: () => root,
  path: '/statistics',
  validateSearch: (search: Record<string, unknown>): { fact?: string; period?: string; unit?: string; border?: string; state?: string; by?: string } =>
    Object.fromEntries(['fact', 'period', 'unit', 'border', 'state', 'by'].flatMap((key) => {
      const value = search[key]
      return typeof value === 'string' && /^[\p{L}\p{N} ._:-]{1,100}$/u.test(value) ? [[key, value]] : []
    })),
  component: () => <Guarded id="statistics" component={StatisticsPage} />,
})

const StatisticsPage = lazyRouteComponent(() => import('./features/statistics/statistics-page.tsx'), 'StatisticsPage')

/** The programme's year in the layout of its printed report: `/statistics/year/2026`. */
export const statisticsYearRoute = createRoute({
  getParentRoute: () => root,
  path: '/statistics/year/$year',
  component: () => <Guarded id="statistics" component={StatisticsYearPage} />,
})

const StatisticsYearPage = lazyRouteComponent(() => import('./features/statistics/year-page.tsx'), 'StatisticsYearPage')

/**
 * Approving the statistics before they are published: `/statistics/approvals?programme=beta&period=2026`
 * (a year for Grupos Beta, an operation's key such as `winter-2026` for Paisano); anything else is dropped.
 */
export const statisticsApprovalsRoute = createRoute({
  getParentRoute: () => root,
  path: '/statistics/approvals',
  validateSearch: (search: Record<string, unknown>): { programme?: 'beta' | 'paisano'; period?: string } => ({
    ...(search.programme === 'beta' || search.programme === 'paisano' ? { programme: search.programme } : {}),
    ...(typeof search.period === 'string' && /^(\d{4}|(easter|summer|winter)-\d{4})$/.test(search.period) ? { period: search.period } : {}),
  }),
  component: () => <Guarded id="statistics" component={StatisticsApprovalsPage} />,
})

const StatisticsApprovalsPage = lazyRouteComponent(() => import('./features/statistics-approvals/approvals-page.tsx'), 'StatisticsApprovalsPage')

/** One record: `/records/attention/att-…`, its type checked against the registry. */
export const recordRoute = createRoute({
  getParentRoute: () => root,
  path: '/records/$type/$id',
  params: {
    parse: (raw: Record<string, string>) => ({ type: isRecordType(raw.type) ? raw.type : undefined, id: raw.id ?? '' }),
    stringify: (params: { type: GenericRecordType | undefined; id: string }) => ({ type: params.type ?? '', id: params.id }),
  },
  component: RecordPageGuard,
})

// The record types, listed here rather than read from core's schemas, which would add zod to the
// first download; `satisfies` fails the build when core gains a type this list lacks.
const RECORD_TYPES = { place: true, attention: true, rescue: true, patrol: true, remains: true, daily_report: true, call: true, registry_entry: true, staff_profile: true, training_course: true, certificate: true, equipment: true, operation: true, site: true, volunteer: true, shift: true, tally: true, surge: true, convoy: true } as const satisfies Record<GenericRecordType, true>

function isRecordType(value: string | undefined): value is GenericRecordType {
  return value !== undefined && Object.hasOwn(RECORD_TYPES, value)
}

/** One case: `/cases/<recordId>`, opened from the queue, a search by folio or an intake. */
export const caseRoute = createRoute({ getParentRoute: () => root, path: '/cases/$id', component: CasePageGuard })

const CasePage = lazyRouteComponent(() => import('./features/cases/case-page.tsx'), 'CasePage')

function CasePageGuard() {
  const { t } = useI18n()
  const { can } = useSession()
  const { id } = useParams({ from: '/cases/$id' })
  if (!can('case.read')) {
    return <Refusal title={t('app.noAccess')} />
  }
  return <CasePage key={id} />
}

/** The candidates of a location request for its reviewers: `/cases/<recordId>/review`, no name in it. */
export const reviewRoute = createRoute({ getParentRoute: () => root, path: '/cases/$id/review', component: ReviewPageGuard })

const ReviewPage = lazyRouteComponent(() => import('./features/tracing/review-page.tsx'), 'ReviewPage')

function ReviewPageGuard() {
  const { t } = useI18n()
  const { can } = useSession()
  const { id } = useParams({ from: '/cases/$id/review' })
  if (!can('case.read') || !can('trace.review')) {
    return <Refusal title={t('app.noAccess')} />
  }
  return <ReviewPage key={id} />
}

const RecordPage = lazyRouteComponent(() => import('./features/records/record-page.tsx'), 'RecordPage')

function RecordPageGuard() {
  const { t } = useI18n()
  const { can } = useSession()
  const { type, id } = useParams({ from: '/records/$type/$id' })
  if (!isRecordType(type)) {
    return <Refusal title={t('app.notFound')} />
  }
  if (!can(`${type}.read`)) {
    return <Refusal title={t('app.noAccess')} />
  }
  return <RecordPage key={`${type}/${id}`} />
}

const routes: AnyRoute[] = [
  home,
  page('call', () => import('./features/calls/log-call-page.tsx'), 'LogCallPage'),
  page('calls', () => import('./features/calls/calls-page.tsx'), 'CallsPage'),
  intakeRoute,
  page('cases', () => import('./features/cases/cases-page.tsx'), 'CasesPage'),
  caseRoute,
  reviewRoute,
  page('trace-request', () => import('./features/tracing/request-page.tsx'), 'RequestPage'),
  page('registry-import', () => import('./features/registry-import/import-page.tsx'), 'RegistryImportPage'),
  page('folio', () => import('./features/cases/lookup-page.tsx'), 'LookupPage'),
  page('case-scorecards', () => import('./features/case-office/scorecards-page.tsx'), 'CaseScorecardsPage'),
  page('case-patterns', () => import('./features/case-office/patterns-page.tsx'), 'CasePatternsPage'),
  page('routing-rules', () => import('./features/case-office/rules-page.tsx'), 'RoutingRulesPage'),
  page('capture', () => import('./features/field-mode/field-mode-page.tsx'), 'FieldModePage'),
  page('field', () => import('./features/field/field-activity-page.tsx'), 'FieldActivityPage'),
  liveRoute,
  page('import', () => import('./features/field-import/import-page.tsx'), 'ImportPage'),
  page('places', () => import('./features/places/places-page.tsx'), 'PlacesPage'),
  page('operations', () => import('./features/operations/operations-page.tsx'), 'OperationsPage'),
  page('roster', () => import('./features/operations/roster-page.tsx'), 'RosterPage'),
  page('surge', () => import('./features/surge/surge-page.tsx'), 'SurgePage'),
  statisticsRoute,
  statisticsYearRoute,
  statisticsApprovalsRoute,
  page('convoys', () => import('./features/convoys/convoys-page.tsx'), 'ConvoysPage'),
  guideRoute,
  page('team', () => import('./features/registries/staff-page.tsx'), 'StaffPage'),
  page('equipment', () => import('./features/registries/equipment-page.tsx'), 'EquipmentPage'),
  page('inspections', () => import('./features/registries/inspections-page.tsx'), 'InspectionsPage'),
  page('staff', () => import('./features/users/users-page.tsx'), 'UsersPage'),
  page('audit', () => import('./features/audit/audit-page.tsx'), 'AuditPage'),
  page('people', () => import('./features/people/people-page.tsx'), 'PeoplePage'),
  page('rights', () => import('./features/rights/rights-page.tsx'), 'RightsPage'),
  page('tokens', () => import('./features/tokens/tokens-page.tsx'), 'TokensPage'),
  page('units', () => import('./features/org-units/org-units-page.tsx'), 'OrgUnitsPage'),
  page('account', () => import('./features/account/account-page.tsx'), 'AccountPage'),
  recordRoute,
]

/** The staff app's routes under Vite's base (/app/). */
export function makeRouter() {
  return createRouter({
    routeTree: root.addChildren(routes),
    basepath: import.meta.env.BASE_URL.replace(/\/$/, ''),
    // Plain query strings (`?review=attention/att-1`), not JSON-encoded values: URLs people read.
    parseSearch: (search) => Object.fromEntries(new URLSearchParams(search)),
    stringifySearch: (search) => {
      const parts = Object.entries(search)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([key, value]) => `${encodeURIComponent(key)}=${String(value).split('/').map(encodeURIComponent).join('/')}`)
      return parts.length > 0 ? `?${parts.join('&')}` : ''
    },
    defaultPreload: false,
    scrollRestoration: true,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>
  }
}

function Guarded({ id, component: Component }: { id: RouteId; component: ComponentType }) {
  const { t } = useI18n()
  const { me } = useSession()
  if (!canOpen(id, me.permissions)) {
    return <Refusal title={t('app.noAccess')} />
  }
  return <Component />
}

function NotFound() {
  const { t } = useI18n()
  return <Refusal title={t('app.notFound')} />
}
