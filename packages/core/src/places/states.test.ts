import { describe, expect, it } from 'vitest'
import { timeZoneOfState, wallClock } from './states.ts'

describe('each state\'s clock', () => {
  it('reads the same instant as Tijuana, Hermosillo, the centre and Cancún read it', () => {
    const instant = new Date('2026-12-05T05:30:00Z')
    expect(wallClock(instant, timeZoneOfState('Baja California'))).toEqual({ date: '2026-12-04', time: '21:30' })
    expect(wallClock(instant, timeZoneOfState('Sonora'))).toEqual({ date: '2026-12-04', time: '22:30' })
    expect(wallClock(instant, timeZoneOfState('Jalisco'))).toEqual({ date: '2026-12-04', time: '23:30' })
    expect(wallClock(instant, timeZoneOfState('Quintana Roo'))).toEqual({ date: '2026-12-05', time: '00:30' })
    // Summer: Tijuana moves with California, Hermosillo does not.
    const july = new Date('2026-07-01T19:00:00Z')
    expect(wallClock(july, timeZoneOfState('Baja California')).time).toBe('12:00')
    expect(wallClock(july, timeZoneOfState('Sonora')).time).toBe('12:00')
    expect(wallClock(july, timeZoneOfState('Ciudad de México')).time).toBe('13:00')
  })

  it('falls back to the centre for a name it does not know', () => {
    expect(timeZoneOfState('Texas')).toBe('America/Mexico_City')
    expect(timeZoneOfState(undefined)).toBe('America/Mexico_City')
  })
})
