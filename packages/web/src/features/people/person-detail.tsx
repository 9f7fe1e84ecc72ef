import { useId, useState } from 'react'
import { api } from '../../api/client.ts'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import { identityText } from './identity-text.ts'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { ConsentForm } from './consent-form.tsx'
import { LegalHoldsSection } from './legal-holds-section.tsx'
import { PersonLinks } from './person-links.tsx'
import { PURPOSES, type ConsentView, type DisclosureView, type MaskedPerson } from './types.ts'

type Revealed = { identity: Record<string, unknown>; fieldSets: string[] }

/** One person: masked fields with an audited reveal, the linked records, the consent ledger and the disclosures. */
export function PersonDetail({ personId }: { personId: string }) {
  const { t, dateTime, lang } = useI18n()
  const { can } = useSession()
  const person = useFetch<MaskedPerson>(`/api/people/${personId}`)
  const consents = useFetch<Items<ConsentView>>(`/api/people/${personId}/consents`)
  const disclosures = useFetch<Items<DisclosureView>>(`/api/people/${personId}/disclosures`)
  const [purpose, setPurpose] = useState<string>(PURPOSES[0])
  const [revealed, setRevealed] = useState<Revealed | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [registered, setRegistered] = useState(false)
  const purposeId = useId()
  const kindId = useId()
  const [kind, setKind] = useState('access')

  const reveal = () => {
    setError(undefined)
    api<Revealed>(`/api/people/${personId}/reveal`, { method: 'POST', body: { purpose } }).then((r) => {
      setRevealed(r)
      disclosures.reload()
    }, setError)
  }
  const register = () => {
    setError(undefined)
    const body = { personId, kind, channel: 'in_person', ...(kind === 'opposition' ? { purpose } : {}) }
    api(`/api/rights-requests`, { method: 'POST', body }).then(() => setRegistered(true), setError)
  }

  const withdraw = (consentId: string) => {
    setError(undefined)
    api(`/api/people/${personId}/consents/${consentId}/withdraw`, { method: 'POST' }).then(consents.reload, setError)
  }

  if (person.status === 'loading') {
    return <Loading />
  }
  if (person.status === 'error') {
    return <ErrorNotice error={person.error} onRetry={person.reload} />
  }
  // Server values shown through the catalog when it has them, as they are otherwise.
  const known = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`
    return isMessageKey(key) ? t(key) : value
  }
  return (
    <section aria-labelledby="person-heading" data-testid="person-detail">
      <h2 id="person-heading" className="list-heading">
        {t('people.detail')}
      </h2>
      <dl className="facts" data-testid="person-fields">
        {person.data.present.map((field) => (
          <div key={field}>
            <dt>{known('people.field', field)}</dt>
            <dd data-testid={`field-${field}`}>{revealed && field in revealed.identity ? identityText(field, revealed.identity[field], lang, t) : <span className="muted">{t('people.masked')}</span>}</dd>
          </div>
        ))}
      </dl>
      {person.data.status === 'active' && can('person.reveal') ? (
        <div className="form">
          <label htmlFor={purposeId}>{t('people.purpose')}</label>
          <select id={purposeId} value={purpose} onChange={(e) => setPurpose(e.target.value)}>
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`purpose.${p}`)}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={reveal}>
            {t('people.reveal')}
          </button>
          <p className="muted">{t('people.revealHint')}</p>
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {can('rights.manage') ? (
        <div className="form">
          <label htmlFor={kindId}>{t('rights.kindLabel')}</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value)}>
            {(['access', 'rectification', 'cancellation', 'opposition'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`rights.kind.${k}`)}
              </option>
            ))}
          </select>
          {kind === 'opposition' ? <p className="muted">{t('rights.opposesPurpose', { purpose: known('purpose', purpose) })}</p> : null}
          <button type="button" className="button button-ghost" onClick={register} disabled={registered}>
            {registered ? t('rights.registered') : t('rights.register')}
          </button>
        </div>
      ) : null}
      {can('person.hold') && person.data.status !== 'shredded' ? <LegalHoldsSection personId={personId} /> : null}
      <PersonLinks person={person.data} />
      <h3 className="list-heading">{t('people.consents')}</h3>
      {consents.status === 'ok' ? (
        consents.data.items.length === 0 ? (
          <p className="muted">{t('app.empty')}</p>
        ) : (
          <ul className="list" data-testid="consent-list">
            {consents.data.items.map((c) => (
              <li key={c.id} className="list-item">
                <p className="list-item-title">{t('people.consentLine', { recipient: [known('consent.class', c.recipient.class), c.recipient.name, c.recipient.country ? identityText('nationality', c.recipient.country, lang, t) : ''].filter(Boolean).join(' · '), purpose: known('purpose', c.purpose), basis: known('consent.basis', c.legalBasis) })}</p>
                <p className="list-item-meta">
                  {c.withdrawnAt ? t('people.withdrawn', { date: dateTime(c.withdrawnAt) }) : t('people.given', { date: dateTime(c.givenAt) })}
                </p>
                {!c.withdrawnAt && can('consent.manage') ? (
                  <button type="button" className="button button-ghost" onClick={() => withdraw(c.id)}>
                    {t('consent.withdraw')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
      {person.data.status === 'active' && can('consent.manage') ? <ConsentForm personId={personId} onRecorded={consents.reload} /> : null}
      <h3 className="list-heading">{t('people.disclosures')}</h3>
      {disclosures.status === 'ok' ? (
        <ul className="list" data-testid="disclosure-list">
          {disclosures.data.items.map((d) => (
            <li key={d.id} className={d.allowed ? 'list-item' : 'list-item list-item-denied'}>
              <p className="list-item-title">{t('disclosure.line', { channel: known('disclosure.channel', d.channel), rule: known('disclosure.rule', d.rule) })}</p>
              <p className="list-item-meta">
                <time dateTime={d.at}>{dateTime(d.at)}</time> · {d.allowed ? t('audit.decision.allowed') : t('audit.decision.denied')}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
