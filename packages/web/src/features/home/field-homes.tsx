import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { Actions, Page } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { ActivityOverview } from '../field/activity-overview.tsx'
import { AttentionCard } from '../registries/attention-card.tsx'
import { SurgeHomeLink } from '../surge/surge-home-link.tsx'

export function FieldAgentHome() {
  const { t } = useI18n()
  const { me } = useSession()
  return (
    <Page testId="home-field_agent" title={t('home.field_agent.title')} intro={t('home.field_agent.intro', { unit: me.orgUnit.name })}>
      <ActivityOverview />
      <Actions>
        <Link to="field" className="button button-primary">
          {t('home.openField')}
        </Link>
        <Link to="places" className="button button-secondary">
          {t('home.openPlaces')}
        </Link>
      </Actions>
    </Page>
  )
}

export function GroupCoordinatorHome() {
  const { t } = useI18n()
  const { me, can } = useSession()
  return (
    <Page testId="home-group_coordinator" title={t('home.group_coordinator.title')} intro={t('home.group_coordinator.intro', { unit: me.orgUnit.name })}>
      {can('certificate.read') || can('equipment.read') ? <AttentionCard /> : null}
      <ActivityOverview breakdown />
      <Actions>
        <Link to="field" className="button button-primary">
          {t('home.openField')}
        </Link>
        {can('user.read') ? (
          <Link to="staff" className="button button-secondary">
            {t('home.openStaff')}
          </Link>
        ) : null}
        <SurgeHomeLink />
        {can('statistics.read') ? (
          <Link to="statistics" className="button button-secondary" data-testid="home-statistics">
            {t('stats.home')}
          </Link>
        ) : null}
      </Actions>
    </Page>
  )
}

export function NationalAnalystHome() {
  const { t } = useI18n()
  return (
    <Page testId="home-national_analyst" title={t('home.national_analyst.title')} intro={t('home.national_analyst.intro')}>
      <ActivityOverview breakdown />
      <Actions>
        <Link to="statistics" className="button button-primary" data-testid="home-statistics">
          {t('stats.home')}
        </Link>
        <Link to="field" className="button button-secondary">
          {t('home.openField')}
        </Link>
      </Actions>
    </Page>
  )
}
