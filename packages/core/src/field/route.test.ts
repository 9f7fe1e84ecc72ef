import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PatrolRecorded } from './schemas.ts'
import { TRACK_LIMITS, addTrackPoint, finishTrack, haversineM, routeDistanceKm, simplifyTrack, thinTrack, type TrackPoint } from './route.ts'

const TIJUANA = { lat: 32.5149, lon: -117.0382 }
const MINUTE = 60_000

const arbPoint = fc.record({
  lat: fc.double({ min: -80, max: 80, noNaN: true }),
  lon: fc.double({ min: -179, max: 179, noNaN: true }),
})
const arbTrackPoint: fc.Arbitrary<TrackPoint> = fc.record({
  lat: fc.double({ min: 32.4, max: 32.6, noNaN: true }),
  lon: fc.double({ min: -117.2, max: -117.0, noNaN: true }),
  accuracyM: fc.integer({ min: 0, max: 300 }),
  at: fc.integer({ min: 0, max: 10 * MINUTE }),
})
// Fixes in time order, as the GPS gives them.
const arbFixes = fc.array(arbTrackPoint, { maxLength: 300 }).map((points) => [...points].sort((a, b) => a.at - b.at))

function sameSpot(a: TrackPoint | undefined, b: TrackPoint | undefined): boolean {
  return a !== undefined && b !== undefined && a.lat === b.lat && a.lon === b.lon
}

/** A point `metres` north of `from`. */
function north(from: { lat: number; lon: number }, metres: number): { lat: number; lon: number } {
  return { lat: from.lat + metres / 111_195, lon: from.lon }
}

describe('haversineM', () => {
  it('measures one degree of longitude on the equator as about 111 km', () => {
    expect(haversineM({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111_195, -1)
  })

  it('measures Tijuana to Mexico City as about 2300 km', () => {
    expect(haversineM(TIJUANA, { lat: 19.4326, lon: -99.1332 }) / 1000).toBeGreaterThan(2250)
    expect(haversineM(TIJUANA, { lat: 19.4326, lon: -99.1332 }) / 1000).toBeLessThan(2350)
  })

  it('is non-negative and symmetric, and zero from a point to itself', () => {
    fc.assert(
      fc.property(arbPoint, arbPoint, (a, b) => {
        const d = haversineM(a, b)
        return d >= 0 && Math.abs(d - haversineM(b, a)) < 1e-6 && haversineM(a, a) === 0
      }),
    )
  })
})

describe('routeDistanceKm', () => {
  it('is zero for no point or one point', () => {
    expect(routeDistanceKm([])).toBe(0)
    expect(routeDistanceKm([TIJUANA])).toBe(0)
  })

  it('is non-negative and additive over a split route', () => {
    fc.assert(
      fc.property(fc.array(arbPoint, { minLength: 1, maxLength: 40 }), fc.nat(), (points, cut) => {
        const i = cut % points.length
        const whole = routeDistanceKm(points)
        const parts = routeDistanceKm(points.slice(0, i + 1)) + routeDistanceKm(points.slice(i))
        return whole >= 0 && Math.abs(whole - parts) < 1e-6
      }),
    )
  })
})

describe('addTrackPoint', () => {
  const start: TrackPoint = { ...TIJUANA, accuracyM: 10, at: 0 }

  it('keeps the first precise fix and skips one worse than 100 m', () => {
    expect(addTrackPoint([], { ...start, accuracyM: 150 })).toEqual([])
    expect(addTrackPoint([], start)).toEqual([start])
  })

  it('skips a fix near the last kept point within two minutes, returning the same track', () => {
    const track = [start]
    expect(addTrackPoint(track, { ...north(TIJUANA, 20), accuracyM: 10, at: MINUTE })).toBe(track)
  })

  it('keeps a fix 50 m or more away, or two minutes or more later', () => {
    const far = { ...north(TIJUANA, 60), accuracyM: 10, at: MINUTE }
    const late = { ...north(TIJUANA, 5), accuracyM: 10, at: 2 * MINUTE }
    expect(addTrackPoint([start], far)).toEqual([start, far])
    expect(addTrackPoint([start], late)).toEqual([start, late])
  })

  it('never holds more points than the cap, however long the patrol', () => {
    const limits = { ...TRACK_LIMITS, maxPoints: 50 }
    let track: readonly TrackPoint[] = []
    for (let i = 0; i < 1000; i += 1) {
      track = addTrackPoint(track, { ...north(TIJUANA, i * 100), accuracyM: 10, at: i * MINUTE }, limits)
      expect(track.length).toBeLessThanOrEqual(50)
    }
    expect(track[0]?.at).toBe(0)
    expect(track[track.length - 1]?.at).toBe(999 * MINUTE)
  })
})

describe('thinTrack', () => {
  it('keeps the first and the last precise fix, stays within the cap and skips imprecise fixes', () => {
    fc.assert(
      fc.property(arbFixes, fc.integer({ min: 2, max: 60 }), (fixes, maxPoints) => {
        const limits = { ...TRACK_LIMITS, maxPoints }
        const precise = fixes.filter((p) => (p.accuracyM ?? 0) <= limits.maxAccuracyM)
        const track = thinTrack(fixes, limits)
        if (precise.length === 0) {
          return track.length === 0
        }
        return (
          track.length <= maxPoints &&
          track[0] === precise[0] &&
          sameSpot(track[track.length - 1], precise[precise.length - 1]) &&
          track.every((p) => precise.includes(p))
        )
      }),
    )
  })

  it('keeps a 200 m walk of fixes every 20 m as a point every 60 m or so, and about 200 m long', () => {
    const fixes = Array.from({ length: 11 }, (_, i) => ({ ...north(TIJUANA, i * 20), accuracyM: 8, at: i * 5000 }))
    const track = thinTrack(fixes)
    expect(track.map((p) => p.at)).toEqual([0, 15_000, 30_000, 45_000, 50_000])
    expect(routeDistanceKm(track)).toBeCloseTo(0.2, 3)
  })

  it('makes a route the patrol schema accepts, even from a very long day', () => {
    const fixes = Array.from({ length: 20_000 }, (_, i) => ({ ...north(TIJUANA, i * 60), accuracyM: 15, at: i * 3000 }))
    const route = thinTrack(fixes).map(({ lat, lon, accuracyM }) => ({ lat, lon, accuracyM }))
    expect(route.length).toBeLessThanOrEqual(TRACK_LIMITS.maxPoints)
    expect(JSON.stringify(route).length).toBeLessThan(40_000)
    const parsed = PatrolRecorded.safeParse({ orgUnitId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', kind: 'preventive', startedAt: '2026-11-21T08:00:00.000Z', route })
    expect(parsed.success).toBe(true)
  })
})

describe('finishTrack', () => {
  it('ends the route where the phone last was, once', () => {
    const a: TrackPoint = { ...TIJUANA, accuracyM: 5, at: 0 }
    const b: TrackPoint = { ...north(TIJUANA, 10), accuracyM: 5, at: 1000 }
    expect(finishTrack([a], b)).toEqual([a, b])
    expect(finishTrack([a], a)).toEqual([a])
    expect(finishTrack([a], undefined)).toEqual([a])
    expect(finishTrack([a], { ...b, accuracyM: 500 })).toEqual([a])
  })
})

describe('simplifyTrack', () => {
  it('drops every other point and keeps the first and the last', () => {
    expect(simplifyTrack([1, 2, 3, 4, 5], 4)).toEqual([1, 3, 5])
    expect(simplifyTrack([1, 2, 3, 4, 5, 6], 4)).toEqual([1, 3, 5, 6])
    expect(simplifyTrack([1, 2, 3], 3)).toEqual([1, 2, 3])
  })

  it('holds the cap and keeps both ends for any list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 2000 }), fc.integer({ min: 2, max: 600 }), (list, cap) => {
        const out = simplifyTrack(list, cap)
        return out.length <= cap && out[0] === list[0] && out[out.length - 1] === list[list.length - 1]
      }),
    )
  })
})
