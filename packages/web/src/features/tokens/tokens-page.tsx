import { useId, useState, type FormEvent } from 'react'
import { api, apiNoContent } from '../../api/client.ts'
import type { ApiToken, Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { errorText } from '../../ui/error-text.ts'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'

/** API tokens for partner systems: list, create (the secret is shown once) and revoke. */
export function TokensPage() {
  const { t } = useI18n()
  const tokens = useFetch<Items<ApiToken>>('/api/tokens')
  const [created, setCreated] = useState<ApiToken | undefined>(undefined)
  const [actionError, setActionError] = useState<unknown>(undefined)

  const revoke = (id: string) => {
    setActionError(undefined)
    apiNoContent(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }).then(tokens.reload, setActionError)
  }

  return (
    <Page title={t('tokens.title')} intro={t('tokens.intro')}>
      <CreateToken
        onCreated={(token) => {
          setCreated(token)
          tokens.reload()
        }}
      />
      {created?.token ? (
        <div className="notice notice-ok" role="status">
          <p>{t('tokens.createdOnce')}</p>
          <p className="secret mono" data-testid="new-token">
            {created.token}
          </p>
        </div>
      ) : null}
      {actionError ? <ErrorNotice error={actionError} /> : null}
      {tokens.status === 'loading' ? <Loading /> : null}
      {tokens.status === 'error' ? <ErrorNotice error={tokens.error} onRetry={tokens.reload} /> : null}
      {tokens.status === 'ok' ? <TokenList items={tokens.data.items} onRevoke={revoke} /> : null}
    </Page>
  )
}

function TokenList({ items, onRevoke }: { items: ApiToken[]; onRevoke: (id: string) => void }) {
  const { t, dateTime } = useI18n()
  if (items.length === 0) {
    return <p className="muted">{t('app.empty')}</p>
  }
  return (
    <ul className="list" data-testid="token-list">
      {items.map((token) => (
        <li key={token.id} className="list-item">
          <div className="list-item-head">
            <span className="list-item-title">{token.name}</span>
          </div>
          <p className="list-item-meta">{t('tokens.createdAt', { date: dateTime(token.createdAt) })}</p>
          <p className="list-item-meta">{token.expiresAt ? t('tokens.expiresAt', { date: dateTime(token.expiresAt) }) : t('tokens.noExpiry')}</p>
          {token.revokedAt ? (
            <p className="status status-closed">{t('tokens.revokedAt', { date: dateTime(token.revokedAt) })}</p>
          ) : (
            <button type="button" className="button button-danger" aria-label={t('tokens.revokeLabel', { name: token.name })} onClick={() => onRevoke(token.id)}>
              {t('tokens.revoke')}
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}

function CreateToken({ onCreated }: { onCreated: (token: ApiToken) => void }) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [days, setDays] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>(undefined)
  const nameId = useId()
  const daysId = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const body = { name: name.trim(), ...(days ? { expiresInDays: Number(days) } : {}) }
      onCreated(await api<ApiToken>('/api/tokens', { method: 'POST', body }))
      setName('')
      setDays('')
    } catch (e) {
      setError(errorText(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card form-inline" onSubmit={submit}>
      <div className="field">
        <label htmlFor={nameId}>{t('tokens.name')}</label>
        <input id={nameId} required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={daysId}>{t('tokens.days')}</label>
        <input id={daysId} type="number" inputMode="numeric" min={1} max={366} value={days} onChange={(e) => setDays(e.target.value)} />
      </div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('tokens.creating') : t('tokens.create')}
      </button>
    </form>
  )
}
