import fs from 'node:fs'
import path from 'node:path'
import { MEXICAN_STATES, type MexicanState } from '@faro/core'
import { esc } from './layout.ts'

/**
 * The help pages' maps, drawn on the server as inline SVG: the states' outlines bundled with the
 * web app (`packages/web/public/geo/mexico-states.json`, Natural Earth), read once, projected
 * equirectangularly (longitudes scaled by cos 23°, Mexico's middle latitude), rounded to whole
 * units of the picture and written as relative path data with repeated points dropped, so the
 * national map's outlines weigh a few kilobytes. Colours are SVG attributes, not style: the
 * public pages' policy allows no inline style. The picture is `role="img"` with a label; the
 * list beside it says the same in words.
 */

export const STATES_FILE = path.join(import.meta.dirname, '../../../web/public/geo/mexico-states.json')

const COS23 = Math.cos((23 * Math.PI) / 180)
/** The picture's width, in its own units. */
const WIDTH = 600

type Ring = readonly (readonly [number, number])[]
interface StateShape {
  name: MexicanState
  polygons: readonly (readonly Ring[])[]
  /** minLon, minLat, maxLon, maxLat */
  bbox: readonly [number, number, number, number]
}

export interface MapPoint {
  lat: number
  lon: number
  /** The place's name, shown as the point's tooltip. */
  title: string
  colour: string
  /** Its number in the list beside the map (state maps). */
  number?: number
}

interface View {
  minLon: number
  maxLat: number
  scale: number
  width: number
  height: number
}

let shapes: readonly StateShape[] | undefined

/** The states' outlines, read once. */
export function stateShapes(file: string = STATES_FILE): readonly StateShape[] {
  if (shapes !== undefined) {
    return shapes
  }
  const geo = JSON.parse(fs.readFileSync(file, 'utf8')) as { features: { properties: { name: string }; geometry: { type: string; coordinates: unknown } }[] }
  shapes = geo.features.flatMap((f) => {
    const name = f.properties.name === 'México' ? 'Estado de México' : f.properties.name
    if (!(MEXICAN_STATES as readonly string[]).includes(name)) {
      return []
    }
    const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as [number, number][][][]
    const all = polygons.flat(2)
    const bbox = [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))] as const
    return [{ name: name as MexicanState, polygons, bbox }]
  })
  return shapes
}

function viewOf(bbox: readonly [number, number, number, number], pad: number): View {
  const [minLon, minLat, maxLon, maxLat] = bbox
  const padLon = Math.max((maxLon - minLon) * pad, 0.05)
  const padLat = Math.max((maxLat - minLat) * pad, 0.05)
  const spanX = (maxLon - minLon + 2 * padLon) * COS23
  const spanY = maxLat - minLat + 2 * padLat
  // As wide as the picture, unless that makes a tall state taller than wide.
  const scale = Math.min(WIDTH / spanX, WIDTH / spanY)
  return { minLon: minLon - padLon, maxLat: maxLat + padLat, scale, width: Math.round(spanX * scale), height: Math.round(spanY * scale) }
}

function project(view: View, lon: number, lat: number): [number, number] {
  return [Math.round((lon - view.minLon) * COS23 * view.scale), Math.round((view.maxLat - lat) * view.scale)]
}

/** Numbers written one after another the shortest way: a minus sign separates as well as a space. */
function numbers(values: readonly number[]): string {
  return values.map((v, i) => (i === 0 || v < 0 ? String(v) : ` ${v}`)).join('')
}

/** The outline as path data: each ring moved to, then relative lines, repeated points dropped. */
function pathData(view: View, shape: StateShape): string {
  let d = ''
  for (const polygon of shape.polygons) {
    for (const ring of polygon) {
      const points: [number, number][] = []
      for (const [lon, lat] of ring) {
        const p = project(view, lon, lat)
        const last = points.at(-1)
        if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) {
          points.push(p)
        }
      }
      const [first] = points
      const end = points.at(-1)
      if (first !== undefined && end !== undefined && points.length > 1 && end[0] === first[0] && end[1] === first[1]) {
        points.pop()
      }
      // An islet smaller than a unit of the picture is not drawn.
      if (first === undefined || points.length < 3) {
        continue
      }
      const deltas = points.slice(1).flatMap((p, i) => {
        const prev = points[i] ?? p
        return [p[0] - prev[0], p[1] - prev[1]]
      })
      d += `M${numbers(first)}l${numbers(deltas)}z`
    }
  }
  return d
}

const outlines = new Map<string, string>()

function outline(key: string, view: View, shape: StateShape): string {
  const cacheKey = `${key}/${shape.name}`
  let d = outlines.get(cacheKey)
  if (d === undefined) {
    d = pathData(view, shape)
    outlines.set(cacheKey, d)
  }
  return d
}

function svg(view: View, label: string, paths: string, points: string): string {
  return `<svg class="map" viewBox="0 0 ${view.width} ${view.height}" role="img" aria-label="${esc(label)}" focusable="false">${paths}${points}</svg>`
}

/** Mexico with every point, small. */
export function nationalMap(points: readonly MapPoint[], label: string): string {
  const all = stateShapes()
  const bbox = [Math.min(...all.map((s) => s.bbox[0])), Math.min(...all.map((s) => s.bbox[1])), Math.max(...all.map((s) => s.bbox[2])), Math.max(...all.map((s) => s.bbox[3]))] as const
  const view = viewOf(bbox, 0.01)
  const paths = `<g fill="#eef2f6" stroke="#8796a8" stroke-width="1" stroke-linejoin="round">${all.map((s) => `<path d="${outline('mx', view, s)}"/>`).join('')}</g>`
  return svg(view, label, paths, circles(view, points, 5))
}

/** One state, zoomed to its outline (and to any of its points that lie outside it), its neighbours around it, its points numbered. */
export function stateMap(state: MexicanState, points: readonly MapPoint[], label: string): string {
  const all = stateShapes()
  const shape = all.find((s) => s.name === state)
  if (shape === undefined) {
    return ''
  }
  const bbox = [
    Math.min(shape.bbox[0], ...points.map((p) => p.lon)),
    Math.min(shape.bbox[1], ...points.map((p) => p.lat)),
    Math.max(shape.bbox[2], ...points.map((p) => p.lon)),
    Math.max(shape.bbox[3], ...points.map((p) => p.lat)),
  ] as const
  const view = viewOf(bbox, 0.06)
  // The neighbours' cache key is the view: the same state page draws them the same way.
  const key = `${state}:${bbox.join(',')}`
  const neighbours = all.filter((s) => s !== shape && s.bbox[0] <= bbox[2] && s.bbox[2] >= bbox[0] && s.bbox[1] <= bbox[3] && s.bbox[3] >= bbox[1])
  const paths =
    `<g fill="#f6f7f8" stroke="#c5cbd3" stroke-width="1" stroke-linejoin="round">${neighbours.map((s) => `<path d="${outline(key, view, s)}"/>`).join('')}</g>` +
    `<path d="${outline(key, view, shape)}" fill="#e3ecf5" stroke="#5b6b7b" stroke-width="2" stroke-linejoin="round"/>`
  if (outlines.size > 2000) {
    outlines.clear()
  }
  return svg(view, label, paths, circles(view, points, 14))
}

function circles(view: View, points: readonly MapPoint[], r: number): string {
  const placed = points.map((p) => ({ p, xy: project(view, p.lon, p.lat) }))
  const dots = placed.map(({ p, xy: [x, y] }) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${p.colour}"><title>${p.number === undefined ? '' : `${p.number}. `}${esc(p.title)}</title></circle>`).join('')
  const numbers = placed.filter(({ p }) => p.number !== undefined).map(({ p, xy: [x, y] }) => `<text x="${x}" y="${y}" dy=".35em">${p.number}</text>`).join('')
  return `<g stroke="#fff" stroke-width="${r > 5 ? 1.5 : 1}">${dots}</g>${numbers === '' ? '' : `<g fill="#fff" font-size="15" font-weight="700" text-anchor="middle" font-family="system-ui,sans-serif" pointer-events="none">${numbers}</g>`}`
}
