import { nextBackoffMs } from '@faro/core'
import { api, setCsrfToken } from '../../api/client.ts'
import type { Me } from '../../api/types.ts'
import { FieldStore, type Draft, type OutboxCounts } from '../../outbox/store.ts'
import { pushPending, storeSource, type SyncReport } from '../../outbox/sync.ts'
import { PushError, type PushAction, type PushFailureKind } from '../../outbox/types.ts'
import { PatrolTracker } from './patrol-tracker.ts'
import { httpPush, toPushError } from './transport.ts'

/** Everything the field screen shows about the outbox, as one immutable value. */
export interface FieldSnapshot {
  state: 'loading' | 'no-pin' | 'locked' | 'ready'
  counts: OutboxCounts
  syncing: boolean
  lastSync: { at: string; report: SyncReport } | undefined
  /** When the next automatic attempt runs, after a failure. */
  retryAt: number | undefined
  revoked: boolean
}

// With signal the outbox also drains on its own, like CHT's 5-minute sync.
const PERIODIC_SYNC_MS = 5 * 60_000

/**
 * The field mode of one account: its outbox, the PIN key (in memory only) and the sync loop.
 * Automatic attempts run on opening, on the browser's `online` event, when the app comes back
 * to the foreground, every 5 minutes and after a backoff; navigator.onLine is never trusted,
 * so each attempt simply tries the server.
 */
export class FieldService {
  readonly store: FieldStore
  /** The patrol being recorded live, if any; it needs the key, so it resumes after the PIN. */
  readonly patrol: PatrolTracker
  private key: CryptoKey | undefined
  private snapshot: FieldSnapshot = { state: 'loading', counts: { pending: 0, oldestPendingAt: undefined, attention: 0 }, syncing: false, lastSync: undefined, retryAt: undefined, revoked: false }
  private readonly listeners = new Set<() => void>()
  private attempt = 0
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private periodic: ReturnType<typeof setInterval> | undefined
  private running: Promise<SyncReport> | undefined
  private again = false
  private reference: Promise<void> | undefined

  constructor(
    readonly me: Me,
    private readonly onRevoked: () => void,
  ) {
    this.store = new FieldStore(fieldDbName(me.user.id))
    this.patrol = new PatrolTracker(this.store, () => this.key)
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): FieldSnapshot => this.snapshot

  get unlocked(): CryptoKey | undefined {
    return this.key
  }

  async start(): Promise<void> {
    const hasPin = await this.store.hasPin()
    this.update({ state: hasPin ? (this.key ? 'ready' : 'locked') : 'no-pin', counts: await this.store.counts() })
    if (!this.periodic) {
      this.periodic = setInterval(() => void this.autoSync(), PERIODIC_SYNC_MS)
      window.addEventListener('online', this.autoSync)
      document.addEventListener('visibilitychange', this.onVisible)
    }
    // Opening field mode is a moment to try: e.g. back from signing in again with records queued.
    this.autoSync()
    void this.checkRevoked()
  }

  /**
   * A phone with nothing to send would never learn it was revoked; a one-item pull on opening
   * is its "next contact" (docs/sync.md), answered 410 for a revoked device.
   */
  private async checkRevoked(): Promise<void> {
    try {
      const device = await this.store.device()
      if (!device.registered || this.snapshot.revoked) {
        return
      }
      await api(`/api/sync/pull?limit=1&deviceId=${encodeURIComponent(device.deviceId)}`, { expectUnauthenticated: true })
    } catch (error) {
      if (toPushError(error).kind === 'revoked' && !this.snapshot.revoked) {
        await this.revoke()
      }
    }
  }

  stop(): void {
    clearInterval(this.periodic)
    clearTimeout(this.retryTimer)
    this.patrol.stop()
    this.periodic = undefined
    window.removeEventListener('online', this.autoSync)
    document.removeEventListener('visibilitychange', this.onVisible)
  }

  async setPin(pin: string): Promise<void> {
    // Ask the browser not to evict the outbox under storage pressure; a refusal changes nothing else.
    void navigator.storage?.persist?.().catch(() => false)
    this.key = await this.store.setPin(pin)
    void this.patrol.resume()
    this.update({ state: 'ready' })
    void this.autoSync()
  }

  /** False when the PIN is wrong. */
  async unlock(pin: string): Promise<boolean> {
    const key = await this.store.unlock(pin)
    if (!key) {
      return false
    }
    this.key = key
    void this.patrol.resume()
    this.update({ state: 'ready' })
    void this.autoSync()
    return true
  }

  /** Queues a record: it is on the device (encrypted) when this resolves, whatever the network. */
  async save(draft: Draft): Promise<PushAction> {
    const key = this.requireKey()
    const action = await this.store.enqueue(key, draft)
    this.update({ counts: await this.store.counts() })
    void this.autoSync()
    return action
  }

  /** "Sync now": one honest run, whose report says what was sent and what was not. */
  syncNow(): Promise<SyncReport> {
    if (this.running) {
      // A record saved while a run is finishing must not wait for the next timer: run again.
      this.again = true
      return this.running
    }
    this.running = this.runUntilSettled().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  private async runUntilSettled(): Promise<SyncReport> {
    let report = await this.run()
    while (this.again && !this.snapshot.revoked) {
      this.again = false
      report = await this.run()
    }
    return report
  }

  /** Runs the reference download once per app start; a failure (offline) allows a later try. */
  refreshReferenceOnce(refresh: () => Promise<void>): Promise<void> {
    this.reference ??= refresh().catch((error: unknown) => {
      this.reference = undefined
      throw error
    })
    return this.reference
  }

  async refreshCounts(): Promise<void> {
    this.update({ counts: await this.store.counts() })
  }

  private readonly autoSync = (): void => {
    if (!this.key || this.snapshot.revoked || this.snapshot.counts.pending === 0) {
      return
    }
    // run() settles every failure into its report; nothing is left to reject here.
    void this.syncNow()
  }

  private readonly onVisible = (): void => {
    if (document.visibilityState === 'visible') {
      this.autoSync()
    }
  }

  private async run(): Promise<SyncReport> {
    clearTimeout(this.retryTimer)
    this.update({ syncing: true, retryAt: undefined })
    let report: SyncReport
    try {
      const key = this.requireKey()
      const device = await this.prepare()
      report = await pushPending(storeSource(this.store, key), device.deviceId, httpPush)
    } catch (error) {
      report = { accepted: 0, duplicates: 0, reviews: 0, problems: [], stillPending: this.snapshot.counts.pending, failure: toPushError(error).kind }
    }
    try {
      if (report.failure === 'revoked') {
        await this.revoke()
        return report
      }
      await this.store.purgeSent(await this.store.purgeDays())
      this.scheduleRetry(report.failure)
      this.update({ syncing: false, counts: await this.store.counts(), lastSync: { at: new Date().toISOString(), report } })
    } catch {
      // The database was closed under us (sign-out, another tab wiping it): nothing left to show.
      this.update({ syncing: false, lastSync: { at: new Date().toISOString(), report } })
    }
    return report
  }

  /**
   * Before pushing: GET /api/auth/me both checks the session and brings back the CSRF token that
   * an offline start could not get; then the device is registered once.
   */
  private async prepare(): Promise<{ deviceId: string }> {
    const me = await api<Me>('/api/auth/me', { expectUnauthenticated: true })
    setCsrfToken(me.csrfToken)
    const device = await this.store.device()
    if (!device.registered) {
      await api('/api/sync/devices', { method: 'POST', body: { deviceId: device.deviceId, label: deviceLabel(this.me) }, expectUnauthenticated: true })
      await this.store.markRegistered()
    }
    return device
  }

  private scheduleRetry(failure: PushFailureKind | undefined): void {
    const transient: readonly (PushFailureKind | undefined)[] = ['network', 'timeout', 'server', 'bad_answer', 'too_large']
    if (failure === undefined || !transient.includes(failure)) {
      this.attempt = 0
      return
    }
    const wait = nextBackoffMs(this.attempt, Math.random())
    this.attempt += 1
    this.retryTimer = setTimeout(() => this.autoSync(), wait)
    this.update({ retryAt: Date.now() + wait })
  }

  /** docs/sync.md: a revoked device deletes every local record, key and outbox entry, then signs out. */
  private async revoke(): Promise<void> {
    this.stop()
    this.key = undefined
    await this.store.wipe()
    this.update({ revoked: true, syncing: false })
    this.onRevoked()
  }

  private requireKey(): CryptoKey {
    if (!this.key) {
      throw new PushError('forbidden', undefined, 'locked')
    }
    return this.key
  }

  private update(change: Partial<FieldSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change }
    for (const listener of this.listeners) {
      listener()
    }
  }
}

/** One database per account, so two people sharing a phone never see each other's outbox. */
export function fieldDbName(userId: string): string {
  return `faro-field-${userId}`
}

/** What coordinators see in the device list: whose phone, and what kind. */
function deviceLabel(me: Me): string {
  const ua = navigator.userAgent
  const kind = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS/.test(ua) ? 'macOS' : 'Linux'
  return `${me.user.displayName} · ${kind}`.slice(0, 80)
}
