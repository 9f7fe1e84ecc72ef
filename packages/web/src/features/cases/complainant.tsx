import { useState } from 'react'
import type { PersonIdentity } from '@faro/core'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import type { CaseItem } from './types.ts'

type Shown = { kind: 'idle' } | { kind: 'busy' } | { kind: 'shown'; identity: Partial<PersonIdentity> } | { kind: 'error'; error: unknown }

/**
 * Who filed the case, for the national office and for the bodies the case was sent to, shown only
 * when asked: each ask is a disclosure the server checks against the person's consent, stores
 * and audits. Nothing is shown of an anonymous case, and nothing to anyone else.
 */
export function CaseComplainant({ item }: { item: CaseItem }) {
  const { t, lang } = useI18n()
  const { me, can } = useSession()
  const [shown, setShown] = useState<Shown>({ kind: 'idle' })
  const handles = item.state.hops.some((h) => h.bodyId === me.orgUnit.id)
  if (!item.identified || !(handles || can('case.route'))) {
    return null
  }
  const ask = async () => {
    setShown({ kind: 'busy' })
    try {
      const answer = await api<{ identity: Partial<PersonIdentity> }>(`/api/cases/${encodeURIComponent(item.recordId)}/complainant`, { method: 'POST' })
      setShown({ kind: 'shown', identity: answer.identity })
    } catch (error) {
      setShown({ kind: 'error', error })
    }
  }
  const id = shown.kind === 'shown' ? shown.identity : undefined
  const country = (code: string | undefined) => (code === undefined || code === 'unknown' ? undefined : new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }).of(code))
  const rows: [string, string | undefined][] = id
    ? [
        [t('case.complainant.name'), [id.givenNames, id.firstSurname, id.secondSurname].filter(Boolean).join(' ') || undefined],
        [t('case.complainant.phones'), id.phones?.join(', ') || undefined],
        [t('case.complainant.email'), id.email],
        [t('case.complainant.nationality'), country(id.nationality)],
      ]
    : []
  return (
    <section aria-labelledby="complainant-title" data-testid="case-complainant">
      <h2 id="complainant-title" className="list-heading">
        {t('case.complainant.title')}
      </h2>
      <div className="card">
        {shown.kind === 'shown' ? (
          <dl className="facts" data-testid="complainant-identity">
            {rows
              .filter((row): row is [string, string] => row[1] !== undefined)
              .map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
        ) : (
          <>
            <p className="muted">{t('case.complainant.hint')}</p>
            <button type="button" className="button button-secondary" onClick={() => void ask()} disabled={shown.kind === 'busy'}>
              {t('case.complainant.show')}
            </button>
          </>
        )}
        {shown.kind === 'error' ? <ErrorNotice error={shown.error} /> : null}
      </div>
    </section>
  )
}
