import { useEffect, useMemo, useSyncExternalStore } from 'react'

/** The part of `WakeLockSentinel` this module uses. */
export interface WakeLockSentinelLike {
  release(): Promise<void>
  addEventListener(type: 'release', listener: () => void): void
}

/** The part of `navigator.wakeLock` this module uses; a test passes a fake. */
export interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>
}

/** The part of `document` this module uses: whether the page shows, and when that changes. */
export interface VisibilityLike {
  readonly visibilityState: DocumentVisibilityState
  addEventListener(type: 'visibilitychange', listener: () => void): void
  removeEventListener(type: 'visibilitychange', listener: () => void): void
}

/**
 * `off`: not wanted. `pending`: asked for, or waiting for the page to show again. `held`: the
 * screen stays on. `unsupported`: the browser has no wake lock. `refused`: the browser said no
 * (permission, low battery) or took the lock back while the page showed.
 */
export type WakeLockStatus = 'off' | 'pending' | 'held' | 'unsupported' | 'refused'

/**
 * Keeps the screen on while wanted. A browser stops the GPS when the screen turns off, which
 * leaves a straight leg in a live patrol's route, and it drops the lock whenever the page is
 * hidden, so the lock is asked for again each time the page shows.
 */
export class ScreenWakeLock {
  private status: WakeLockStatus = 'off'
  private wanted = false
  private sentinel: WakeLockSentinelLike | undefined
  private requesting = false
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly wakeLock: WakeLockLike | undefined,
    private readonly visibility: VisibilityLike,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getStatus = (): WakeLockStatus => this.status

  /** Starts wanting the lock; resolves once the browser has answered the first request. */
  async acquire(): Promise<void> {
    if (this.wanted) {
      return
    }
    this.wanted = true
    if (!this.wakeLock) {
      this.set('unsupported')
      return
    }
    this.visibility.addEventListener('visibilitychange', this.onVisibilityChange)
    this.set('pending')
    await this.request()
  }

  /** Stops wanting the lock and lets the screen turn off again. */
  async release(): Promise<void> {
    if (!this.wanted) {
      return
    }
    this.wanted = false
    this.visibility.removeEventListener('visibilitychange', this.onVisibilityChange)
    this.set('off')
    const sentinel = this.sentinel
    this.sentinel = undefined
    await sentinel?.release().catch(() => undefined)
  }

  private onVisibilityChange = (): void => {
    void this.request()
  }

  private async request(): Promise<void> {
    const wakeLock = this.wakeLock
    if (!wakeLock || !this.wanted || this.sentinel || this.requesting) {
      return
    }
    // A hidden page is refused anyway; the next visibilitychange asks again.
    if (this.visibility.visibilityState !== 'visible') {
      this.set('pending')
      return
    }
    this.requesting = true
    this.set('pending')
    try {
      const sentinel = await wakeLock.request('screen')
      this.requesting = false
      if (!this.wanted) {
        // Released while the browser was still answering.
        await sentinel.release().catch(() => undefined)
        return
      }
      this.sentinel = sentinel
      sentinel.addEventListener('release', () => this.onReleased(sentinel))
      this.set('held')
    } catch {
      this.requesting = false
      if (this.wanted) {
        this.set('refused')
      }
    }
  }

  private onReleased(sentinel: WakeLockSentinelLike): void {
    if (this.sentinel !== sentinel) {
      return
    }
    this.sentinel = undefined
    // Hidden: the usual release, undone when the page shows. Visible: the system took it back
    // (battery saver), and asking again at once could loop, so the notice shows instead.
    this.set(this.visibility.visibilityState === 'visible' ? 'refused' : 'pending')
  }

  private set(status: WakeLockStatus): void {
    if (status === this.status) {
      return
    }
    this.status = status
    for (const listener of this.listeners) {
      listener()
    }
  }
}

/** Holds the screen on while `active` and the component is mounted; returns how that goes. */
export function useScreenWakeLock(active: boolean): WakeLockStatus {
  const lock = useMemo(() => new ScreenWakeLock(browserWakeLock(), document), [])
  useEffect(() => {
    if (!active) {
      return
    }
    void lock.acquire()
    return () => void lock.release()
  }, [active, lock])
  return useSyncExternalStore(lock.subscribe, lock.getStatus)
}

function browserWakeLock(): WakeLockLike | undefined {
  return typeof navigator !== 'undefined' && 'wakeLock' in navigator ? navigator.wakeLock : undefined
}
