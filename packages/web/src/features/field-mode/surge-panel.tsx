import { AgeBand, reduceSurge, Service, Sex, Vulnerability, type SurgeState } from '@faro/core'
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { countryChoices } from '../../ui/choices.ts'
import { ErrorNotice } from '../../ui/status.tsx'
import { countryName, hourRange, localDay, QUICK_NATIONALITIES } from '../surge/words.ts'
import type { ReferencePlace } from './reference.ts'
import { useFieldService } from './service-context.tsx'
import { openSurgeFor, planArrival, pointKey, pointTotals, type SurgeContext, type SurgeOperation, type SurgeTap } from './surge.ts'
import { cachedSurgeReference, refreshSurgeReferenceOnce } from './surge-reference.ts'
import './surge-panel.css'

const POINT = 'surge-point'
const FIRST: SurgeTap = { count: 1, sex: 'unknown', ageBand: 'unknown', nationality: 'unknown', vulnerabilities: [], services: [] }

/** The special operation open today that this account counts for, from the copy kept on the phone. */
export function useOpenSurge(): SurgeOperation | undefined {
  const service = useFieldService()
  const [found, setFound] = useState<SurgeOperation | undefined>(undefined)
  useEffect(() => {
    let live = true
    const load = () =>
      cachedSurgeReference(service.store).then((ref) => {
        if (live) {
          setFound(openSurgeFor(ref.operations, service.me.orgUnit, ref.paths, localDay(Date.now())))
        }
      })
    void load()
    // Once per app start when there is a network; offline, the copy kept on the phone serves.
    refreshSurgeReferenceOnce(service.store)
      .then(load)
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [service])
  return found
}

/**
 * The arrivals count of a special operation: the point, then one big button per person or family
 * arriving. Sex, age, nationality and services stay chosen from one arrival to the next (a caravan
 * arrives in runs of alike people); the number and the vulnerabilities go back after each. Every
 * tap is queued in the outbox, sealed with the PIN key, before the count on screen moves.
 */
export function SurgePanel({ operation, places }: { operation: SurgeOperation; places: readonly ReferencePlace[] }) {
  const { t, lang } = useI18n()
  const service = useFieldService()
  const { me } = service
  const [states, setStates] = useState<Map<string, SurgeState> | undefined>(undefined)
  const [point, setPoint] = useState<string | undefined>(undefined)
  const [tap, setTap] = useState<SurgeTap>(FIRST)
  const [last, setLast] = useState<number | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  // Taps are applied one after another, so two quick first taps never open two sheets.
  const chain = useRef<Promise<void>>(Promise.resolve())
  const latest = useRef<Map<string, SurgeState>>(new Map())
  const day = localDay(Date.now())

  useEffect(() => {
    const key = service.unlocked
    if (!key) {
      return
    }
    let live = true
    void Promise.all([service.store.ofType(key, 'surge'), service.store.getSealed(key, POINT)]).then(([actions, kept]) => {
      if (!live) {
        return
      }
      const next = new Map<string, SurgeState>()
      for (const action of actions) {
        next.set(action.recordId, reduceSurge(next.get(action.recordId), action))
      }
      latest.current = next
      setStates(next)
      setPoint(keptPoint(kept, operation.recordId, day))
    }, setError)
    return () => {
      live = false
    }
  }, [service, operation.recordId, day])

  const context: SurgeContext | undefined = point === undefined ? undefined : { orgUnitId: me.orgUnit.id, operationId: operation.recordId, day, point }

  const choosePoint = (chosen: string | undefined) => {
    setPoint(chosen)
    const key = service.unlocked
    if (key && chosen !== undefined) {
      void service.store.putSealed(key, POINT, { operationId: operation.recordId, day, point: chosen }).catch(setError)
    }
  }

  const record = () => {
    if (!context) {
      return
    }
    const counted = tap
    chain.current = chain.current
      .then(async () => {
        const at = Date.now()
        for (const draft of planArrival(latest.current, context, counted, at, () => uuidv7(at))) {
          const action = await service.save(draft)
          const next = new Map(latest.current)
          next.set(action.recordId, reduceSurge(next.get(action.recordId), action))
          latest.current = next
        }
        setStates(latest.current)
        setLast(counted.count)
        setError(undefined)
      })
      .catch(setError)
    // Only the number and the vulnerabilities go back: the next arrival is most often alike.
    setTap((current) => ({ ...current, count: 1, vulnerabilities: [] }))
  }

  const totals = context && states ? pointTotals(states, context) : { people: 0, byHour: [] }
  const reason = operation.reason === undefined ? undefined : `ops.reason.${operation.reason}`
  return (
    <section className="surge" aria-labelledby="surge-heading" data-testid="surge-panel">
      <h2 id="surge-heading">{t('surge.tab')}</h2>
      <p className="muted">
        {operation.name}
        {reason !== undefined && isMessageKey(reason) ? ` · ${t(reason)}` : ''}
      </p>
      {context === undefined ? (
        <PointForm places={places} onChoose={choosePoint} />
      ) : (
        <>
          <div className="surge-where">
            <p data-testid="surge-point">{t('surge.point.current', { point: context.point })}</p>
            <button type="button" className="button button-secondary" onClick={() => setPoint(undefined)}>
              {t('surge.point.change')}
            </button>
          </div>
          <p className="muted small">{t('surge.intro')}</p>
          <Choices tap={tap} onChange={setTap} />
          <div className="surge-go">
            <Stepper value={tap.count} onChange={(count) => setTap((current) => ({ ...current, count }))} />
            <button type="button" className="button button-primary surge-record" disabled={states === undefined} onClick={record} data-testid="surge-record">
              {t('surge.record')}
            </button>
          </div>
          <p className="surge-saved" role="status" data-testid="surge-saved">
            {last === undefined ? '' : t('surge.saved', { count: last, total: totals.people })}
          </p>
          {error ? <ErrorNotice error={error} /> : null}
          <div className="card surge-today" data-testid="surge-today" data-people={totals.people}>
            <p className="surge-total">{t('surge.today', { count: totals.people })}</p>
            {totals.byHour.length > 0 ? (
              <table className="surge-hour-table">
                <caption>{t('surge.perHour')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('surge.hour')}</th>
                    <th scope="col">{t('surge.arrivals')}</th>
                  </tr>
                </thead>
                <tbody>
                  {totals.byHour.map((h) => (
                    <tr key={h.hour}>
                      <th scope="row">{hourRange(lang, h.hour)}</th>
                      <td>{t('surge.number', { count: h.people })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        </>
      )}
    </section>
  )
}

/** Where the operator counts: free text, with the group's places as suggestions. */
function PointForm({ places, onChoose }: { places: readonly ReferencePlace[]; onChoose(point: string): void }) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const [missing, setMissing] = useState(false)
  const names = useMemo(() => [...new Set(places.map((p) => p.name))].sort(), [places])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (text.trim() === '') {
      setMissing(true)
      return
    }
    onChoose(text.trim())
  }
  return (
    <form className="card" onSubmit={submit} data-testid="surge-point-form" noValidate>
      <div className="field">
        <label htmlFor="surge-point">{t('surge.point.label')}</label>
        <input id="surge-point" list="surge-point-places" maxLength={120} autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="surge-point-hint" aria-invalid={missing} />
        <datalist id="surge-point-places">
          {names.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <p id="surge-point-hint" className="field-hint">
          {t('surge.point.hint')}
        </p>
        {missing ? (
          <p className="field-error" role="alert">
            {t('surge.point.missing')}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button-primary">
        {t('surge.point.start')}
      </button>
    </form>
  )
}

/** The sticky choices: sex, age band, nationality, vulnerabilities and services, each a button that stays pressed. */
function Choices({ tap, onChange }: { tap: SurgeTap; onChange(next: SurgeTap): void }) {
  const { t, lang } = useI18n()
  const others = useMemo(() => countryChoices(lang).filter((c) => !QUICK_NATIONALITIES.some((q) => q === c.value)), [lang])
  const quick = QUICK_NATIONALITIES.some((q) => q === tap.nationality) || tap.nationality === 'unknown'
  return (
    <div className="surge-choices">
      <Group legend={t('fm.people.sex')} testId="surge-sex" look="tight">
        {Sex.options.map((s) => (
          <Toggle key={s} pressed={tap.sex === s} onClick={() => onChange({ ...tap, sex: s })} label={t(`sex.${s}`)} />
        ))}
      </Group>
      <Group legend={t('fm.people.age')} testId="surge-age" look="tight">
        {AgeBand.options.map((a) => (
          <Toggle key={a} pressed={tap.ageBand === a} onClick={() => onChange({ ...tap, ageBand: a })} label={a === 'unknown' ? t('fm.people.unknown') : t('fm.people.ageBand', { band: a })} />
        ))}
      </Group>
      <Group legend={t('fm.people.nationality')} testId="surge-nationality">
        {QUICK_NATIONALITIES.map((code) => (
          <Toggle key={code} pressed={tap.nationality === code} onClick={() => onChange({ ...tap, nationality: code })} label={countryName(lang, code)} />
        ))}
        <Toggle pressed={tap.nationality === 'unknown'} onClick={() => onChange({ ...tap, nationality: 'unknown' })} label={t('fm.people.unknown')} />
        <label className={`surge-other${quick ? '' : ' surge-other-on'}`}>
          <span>{t('surge.nationality.other')}</span>
          <select value={quick ? '' : tap.nationality} onChange={(e) => onChange({ ...tap, nationality: e.target.value === '' ? 'unknown' : e.target.value })}>
            <option value="">{t('surge.nationality.pick')}</option>
            {others.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </Group>
      <Group legend={t('fm.people.vulnerabilities')} testId="surge-vulnerabilities" look="wide">
        {Vulnerability.options.map((v) => (
          <Toggle key={v} pressed={tap.vulnerabilities.includes(v)} onClick={() => onChange({ ...tap, vulnerabilities: flip(tap.vulnerabilities, v) })} label={t(`vulnerability.${v}`)} />
        ))}
      </Group>
      <Group legend={t('surge.services')} testId="surge-services" look="wide">
        {Service.options.map((s) => (
          <Toggle key={s} pressed={tap.services.includes(s)} onClick={() => onChange({ ...tap, services: flip(tap.services, s) })} label={t(`service.${s}`)} />
        ))}
      </Group>
    </div>
  )
}

function Group({ legend, testId, look, children }: { legend: string; testId: string; look?: 'wide' | 'tight'; children: ReactNode }) {
  return (
    <fieldset className={`surge-group${look ? ` surge-group-${look}` : ''}`} data-testid={testId}>
      <legend>{legend}</legend>
      <div className="surge-options">{children}</div>
    </fieldset>
  )
}

function Toggle({ pressed, onClick, label }: { pressed: boolean; onClick(): void; label: string }) {
  return (
    <button type="button" className="surge-option" aria-pressed={pressed} onClick={onClick}>
      {label}
    </button>
  )
}

/** How many arrive together: one, or a family. */
function Stepper({ value, onChange }: { value: number; onChange(n: number): void }) {
  const { t } = useI18n()
  const set = (n: number) => onChange(Math.min(99, Math.max(1, Math.round(n) || 1)))
  return (
    <div className="surge-stepper" role="group" aria-labelledby="surge-count-label">
      <span id="surge-count-label" className="surge-count-label">
        {t('surge.count')}
      </span>
      <button type="button" className="surge-step" aria-label={t('surge.count.less')} disabled={value <= 1} onClick={() => set(value - 1)}>
        −
      </button>
      <input className="surge-count" aria-labelledby="surge-count-label" inputMode="numeric" pattern="[0-9]*" value={value} onChange={(e) => set(Number(e.target.value.replace(/\D/g, '')))} data-testid="surge-count" />
      <button type="button" className="surge-step" aria-label={t('surge.count.more')} onClick={() => set(value + 1)}>
        +
      </button>
    </div>
  )
}

function flip<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value]
}

/** The point kept on the phone, when it was chosen today for this operation. */
function keptPoint(kept: unknown, operationId: string, day: string): string | undefined {
  if (typeof kept !== 'object' || kept === null || !('point' in kept) || !('day' in kept) || !('operationId' in kept)) {
    return undefined
  }
  return kept.operationId === operationId && kept.day === day && typeof kept.point === 'string' && pointKey(kept.point) !== '' ? kept.point : undefined
}
