import { AgeBand, Sex, Vulnerability } from '@faro/core'
import { useI18n } from '../../i18n/i18n.tsx'
import { EnumSelect } from './form-bits.tsx'

/** The optional description of the group attended, counted without identity. */
export interface PeopleDetails {
  sex: (typeof Sex.options)[number]
  ageBand: (typeof AgeBand.options)[number]
  nationality: string
  vulnerabilities: (typeof Vulnerability.options)[number][]
}

export const UNKNOWN_DETAILS: PeopleDetails = { sex: 'unknown', ageBand: 'unknown', nationality: 'unknown', vulnerabilities: [] }

// The nationalities Grupos Beta meet most, first; anything else stays "unknown" here.
const NATIONALITIES = ['MX', 'GT', 'HN', 'SV', 'NI', 'HT', 'VE', 'CU', 'EC', 'CO', 'US'] as const

/**
 * Sex, age band, nationality and vulnerabilities of the group, all optional: the three-tap record
 * leaves them unknown. A vulnerability makes the record a priority wherever it is listed.
 */
export function PeopleDetailsFields({ value, onChange }: { value: PeopleDetails; onChange(next: PeopleDetails): void }) {
  const { t, lang } = useI18n()
  const countries = new Intl.DisplayNames([lang], { type: 'region' })
  const toggle = (v: PeopleDetails['vulnerabilities'][number]) =>
    onChange({ ...value, vulnerabilities: value.vulnerabilities.includes(v) ? value.vulnerabilities.filter((x) => x !== v) : [...value.vulnerabilities, v] })
  return (
    <details className="fm-more" data-testid="fm-people-details">
      <summary>{t('fm.people.details')}</summary>
      <div className="field">
        <label htmlFor="fm-people-sex">{t('fm.people.sex')}</label>
        <EnumSelect id="fm-people-sex" options={Sex.options} value={value.sex} onChange={(s) => onChange({ ...value, sex: s })} label={(s) => t(`sex.${s}`)} />
      </div>
      <div className="field">
        <label htmlFor="fm-people-age">{t('fm.people.age')}</label>
        <EnumSelect id="fm-people-age" options={AgeBand.options} value={value.ageBand} onChange={(a) => onChange({ ...value, ageBand: a })} label={(a) => a === 'unknown' ? t('fm.people.unknown') : t('fm.people.ageBand', { band: a })} />
      </div>
      <div className="field">
        <label htmlFor="fm-people-nationality">{t('fm.people.nationality')}</label>
        <select id="fm-people-nationality" value={value.nationality} onChange={(e) => onChange({ ...value, nationality: e.target.value })}>
          <option value="unknown">{t('fm.people.unknown')}</option>
          {NATIONALITIES.map((code) => (
            <option key={code} value={code}>
              {countries.of(code) ?? code}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('fm.people.vulnerabilities')}</legend>
        <div className="chips">
          {Vulnerability.options.map((v) => (
            <label key={v} className="fm-check">
              <input type="checkbox" checked={value.vulnerabilities.includes(v)} onChange={() => toggle(v)} />
              {t(`vulnerability.${v}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </details>
  )
}
