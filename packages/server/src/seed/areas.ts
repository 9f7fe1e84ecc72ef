import fs from 'node:fs'
import path from 'node:path'

// The states' outlines the staff app draws its maps with (Natural Earth, public domain): one
// source for the maps and for where the demo puts its points.
const STATES_FILE = path.join(import.meta.dirname, '../../../web/public/geo/mexico-states.json')

/** Whether a point lies inside an area. */
export type Area = (lat: number, lon: number) => boolean

interface StatesFile {
  features: { properties: { name: string }; geometry: { type: 'MultiPolygon'; coordinates: number[][][][] } | { type: 'Polygon'; coordinates: number[][][] } }[]
}

/** Each Mexican state's area, by the name the seed data gives it (`Baja California`, `Chiapas`…). */
export function stateAreas(file = STATES_FILE): Map<string, Area> {
  const states = JSON.parse(fs.readFileSync(file, 'utf8')) as StatesFile
  return new Map(
    states.features.map((f) => {
      const polygons = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates]
      return [f.properties.name, (lat: number, lon: number) => polygons.some((rings) => insidePolygon(rings, lon, lat))]
    }),
  )
}

/** Inside the outer ring and outside every hole (GeoJSON rings, [lon, lat] pairs). */
function insidePolygon(rings: number[][][], x: number, y: number): boolean {
  const [outer, ...holes] = rings
  return outer !== undefined && insideRing(outer, x, y) && !holes.some((hole) => insideRing(hole, x, y))
}

// Ray casting: a point is inside when a ray from it crosses the ring an odd number of times.
function insideRing(ring: number[][], x: number, y: number): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? []
    const [xj = 0, yj = 0] = ring[j] ?? []
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside
    }
  }
  return inside
}
