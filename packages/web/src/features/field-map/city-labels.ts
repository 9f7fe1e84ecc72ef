import L from 'leaflet'
import { placeLabels, type City } from './label-placement.ts'
import { escapeHtml } from './html.ts'

/** The labels' font; field-map.css writes the names in the same one, so the measure is right. */
const FONT_SIZE = 12
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'

/**
 * Town names on the map, in a pane under the points: at each zoom, the towns that `placeLabels`
 * keeps, so the country view shows a few main towns and a closer view the capitals and every
 * border town, without overlaps. Names are not interactive and hidden from screen readers: the
 * map region already has its own name, and the points carry the information.
 */
export function cityLabels(map: L.Map, cities: readonly City[]): { show(on: boolean): void; avoid(points: readonly L.LatLngTuple[]): void } {
  const pane = 'faro-labels'
  if (!map.getPane(pane)) {
    const element = map.createPane(pane)
    element.style.zIndex = '390'
    element.style.pointerEvents = 'none'
    element.setAttribute('aria-hidden', 'true')
  }
  const group = L.layerGroup()
  const measure = textWidth()
  let shown = false
  let obstacles: readonly L.LatLngTuple[] = []
  const place = () => {
    group.clearLayers()
    const zoom = map.getZoom()
    const placed = placeLabels(
      cities,
      zoom,
      (c) => map.project([c.lat, c.lon], zoom),
      (c) => measure(c.name, c.kind === 'capital'),
      obstacles.map((p) => map.project(p, zoom)),
    )
    for (const { city, side, gap } of placed) {
      const icon = L.divIcon({
        className: `faro-town faro-town--${city.kind}`,
        html: `<span class="faro-town-dot"></span><span class="faro-town-name" style="${side === 'right' ? 'left' : 'right'}:${gap}px">${escapeHtml(city.name)}</span>`,
        iconSize: [0, 0],
        iconAnchor: [0, 0],
      })
      L.marker([city.lat, city.lon], { icon, pane, interactive: false, keyboard: false }).addTo(group)
    }
  }
  return {
    /** Keeps names off these points of the map's data. */
    avoid(points) {
      obstacles = points
      if (shown) {
        place()
      }
    },
    show(on: boolean) {
      if (on === shown) {
        return
      }
      shown = on
      if (on) {
        place()
        group.addTo(map)
        map.on('zoomend', place)
      } else {
        map.off('zoomend', place)
        group.remove()
      }
    },
  }
}

/** Width in pixels of a name as the labels write it; an estimate where canvas is unavailable. */
function textWidth(): (text: string, bold: boolean) => number {
  const context = document.createElement('canvas').getContext('2d')
  return (text, bold) => {
    if (!context) {
      return text.length * FONT_SIZE * 0.6
    }
    context.font = `${bold ? 600 : 400} ${FONT_SIZE}px ${FONT_FAMILY}`
    return Math.ceil(context.measureText(text).width)
  }
}
