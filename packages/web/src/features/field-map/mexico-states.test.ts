import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

type Position = [number, number]
interface State {
  type: string
  properties: { name: string }
  geometry: { type: string; coordinates: Position[][][] }
}

const file = path.join(import.meta.dirname, '../../../public/geo/mexico-states.json')
const geo: { type: string; features: State[] } = JSON.parse(fs.readFileSync(file, 'utf8'))

describe('the bundled outline of Mexico\'s states', () => {
  it('holds the 32 federal entities, each once', () => {
    expect(geo.type).toBe('FeatureCollection')
    const names = geo.features.map((f) => f.properties.name)
    expect(names).toHaveLength(32)
    expect(new Set(names).size).toBe(32)
    expect(names).toEqual(expect.arrayContaining(['Sonora', 'Chihuahua', 'Chiapas', 'Baja California', 'Baja California Sur', 'Ciudad de México', 'México', 'Yucatán']))
  })

  it('has closed rings of at least four positions, all within Mexico', () => {
    for (const state of geo.features) {
      expect(state.type).toBe('Feature')
      expect(state.geometry.type, state.properties.name).toBe('MultiPolygon')
      expect(state.geometry.coordinates.length, state.properties.name).toBeGreaterThan(0)
      for (const polygon of state.geometry.coordinates) {
        for (const ring of polygon) {
          expect(ring.length, state.properties.name).toBeGreaterThanOrEqual(4)
          expect(ring[0], state.properties.name).toEqual(ring[ring.length - 1])
          for (const [lon, lat] of ring) {
            expect(lon).toBeGreaterThan(-119)
            expect(lon).toBeLessThan(-86)
            expect(lat).toBeGreaterThan(14)
            expect(lat).toBeLessThan(33)
          }
        }
        expect(Math.abs(ringArea(polygon[0] ?? [])), state.properties.name).toBeGreaterThan(0)
      }
    }
  })

  it('puts border towns in their own state', () => {
    const towns: [string, Position][] = [
      ['Baja California', [-117.02, 32.5]], // Tijuana
      ['Sonora', [-110.94, 31.3]], // Nogales
      ['Chihuahua', [-106.45, 31.68]], // Ciudad Juárez
      ['Tamaulipas', [-97.5, 25.85]], // Matamoros
      ['Chiapas', [-92.26, 14.9]], // Tapachula
      ['Tabasco', [-91.4, 17.45]], // Tenosique
      ['Ciudad de México', [-99.13, 19.43]],
    ]
    for (const [expected, point] of towns) {
      const found = geo.features.filter((f) => f.geometry.coordinates.some((polygon) => contains(polygon, point))).map((f) => f.properties.name)
      expect(found, expected).toEqual([expected])
    }
  })
})

/** Ray casting over the outer ring, minus any holes. */
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

function ringArea(ring: Position[]): number {
  let sum = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] ?? [0, 0]
    const [x2, y2] = ring[i + 1] ?? [0, 0]
    sum += x1 * y2 - x2 * y1
  }
  return sum / 2
}
