import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { Actions, Page } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'

export function ModuleVolunteerHome() {
  const { t } = useI18n()
  const { me } = useSession()
  return (
    <Page testId="home-module_volunteer" title={t('home.module_volunteer.title')} intro={t('home.module_volunteer.intro', { unit: me.orgUnit.name })}>
      <div className="card">
        <p>{t('home.module_volunteer.body')}</p>
      </div>
      <Actions>
        <Link to="places" className="button button-primary">
          {t('home.openPlaces')}
        </Link>
      </Actions>
    </Page>
  )
}

export function CallCentreHome() {
  const { t } = useI18n()
  return (
    <Page testId="home-call_centre_operator" title={t('home.call_centre_operator.title')}>
      <div className="card">
        <p>{t('home.call_centre_operator.body')}</p>
      </div>
      <Actions>
        <Link to="places" className="button button-primary">
          {t('home.openPlaces')}
        </Link>
      </Actions>
    </Page>
  )
}

export function PaisanoCoordinatorHome() {
  const { t } = useI18n()
  return (
    <Page testId="home-paisano_coordinator" title={t('home.paisano_coordinator.title')}>
      <div className="card">
        <p>{t('home.paisano_coordinator.body')}</p>
      </div>
      <Actions>
        <Link to="places" className="button button-primary">
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
      {can('token.manage') ? (
        <Actions>
          <Link to="tokens" className="button button-secondary">
            {t('home.openTokens')}
          </Link>
        </Actions>
      ) : null}
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
