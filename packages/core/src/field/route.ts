/**
 * The route of a live patrol: GPS fixes thinned on the phone so a day's patrol stays a small
 * action (well below the push limits of 100 actions and 64 KB per batch, and the 2000 points
 * `PatrolRecorded.route` allows), and its length measured along the ground. Pure: the caller
 * passes each fix with its time.
 */

/** A GPS fix of a route, with the time it was taken (ms since the epoch). */
export interface TrackPoint {
  lat: number
  lon: number
  accuracyM?: number
  at: number
}

/** When a fix is worth keeping, and how many points a route may hold. */
export interface TrackLimits {
  /** Fixes less precise than this (metres) are skipped. */
  maxAccuracyM: number
  /** A fix this far (metres) from the last kept point is kept. */
  minStepM: number
  /** A fix this long (ms) after the last kept point is kept, however near. */
  minIntervalMs: number
  /** Past this, every other point is dropped (first and last stay). */
  maxPoints: number
}

/** ~100 m accuracy, a point every 50 m or 2 minutes, at most 500 points (about 25 KB of JSON). */
export const TRACK_LIMITS: TrackLimits = { maxAccuracyM: 100, minStepM: 50, minIntervalMs: 120_000, maxPoints: 500 }

const EARTH_RADIUS_M = 6_371_008.8

/**
 * Great-circle distance in metres between two points (haversine, on the mean Earth radius).
 * @example haversineM({ lat: 0, lon: 0 }, { lat: 0, lon: 1 }) // ≈ 111195
 */
export function haversineM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Length of a route in kilometres: the sum of the haversine distances of its legs. */
export function routeDistanceKm(points: readonly { lat: number; lon: number }[]): number {
  let metres = 0
  for (let i = 1; i < points.length; i += 1) {
    metres += haversineM(at(points, i - 1), at(points, i))
  }
  return metres / 1000
}

/**
 * Adds a fix to a thinned track: skipped when imprecise, kept when it is the first, far enough
 * from the last kept point or late enough after it; the track is halved when over the cap.
 * Returns the same array when the fix was not kept, so a caller can tell by identity.
 * @example addTrackPoint([], { lat: 32.5, lon: -117, accuracyM: 12, at: 0 }) // [that point]
 */
export function addTrackPoint(track: readonly TrackPoint[], point: TrackPoint, limits: TrackLimits = TRACK_LIMITS): readonly TrackPoint[] {
  if (!isPrecise(point, limits)) {
    return track
  }
  const last = track[track.length - 1]
  if (last && haversineM(last, point) < limits.minStepM && point.at - last.at < limits.minIntervalMs) {
    return track
  }
  return simplifyTrack([...track, point], limits.maxPoints)
}

/**
 * The final route: the track, ended by the last precise fix seen when that one was not kept
 * (the patrol ends where the phone is), within the cap.
 */
export function finishTrack(track: readonly TrackPoint[], lastSeen: TrackPoint | undefined, limits: TrackLimits = TRACK_LIMITS): TrackPoint[] {
  const last = track[track.length - 1]
  if (!lastSeen || !isPrecise(lastSeen, limits) || (last && last.lat === lastSeen.lat && last.lon === lastSeen.lon)) {
    return simplifyTrack(track, limits.maxPoints)
  }
  return simplifyTrack([...track, lastSeen], limits.maxPoints)
}

/**
 * Thins a whole list of fixes as a live patrol would: every fix through `addTrackPoint`, then
 * `finishTrack` with the last precise one. Keeps the first and last precise fixes.
 */
export function thinTrack(points: readonly TrackPoint[], limits: TrackLimits = TRACK_LIMITS): TrackPoint[] {
  let track: readonly TrackPoint[] = []
  let lastSeen: TrackPoint | undefined
  for (const point of points) {
    track = addTrackPoint(track, point, limits)
    if (isPrecise(point, limits)) {
      lastSeen = point
    }
  }
  return finishTrack(track, lastSeen, limits)
}

/**
 * Drops every other point (keeping the first and the last) until at most `maxPoints` remain.
 * Coarse but cheap on a phone, and it keeps the route's spread in time even.
 */
export function simplifyTrack<P>(points: readonly P[], maxPoints: number): P[] {
  let result = [...points]
  const cap = Math.max(2, maxPoints)
  while (result.length > cap) {
    const lastIndex = result.length - 1
    result = result.filter((_, i) => i % 2 === 0 || i === lastIndex)
  }
  return result
}

function isPrecise(point: TrackPoint, limits: TrackLimits): boolean {
  return point.accuracyM === undefined || point.accuracyM <= limits.maxAccuracyM
}

function at<P>(points: readonly P[], index: number): P {
  const point = points[index]
  if (point === undefined) {
    throw new RangeError(`no point ${index}`)
  }
  return point
}
