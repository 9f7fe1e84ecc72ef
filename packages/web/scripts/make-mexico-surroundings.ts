/**
 * Writes public/geo/mexico-surroundings.json, what the maps draw around the states when no base
 * map is configured, so that a coordinator sees where Mexico ends:
 *
 * - `border`: Mexico's land border, one line with the United States and one with Guatemala and
 *   Belize. It is walked along the outer edge of public/geo/mexico-states.json itself (run
 *   make-mexico-states.ts first), between the points where the border meets the sea, so it lies
 *   exactly on the states' edges instead of a few hundred metres off.
 * - `land`: the neighbouring countries, from world-atlas (Natural Earth 1:50m, public domain),
 *   clipped to the region around Mexico, simplified and rounded to 0.01°. Drawn under the states
 *   in a grey that sets them apart from the sea.
 *
 *   node --import tsx packages/web/scripts/make-mexico-surroundings.ts
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'

type Position = [number, number]
interface Stretch {
  name: string
  /** Where the border leaves the coast, where it meets the coast again, and a point in between. */
  from: Position
  to: Position
  via: Position
}

// Public-knowledge points to about 0.05°: the mouths and ends of each land border.
const STRETCHES: Stretch[] = [
  // From the Pacific at Tijuana–San Diego to the mouth of the Río Bravo, by Ciudad Juárez.
  { name: 'Estados Unidos', from: [-117.12, 32.53], to: [-97.14, 25.96], via: [-106.45, 31.75] },
  // From the mouth of the Suchiate to the mouth of the Río Hondo at Chetumal, by El Ceibo.
  { name: 'Guatemala y Belice', from: [-92.24, 14.53], to: [-88.3, 18.48], via: [-90.98, 17.25] },
]
const MEXICO_ISO_NUMERIC = '484'
/** The region around Mexico that the maps can show before a point is known, and some more. */
const CLIP = { west: -128, south: 6, east: -72, north: 40 }
/** Douglas–Peucker tolerance in degrees for the neighbours, drawn as a plain fill. */
const TOLERANCE = 0.03

const geo: { features: { geometry: { coordinates: Position[][][] } }[] } = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '../public/geo/mexico-states.json'), 'utf8'),
)
const border = STRETCHES.map((s) => ({ type: 'Feature', properties: { kind: 'border', name: s.name }, geometry: { type: 'LineString', coordinates: walk(outerEdges(), s) } }))

const require = createRequire(import.meta.url)
const topology: Topology<{ countries: GeometryCollection }> = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'))
const polygons = feature(topology, topology.objects.countries)
  .features.filter((f) => String(f.id) !== MEXICO_ISO_NUMERIC)
  .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : []))
  .map((polygon) => polygon.map((ring) => clean(douglasPeucker(clip(ring.map(([x = 0, y = 0]): Position => [x, y])), TOLERANCE))).filter(hasArea))
  .filter((polygon) => polygon.length > 0)
const land = { type: 'Feature', properties: { kind: 'land', name: 'países vecinos' }, geometry: { type: 'MultiPolygon', coordinates: polygons } }

const out = {
  type: 'FeatureCollection',
  source: 'border: the edge of mexico-states.json (Natural Earth 1:10m admin-1, public domain); land: Natural Earth 1:50m via world-atlas 2.0.2 (public domain)',
  features: [land, ...border],
}
const target = path.join(import.meta.dirname, '../public/geo/mexico-surroundings.json')
fs.writeFileSync(target, `${JSON.stringify(out)}\n`)
console.log(`${target}: ${fs.statSync(target).size} bytes, ${polygons.length} land polygons, border ${border.map((b) => `${b.properties.name} ${b.geometry.coordinates.length} points`).join(', ')}`)

/** The states' edges that only one state has: the coast and the land border. */
function outerEdges(): Map<string, Position[]> {
  const seen = new Map<string, number>()
  for (const state of geo.features) {
    for (const polygon of state.geometry.coordinates) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length - 1; i++) {
          const k = edgeKey(ring[i] ?? [0, 0], ring[i + 1] ?? [0, 0])
          seen.set(k, (seen.get(k) ?? 0) + 1)
        }
      }
    }
  }
  const next = new Map<string, Position[]>()
  for (const [k, n] of seen) {
    if (n !== 1) {
      continue
    }
    const [a = '', b = ''] = k.split('|')
    next.set(a, [...(next.get(a) ?? []), parse(b)])
    next.set(b, [...(next.get(b) ?? []), parse(a)])
  }
  return next
}

/**
 * The path along the outer edge from the vertex nearest `from` to the vertex nearest `to`: of the
 * two ways round the coast and border, the one that passes nearest `via`.
 */
function walk(edges: Map<string, Position[]>, stretch: Stretch): Position[] {
  const vertices = [...edges.keys()].map(parse)
  const start = nearest(vertices, stretch.from)
  const end = nearest(vertices, stretch.to)
  const ways = (edges.get(start.join(',')) ?? []).map((first) => {
    const way: Position[] = [start, first]
    const visited = new Set([start.join(','), first.join(',')])
    while (way[way.length - 1]?.join(',') !== end.join(',')) {
      const here = way[way.length - 1] ?? start
      const onward = (edges.get(here.join(',')) ?? []).filter((p) => !visited.has(p.join(',')))
      const step = onward[0]
      if (!step) {
        return undefined
      }
      visited.add(step.join(','))
      way.push(step)
    }
    return way
  })
  const found = ways.filter((w) => w !== undefined).sort((a, b) => distanceTo(a, stretch.via) - distanceTo(b, stretch.via))[0]
  if (!found || distanceTo(found, stretch.via) > 0.1) {
    throw new Error(`no border along the states' edge for ${stretch.name}`)
  }
  return found
}

function distanceTo(way: Position[], point: Position): number {
  return Math.min(...way.map((p) => Math.hypot(p[0] - point[0], p[1] - point[1])))
}

function nearest(points: Position[], target: Position): Position {
  return points.reduce((best, p) => (Math.hypot(p[0] - target[0], p[1] - target[1]) < Math.hypot(best[0] - target[0], best[1] - target[1]) ? p : best))
}

function edgeKey(a: Position, b: Position): string {
  const s = a.join(',')
  const t = b.join(',')
  return s < t ? `${s}|${t}` : `${t}|${s}`
}

function parse(text: string): Position {
  const [x = 0, y = 0] = text.split(',').map(Number)
  return [x, y]
}

/** Sutherland–Hodgman against the CLIP rectangle; the ring stays closed. */
function clip(ring: Position[]): Position[] {
  const edges: [(p: Position) => boolean, (a: Position, b: Position) => Position][] = [
    [(p) => p[0] >= CLIP.west, (a, b) => atX(a, b, CLIP.west)],
    [(p) => p[0] <= CLIP.east, (a, b) => atX(a, b, CLIP.east)],
    [(p) => p[1] >= CLIP.south, (a, b) => atY(a, b, CLIP.south)],
    [(p) => p[1] <= CLIP.north, (a, b) => atY(a, b, CLIP.north)],
  ]
  let points = ring.slice(0, -1)
  for (const [inside, cross] of edges) {
    const input = points
    points = []
    for (let i = 0; i < input.length; i++) {
      const current = input[i] ?? [0, 0]
      const previous = input[(i + input.length - 1) % input.length] ?? current
      if (inside(current)) {
        if (!inside(previous)) {
          points.push(cross(previous, current))
        }
        points.push(current)
      } else if (inside(previous)) {
        points.push(cross(previous, current))
      }
    }
  }
  return points.length > 0 ? [...points, points[0] ?? [0, 0]] : []
}

function atX(a: Position, b: Position, x: number): Position {
  return [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])]
}

function atY(a: Position, b: Position, y: number): Position {
  return [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y]
}

function clean(ring: Position[]): Position[] {
  const rounded = ring.map(([x, y]): Position => [round(x), round(y)])
  return rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1]?.[0] || p[1] !== rounded[i - 1]?.[1])
}

function douglasPeucker(points: Position[], tolerance: number): Position[] {
  const first = points[0]
  const last = points[points.length - 1]
  if (points.length <= 2 || !first || !last) {
    return points
  }
  let farthest = 0
  let index = 0
  for (let i = 1; i < points.length - 1; i++) {
    const d = distanceToSegment(points[i] ?? first, first, last)
    if (d > farthest) {
      farthest = d
      index = i
    }
  }
  if (farthest <= tolerance) {
    return [first, last]
  }
  return [...douglasPeucker(points.slice(0, index + 1), tolerance).slice(0, -1), ...douglasPeucker(points.slice(index), tolerance)]
}

function distanceToSegment([px, py]: Position, [ax, ay]: Position, [bx, by]: Position): number {
  const dx = bx - ax
  const dy = by - ay
  const lengthSquared = dx * dx + dy * dy
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

function hasArea(ring: Position[]): boolean {
  if (ring.length < 4) {
    return false
  }
  let sum = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] ?? [0, 0]
    const [x2, y2] = ring[i + 1] ?? [0, 0]
    sum += x1 * y2 - x2 * y1
  }
  // Islets under about 2 km across are below what the maps can show without tiles.
  return Math.abs(sum / 2) > 0.0004
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
