import fs from 'node:fs'

/** Where the server reads the time, so tests can move it instead of sleeping. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that only moves when told; for tests. */
export class ManualClock implements Clock {
  constructor(private current: Date = new Date('2026-11-21T10:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current)
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms)
  }
}

/**
 * The system's clock moved by the milliseconds a file holds (absent or unreadable: not moved),
 * read again whenever the file changes: a rehearsal or a browser test moves a running server's
 * time without restarting it and without sleeping.
 */
export function offsetFileClock(file: string): Clock {
  let seen = Number.NaN
  let offset = 0
  return {
    now() {
      try {
        const changed = fs.statSync(file).mtimeMs
        if (changed !== seen) {
          seen = changed
          const value = Number(fs.readFileSync(file, 'utf8').trim())
          offset = Number.isFinite(value) ? value : 0
        }
      } catch {
        seen = Number.NaN
        offset = 0
      }
      return new Date(Date.now() + offset)
    },
  }
}
