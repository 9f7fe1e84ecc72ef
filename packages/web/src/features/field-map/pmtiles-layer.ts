import 'leaflet'
import type L from 'leaflet'
import { PMTiles, TileType } from 'pmtiles'
import { leafletLayer } from 'protomaps-leaflet'
import { escapeHtml } from './html.ts'

/**
 * Adds this server's vector map file as the base map, drawn on the device in the Protomaps
 * "light" style, with place names in the app's language. Loaded on demand (a dynamic import), so
 * only maps of a deployment that has the file load the renderer.
 *
 * Rejects when the file cannot be read (offline and not in the browser's cache, or not a vector
 * PMTiles file), so the caller draws the bundled outlines instead of an empty background.
 */
export async function addPmtilesLayer(map: L.Map, url: string, options: { lang: string; attribution: string | null }): Promise<void> {
  const archive = new PMTiles(url)
  const header = await archive.getHeader()
  if (header.tileType !== TileType.Mvt) {
    throw new Error('the map file does not hold vector tiles')
  }
  leafletLayer({
    url: archive,
    flavor: 'light',
    lang: options.lang,
    // Past the file's deepest zoom, its tiles are drawn larger instead of asked for.
    maxDataZoom: header.maxZoom,
    bounds: [
      [header.minLat, header.minLon],
      [header.maxLat, header.maxLon],
    ],
    // Leaflet writes attributions as HTML: the setting is plain text, so it is escaped.
    attribution: escapeHtml(options.attribution ?? '© OpenStreetMap contributors'),
  }).addTo(map)
}
