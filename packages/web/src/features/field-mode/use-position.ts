import { useCallback, useEffect, useState } from 'react'

export interface Fix {
  lat: number
  lon: number
  /** Metres; 0 when the agent placed the point by hand on the map. */
  accuracyM: number
  manual: boolean
}

export type FixStatus = 'waiting' | 'ok' | 'denied' | 'unavailable'

/**
 * Follows the GPS while the field screen is open, so a record gets its position with no tap.
 * A point the agent moved on the map wins over later fixes until it is cleared.
 */
export function usePosition(): { fix: Fix | undefined; status: FixStatus; correct(point: { lat: number; lon: number }): void; resetToGps(): void } {
  const [gps, setGps] = useState<Fix | undefined>(undefined)
  const [manual, setManual] = useState<Fix | undefined>(undefined)
  const [status, setStatus] = useState<FixStatus>('waiting')

  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setStatus('unavailable')
      return
    }
    const id = navigator.geolocation.watchPosition(
      (position) => {
        setGps({ lat: round6(position.coords.latitude), lon: round6(position.coords.longitude), accuracyM: Math.round(position.coords.accuracy), manual: false })
        setStatus('ok')
      },
      (error) => setStatus(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, maximumAge: 30_000, timeout: 30_000 },
    )
    return () => navigator.geolocation.clearWatch(id)
  }, [])

  const correct = useCallback((point: { lat: number; lon: number }) => {
    setManual({ lat: round6(point.lat), lon: round6(point.lon), accuracyM: 0, manual: true })
  }, [])
  const resetToGps = useCallback(() => setManual(undefined), [])

  return { fix: manual ?? gps, status: manual ? 'ok' : status, correct, resetToGps }
}

// Six decimals is about 10 cm: more would only pretend to a precision no phone has.
function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6
}
