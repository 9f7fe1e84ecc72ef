import { lazy, Suspense, useState } from 'react'
import { api } from '../../api/client.ts'
import type { Items, User } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { canResetSecondFactor, secondFactorResetPath } from './second-factor.ts'

// The forms bring the core schemas (and zod) with them: loaded only where accounts are managed.
const CreateUserForm = lazy(() => import('./user-forms.tsx').then((m) => ({ default: m.CreateUserForm })))
const EditUserForm = lazy(() => import('./user-forms.tsx').then((m) => ({ default: m.EditUserForm })))
const ResetPasswordForm = lazy(() => import('./user-forms.tsx').then((m) => ({ default: m.ResetPasswordForm })))

/**
 * Staff accounts the caller may see (its subtree, or all for national roles); with `manage`, and
 * the right to, the forms that create, change, disable and enable them.
 */
export function UserList({ manage = false }: { manage?: boolean }) {
  const { t } = useI18n()
  const { me, can } = useSession()
  const users = useFetch<Items<User>>('/api/users')
  const unitName = useUnitNames()
  const [resetError, setResetError] = useState<unknown>(undefined)
  const [resetDone, setResetDone] = useState<string | undefined>(undefined)
  const [editing, setEditing] = useState<{ id: string; what: 'profile' | 'password' } | undefined>(undefined)
  const [done, setDone] = useState<string | undefined>(undefined)
  const mayManage = manage && can('user.manage')
  if (users.status === 'loading') {
    return <Loading />
  }
  if (users.status === 'error') {
    return <ErrorNotice error={users.error} onRetry={users.reload} />
  }
  const resetSecondFactor = async (user: User) => {
    if (!window.confirm(t('staff.resetTotpConfirm', { name: user.displayName }))) {
      return
    }
    setResetError(undefined)
    setResetDone(undefined)
    try {
      await api<User>(secondFactorResetPath(user.id), { method: 'POST' })
      await users.reload()
      setResetDone(user.displayName)
    } catch (error) {
      setResetError(error)
    }
  }
  const setDisabled = async (user: User, disabled: boolean) => {
    if (disabled && !window.confirm(t('staff.disableConfirm', { name: user.displayName }))) {
      return
    }
    setResetError(undefined)
    setDone(undefined)
    try {
      await api<User>(`/api/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body: { disabled } })
      await users.reload()
      setDone(t(disabled ? 'staff.disabledDone' : 'staff.enabledDone', { name: user.displayName }))
    } catch (error) {
      setResetError(error)
    }
  }
  const items = [...users.data.items].sort((a, b) => a.displayName.localeCompare(b.displayName))
  return (
    <section aria-labelledby="user-list-heading">
      <h2 id="user-list-heading" className="list-heading">
        {t('staff.count', { count: items.length })}
      </h2>
      {resetDone ? (
        <p className="notice notice-ok" role="status">
          {t('staff.resetTotpDone', { name: resetDone })}
        </p>
      ) : null}
      {done ? (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      ) : null}
      {resetError ? <ErrorNotice error={resetError} /> : null}
      {mayManage ? (
        <Suspense fallback={<Loading />}>
          <CreateUserForm
            onCreated={(user) => {
              void users.reload().then(() => setDone(t('staff.createdDone', { name: user.displayName, username: user.username })))
            }}
          />
        </Suspense>
      ) : null}
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
            {user.email ? (
              <p className="list-item-meta muted" data-testid="user-email">
                {t('staff.email', { email: user.email })}
              </p>
            ) : null}
            {mayManage && editing?.id === user.id && editing.what === 'password' ? (
              <Suspense fallback={<Loading />}>
                <ResetPasswordForm
                  user={user}
                  onCancel={() => setEditing(undefined)}
                  onDone={() => {
                    setEditing(undefined)
                    setDone(t('staff.password.done', { name: user.displayName }))
                  }}
                />
              </Suspense>
            ) : null}
            {mayManage && editing?.id === user.id && editing.what === 'profile' ? (
              <Suspense fallback={<Loading />}>
                <EditUserForm
                  user={user}
                  onCancel={() => setEditing(undefined)}
                  onSaved={() => {
                    setEditing(undefined)
                    void users.reload().then(() => setDone(t('staff.savedDone', { name: user.displayName })))
                  }}
                />
              </Suspense>
            ) : null}
            {mayManage && editing?.id !== user.id ? (
              <div className="actions">
                <button type="button" className="button button-secondary" aria-label={t('staff.editLabel', { name: user.displayName })} onClick={() => setEditing({ id: user.id, what: 'profile' })}>
                  {t('staff.edit')}
                </button>
                {user.id !== me.user.id ? (
                  <button type="button" className="button button-secondary" aria-label={t('staff.password.label', { name: user.displayName })} onClick={() => setEditing({ id: user.id, what: 'password' })}>
                    {t('staff.password.open')}
                  </button>
                ) : null}
                {user.id !== me.user.id ? (
                  <button type="button" className={user.disabled ? 'button button-secondary' : 'button button-danger'} aria-label={t(user.disabled ? 'staff.enableLabel' : 'staff.disableLabel', { name: user.displayName })} onClick={() => void setDisabled(user, !user.disabled)}>
                    {t(user.disabled ? 'staff.enable' : 'staff.disable')}
                  </button>
                ) : null}
              </div>
            ) : null}
            {canResetSecondFactor(user, me.user, can) ? (
              <button type="button" className="button button-danger" aria-label={t('staff.resetTotpLabel', { name: user.displayName })} onClick={() => void resetSecondFactor(user)}>
                {t('staff.resetTotp')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
