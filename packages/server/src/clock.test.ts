import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { offsetFileClock } from './clock.ts'

describe('the clock moved by a file', () => {
  it('follows the file as it changes, and is the system clock without it or with nonsense in it', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faro-clock-')), 'offset')
    const clock = offsetFileClock(file)
    const near = (d: Date, ms: number) => Math.abs(d.getTime() - (Date.now() + ms)) < 1_000
    expect(near(clock.now(), 0)).toBe(true)
    fs.writeFileSync(file, '7200000\n')
    expect(near(clock.now(), 7_200_000)).toBe(true)
    // Written again with another value: a new modification time, read again.
    fs.writeFileSync(file, '-86400000')
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000))
    expect(near(clock.now(), -86_400_000)).toBe(true)
    fs.writeFileSync(file, 'mañana')
    fs.utimesSync(file, new Date(), new Date(Date.now() + 10_000))
    expect(near(clock.now(), 0)).toBe(true)
    fs.rmSync(file)
    expect(near(clock.now(), 0)).toBe(true)
  })
})
