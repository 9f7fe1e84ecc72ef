import { ORIENTATION_LANGUAGES, OrientationMaterial, OrientationMode } from '@faro/core'
import { useI18n } from '../../i18n/i18n.tsx'
import { toggleIn, type OrientationDetail } from './orientation.ts'

/**
 * How orientation was given (spoken or written, in which language, with which material), folded
 * away: the common record stays three taps, and the detail is sent only when filled.
 */
export function OrientationDetailFields({ value, onChange }: { value: OrientationDetail; onChange(next: OrientationDetail): void }) {
  const { t } = useI18n()
  return (
    <details className="fm-more" data-testid="fm-orientation-detail">
      <summary>{t('fm.orientation.details')}</summary>
      <fieldset>
        <legend>{t('fm.orientation.mode')}</legend>
        <div className="chips">
          {OrientationMode.options.map((m) => (
            <label key={m} className="fm-check">
              <input type="checkbox" checked={value.modes.includes(m)} onChange={() => onChange({ ...value, modes: toggleIn(value.modes, m, OrientationMode.options) })} />
              {t(`orientationMode.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="fm-orientation-language">{t('fm.orientation.language')}</label>
        <select id="fm-orientation-language" value={value.language} onChange={(e) => onChange({ ...value, language: e.target.value })}>
          {ORIENTATION_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`orientationLanguage.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('fm.orientation.materials')}</legend>
        <div className="chips">
          {OrientationMaterial.options.map((m) => (
            <label key={m} className="fm-check">
              <input type="checkbox" checked={value.materials.includes(m)} onChange={() => onChange({ ...value, materials: toggleIn(value.materials, m, OrientationMaterial.options) })} />
              {t(`orientationMaterial.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </details>
  )
}
