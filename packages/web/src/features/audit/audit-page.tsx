import { useI18n } from '../../i18n/i18n.tsx'
import { Page } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { AuditEvents } from './audit-events.tsx'
import { AuditVerify } from './audit-verify.tsx'

/** The chain check (audit.verify) and the latest events (audit.read), each when allowed. */
export function AuditPage() {
  const { t } = useI18n()
  const { can } = useSession()
  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      {can('audit.verify') ? <AuditVerify /> : null}
      {can('audit.read') ? <AuditEvents limit={50} namesAllowed={can('user.read')} /> : null}
    </Page>
  )
}
