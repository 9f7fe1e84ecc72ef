import { PatrolKind, PatrolRecorded, RECORD_TYPES, TRACK_LIMITS, routeDistanceKm, type TrackPoint } from '@faro/core'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { Loading } from '../../ui/status.tsx'
import { useSession } from '../auth/session.tsx'
import { Field, EnumSelect } from './form-bits.tsx'
import type { OpenPatrol, PatrolSnapshot } from './patrol-tracker.ts'
import { Checks, FormFrame, PatrolForm, useRecordSaver, type Opt } from './record-forms.tsx'
import type { CrewMember } from './reference.ts'
import { useFieldService } from './service-context.tsx'
import type { Fix } from './use-position.ts'
import { useScreenWakeLock, type WakeLockStatus } from './wake-lock.ts'

/**
 * The patrol tab: start a patrol now and let the GPS draw its route, or, while one is open, see
 * how it goes and end it. The after-the-fact form stays folded below.
 */
export function PatrolPanel({ fix, crew }: { fix: Fix | undefined; crew: readonly CrewMember[] }) {
  const { t } = useI18n()
  const snap = usePatrolSnapshot()
  const [ended, setEnded] = useState(false)
  if (!snap.loaded) {
    return <Loading />
  }
  if (snap.open) {
    return <PatrolInProgress open={snap.open} gps={snap.gps} crew={crew} onEnded={() => setEnded(true)} />
  }
  return (
    <>
      {ended ? (
        <p className="notice notice-ok" role="status" data-testid="fm-patrol-ended">
          {t('fm.live.ended')}
        </p>
      ) : null}
      <StartPatrol fix={fix} crew={crew} onStarted={() => setEnded(false)} />
      <details className="fm-more" data-testid="fm-patrol-past">
        <summary>{t('fm.live.past')}</summary>
        <PatrolForm fix={fix} crew={crew} />
      </details>
    </>
  )
}

/** One line on the other tabs while a patrol is open, so the agent never forgets to end it. */
export function PatrolBanner({ onShow }: { onShow(): void }) {
  const { t } = useI18n()
  const service = useFieldService()
  const snap = usePatrolSnapshot()
  // The patrol tab is not showing, but the route is still being drawn.
  useScreenWakeLock(snap.open !== undefined)
  if (!snap.open) {
    return null
  }
  return (
    <div className="notice fm-live-banner" role="status" data-testid="fm-patrol-banner">
      <span>{t('fm.live.banner', { count: service.patrol.route().length })}</span>
      <button type="button" className="button button-secondary" onClick={onShow}>
        {t('fm.live.show')}
      </button>
    </div>
  )
}

function usePatrolSnapshot(): PatrolSnapshot {
  const { patrol } = useFieldService()
  return useSyncExternalStore(patrol.subscribe, patrol.getSnapshot)
}

function StartPatrol({ fix, crew, onStarted }: { fix: Fix | undefined; crew: readonly CrewMember[]; onStarted(): void }) {
  const { t } = useI18n()
  const { me } = useSession()
  const service = useFieldService()
  const { save, issues, saved } = useRecordSaver()
  const [kind, setKind] = useState<Opt<typeof PatrolKind>>('preventive')
  const [vehicle, setVehicle] = useState('')
  const [members, setMembers] = useState<string[]>([me.user.id])
  const once = useOnce()
  const submit = () => once(async () => {
    const recordId = uuidv7()
    const startedAt = new Date().toISOString()
    const first = fix && fix.accuracyM <= TRACK_LIMITS.maxAccuracyM ? { lat: fix.lat, lon: fix.lon, accuracyM: fix.accuracyM } : undefined
    const payload = { orgUnitId: me.orgUnit.id, kind, startedAt, crew: members, ...(vehicle ? { vehicle } : {}), route: first ? [first] : [] }
    if (!(await save('patrol', 'PatrolRecorded', PatrolRecorded, payload, recordId))) {
      return
    }
    onStarted()
    await service.patrol.begin({ recordId, kind, startedAt, crew: members, ...(vehicle ? { vehicle } : {}), points: first ? [{ ...first, at: Date.now() }] : [] })
  })
  return (
    <FormFrame testId="fm-patrol-start" onSubmit={submit} issues={issues} saved={saved} submitLabel={t('fm.live.start')}>
      <p className="field-hint">{t('fm.live.startHint')}</p>
      <Field id="fm-live-kind" label={t('fm.patrol.kind')}>
        <EnumSelect id="fm-live-kind" options={PatrolKind.options} value={kind} onChange={setKind} label={(k) => t(`patrolKind.${k}`)} />
      </Field>
      <CrewAndVehicle idPrefix="fm-live" crew={crew} members={members} onMembers={setMembers} vehicle={vehicle} onVehicle={setVehicle} />
    </FormFrame>
  )
}

function PatrolInProgress({ open, gps, crew, onEnded }: { open: OpenPatrol; gps: PatrolSnapshot['gps']; crew: readonly CrewMember[]; onEnded(): void }) {
  const { t, lang } = useI18n()
  const service = useFieldService()
  const { save, issues, saved } = useRecordSaver()
  const [vehicle, setVehicle] = useState(open.vehicle ?? '')
  const [members, setMembers] = useState<string[]>(open.crew)
  const [encountered, setEncountered] = useState('0')
  const now = useNow(15_000)
  const screen = useScreenWakeLock(true)
  const route = service.patrol.route()
  const minutes = Math.max(0, Math.floor((now - Date.parse(open.startedAt)) / 60_000))
  const km = new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(routeDistanceKm(route))
  const once = useOnce()
  const submit = () => once(async () => {
    const final = service.patrol.route()
    const people = Number.parseInt(encountered, 10)
    const payload = {
      endedAt: new Date().toISOString(),
      crew: members,
      ...(vehicle ? { vehicle } : {}),
      route: final.map(toGeoPoint),
      // Metres are enough: the route itself is only as good as the phone's GPS.
      distanceKm: Math.round(routeDistanceKm(final) * 1000) / 1000,
      peopleEncountered: Number.isFinite(people) ? people : 0,
    }
    if (!(await save('patrol', 'PatrolCorrected', RECORD_TYPES.patrol.actions.PatrolCorrected, payload, open.recordId))) {
      return
    }
    await service.patrol.end()
    onEnded()
  })
  return (
    <>
      <section className="card fm-live" data-testid="fm-patrol-live" data-points={route.length}>
        <h2>{t('fm.live.title')}</h2>
        <p className="muted">{t(`patrolKind.${PatrolKind.safeParse(open.kind).data ?? 'preventive'}`)}</p>
        <ul className="fm-live-figures">
          <li>{t('fm.live.elapsed', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })}</li>
          <li data-testid="fm-patrol-points">{t('fm.live.points', { count: route.length })}</li>
          <li data-testid="fm-patrol-distance">{t('fm.live.distance', { km })}</li>
        </ul>
        {gps === 'ok' ? null : <p className="field-hint">{t(`fm.gps.${gps}`)}</p>}
        <ScreenStatus status={screen} />
      </section>
      <FormFrame testId="fm-patrol-end" onSubmit={submit} issues={issues} saved={saved} submitLabel={t('fm.live.end')}>
        <Field id="fm-live-encountered" label={t('fm.patrol.encountered')}>
          <input id="fm-live-encountered" inputMode="numeric" value={encountered} onChange={(e) => setEncountered(e.target.value)} />
        </Field>
        <CrewAndVehicle idPrefix="fm-live-end" crew={crew} members={members} onMembers={setMembers} vehicle={vehicle} onVehicle={setVehicle} />
      </FormFrame>
    </>
  )
}

/** Whether the screen is kept on; if not, the agent is told why the route may come out short. */
function ScreenStatus({ status }: { status: WakeLockStatus }) {
  const { t } = useI18n()
  if (status === 'held') {
    return (
      <p className="field-hint" role="status" data-testid="fm-wake-lock" data-state={status}>
        {t('fm.live.screenOn')}
      </p>
    )
  }
  if (status === 'refused' || status === 'unsupported') {
    return (
      <p className="notice fm-screen-off" role="status" data-testid="fm-wake-lock" data-state={status}>
        {t(status === 'refused' ? 'fm.live.screenRefused' : 'fm.live.screenUnsupported')}
      </p>
    )
  }
  return null
}

function CrewAndVehicle({ idPrefix, crew, members, onMembers, vehicle, onVehicle }: { idPrefix: string; crew: readonly CrewMember[]; members: string[]; onMembers(next: string[]): void; vehicle: string; onVehicle(next: string): void }) {
  const { t } = useI18n()
  return (
    <>
      {crew.length > 1 ? (
        <Checks legend={t('fm.patrol.crew')} options={crew.map((c) => c.id)} chosen={members} onChange={onMembers} label={(id) => crew.find((c) => c.id === id)?.displayName ?? id} />
      ) : null}
      <Field id={`${idPrefix}-vehicle`} label={t('fm.patrol.vehicle')}>
        <input id={`${idPrefix}-vehicle`} value={vehicle} maxLength={80} onChange={(e) => onVehicle(e.target.value)} />
      </Field>
    </>
  )
}

/**
 * Runs one submission at a time: a second tap on Start while the first is being saved would
 * otherwise open two patrols.
 */
function useOnce(): (run: () => Promise<void>) => Promise<void> {
  const running = useRef(false)
  return async (run) => {
    if (running.current) {
      return
    }
    running.current = true
    try {
      await run()
    } finally {
      running.current = false
    }
  }
}

/** The clock, refreshed every `ms`: the elapsed time needs no finer grain. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms)
    return () => clearInterval(id)
  }, [ms])
  return now
}

function toGeoPoint({ lat, lon, accuracyM }: TrackPoint): { lat: number; lon: number; accuracyM?: number } {
  return accuracyM === undefined ? { lat, lon } : { lat, lon, accuracyM }
}
