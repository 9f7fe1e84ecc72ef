import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { City } from './label-placement.ts'

type Position = [number, number]
interface State {
  properties: { name: string }
  geometry: { coordinates: Position[][][] }
}
interface Surroundings {
  features: { properties: { kind: string; name: string }; geometry: { type: string; coordinates: unknown } }[]
}

const geoDir = path.join(import.meta.dirname, '../../../public/geo')
const read = <T,>(name: string): T => JSON.parse(fs.readFileSync(path.join(geoDir, name), 'utf8'))
const states = read<{ features: State[] }>('mexico-states.json').features
const cities = read<{ cities: City[] }>('cities.json').cities
const surroundings = read<Surroundings>('mexico-surroundings.json')

describe('the bundled towns', () => {
  it('names each town once, with a known kind and rank', () => {
    const names = cities.map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
    for (const c of cities) {
      expect(['capital', 'border', 'city'], c.name).toContain(c.kind)
      expect([1, 2, 3], c.name).toContain(c.rank)
    }
  })

  it('has the 32 capitals, one in each federal entity', () => {
    const capitals = cities.filter((c) => c.kind === 'capital')
    expect(capitals).toHaveLength(32)
    const found = capitals.map((c) => stateOf([c.lon, c.lat]))
    expect(new Set(found).size, found.join(', ')).toBe(32)
  })

  it('puts every town in Mexico, and the border towns within about 50 km of the border', () => {
    for (const c of cities) {
      expect(stateOf([c.lon, c.lat]), c.name).toBeDefined()
    }
    const lines = surroundings.features.filter((f) => f.properties.kind === 'border').map((f) => f.geometry.coordinates as Position[])
    for (const c of cities.filter((t) => t.kind === 'border')) {
      const nearest = Math.min(...lines.flatMap((line) => line.slice(1).map((b, i) => distanceToSegment([c.lon, c.lat], line[i] ?? b, b))))
      expect(nearest, c.name).toBeLessThan(0.5)
    }
  })
})

describe('the bundled surroundings of Mexico', () => {
  it('draws the land border as two lines that lie on the states\' outer edge', () => {
    const border = surroundings.features.filter((f) => f.properties.kind === 'border')
    expect(border.map((f) => f.properties.name)).toEqual(['Estados Unidos', 'Guatemala y Belice'])
    const vertices = new Set(states.flatMap((s) => s.geometry.coordinates.flat(2)).map((p) => p.join(',')))
    for (const line of border) {
      expect(line.geometry.type).toBe('LineString')
      for (const p of line.geometry.coordinates as Position[]) {
        expect(vertices.has(p.join(',')), `${line.properties.name} ${p.join(',')}`).toBe(true)
      }
    }
  })

  it('runs from the Pacific to the Gulf in the north, and from the Pacific to the Caribbean in the south', () => {
    const ends = surroundings.features
      .filter((f) => f.properties.kind === 'border')
      .map((f) => {
        const line = f.geometry.coordinates as Position[]
        return [line[0], line[line.length - 1]]
      })
    const near = (p: Position | undefined, q: Position) => !!p && Math.hypot(p[0] - q[0], p[1] - q[1]) < 0.1
    expect(near(ends[0]?.[0], [-117.12, 32.53]) && near(ends[0]?.[1], [-97.14, 25.96])).toBe(true)
    expect(near(ends[1]?.[0], [-92.24, 14.53]) && near(ends[1]?.[1], [-88.3, 18.48])).toBe(true)
  })

  it('has the neighbouring countries as land, and no part of Mexico in it', () => {
    const land = surroundings.features.find((f) => f.properties.kind === 'land')
    expect(land?.geometry.type).toBe('MultiPolygon')
    const polygons = (land?.geometry.coordinates ?? []) as Position[][][]
    const inLand = (p: Position) => polygons.some((polygon) => contains(polygon, p))
    expect(inLand([-106.49, 31.8])).toBe(true) // El Paso
    expect(inLand([-90.5, 14.6])).toBe(true) // Guatemala City
    expect(inLand([-99.13, 19.43])).toBe(false) // Mexico City
    expect(inLand([-110.96, 29.07])).toBe(false) // Hermosillo
  })
})

/** The state a point is in, or the nearest within 0.05° for a town on a simplified coast. */
function stateOf(point: Position): string | undefined {
  const inside = states.find((s) => s.geometry.coordinates.some((polygon) => contains(polygon, point)))
  if (inside) {
    return inside.properties.name
  }
  let best: { name: string; d: number } | undefined
  for (const s of states) {
    for (const [x, y] of s.geometry.coordinates.flat(2)) {
      const d = Math.hypot(x - point[0], y - point[1])
      if (d < 0.05 && (!best || d < best.d)) {
        best = { name: s.properties.name, d }
      }
    }
  }
  return best?.name
}

function distanceToSegment([px, py]: Position, [ax, ay]: Position, [bx, by]: Position): number {
  const dx = bx - ax
  const dy = by - ay
  const lengthSquared = dx * dx + dy * dy
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

function contains(polygon: Position[][], point: Position): boolean {
  const [outer, ...holes] = polygon
  return !!outer && inRing(outer, point) && !holes.some((hole) => inRing(hole, point))
}

function inRing(ring: Position[], [x, y]: Position): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] ?? [0, 0]
    const [xj, yj] = ring[j] ?? [0, 0]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside
    }
  }
  return inside
}
