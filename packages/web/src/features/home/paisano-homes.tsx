import { lazy, Suspense } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { Actions, Loading, Page } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { CaseCounts } from '../cases/case-counts.tsx'
import { RosterGapsCard } from '../operations/gaps-card.tsx'

// Only volunteers have shifts of their own: the list stays out of the shell's first script.
const MyShifts = lazy(() => import('./my-shifts.tsx'))

interface HomeLink {
  to: string
  label: string
  testId?: string
  /** False when the role may not use it. */
  show?: boolean
}

/** What a home offers to do next: the first link the role may use is the main one. */
function HomeLinks({ links }: { links: readonly HomeLink[] }) {
  const shown = links.filter((l) => l.show !== false)
  return (
    <Actions>
      {shown.map((l, i) => (
        <Link key={l.to} to={l.to} className={`button ${i === 0 ? 'button-primary' : 'button-secondary'}`} data-testid={l.testId}>
          {l.label}
        </Link>
      ))}
    </Actions>
  )
}

export function ModuleVolunteerHome() {
  const { t } = useI18n()
  const { me, can } = useSession()
  return (
    <Page testId="home-module_volunteer" title={t('home.module_volunteer.title')} intro={t('home.module_volunteer.intro', { unit: me.orgUnit.name })}>
      <div className="card">
        <p>{t('home.module_volunteer.body')}</p>
      </div>
      {/* Counting is most of a volunteer's work: the buttons come before the shifts' list. */}
      <HomeLinks
        links={[
          { to: 'capture', label: t('vol.count'), testId: 'home-count', show: can('tally.create') },
          { to: 'intake', label: t('case.intake.open'), testId: 'home-intake', show: can('case.create') },
          { to: 'folio', label: t('case.lookup.title') },
          { to: 'places', label: t('home.openPlaces') },
        ]}
      />
      {can('shift.read') ? (
        <Suspense fallback={<Loading />}>
          <MyShifts />
        </Suspense>
      ) : null}
      {can('case.read') ? <CaseCounts title={t('case.counts.titleOwn')} /> : null}
    </Page>
  )
}

export function CallCentreHome() {
  const { t } = useI18n()
  const { can } = useSession()
  return (
    <Page testId="home-call_centre_operator" title={t('home.call_centre_operator.title')}>
      <div className="card">
        <p>{t('home.call_centre_operator.body')}</p>
      </div>
      {can('case.read') ? <CaseCounts title={t('case.counts.title')} /> : null}
      <HomeLinks
        links={[
          { to: 'intake', label: t('case.intake.open'), testId: 'home-intake', show: can('case.create') },
          { to: 'trace-request', label: t('trace.request.open'), testId: 'home-trace-request', show: can('case.create') },
          { to: 'folio', label: t('case.lookup.title') },
          { to: 'cases', label: t('home.openCases') },
          { to: 'places', label: t('home.openPlaces') },
        ]}
      />
    </Page>
  )
}

export function PaisanoCoordinatorHome() {
  const { t } = useI18n()
  const { can } = useSession()
  const national = can('case.route')
  return (
    <Page testId="home-paisano_coordinator" title={t('home.paisano_coordinator.title')}>
      <div className="card">
        <p>{t('home.paisano_coordinator.body')}</p>
      </div>
      {can('shift.read') ? <RosterGapsCard /> : null}
      {can('case.read') ? <CaseCounts title={t('case.counts.title')} /> : null}
      <HomeLinks
        links={[
          { to: 'cases', label: t('home.openCases'), testId: 'home-queue' },
          { to: 'operations', label: t('ops.home.toOperations'), testId: 'home-operations', show: can('operation.create') },
          { to: 'roster', label: t('ops.nav.roster'), testId: 'home-roster', show: can('shift.create') },
          { to: 'convoys', label: t('convoy.home'), testId: 'home-convoys', show: can('convoy.create') },
          { to: 'guide', label: t('guide.home'), testId: 'home-guide', show: can('guide_edition.update') },
          { to: 'intake', label: t('case.intake.open'), show: can('case.create') },
          { to: 'case-scorecards', label: t('home.openScorecards'), testId: 'home-scorecards', show: national },
          { to: 'case-patterns', label: t('home.openPatterns'), testId: 'home-patterns', show: national },
          { to: 'routing-rules', label: t('home.openRules'), testId: 'home-rules', show: national },
          { to: 'places', label: t('home.openPlaces') },
        ]}
      />
    </Page>
  )
}

export function AgencyLiaisonHome() {
  const { t } = useI18n()
  const { me, can } = useSession()
  return (
    <Page testId="home-agency_liaison" title={t('home.agency_liaison.title')}>
      <div className="card">
        <p>{t('home.agency_liaison.body', { unit: me.orgUnit.name })}</p>
      </div>
      {can('case.read') ? <CaseCounts title={t('case.counts.titleRouted', { unit: me.orgUnit.name })} /> : null}
      <HomeLinks
        links={[
          { to: 'cases', label: t('home.openCases'), testId: 'home-queue', show: can('case.read') },
          { to: 'case-scorecards', label: t('home.openOwnScorecard', { unit: me.orgUnit.name }), testId: 'home-scorecards', show: can('case.answer') },
          { to: 'tokens', label: t('home.openTokens'), show: can('token.manage') },
        ]}
      />
    </Page>
  )
}

export function ConsulateHome() {
  const { t } = useI18n()
  const { me, can } = useSession()
  return (
    <Page testId="home-consulate_officer" title={t('home.consulate_officer.title')} intro={me.orgUnit.name}>
      <div className="card">
        <p>{t('home.consulate_officer.body')}</p>
      </div>
      {can('case.read') ? <CaseCounts title={t('case.counts.titleOwn')} /> : null}
      <HomeLinks
        links={[
          { to: 'trace-request', label: t('trace.request.open'), testId: 'home-trace-request', show: can('case.create') },
          { to: 'cases', label: t('home.openCases'), testId: 'home-queue', show: can('case.read') },
        ]}
      />
    </Page>
  )
}

export function GuideEditorHome() {
  const { t } = useI18n()
  const { can } = useSession()
  return (
    <Page testId="home-guide_editor" title={t('home.guide_editor.title')}>
      <div className="card">
        <p>{t('home.guide_editor.body')}</p>
      </div>
      <HomeLinks
        links={[
          { to: 'guide', label: t('guide.home'), testId: 'home-guide', show: can('guide_edition.read') },
          { to: 'places', label: t('home.openPlaces') },
        ]}
      />
    </Page>
  )
}
