import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { Actions, Page } from '../../ui/status.tsx'
import { AuditEvents } from '../audit/audit-events.tsx'
import { AuditVerify } from '../audit/audit-verify.tsx'
import { useSession } from '../auth/session.tsx'
import { UserList } from '../users/user-list.tsx'

export function DataProtectionHome() {
  const { t } = useI18n()
  const { can } = useSession()
  return (
    <Page testId="home-data_protection_officer" title={t('home.data_protection_officer.title')} intro={t('home.data_protection_officer.body')}>
      {can('audit.verify') ? <AuditVerify /> : null}
      {can('audit.read') ? <AuditEvents limit={8} namesAllowed={can('user.read')} /> : null}
      {can('audit.read') ? (
        <Actions>
          <Link to="audit" className="button button-secondary">
            {t('home.openAudit')}
          </Link>
        </Actions>
      ) : null}
    </Page>
  )
}

export function AdministratorHome() {
  const { t } = useI18n()
  const { can } = useSession()
  return (
    <Page testId="home-administrator" title={t('home.administrator.title')} intro={t('home.administrator.intro')}>
      {can('audit.verify') ? <AuditVerify /> : null}
      <UserList />
    </Page>
  )
}
