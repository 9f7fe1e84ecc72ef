import L from 'leaflet'
import { escapeHtml } from './html.ts'
import type { Basemap } from './settings.ts'

/**
 * Adds the server's base map under the outlines and resolves true once it draws, or false when it
 * cannot (offline, the map file or the tile server unreachable), after taking it away again, so
 * the map goes on with the bundled outlines alone rather than an empty background.
 */
export function addBasemap(map: L.Map, basemap: Basemap, lang: string): Promise<boolean> {
  if (basemap.kind === 'pmtiles') {
    // The vector renderer is loaded only by deployments that have a map file.
    return import('./pmtiles-layer.ts')
      .then(({ addPmtilesLayer }) => addPmtilesLayer(map, basemap.url, { lang, attribution: basemap.attribution }))
      .then(
        () => true,
        () => false,
      )
  }
  return new Promise((resolve) => {
    const layer = L.tileLayer(basemap.url, { maxZoom: 18, ...(basemap.attribution ? { attribution: escapeHtml(basemap.attribution) } : {}) })
    let drawn = false
    layer.once('tileload', () => {
      drawn = true
      resolve(true)
    })
    // `load` comes when every tile of the view has loaded or failed: if none loaded, none will.
    layer.once('load', () => {
      if (!drawn) {
        layer.remove()
        resolve(false)
      }
    })
    layer.addTo(map)
  })
}
