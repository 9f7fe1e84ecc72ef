import { AttentionRecorded, AttentionSetting, type Service } from '@faro/core'
import { useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { useSession } from '../auth/session.tsx'
import { ALL_SERVICES, loadPresets, sameServices, savePresets, sortServices, type Preset } from './presets.ts'
import { useFieldService } from './service-context.tsx'
import type { Fix } from './use-position.ts'
import { useSaved, ValidationErrors, type Issue } from './form-bits.tsx'
import { PeopleDetailsFields, UNKNOWN_DETAILS, type PeopleDetails } from './people-details.tsx'
import { EMPTY_ORIENTATION, orientationOf, type OrientationDetail } from './orientation.ts'
import { OrientationDetailFields } from './orientation-detail.tsx'

const COUNTS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30] as const

/**
 * The common record in four taps: how many people, which preset of services, where, save. Time
 * and GPS position are taken automatically; nothing is chosen for the agent. The save button
 * stays at the bottom of the screen, where the thumb is, whatever the form's length.
 */
export function QuickAttention({ fix }: { fix: Fix | undefined }) {
  const { t } = useI18n()
  const { me } = useSession()
  const service = useFieldService()
  const [count, setCount] = useState<number | undefined>(undefined)
  const [other, setOther] = useState('')
  const [services, setServices] = useState<Service[]>([])
  const [presets, setPresets] = useState<Preset[]>(loadPresets)
  // Never preselected: a hurried save must not record a place the agent did not choose.
  const [setting, setSetting] = useState<(typeof AttentionSetting.options)[number] | undefined>(undefined)
  const [details, setDetails] = useState<PeopleDetails>(UNKNOWN_DETAILS)
  const [orientation, setOrientation] = useState<OrientationDetail>(EMPTY_ORIENTATION)
  const [issues, setIssues] = useState<Issue[]>([])
  const saved = useSaved()

  const people = count ?? (Number.parseInt(other, 10) || undefined)
  const ready = people !== undefined && services.length > 0 && setting !== undefined

  const toggle = (s: Service) => setServices((old) => (old.includes(s) ? old.filter((x) => x !== s) : sortServices([...old, s])))
  const keepPreset = () => {
    const next = [...presets, { id: `p-${uuidv7()}`, services }]
    setPresets(next)
    savePresets(next)
  }

  const save = async () => {
    const detail = orientationOf(orientation, services)
    const payload = {
      orgUnitId: me.orgUnit.id,
      at: new Date().toISOString(),
      ...(fix ? { location: { lat: fix.lat, lon: fix.lon, accuracyM: fix.accuracyM } } : {}),
      setting,
      people: [{ count: people ?? 0, ...details }],
      services,
      ...(detail ? { orientation: detail } : {}),
    }
    const parsed = AttentionRecorded.safeParse(payload)
    if (!parsed.success) {
      setIssues(parsed.error.issues)
      return
    }
    setIssues([])
    await service.save({ recordType: 'attention', recordId: uuidv7(), type: 'AttentionRecorded', payload: parsed.data })
    saved.show()
    setCount(undefined)
    setOther('')
    setServices([])
    setSetting(undefined)
    setDetails(UNKNOWN_DETAILS)
    setOrientation(EMPTY_ORIENTATION)
  }

  return (
    <form
      className="fm-form"
      data-testid="fm-quick"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <fieldset>
        <legend>{t('fm.quick.people')}</legend>
        <div className="fm-grid">
          {COUNTS.map((n) => (
            <button key={n} type="button" className="fm-tile" aria-pressed={count === n} onClick={() => setCount(count === n ? undefined : n)}>
              {n}
            </button>
          ))}
        </div>
        <div className="field fm-other">
          <label htmlFor="fm-other-count">{t('fm.quick.otherCount')}</label>
          <input
            id="fm-other-count"
            inputMode="numeric"
            pattern="[0-9]*"
            value={other}
            onChange={(e) => {
              setOther(e.target.value.replace(/\D/g, ''))
              setCount(undefined)
            }}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('fm.quick.services')}</legend>
        <div className="fm-presets">
          {presets.map((p) => (
            <button key={p.id} type="button" className="fm-preset" aria-pressed={sameServices(p.services, services)} onClick={() => setServices(p.services)}>
              {p.services.map((s) => t(`service.${s}`)).join(' + ')}
            </button>
          ))}
        </div>
        <details className="fm-more">
          <summary>{t('fm.quick.otherServices')}</summary>
          <div className="chips">
            {ALL_SERVICES.map((s) => (
              <label key={s} className="fm-check">
                <input type="checkbox" checked={services.includes(s)} onChange={() => toggle(s)} />
                {t(`service.${s}`)}
              </label>
            ))}
          </div>
          {services.length > 0 && !presets.some((p) => sameServices(p.services, services)) ? (
            <button type="button" className="button button-secondary" onClick={keepPreset}>
              {t('fm.quick.keepPreset')}
            </button>
          ) : null}
        </details>
        {services.includes('orientation') ? <OrientationDetailFields value={orientation} onChange={setOrientation} /> : null}
      </fieldset>
      <fieldset>
        <legend>{t('fm.quick.setting')}</legend>
        <div className="fm-grid fm-grid-wide" data-testid="fm-setting">
          {AttentionSetting.options.map((s) => (
            <button key={s} type="button" className="fm-tile fm-tile-text" aria-pressed={setting === s} onClick={() => setSetting(setting === s ? undefined : s)}>
              {t(`setting.${s}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <PeopleDetailsFields value={details} onChange={setDetails} />
      <ValidationErrors issues={issues} />
      {saved.visible ? (
        <p className="notice notice-ok" role="status" data-testid="fm-saved">
          {t('fm.saved')}
        </p>
      ) : null}
      <div className="fm-actions">
        <button type="submit" className="button button-primary button-block fm-save" disabled={!ready} data-testid="fm-save">
          {ready ? t('fm.quick.save', { count: people ?? 0 }) : t('fm.quick.saveDisabled')}
        </button>
      </div>
    </form>
  )
}
