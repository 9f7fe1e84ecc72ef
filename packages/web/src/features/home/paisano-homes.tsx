import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { Actions, Page } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { CaseCounts } from '../cases/case-counts.tsx'

export function ModuleVolunteerHome() {
  const { t } = useI18n()
  const { me, can } = useSession()
  return (
    <Page testId="home-module_volunteer" title={t('home.module_volunteer.title')} intro={t('home.module_volunteer.intro', { unit: me.orgUnit.name })}>
      <div className="card">
        <p>{t('home.module_volunteer.body')}</p>
      </div>
      {can('case.read') ? <CaseCounts title={t('case.counts.titleOwn')} /> : null}
      <Actions>
        {can('case.create') ? (
          <Link to="intake" className="button button-primary" data-testid="home-intake">
            {t('case.intake.open')}
          </Link>
        ) : null}
        <Link to="folio" className="button button-secondary">
          {t('case.lookup.title')}
        </Link>
        <Link to="places" className="button button-secondary">
          {t('home.openPlaces')}
        </Link>
      </Actions>
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
      <Actions>
        {can('case.create') ? (
          <Link to="intake" className="button button-primary" data-testid="home-intake">
            {t('case.intake.open')}
          </Link>
        ) : null}
        <Link to="folio" className="button button-secondary">
          {t('case.lookup.title')}
        </Link>
        <Link to="cases" className="button button-secondary">
          {t('home.openCases')}
        </Link>
        <Link to="places" className="button button-secondary">
          {t('home.openPlaces')}
        </Link>
      </Actions>
    </Page>
  )
}

export function PaisanoCoordinatorHome() {
  const { t } = useI18n()
  const { can } = useSession()
  return (
    <Page testId="home-paisano_coordinator" title={t('home.paisano_coordinator.title')}>
      <div className="card">
        <p>{t('home.paisano_coordinator.body')}</p>
      </div>
      {can('case.read') ? <CaseCounts title={t('case.counts.title')} /> : null}
      <Actions>
        <Link to="cases" className="button button-primary" data-testid="home-queue">
          {t('home.openCases')}
        </Link>
        {can('case.create') ? (
          <Link to="intake" className="button button-secondary">
            {t('case.intake.open')}
          </Link>
        ) : null}
        {can('case.route') ? (
          <>
            <Link to="case-scorecards" className="button button-secondary" data-testid="home-scorecards">
              {t('home.openScorecards')}
            </Link>
            <Link to="case-patterns" className="button button-secondary" data-testid="home-patterns">
              {t('home.openPatterns')}
            </Link>
            <Link to="routing-rules" className="button button-secondary" data-testid="home-rules">
              {t('home.openRules')}
            </Link>
          </>
        ) : null}
        <Link to="places" className="button button-secondary">
          {t('home.openPlaces')}
        </Link>
      </Actions>
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
      <Actions>
        {can('case.read') ? (
          <Link to="cases" className="button button-primary" data-testid="home-queue">
            {t('home.openCases')}
          </Link>
        ) : null}
        {can('case.answer') ? (
          <Link to="case-scorecards" className="button button-secondary" data-testid="home-scorecards">
            {t('home.openOwnScorecard', { unit: me.orgUnit.name })}
          </Link>
        ) : null}
        {can('token.manage') ? (
          <Link to="tokens" className="button button-secondary">
            {t('home.openTokens')}
          </Link>
        ) : null}
      </Actions>
    </Page>
  )
}

export function GuideEditorHome() {
  const { t } = useI18n()
  return (
    <Page testId="home-guide_editor" title={t('home.guide_editor.title')}>
      <div className="card">
        <p>{t('home.guide_editor.body')}</p>
      </div>
      <Actions>
        <Link to="places" className="button button-secondary">
          {t('home.openPlaces')}
        </Link>
      </Actions>
    </Page>
  )
}
