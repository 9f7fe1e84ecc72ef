import type { LastContact, SoughtPerson } from '@faro/core'
import { useId } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import { Link } from '../../ui/router.tsx'
import { useSession } from '../auth/session.tsx'
import type { CaseItem } from '../cases/types.ts'
import { newAlerts, reviewRights } from './review-words.ts'
import './tracing.css'

type T = (key: MessageKey, values?: MessageValues) => string

/**
 * The people a location request seeks, by number: their names are in the vault, not in the case,
 * so each is "Person 1 of 3", with where they set out from, the last news and how their search
 * ended, all in words. No vault reference is shown. Those who may review the registry's candidates
 * find the way to them here, with how many new ones the search flagged.
 */
export function SoughtList({ item }: { item: CaseItem }) {
  const { t, lang } = useI18n()
  const { me, can } = useSession()
  const id = useId()
  const s = item.state
  const rights = reviewRights(s, { unitId: me.orgUnit.id, can })
  // New alerts call for a reviewer's word: counted for those who may give it.
  const alerts = rights.mark ? newAlerts(s) : 0
  const sought = s.sought ?? []
  if (sought.length === 0) {
    return null
  }
  const country = countryName(lang)
  return (
    <section className="card" aria-labelledby={id} data-testid="case-sought">
      <h2 id={id}>{t('trace.soughtCount', { count: sought.length })}</h2>
      {s.relationship ? (
        <p>
          {t('trace.sought.askedBy')}: <strong>{words(t, 'relationship', s.relationship)}</strong>
        </p>
      ) : null}
      <ol className="sought-list">
        {sought.map((person, index) => {
          const outcome = s.traces?.[person.soughtId]?.outcome ?? 'searching'
          const rows: [string, string | undefined][] = [
            [t('trace.person.origin'), originText(person, country)],
            [t('trace.sought.lastContact'), lastContactText(t, lang, person.lastContact, country)],
            [t('trace.person.route'), person.route],
            [t('trace.person.companions'), person.companions],
          ]
          return (
            <li key={person.soughtId} className="sought-item" data-testid="case-sought-person">
              <h3>{t('trace.personOf', { number: index + 1, total: sought.length })}</h3>
              <dl className="facts">
                {rows
                  .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
                  .map(([label, value]) => (
                    <div key={label}>
                      <dt>{label}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                <div>
                  <dt>{t('trace.sought.outcome')}</dt>
                  {/* A filer not working on it is told how a search stands by the answers alone: the server sends it no step of the search. */}
                  {rights.outcomes ? (
                    <dd className={`sought-outcome-${outcome}`} data-testid="sought-outcome">
                      {words(t, 'outcome', outcome)}
                    </dd>
                  ) : (
                    <dd data-testid="sought-outcome">{t('trace.answers.seeBelow')}</dd>
                  )}
                </div>
              </dl>
            </li>
          )
        })}
      </ol>
      {rights.review ? (
        <p className="sought-review">
          <Link to={`cases/${encodeURIComponent(item.recordId)}/review`} className="button button-primary" data-testid="case-review-link">
            <span>{t('trace.review.open')}</span>
            {alerts > 0 ? (
              <>
                {' '}
                <span className="sought-review-new">{t('trace.review.newAlerts', { count: alerts })}</span>
              </>
            ) : null}
          </Link>
        </p>
      ) : null}
    </section>
  )
}

/** A value of a tracing catalogue in words; one the catalogue lacks (a newer server), as "other". */
export function words(t: T, catalogue: string, value: string): string {
  const key = `trace.${catalogue}.${value}`
  return isMessageKey(key) ? t(key) : t('case.unknownValue')
}

/** A country's name in the reader's language; nothing for one not known. */
export function countryName(lang: string): (code: string | undefined) => string | undefined {
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' })
  return (code) => {
    if (code === undefined || !/^[A-Z]{2}$/.test(code)) {
      return undefined
    }
    return names.of(code)
  }
}

function originText(person: SoughtPerson, country: (code: string | undefined) => string | undefined): string {
  return [person.origin?.town, person.origin?.region, country(person.origin?.country)].filter(Boolean).join(', ')
}

/** "28 de octubre de 2026 · Altar, Sonora · Llamada". */
function lastContactText(t: T, lang: string, last: LastContact | undefined, country: (code: string | undefined) => string | undefined): string {
  if (last === undefined) {
    return ''
  }
  const day = last.date === undefined ? undefined : new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${last.date}T00:00:00Z`))
  const where = [last.place, last.state, country(last.country)].filter(Boolean).join(', ')
  return [day, where, last.means === undefined ? undefined : words(t, 'means', last.means)].filter(Boolean).join(' · ')
}
