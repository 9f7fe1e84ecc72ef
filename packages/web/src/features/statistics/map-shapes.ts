/**
 * The states of the bundled outline (public/geo/mexico-states.json, the field map's) as SVG paths:
 * a plain projection (longitude squeezed by the cosine of Mexico's middle latitude), enough for a
 * map of 32 coloured states with no map library and no tiles.
 */

export interface StateShape {
  /** The state's name in the outline ("Baja California", "México"). */
  name: string
  /** The key its name and a unit's state name share (see stateKey). */
  key: string
  d: string
  /** Where the state's largest ring centres, for a label or a focus ring. */
  cx: number
  cy: number
}

export interface StateMap {
  width: number
  height: number
  shapes: StateShape[]
}

type Ring = readonly (readonly number[])[]
interface Feature {
  properties?: { name?: unknown } | null
  geometry?: { type?: unknown; coordinates?: unknown } | null
}

const MID_LATITUDE = 23.5
const SQUEEZE = Math.cos((MID_LATITUDE * Math.PI) / 180)

/**
 * The key of a state's name, the same for the outline's "México" and the org tree's "Estado de
 * México", and blind to accents and case.
 */
export function stateKey(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
  return folded === 'estado de mexico' ? 'mexico' : folded === 'distrito federal' ? 'ciudad de mexico' : folded
}

/** The outline's features as paths in a box `width` wide (the height follows the country's shape). */
export function projectStates(geo: unknown, width = 640): StateMap {
  const features = featuresOf(geo)
  const polygons = features.map((f) => ({ name: typeof f.properties?.name === 'string' ? f.properties.name : '', rings: ringsOf(f) }))
  let minX = Infinity
  let maxX = -Infinity
  let minY = Infinity
  let maxY = -Infinity
  for (const p of polygons) {
    for (const ring of p.rings) {
      for (const [lon = 0, lat = 0] of ring) {
        minX = Math.min(minX, lon * SQUEEZE)
        maxX = Math.max(maxX, lon * SQUEEZE)
        minY = Math.min(minY, -lat)
        maxY = Math.max(maxY, -lat)
      }
    }
  }
  if (!Number.isFinite(minX)) {
    return { width, height: 0, shapes: [] }
  }
  const scale = width / (maxX - minX)
  const height = Math.ceil((maxY - minY) * scale)
  const x = (lon: number) => round((lon * SQUEEZE - minX) * scale)
  const y = (lat: number) => round((-lat - minY) * scale)
  const shapes = polygons
    .filter((p) => p.name !== '')
    .map((p) => {
      let largest: Ring = []
      const d = p.rings
        .map((ring) => {
          if (ring.length > largest.length) {
            largest = ring
          }
          return `M${ring.map(([lon = 0, lat = 0]) => `${x(lon)},${y(lat)}`).join('L')}Z`
        })
        .join('')
      const cx = largest.reduce((s, [lon = 0]) => s + x(lon), 0) / Math.max(1, largest.length)
      const cy = largest.reduce((s, [, lat = 0]) => s + y(lat), 0) / Math.max(1, largest.length)
      return { name: p.name, key: stateKey(p.name), d, cx: round(cx), cy: round(cy) }
    })
  return { width, height, shapes }
}

// Loaded once per page, however often the map is drawn.
let loading: Promise<unknown> | undefined

/** The bundled outline of the states (cached by the service worker once fetched); undefined if it cannot load. */
export function loadStateOutline(base: string): Promise<unknown> {
  loading ??= fetch(`${base}geo/mexico-states.json`)
    .then((r): Promise<unknown> | undefined => (r.ok ? r.json() : undefined))
    .catch(() => undefined)
  return loading
}

function featuresOf(geo: unknown): Feature[] {
  if (typeof geo !== 'object' || geo === null || !('features' in geo) || !Array.isArray(geo.features)) {
    return []
  }
  return geo.features.filter((f): f is Feature => typeof f === 'object' && f !== null)
}

function ringsOf(f: Feature): Ring[] {
  const c = f.geometry?.coordinates
  if (!Array.isArray(c)) {
    return []
  }
  // A Polygon is a list of rings; a MultiPolygon a list of those. Holes are drawn as rings too
  // (the even-odd rule leaves them empty).
  const polygons: unknown[] = f.geometry?.type === 'MultiPolygon' ? c : [c]
  return polygons.flatMap((polygon) => (Array.isArray(polygon) ? polygon.filter(isRing) : []))
}

function isRing(value: unknown): value is Ring {
  return Array.isArray(value) && value.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')
}

function round(v: number): number {
  return Math.round(v * 10) / 10
}
