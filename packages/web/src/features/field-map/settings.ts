import { api } from '../../api/client.ts'
import type { AppConfig } from '../../api/types.ts'

/**
 * The base map the server names, drawn under the bundled outlines:
 * - `pmtiles`: one vector map file that this server serves with range requests;
 * - `tiles`: a raster tile URL template, e.g. `/tiles/{z}/{x}/{y}.png`.
 */
export type Basemap = { kind: 'pmtiles' | 'tiles'; url: string; attribution: string | null }

let loaded: Promise<AppConfig> | undefined

/**
 * The maps' base map, or null for none: the map file when the server has one, else the tiles,
 * else only the bundled outlines. It is the server's choice, not the device's, because the
 * server's CSP allows images from the tile origin and no other: a per-device choice of another
 * host could never load. Offline, the maps draw the bundled outlines; a failed answer is not
 * kept, so the next map asks again.
 */
export function mapBasemap(): Promise<Basemap | null> {
  loaded ??= api<AppConfig>('/api/config').catch((error: unknown) => {
    loaded = undefined
    throw error
  })
  return loaded.then(
    (config): Basemap | null => {
      const attribution = config.mapTileAttribution
      if (config.mapPmtilesUrl) {
        return { kind: 'pmtiles', url: config.mapPmtilesUrl, attribution }
      }
      return config.mapTileUrl ? { kind: 'tiles', url: config.mapTileUrl, attribution } : null
    },
    () => null,
  )
}
