import { lazy, Suspense, useEffect, useMemo, useState, type FormEvent } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { AttentionList } from './attention-list.tsx'
import { DevicePanel } from './device-panel.tsx'
import './field-mode.css'
import { LOGOUT_BLOCKED_EVENT, LOGOUT_BLOCKED_KEY } from './logout-blocked.ts'
import { QuickAttention } from './quick-attention.tsx'
import { PatrolBanner, PatrolPanel } from './patrol-live.tsx'
import { InspectionForm, RemainsForm, RescueForm } from './record-forms.tsx'
import { cachedCrew, cachedPlaces, refreshReference, type CrewMember, type ReferencePlace } from './reference.ts'
import { fieldServiceFor } from './registry.ts'
import { FieldServiceContext, useFieldService, useFieldSnapshot } from './service-context.tsx'
import { StatusBar } from './status-bar.tsx'
import { SurgePanel, useOpenSurge } from './surge-panel.tsx'
import { TallyPanel } from './tally-panel.tsx'
import { usePosition } from './use-position.ts'

const FieldMap = lazy(() => import('../field-map/field-map.tsx'))

const FORMS = ['attention', 'patrol', 'rescue', 'remains', 'inspection'] as const
type FormId = (typeof FORMS)[number]

/** Field mode: record offline, see what waits to be sent, send it when there is signal. */
export function FieldModePage() {
  const { t } = useI18n()
  const session = useSession()
  const { me, logout } = session
  const service = useMemo(() => fieldServiceFor(me, () => void logout({ force: true })), [me, logout])
  const [startError, setStartError] = useState<unknown>(undefined)
  useEffect(() => {
    service.start().catch(setStartError)
  }, [service])
  return (
    <FieldServiceContext.Provider value={service}>
      <Page title={t(me.user.role === 'module_volunteer' ? 'tally.title' : 'fm.title')} testId="field-mode">
        <StatusBar />
        {startError ? <ErrorNotice error={startError} /> : null}
        <LogoutBlocked />
        <Gate />
      </Page>
    </FieldServiceContext.Provider>
  )
}

function Gate() {
  const snap = useFieldSnapshot()
  if (snap.state === 'loading') {
    return <Loading />
  }
  if (snap.state === 'no-pin') {
    return <PinForm mode="set" />
  }
  if (snap.state === 'locked') {
    return <PinForm mode="unlock" />
  }
  return <Recorder />
}

/**
 * What the form area shows: a module volunteer only counts (no GPS, no map, no field records, and
 * none of the crew or places a volunteer may not read); field staff get the field forms.
 */
function Recorder() {
  const { me } = useSession()
  if (me.user.role === 'module_volunteer') {
    return (
      <>
        <TallyPanel />
        <AttentionList />
        <DevicePanel />
      </>
    )
  }
  return <FieldRecorder />
}

function PinForm({ mode }: { mode: 'set' | 'unlock' }) {
  const { t } = useI18n()
  const service = useFieldService()
  const [pin, setPin] = useState('')
  const [again, setAgain] = useState('')
  const [problem, setProblem] = useState<'short' | 'mismatch' | 'wrong' | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (pin.length < 4) {
      setProblem('short')
      return
    }
    if (mode === 'set' && pin !== again) {
      setProblem('mismatch')
      return
    }
    setBusy(true)
    try {
      if (mode === 'set') {
        await service.setPin(pin)
      } else if (!(await service.unlock(pin))) {
        setProblem('wrong')
      }
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="card fm-pin" onSubmit={(e) => void submit(e)} data-testid={`fm-pin-${mode}`}>
      <h2>{t(mode === 'set' ? 'fm.pin.setTitle' : 'fm.pin.unlockTitle')}</h2>
      <p className="muted">{t(mode === 'set' ? 'fm.pin.setIntro' : 'fm.pin.unlockIntro')}</p>
      <div className="field">
        <label htmlFor="fm-pin">{t('fm.pin.pin')}</label>
        <input id="fm-pin" type="password" inputMode="numeric" autoComplete="off" pattern="[0-9]*" maxLength={12} value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
      </div>
      {mode === 'set' ? (
        <div className="field">
          <label htmlFor="fm-pin-again">{t('fm.pin.again')}</label>
          <input id="fm-pin-again" type="password" inputMode="numeric" autoComplete="off" pattern="[0-9]*" maxLength={12} value={again} onChange={(e) => setAgain(e.target.value.replace(/\D/g, ''))} />
        </div>
      ) : null}
      {problem ? (
        <p className="notice notice-error" role="alert">
          {t(`fm.pin.${problem}`)}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        {t(mode === 'set' ? 'fm.pin.set' : 'fm.pin.unlock')}
      </button>
    </form>
  )
}

function FieldRecorder() {
  const { t } = useI18n()
  const service = useFieldService()
  const position = usePosition()
  const [form, setForm] = useState<FormId | 'surge'>('attention')
  const surge = useOpenSurge()
  const [showMap, setShowMap] = useState(false)
  const [places, setPlaces] = useState<ReferencePlace[]>([])
  const [crew, setCrew] = useState<CrewMember[]>([])
  useEffect(() => {
    const load = () => Promise.all([cachedPlaces(service.store).then(setPlaces), cachedCrew(service.store).then(setCrew)])
    void load()
    // Refreshed once per app start when there is a network (reading the crew is audited);
    // offline, the cached copy serves.
    service
      .refreshReferenceOnce(() => refreshReference(service.store, service.me.orgUnit.id))
      .then(load)
      .catch(() => undefined)
  }, [service])
  const fix = position.fix
  const here = useMemo(() => (fix ? [{ id: 'here', lat: fix.lat, lon: fix.lon, label: t('fm.gps.here'), kind: 'here' as const }] : []), [fix, t])
  return (
    <>
      <div className="segmented fm-tabs" role="group" aria-label={t('fm.forms')}>
        {FORMS.map((f) => (
          <button key={f} type="button" aria-pressed={f === form} onClick={() => setForm(f)}>
            {t(`fm.form.${f}`)}
          </button>
        ))}
        {surge ? <button type="button" aria-pressed={form === 'surge'} onClick={() => setForm('surge')}>{t('surge.tab')}</button> : null}
      </div>
      {form === 'patrol' ? null : <PatrolBanner onShow={() => setForm('patrol')} />}
      <div className="fm-gps" data-testid="fm-gps">
        <p role="status">
          {fix
            ? t(fix.manual ? 'fm.gps.manual' : 'fm.gps.fix', { lat: fix.lat.toFixed(5), lon: fix.lon.toFixed(5), accuracy: fix.accuracyM })
            : t(`fm.gps.${position.status}`)}
        </p>
        <button type="button" className="button button-secondary" aria-expanded={showMap} onClick={() => setShowMap((v) => !v)}>
          {t(showMap ? 'fm.gps.hideMap' : 'fm.gps.correct')}
        </button>
        {fix?.manual ? (
          <button type="button" className="button button-secondary" onClick={position.resetToGps}>
            {t('fm.gps.useGps')}
          </button>
        ) : null}
      </div>
      {showMap ? (
        <Suspense fallback={<Loading />}>
          <p className="field-hint">{t('fm.gps.mapHint')}</p>
          <FieldMap points={here} label={t('fm.gps.mapLabel')} onPick={position.correct} accuracyM={fix?.manual ? undefined : fix?.accuracyM} />
        </Suspense>
      ) : null}
      {form === 'attention' ? <QuickAttention fix={fix} /> : null}
      {form === 'patrol' ? <PatrolPanel fix={fix} crew={crew} /> : null}
      {form === 'rescue' ? <RescueForm fix={fix} /> : null}
      {form === 'remains' ? <RemainsForm fix={fix} /> : null}
      {form === 'inspection' ? <InspectionForm places={places} /> : null}
      {form === 'surge' && surge ? <SurgePanel operation={surge} places={places} /> : null}
      <AttentionList />
      <DevicePanel />
    </>
  )
}

/** Shown when a sign-out was refused because records are still on the phone. */
function LogoutBlocked() {
  const { t } = useI18n()
  const { logout } = useSession()
  const [blocked, setBlocked] = useState(() => sessionStorage.getItem(LOGOUT_BLOCKED_KEY) !== null)
  const [exported, setExported] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  useEffect(() => {
    const onBlocked = () => setBlocked(true)
    window.addEventListener(LOGOUT_BLOCKED_EVENT, onBlocked)
    return () => window.removeEventListener(LOGOUT_BLOCKED_EVENT, onBlocked)
  }, [])
  if (!blocked) {
    return null
  }
  const dismiss = () => {
    sessionStorage.removeItem(LOGOUT_BLOCKED_KEY)
    setBlocked(false)
  }
  return (
    <div className="notice notice-error" role="alert" data-testid="fm-logout-blocked">
      <p>{t('fm.logout.blocked')}</p>
      <DevicePanel onExported={() => setExported(true)} />
      {error ? <ErrorNotice error={error} /> : null}
      <div className="actions">
        <button type="button" className="button button-danger" disabled={!exported} onClick={() => logout({ force: true }).then(dismiss, setError)}>
          {t('fm.logout.afterExport')}
        </button>
        <button type="button" className="button button-secondary" onClick={dismiss}>
          {t('fm.logout.stay')}
        </button>
      </div>
    </div>
  )
}
