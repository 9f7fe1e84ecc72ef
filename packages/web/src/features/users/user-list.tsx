import type { Items, User } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useUnitNames } from '../org-units/use-unit-names.ts'

/** Staff accounts the caller may see (its subtree, or all for national roles). */
export function UserList() {
  const { t } = useI18n()
  const users = useFetch<Items<User>>('/api/users')
  const unitName = useUnitNames()
  if (users.status === 'loading') {
    return <Loading />
  }
  if (users.status === 'error') {
    return <ErrorNotice error={users.error} onRetry={users.reload} />
  }
  const items = [...users.data.items].sort((a, b) => a.displayName.localeCompare(b.displayName))
  return (
    <section aria-labelledby="user-list-heading">
      <h2 id="user-list-heading" className="list-heading">
        {t('staff.count', { count: items.length })}
      </h2>
      <ul className="list list-grid" data-testid="user-list">
        {items.map((user) => (
          <li key={user.id} className="list-item">
            <div className="list-item-head">
              <span className="list-item-title">{user.displayName}</span>
              {user.disabled ? <span className="badge badge-muted">{t('staff.disabled')}</span> : null}
              {user.totpEnabled ? <span className="badge badge-ok">{t('staff.totp')}</span> : null}
            </div>
            <p className="list-item-meta">
              {t(`role.${user.role}`)} · {unitName(user.orgUnitId)}
            </p>
            <p className="list-item-meta muted">{t('staff.username', { username: user.username })}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}
