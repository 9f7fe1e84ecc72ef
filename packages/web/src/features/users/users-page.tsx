import { useI18n } from '../../i18n/i18n.tsx'
import { Page } from '../../ui/status.tsx'
import { UserList } from './user-list.tsx'

export function UsersPage() {
  const { t } = useI18n()
  return (
    <Page title={t('staff.title')}>
      <UserList manage />
    </Page>
  )
}
