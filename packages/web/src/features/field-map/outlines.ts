import L from 'leaflet'
import { cityLabels } from './city-labels.ts'
import type { City } from './label-placement.ts'

/** The bundled files under public/geo/ that the maps draw; the service worker keeps them offline. */
export interface Outlines {
  /** The 32 states, or the country alone when the states file is missing. */
  shapes: GeoJSON.GeoJsonObject
  states: boolean
  /** The land border and the neighbouring countries (mexico-surroundings.json). */
  surroundings: GeoJSON.FeatureCollection | undefined
  cities: City[]
}

/** What the map shows of the outlines: all of them alone, or only lines over a base map. */
export interface OutlineLayers {
  setBasemap(on: boolean): void
  /** Keeps the town names off these points of the map's data. */
  avoid(points: readonly L.LatLngTuple[]): void
}

// Loaded once per page, whatever the number of maps.
let loading: Promise<Outlines | undefined> | undefined

/** The outline files, each fetched once per page; undefined when not even the country loads. */
export function loadOutlines(): Promise<Outlines | undefined> {
  loading ??= Promise.all([loadGeo('mexico-states.json'), loadGeo('mexico-surroundings.json'), loadGeo('cities.json')]).then(async ([states, surroundings, cities]) => {
    // The states together are the country: drawn alone they give one coastline, where the 1:50m
    // country outline over them would draw a second one a few hundred metres off. The country
    // outline is only the fallback.
    const shapes = states ?? (await loadGeo('mexico.json'))
    if (!isGeo(shapes)) {
      return undefined
    }
    return {
      shapes,
      states: states !== undefined,
      surroundings: isFeatureCollection(surroundings) ? surroundings : undefined,
      cities: isCityList(cities) ? cities.cities : [],
    }
  })
  return loading
}

// Colours of the map without a base map: a light sea, the neighbours in grey, Mexico lighter.
const LAND = '#e6e4de'
const MEXICO = '#fdfbf5'
const STATE_LINE = '#98a2ad'
const BORDER = '#3d3329'

/**
 * Draws the outlines in panes of their own: the neighbours under any tiles (150), the states and
 * the land border above the tiles (200) and under the points (400), the town names just under the
 * points. Over a base map the states are not filled and the names and neighbours are hidden, so
 * the base map stays readable and its own names are not written twice.
 */
export function drawOutlines(map: L.Map, outlines: Outlines): OutlineLayers {
  const landPane = pane(map, 'faro-land', 150)
  const outlinePane = pane(map, 'faro-outline', 350)
  const land = L.geoJSON(landOf(outlines.surroundings), { pane: landPane, interactive: false, style: { stroke: false, fillColor: LAND, fillOpacity: 1 } })
  const shapes = L.geoJSON(outlines.shapes, { pane: outlinePane, interactive: false, style: { color: STATE_LINE, weight: outlines.states ? 0.8 : 1, fillColor: MEXICO, fillOpacity: 1 } })
  // A light casing under the dark line keeps the border visible over any fill or tile.
  const border = borderOf(outlines.surroundings)
  const casing = L.geoJSON(border, { pane: outlinePane, interactive: false, style: { color: '#fff', weight: 5, opacity: 0.75, lineCap: 'round', lineJoin: 'round' } })
  const line = L.geoJSON(border, { pane: outlinePane, interactive: false, style: { color: BORDER, weight: 2.2, lineCap: 'round', lineJoin: 'round' } })
  const labels = cityLabels(map, outlines.cities)
  shapes.addTo(map)
  casing.addTo(map)
  line.addTo(map)
  const setBasemap = (on: boolean) => {
    map.getContainer().classList.toggle('field-map--plain', !on)
    shapes.setStyle({ fillOpacity: on ? 0 : 1 })
    if (on) {
      land.remove()
    } else {
      land.addTo(map)
    }
    labels.show(!on)
  }
  setBasemap(false)
  return { setBasemap, avoid: labels.avoid }
}

function pane(map: L.Map, name: string, zIndex: number): string {
  if (!map.getPane(name)) {
    map.createPane(name).style.zIndex = String(zIndex)
  }
  return name
}

function landOf(surroundings: GeoJSON.FeatureCollection | undefined): GeoJSON.FeatureCollection {
  return { type: 'FeatureCollection', features: surroundings?.features.filter((f) => f.properties?.kind === 'land') ?? [] }
}

function borderOf(surroundings: GeoJSON.FeatureCollection | undefined): GeoJSON.FeatureCollection {
  return { type: 'FeatureCollection', features: surroundings?.features.filter((f) => f.properties?.kind === 'border') ?? [] }
}

function loadGeo(file: string): Promise<unknown> {
  return fetch(`${import.meta.env.BASE_URL}geo/${file}`)
    .then((r): Promise<unknown> | undefined => (r.ok ? r.json() : undefined))
    .catch(() => undefined)
}

function isGeo(value: unknown): value is GeoJSON.GeoJsonObject {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string'
}

function isFeatureCollection(value: unknown): value is GeoJSON.FeatureCollection {
  return isGeo(value) && value.type === 'FeatureCollection' && 'features' in value && Array.isArray(value.features)
}

function isCityList(value: unknown): value is { cities: City[] } {
  return typeof value === 'object' && value !== null && 'cities' in value && Array.isArray(value.cities)
}
