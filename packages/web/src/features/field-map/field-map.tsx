import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { useEffect, useRef } from 'react'
import './field-map.css'
import { mapTiles } from './settings.ts'

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

// Loaded once per page, whatever the number of maps; the service worker keeps both files offline.
let outline: Promise<{ geo: GeoJSON.GeoJsonObject; states: boolean } | undefined> | undefined

/**
 * A Leaflet map that needs no tile server: the bundled outline of Mexico's 32 states is always
 * drawn under the points, and tiles are added below them only when the server names a
 * tile source (FARO_MAP_TILE_URL).
 */
export default function FieldMap({ points, label, onPick, accuracyM }: FieldMapProps) {
  const container = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | undefined>(undefined)
  const layer = useRef<L.LayerGroup | undefined>(undefined)
  const pick = useRef(onPick)
  pick.current = onPick

  useEffect(() => {
    if (!container.current) {
      return
    }
    const m = L.map(container.current, { attributionControl: true, zoomControl: true, preferCanvas: false })
    m.fitBounds(MEXICO_BOUNDS)
    // The states together are the country: drawn alone they give one coastline, where the
    // 1:50m country outline over them would draw a second one a few hundred metres off. The
    // country outline is only the fallback.
    outline ??= loadGeo('mexico-states.json').then(async (states) => {
      if (states) {
        return { geo: states, states: true }
      }
      const country = await loadGeo('mexico.json')
      return country ? { geo: country, states: false } : undefined
    })
    Promise.all([mapTiles(), outline])
      .then(([tiles, drawn]) => {
        if (map.current !== m) {
          return
        }
        const url = tiles?.url
        if (tiles) {
          // Leaflet writes the attribution as HTML: the setting is plain text, so it is escaped.
          L.tileLayer(tiles.url, { maxZoom: 18, ...(tiles.attribution ? { attribution: escapeHtml(tiles.attribution) } : {}) }).addTo(m)
        }
        if (!drawn) {
          return
        }
        // A pane of its own keeps the outline above any tiles (200) and under the points (400);
        // over tiles it is not filled, so the tiles stay readable.
        const pane = 'faro-outline'
        m.createPane(pane).style.zIndex = '350'
        const style = { color: '#52606d', weight: drawn.states ? 0.8 : 1, fillColor: '#e4eff4', fillOpacity: url ? 0 : 0.6 }
        L.geoJSON(drawn.geo, { pane, style, interactive: false }).addTo(m)
      })
      .catch(() => {
        // Without the outline the points still show, on a blank background.
      })
    m.on('click', (e: L.LeafletMouseEvent) => pick.current?.({ lat: e.latlng.lat, lon: e.latlng.lng }))
    layer.current = L.layerGroup().addTo(m)
    map.current = m
    return () => {
      map.current = undefined
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
    if (points.length === 1 && points[0]) {
      m.setView([points[0].lat, points[0].lon], Math.max(m.getZoom(), 13))
    } else if (points.length > 1) {
      m.fitBounds(L.latLngBounds(points.map((p): L.LatLngTuple => [p.lat, p.lon])), { padding: [24, 24], maxZoom: 14 })
    }
  }, [points, accuracyM])

  return <div ref={container} className="field-map" role="region" aria-label={label} data-testid="field-map" />
}

function loadGeo(file: string): Promise<GeoJSON.GeoJsonObject | undefined> {
  return fetch(`${import.meta.env.BASE_URL}geo/${file}`)
    .then((r) => (r.ok ? r.json() : undefined))
    .catch(() => undefined)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
