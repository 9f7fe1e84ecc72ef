import type { ReviewedSought } from '@faro/core'
import { useI18n } from '../../i18n/i18n.tsx'
import { personName } from './review-words.ts'
import { countryName, words } from './sought-list.tsx'

/**
 * A sought person as the requester described them: name and nickname, sex, age or birth,
 * nationality and how they look. Shown to reviewers only, on the review screen.
 */
export function SoughtDescribed({ identity }: { identity: ReviewedSought['identity'] }) {
  const { t, lang } = useI18n()
  if (identity === null) {
    return <p className="notice notice-warning">{t('trace.review.erased')}</p>
  }
  const country = countryName(lang)
  const born = identity.birthDate === undefined ? undefined : t('trace.review.bornOn', { date: new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${identity.birthDate}T00:00:00Z`)) })
  const age = [identity.approximateAge === undefined ? undefined : t('trace.review.years', { count: identity.approximateAge }), born].filter(Boolean).join(', ')
  const p = identity.physical
  const rows: [string, string | undefined][] = [
    [t('trace.review.name'), personName(identity)],
    [t('trace.person.aliases'), identity.aliases.join(', ')],
    [t('trace.person.sex'), identity.sex === undefined ? undefined : t(`sex.${identity.sex}`)],
    [t('trace.review.age'), age],
    [t('case.intake.nationality'), country(identity.nationality)],
    [t('trace.review.height'), p?.heightCm === undefined ? undefined : t('trace.review.heightCm', { cm: p.heightCm })],
    [t('trace.person.build'), p?.build === undefined ? undefined : words(t, 'build', p.build)],
    [t('trace.person.hair'), p?.hair],
    [t('trace.person.eyes'), p?.eyes],
    [t('trace.person.marks'), p?.marks],
    [t('trace.person.dental'), p?.dental],
    [t('trace.person.disabilities'), p?.disabilities],
    [t('trace.person.clothing'), p?.clothing],
  ]
  return (
    <div className="trace-described" data-testid="trace-described">
      <h3>{t('trace.review.described')}</h3>
      <dl className="facts">
        {rows
          .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </div>
  )
}
