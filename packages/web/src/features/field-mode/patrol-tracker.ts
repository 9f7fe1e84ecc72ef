import { TRACK_LIMITS, addTrackPoint, finishTrack, type TrackPoint } from '@faro/core'
import type { FieldStore } from '../../outbox/store.ts'
import type { FixStatus } from './use-position.ts'

/** A patrol started on this phone and not yet ended: its creation is already in the outbox. */
export interface OpenPatrol {
  recordId: string
  kind: string
  startedAt: string
  crew: string[]
  vehicle?: string
  /** The thinned track so far (core's `addTrackPoint`). */
  points: TrackPoint[]
}

export interface PatrolSnapshot {
  /** False until the open patrol (if any) has been read back after the PIN. */
  loaded: boolean
  open: OpenPatrol | undefined
  /** The latest precise fix, kept or not: the route ends there. */
  lastSeen: TrackPoint | undefined
  gps: FixStatus
}

/** The name of the open patrol among the sealed values of the outbox database. */
export const OPEN_PATROL = 'openPatrol'

/**
 * Follows the GPS while a patrol is open, for as long as the tab lives (not only while the
 * field screen shows), and keeps the thinned track sealed in the outbox database after every
 * kept point, so a reload or a restart loses nothing but the fixes of the last seconds.
 */
export class PatrolTracker {
  private snapshot: PatrolSnapshot = { loaded: false, open: undefined, lastSeen: undefined, gps: 'waiting' }
  private readonly listeners = new Set<() => void>()
  private watchId: number | undefined
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly store: FieldStore,
    private readonly key: () => CryptoKey | undefined,
    private readonly geolocation: Geolocation | undefined = browserGeolocation(),
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): PatrolSnapshot => this.snapshot

  /** After the PIN: reads back the open patrol, if any, and follows the GPS again. */
  async resume(): Promise<void> {
    const key = this.key()
    if (!key) {
      return
    }
    let open: OpenPatrol | undefined
    try {
      const value = await this.store.getSealed(key, OPEN_PATROL)
      open = isOpenPatrol(value) ? value : undefined
    } catch {
      // Unreadable (altered) data cannot be repaired; the patrol's creation is still queued.
      open = undefined
    }
    this.update({ loaded: true, open })
    if (open) {
      this.watch()
    }
  }

  /** Called once `PatrolRecorded` is queued: from now on fixes are kept. */
  async begin(patrol: OpenPatrol): Promise<void> {
    this.update({ open: patrol, lastSeen: patrol.points[patrol.points.length - 1] })
    await this.persist()
    this.watch()
  }

  /** The route as it would end now. */
  route(): TrackPoint[] {
    return finishTrack(this.snapshot.open?.points ?? [], this.snapshot.lastSeen)
  }

  /** Called once `PatrolCorrected` (with the end) is queued. */
  async end(): Promise<void> {
    this.unwatch()
    this.update({ open: undefined, lastSeen: undefined })
    await this.enqueueWrite(() => this.store.deleteSealed(OPEN_PATROL))
  }

  /** Stops the GPS (sign-out, revoked device); the sealed track stays for the next unlock. */
  stop(): void {
    this.unwatch()
  }

  /** Resolves once every write of the track so far has landed. */
  settled(): Promise<void> {
    return this.writing
  }

  /** A GPS fix; public so a test can feed fixes without a GPS. */
  addFix(point: TrackPoint): void {
    const open = this.snapshot.open
    if (!open) {
      return
    }
    const precise = point.accuracyM === undefined || point.accuracyM <= TRACK_LIMITS.maxAccuracyM
    const lastSeen = precise ? point : this.snapshot.lastSeen
    const points = addTrackPoint(open.points, point)
    if (points === open.points) {
      this.update({ gps: 'ok', lastSeen })
      return
    }
    this.update({ gps: 'ok', lastSeen, open: { ...open, points: [...points] } })
    void this.persist()
  }

  private watch(): void {
    if (this.watchId !== undefined) {
      return
    }
    const geolocation = this.geolocation
    if (!geolocation) {
      this.update({ gps: 'unavailable' })
      return
    }
    this.watchId = geolocation.watchPosition(
      (position) => this.addFix({ lat: round6(position.coords.latitude), lon: round6(position.coords.longitude), accuracyM: Math.round(position.coords.accuracy), at: position.timestamp }),
      (error) => this.update({ gps: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 60_000 },
    )
  }

  private unwatch(): void {
    if (this.watchId !== undefined) {
      this.geolocation?.clearWatch(this.watchId)
      this.watchId = undefined
    }
  }

  private persist(): Promise<void> {
    return this.enqueueWrite(async () => {
      const key = this.key()
      const open = this.snapshot.open
      if (key && open) {
        await this.store.putSealed(key, OPEN_PATROL, open)
      }
    })
  }

  // Writes run one after another, so an older track never overwrites a newer one.
  private enqueueWrite(write: () => Promise<void>): Promise<void> {
    this.writing = this.writing.then(write).catch(() => undefined)
    return this.writing
  }

  private update(change: Partial<PatrolSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change }
    for (const listener of this.listeners) {
      listener()
    }
  }
}

function browserGeolocation(): Geolocation | undefined {
  return typeof navigator !== 'undefined' && 'geolocation' in navigator ? navigator.geolocation : undefined
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isTrackPoint(value: unknown): value is TrackPoint {
  return isObject(value) && typeof value.lat === 'number' && typeof value.lon === 'number' && typeof value.at === 'number'
}

function isOpenPatrol(value: unknown): value is OpenPatrol {
  return (
    isObject(value) &&
    typeof value.recordId === 'string' &&
    typeof value.kind === 'string' &&
    typeof value.startedAt === 'string' &&
    Array.isArray(value.crew) &&
    value.crew.every((c) => typeof c === 'string') &&
    (value.vehicle === undefined || typeof value.vehicle === 'string') &&
    Array.isArray(value.points) &&
    value.points.every(isTrackPoint)
  )
}
