import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { placeLabels, RANK_MIN_ZOOM, type City } from './label-placement.ts'

const file = path.join(import.meta.dirname, '../../../public/geo/cities.json')
const cities: City[] = JSON.parse(fs.readFileSync(file, 'utf8')).cities

/** Web Mercator in pixels, as Leaflet projects at a zoom. */
function mercator(zoom: number) {
  const size = 256 * 2 ** zoom
  return (c: City) => ({
    x: ((c.lon + 180) / 360) * size,
    y: ((1 - Math.log(Math.tan(Math.PI / 4 + (c.lat * Math.PI) / 360)) / Math.PI) / 2) * size,
  })
}
const width = (c: City) => c.name.length * 7

function town(name: string, lat: number, lon: number, rank: City['rank'] = 1): City {
  return { name, lat, lon, kind: 'capital', rank }
}

describe('placeLabels', () => {
  it('labels only the main towns at the country view', () => {
    const placed = placeLabels(cities, 4, mercator(4), width)
    expect(placed.length).toBeGreaterThan(4)
    expect(placed.every((p) => p.city.rank === 1)).toBe(true)
    expect(placed.map((p) => p.city.name)).toEqual(expect.arrayContaining(['Ciudad de México', 'Tijuana', 'Ciudad Juárez', 'Tapachula']))
  })

  it('adds capitals and crossings from zoom 5, and small border towns only closer in', () => {
    const at5 = placeLabels(cities, RANK_MIN_ZOOM[2], mercator(RANK_MIN_ZOOM[2]), width).map((p) => p.city.name)
    expect(at5).toEqual(expect.arrayContaining(['Nogales', 'Hermosillo', 'La Paz']))
    expect(at5).not.toContain('Sásabe')
    const at8 = placeLabels(cities, 8, mercator(8), width).map((p) => p.city.name)
    expect(at8).toEqual(expect.arrayContaining(['Sásabe', 'Ciudad Hidalgo', 'Tenosique', 'Acayucan', 'Agua Prieta']))
  })

  it('never lets two names or dots overlap, at any zoom', () => {
    for (let zoom = 3; zoom <= 12; zoom++) {
      const project = mercator(zoom)
      const boxes = placeLabels(cities, zoom, project, width).map(({ city, side, gap }) => {
        const { x, y } = project(city)
        const w = width(city)
        return side === 'right' ? { l: x + gap, r: x + gap + w, t: y - 7, b: y + 7 } : { l: x - gap - w, r: x - gap, t: y - 7, b: y + 7 }
      })
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          expect(a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b, `zoom ${zoom}`).toBe(false)
        }
      }
    }
  })

  it('writes a name on the left when the right is taken', () => {
    // At zoom 8 a degree of longitude is about 182 px: B's name would run into A's.
    const placed = placeLabels([town('A', 20, -99), town('B', 20, -99.4)], 8, mercator(8), () => 100)
    expect(placed.map((p) => [p.city.name, p.side, p.gap])).toEqual([
      ['A', 'right', 6],
      ['B', 'left', 6],
    ])
  })

  it('keeps names off the points of the map, moving a name out when a point sits on its town', () => {
    const project = mercator(8)
    const a = town('A', 20, -99)
    const onTown = project(a)
    expect(placeLabels([a], 8, project, () => 50, [onTown]).map((p) => [p.side, p.gap])).toEqual([['right', 16]])
    // Points along both sides of the town: no room, no name.
    const around = [-60, -30, 30, 60].map((dx) => ({ x: onTown.x + dx, y: onTown.y }))
    expect(placeLabels([a], 8, project, () => 50, around)).toEqual([])
  })

  it('leaves out a lesser town whose name fits on neither side', () => {
    const placed = placeLabels([town('Big', 20, -99, 1), town('Near', 20.001, -98.7, 2)], 8, mercator(8), () => 200)
    expect(placed.map((p) => p.city.name)).toEqual(['Big'])
  })
})
