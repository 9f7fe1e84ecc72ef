/**
 * Writes public/geo/mexico.json: Mexico's outline from world-atlas (Natural Earth 1:50m, public
 * domain), with coordinates rounded to 0.01° (about 1 km), so the coordinator's map shows where
 * points are even when no tile server can be reached. The maps draw the states instead
 * (make-mexico-states.ts), which together are the country; this outline is their fallback.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'

const MEXICO_ISO_NUMERIC = '484'
const require = createRequire(import.meta.url)
const topology: Topology<{ countries: GeometryCollection }> = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'))
const collection = feature(topology, topology.objects.countries)
const mexico = collection.features.find((f) => String(f.id) === MEXICO_ISO_NUMERIC)
if (!mexico || mexico.geometry.type !== 'MultiPolygon') {
  throw new Error('Mexico is missing from world-atlas')
}
const round = (n: number) => Math.round(n * 100) / 100
const polygons = mexico.geometry.coordinates
  .map((polygon) =>
    polygon.map((ring) =>
      ring
        .map(([lon = 0, lat = 0]) => [round(lon), round(lat)])
        .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]?.[0] || p[1] !== all[i - 1]?.[1]),
    ),
  )
  .filter((polygon) => (polygon[0]?.length ?? 0) >= 4)
const out = {
  type: 'Feature',
  properties: { name: 'México', source: 'Natural Earth 1:50m via world-atlas 2.0.2 (public domain)' },
  geometry: { type: 'MultiPolygon', coordinates: polygons },
}
const target = path.join(import.meta.dirname, '../public/geo/mexico.json')
fs.writeFileSync(target, `${JSON.stringify(out)}\n`)
console.log(`${target}: ${fs.statSync(target).size} bytes, ${polygons.length} polygons`)
