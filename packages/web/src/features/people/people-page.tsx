import { lazy, Suspense, useId, useState, type FormEvent } from 'react'
import { api } from '../../api/client.ts'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { PersonDetail } from './person-detail.tsx'
import type { MaskedPerson } from './types.ts'
import { useSession } from '../auth/session.tsx'

const RegisterPerson = lazy(() => import('./register-person.tsx').then((m) => ({ default: m.RegisterPerson })))

/**
 * Find a person in the identity vault by name or phone. The name goes in a POST body, never in
 * the URL; results are masked until someone reveals them, which is audited.
 */
export function PeoplePage() {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'ok'; items: MaskedPerson[] } | { kind: 'error'; error: unknown }>({ kind: 'idle' })
  const [selected, setSelected] = useState<string | undefined>(undefined)
  const { can } = useSession()
  const [registering, setRegistering] = useState(false)
  const [registered, setRegistered] = useState(false)
  const nameId = useId()
  const phoneId = useId()

  const search = (event: FormEvent) => {
    event.preventDefault()
    setSelected(undefined)
    setRegistered(false)
    setState({ kind: 'busy' })
    const body = { ...(name.trim() ? { name: name.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}) }
    api<Items<MaskedPerson>>('/api/people/search', { method: 'POST', body }).then(
      (res) => setState({ kind: 'ok', items: res.items }),
      (error: unknown) => setState({ kind: 'error', error }),
    )
  }

  return (
    <Page title={t('people.title')} intro={t('people.intro')} testId="people-page">
      <form className="form" onSubmit={search} role="search">
        <label htmlFor={nameId}>{t('people.searchName')}</label>
        <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <label htmlFor={phoneId}>{t('people.searchPhone')}</label>
        <input id={phoneId} value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" inputMode="tel" />
        <button type="submit" className="button" disabled={state.kind === 'busy' || (!name.trim() && !phone.trim())}>
          {t('people.search')}
        </button>
      </form>
      {state.kind === 'busy' ? <Loading /> : null}
      {state.kind === 'error' ? <ErrorNotice error={state.error} /> : null}
      {state.kind === 'ok' && state.items.length === 0 ? <p className="muted">{t('people.noMatches')}</p> : null}
      {state.kind === 'ok' && state.items.length > 0 ? (
        <ul className="list" data-testid="people-results">
          {state.items.map((p) => (
            <li key={p.id} className="list-item">
              <div className="list-item-head">
                <button type="button" className="button button-secondary" onClick={() => setSelected(p.id)} aria-pressed={selected === p.id}>
                  {t('people.open', { id: p.id.slice(-8) })}
                </button>
                <span className="badge">{t(`people.status.${p.status}`)}</span>
              </div>
              <p className="list-item-meta">{t('people.present', { count: p.present.length })}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {can('person.create') && !registering ? (
        <button type="button" className="button button-secondary" onClick={() => setRegistering(true)}>
          {t('people.register.open')}
        </button>
      ) : null}
      {registering ? (
        <Suspense fallback={<Loading />}>
          <RegisterPerson
            onRegistered={(person) => {
              setRegistering(false)
              setRegistered(true)
              setSelected(person.id)
            }}
          />
        </Suspense>
      ) : null}
      {registered && selected ? (
        <p className="notice notice-ok" role="status">
          {t('people.register.done')}
        </p>
      ) : null}
      {selected ? <PersonDetail key={selected} personId={selected} /> : null}
    </Page>
  )
}
