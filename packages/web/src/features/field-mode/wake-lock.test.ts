import { describe, expect, it } from 'vitest'
import { ScreenWakeLock, type VisibilityLike, type WakeLockLike, type WakeLockSentinelLike } from './wake-lock.ts'

/** A page whose visibility the test flips, as a phone's screen turning off and on would. */
class FakePage extends EventTarget implements VisibilityLike {
  visibilityState: DocumentVisibilityState = 'visible'

  show(visible: boolean): void {
    this.visibilityState = visible ? 'visible' : 'hidden'
    this.dispatchEvent(new Event('visibilitychange'))
  }
}

class FakeSentinel extends EventTarget implements WakeLockSentinelLike {
  released = false

  release(): Promise<void> {
    if (!this.released) {
      this.released = true
      this.dispatchEvent(new Event('release'))
    }
    return Promise.resolve()
  }
}

/** Grants every request, or refuses it as a browser does (permission, low battery). */
class FakeWakeLock implements WakeLockLike {
  readonly sentinels: FakeSentinel[] = []
  refuse = false

  request(): Promise<FakeSentinel> {
    if (this.refuse) {
      return Promise.reject(new DOMException('Wake lock refused', 'NotAllowedError'))
    }
    const sentinel = new FakeSentinel()
    this.sentinels.push(sentinel)
    return Promise.resolve(sentinel)
  }

  held(): number {
    return this.sentinels.filter((s) => !s.released).length
  }
}

/** Lets pending promise callbacks (the request's answer) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('ScreenWakeLock', () => {
  it('holds the screen on once acquired and lets it go when the patrol ends', async () => {
    const api = new FakeWakeLock()
    const lock = new ScreenWakeLock(api, new FakePage())
    expect(lock.getStatus()).toBe('off')
    await lock.acquire()
    expect(lock.getStatus()).toBe('held')
    expect(api.held()).toBe(1)
    await lock.release()
    expect(lock.getStatus()).toBe('off')
    expect(api.held()).toBe(0)
  })

  it('asks again when the page shows after the browser dropped the lock on hiding it', async () => {
    const api = new FakeWakeLock()
    const page = new FakePage()
    const lock = new ScreenWakeLock(api, page)
    await lock.acquire()
    page.show(false)
    await api.sentinels[0]?.release()
    expect(lock.getStatus()).toBe('pending')
    expect(api.held()).toBe(0)
    page.show(true)
    await settle()
    expect(lock.getStatus()).toBe('held')
    expect(api.sentinels).toHaveLength(2)
    expect(api.held()).toBe(1)
  })

  it('stops asking once released, even when the page shows again', async () => {
    const api = new FakeWakeLock()
    const page = new FakePage()
    const lock = new ScreenWakeLock(api, page)
    await lock.acquire()
    await lock.release()
    page.show(false)
    page.show(true)
    await settle()
    expect(api.sentinels).toHaveLength(1)
    expect(lock.getStatus()).toBe('off')
  })

  it('reports a refusal, so the page can ask the agent to keep the screen on, and retries when the page shows', async () => {
    const api = new FakeWakeLock()
    api.refuse = true
    const page = new FakePage()
    const lock = new ScreenWakeLock(api, page)
    await lock.acquire()
    expect(lock.getStatus()).toBe('refused')
    api.refuse = false
    page.show(false)
    page.show(true)
    await settle()
    expect(lock.getStatus()).toBe('held')
  })

  it('reports a browser without the API as unsupported', async () => {
    const lock = new ScreenWakeLock(undefined, new FakePage())
    await lock.acquire()
    expect(lock.getStatus()).toBe('unsupported')
    await lock.release()
    expect(lock.getStatus()).toBe('off')
  })

  it('reports a lock the system takes back while the page shows as refused', async () => {
    const api = new FakeWakeLock()
    const lock = new ScreenWakeLock(api, new FakePage())
    await lock.acquire()
    await api.sentinels[0]?.release()
    expect(lock.getStatus()).toBe('refused')
  })

  it('gives back a lock granted after the release, and keeps one when acquired again meanwhile', async () => {
    const api = new FakeWakeLock()
    const lock = new ScreenWakeLock(api, new FakePage())
    const first = lock.acquire()
    await lock.release()
    await first
    expect(api.held()).toBe(0)
    expect(lock.getStatus()).toBe('off')
    // React's strict mode mounts, unmounts and mounts again before the browser answers.
    const second = lock.acquire()
    void lock.release()
    const third = lock.acquire()
    await Promise.all([second, third])
    await settle()
    expect(api.held()).toBe(1)
    expect(lock.getStatus()).toBe('held')
  })

  it('waits for a hidden page to show before asking', async () => {
    const api = new FakeWakeLock()
    const page = new FakePage()
    page.visibilityState = 'hidden'
    const lock = new ScreenWakeLock(api, page)
    await lock.acquire()
    expect(api.sentinels).toHaveLength(0)
    expect(lock.getStatus()).toBe('pending')
    page.show(true)
    await settle()
    expect(lock.getStatus()).toBe('held')
  })
})
