import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { useEffect, useRef } from 'react'
import { addBasemap } from './basemap.ts'
import './field-map.css'
import { drawOutlines, loadOutlines, type OutlineLayers } from './outlines.ts'
import { mapBasemap } from './settings.ts'

export interface MapPoint {
  id: string
  lat: number
  lon: number
  label: string
  kind: 'attention' | 'rescue' | 'patrol' | 'remains' | 'place' | 'here'
  priority?: boolean
}

export interface FieldMapProps {
  points: readonly MapPoint[]
  /** Accessible name of the map region. */
  label: string
  /** When set, a tap on the map moves the "here" point there (correcting a GPS fix). */
  onPick?: (point: { lat: number; lon: number }) => void
  /** Radius of the accuracy circle around the "here" point, in metres. */
  accuracyM?: number
}

// Mexico's extent: the first view before any point is known.
const MEXICO_BOUNDS: L.LatLngBoundsExpression = [
  [14.5, -118.5],
  [32.8, -86.7],
]
const COLOURS: Record<MapPoint['kind'], string> = {
  attention: '#0b4f6c',
  rescue: '#b42318',
  patrol: '#1e6f43',
  remains: '#52606d',
  place: '#8a5a00',
  here: '#b35c00',
}

/**
 * A Leaflet map that needs no tile server. Without a base map it draws the bundled outlines:
 * the sea, the neighbouring countries, Mexico's 32 states, the land border as a stronger line and
 * the names of the main towns. When the server names a base map (its own vector map file, else a
 * tile server) that draws, the base map replaces the fills and names, and the states' lines and
 * the border stay on top of it. The points are always on top.
 */
export default function FieldMap({ points, label, onPick, accuracyM }: FieldMapProps) {
  const container = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | undefined>(undefined)
  const layer = useRef<L.LayerGroup | undefined>(undefined)
  const outlines = useRef<OutlineLayers | undefined>(undefined)
  const shown = useRef(points)
  shown.current = points
  const pick = useRef(onPick)
  pick.current = onPick

  useEffect(() => {
    if (!container.current) {
      return
    }
    const m = L.map(container.current, { attributionControl: true, zoomControl: true, preferCanvas: false })
    m.fitBounds(MEXICO_BOUNDS)
    const lang = document.documentElement.lang || 'es'
    Promise.all([mapBasemap(), loadOutlines()])
      .then(async ([basemap, files]) => {
        if (map.current !== m) {
          return
        }
        // The outlines show at once; a base map replaces their fills only once it draws.
        const drawn = files ? drawOutlines(m, files) : undefined
        drawn?.avoid(shown.current.map((p): L.LatLngTuple => [p.lat, p.lon]))
        outlines.current = drawn
        if (basemap && (await addBasemap(m, basemap, lang)) && map.current === m) {
          drawn?.setBasemap(true)
        }
      })
      .catch(() => {
        // Without the outlines the points still show, on a blank background.
      })
    m.on('click', (e: L.LeafletMouseEvent) => pick.current?.({ lat: e.latlng.lat, lon: e.latlng.lng }))
    layer.current = L.layerGroup().addTo(m)
    map.current = m
    return () => {
      map.current = undefined
      outlines.current = undefined
      m.remove()
    }
  }, [])

  useEffect(() => {
    const m = map.current
    const group = layer.current
    if (!m || !group) {
      return
    }
    group.clearLayers()
    for (const p of points) {
      if (p.kind === 'here' && accuracyM) {
        L.circle([p.lat, p.lon], { radius: accuracyM, color: COLOURS.here, weight: 1, fillOpacity: 0.1 }).addTo(group)
      }
      L.circleMarker([p.lat, p.lon], { radius: p.kind === 'here' ? 9 : 6, color: p.priority ? '#b42318' : '#fff', weight: 2, fillColor: COLOURS[p.kind], fillOpacity: 0.9 })
        .bindTooltip(p.label)
        .addTo(group)
    }
    outlines.current?.avoid(points.map((p): L.LatLngTuple => [p.lat, p.lon]))
    // Without animation: a zoom still running when the screen is left would end on a map
    // already removed (Leaflet then throws from its transition's end).
    if (points.length === 1 && points[0]) {
      m.setView([points[0].lat, points[0].lon], Math.max(m.getZoom(), 13), { animate: false })
    } else if (points.length > 1) {
      m.fitBounds(L.latLngBounds(points.map((p): L.LatLngTuple => [p.lat, p.lon])), { padding: [24, 24], maxZoom: 14, animate: false })
    }
  }, [points, accuracyM])

  return <div ref={container} className="field-map" role="region" aria-label={label} data-testid="field-map" />
}
