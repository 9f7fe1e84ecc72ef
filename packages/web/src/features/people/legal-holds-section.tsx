import { LEGAL_HOLD_LIMITS, type LegalHold } from '@faro/core'
import { useId, useState, type FormEvent } from 'react'
import { api } from '../../api/client.ts'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { activeHolds, holdInputReady, holdsPath } from './legal-holds.ts'

/**
 * "Retención legal": the holds that keep a person's data from erasure while a proceeding needs
 * it, a form to place one and a release that asks why. Shown only to roles with `person.hold`.
 */
export function LegalHoldsSection({ personId }: { personId: string }) {
  const { t, dateTime } = useI18n()
  const holds = useFetch<Items<LegalHold>>(holdsPath(personId))
  const [reason, setReason] = useState('')
  const [reference, setReference] = useState('')
  const [releasing, setReleasing] = useState<string | undefined>(undefined)
  const [releaseReason, setReleaseReason] = useState('')
  const [error, setError] = useState<unknown>(undefined)
  const ids = { reason: useId(), reference: useId(), release: useId() }

  const place = (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    api(holdsPath(personId), { method: 'POST', body: { reason, reference } }).then(() => {
      setReason('')
      setReference('')
      holds.reload()
    }, setError)
  }
  const release = (event: FormEvent) => {
    event.preventDefault()
    if (releasing === undefined) {
      return
    }
    setError(undefined)
    api(holdsPath(personId, releasing), { method: 'POST', body: { reason: releaseReason } }).then(() => {
      setReleasing(undefined)
      setReleaseReason('')
      holds.reload()
    }, setError)
  }

  return (
    <section aria-labelledby="holds-heading" data-testid="legal-holds">
      <h3 id="holds-heading" className="list-heading">
        {t('people.holds.heading')}
      </h3>
      <p className="muted">{t('people.holds.intro')}</p>
      {holds.status === 'loading' ? <Loading /> : null}
      {holds.status === 'error' ? <ErrorNotice error={holds.error} onRetry={holds.reload} /> : null}
      {holds.status === 'ok' ? (
        activeHolds(holds.data.items).length === 0 ? (
          <p className="muted">{t('people.holds.none')}</p>
        ) : (
          <ul className="list" data-testid="hold-list">
            {activeHolds(holds.data.items).map((h) => (
              <li key={h.id} className="list-item">
                <p className="list-item-title">{t('people.holds.line', { reference: h.reference, date: dateTime(h.placedAt), who: h.placedByName ?? h.placedBy })}</p>
                {releasing === h.id ? (
                  <form className="form" onSubmit={release}>
                    <label htmlFor={ids.release}>{t('people.holds.releaseReason')}</label>
                    <input id={ids.release} value={releaseReason} onChange={(e) => setReleaseReason(e.target.value)} maxLength={LEGAL_HOLD_LIMITS.reasonMax} />
                    <button type="submit" className="button" disabled={!holdInputReady(releaseReason)}>
                      {t('people.holds.confirmRelease')}
                    </button>
                    <button type="button" className="button button-ghost" onClick={() => setReleasing(undefined)}>
                      {t('people.holds.keep')}
                    </button>
                  </form>
                ) : (
                  <button type="button" className="button button-ghost" onClick={() => setReleasing(h.id)}>
                    {t('people.holds.release')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )
      ) : null}
      <form className="form" onSubmit={place} data-testid="hold-form">
        <label htmlFor={ids.reason}>{t('people.holds.reason')}</label>
        <input id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={LEGAL_HOLD_LIMITS.reasonMax} />
        <label htmlFor={ids.reference}>{t('people.holds.reference')}</label>
        <input id={ids.reference} value={reference} onChange={(e) => setReference(e.target.value)} maxLength={LEGAL_HOLD_LIMITS.referenceMax} />
        <button type="submit" className="button" disabled={!holdInputReady(reason, reference)}>
          {t('people.holds.place')}
        </button>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  )
}
