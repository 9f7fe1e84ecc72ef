import { ORIENTATION_LANGUAGES } from '@faro/core'
import { useId, useMemo, useState, type FormEvent } from 'react'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { countryChoices } from '../../ui/choices.ts'
import { ErrorNotice } from '../../ui/status.tsx'
import { PURPOSES } from './types.ts'

const CLASSES = ['relative', 'consulate', 'authority', 'partner'] as const
const BASES = ['consent', 'vital_interest', 'legal_obligation'] as const
/**
 * Records what the person agreed to: who may receive their identity, for what, on which basis,
 * until when, and in which language it was explained.
 */
export function ConsentForm({ personId, onRecorded }: { personId: string; onRecorded: () => void }) {
  const { t, lang: uiLang } = useI18n()
  const countries = useMemo(() => countryChoices(uiLang), [uiLang])
  const [recipient, setRecipient] = useState<(typeof CLASSES)[number]>('relative')
  const [detail, setDetail] = useState('')
  const [purpose, setPurpose] = useState<string>('family_contact')
  const [basis, setBasis] = useState<string>('consent')
  const [expires, setExpires] = useState('')
  const [lang, setLang] = useState('es')
  const [error, setError] = useState<unknown>(undefined)
  const ids = { recipient: useId(), detail: useId(), purpose: useId(), basis: useId(), expires: useId(), lang: useId() }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    const who = recipient === 'consulate' ? { country: detail } : recipient === 'relative' || !detail.trim() ? {} : { name: detail.trim() }
    const body = {
      recipient: { class: recipient, ...who },
      purpose,
      legalBasis: basis,
      givenAt: new Date().toISOString(),
      explainedIn: lang,
      ...(expires ? { expiresAt: new Date(`${expires}T23:59:59Z`).toISOString() } : {}),
    }
    api(`/api/people/${personId}/consents`, { method: 'POST', body }).then(onRecorded, setError)
  }

  return (
    <form className="form" onSubmit={submit} data-testid="consent-form">
      <label htmlFor={ids.recipient}>{t('consent.recipient')}</label>
      <select id={ids.recipient} value={recipient} onChange={(e) => setRecipient(CLASSES.find((c) => c === e.target.value) ?? 'relative')}>
        {CLASSES.map((c) => (
          <option key={c} value={c}>
            {t(`consent.class.${c}`)}
          </option>
        ))}
      </select>
      {recipient !== 'relative' ? (
        <>
          <label htmlFor={ids.detail}>{recipient === 'consulate' ? t('consent.country') : t('consent.name')}</label>
          {recipient === 'consulate' ? (
            <select id={ids.detail} value={detail} onChange={(e) => setDetail(e.target.value)}>
              <option value="">{t('staff.field.choose')}</option>
              {countries.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          ) : (
            <input id={ids.detail} value={detail} onChange={(e) => setDetail(e.target.value)} maxLength={160} />
          )}
        </>
      ) : null}
      <label htmlFor={ids.purpose}>{t('people.purpose')}</label>
      <select id={ids.purpose} value={purpose} onChange={(e) => setPurpose(e.target.value)}>
        {PURPOSES.map((p) => (
          <option key={p} value={p}>
            {t(`purpose.${p}`)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.basis}>{t('consent.basis')}</label>
      <select id={ids.basis} value={basis} onChange={(e) => setBasis(e.target.value)}>
        {BASES.map((b) => (
          <option key={b} value={b}>
            {t(`consent.basis.${b}`)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.expires}>{t('consent.expires')}</label>
      <input id={ids.expires} type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
      <label htmlFor={ids.lang}>{t('consent.language')}</label>
      <select id={ids.lang} value={lang} onChange={(e) => setLang(e.target.value)}>
        {ORIENTATION_LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {t(`orientationLanguage.${code}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button">
        {t('consent.record')}
      </button>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  )
}
