import { api } from '../../api/client.ts'
import type { AppConfig } from '../../api/types.ts'

let loaded: Promise<AppConfig> | undefined

/**
 * The maps' tile URL template, e.g. `/tiles/{z}/{x}/{y}.png`, or null for none. It is the server's
 * setting (FARO_MAP_TILE_URL) because the server's CSP allows images from that origin and no
 * other: a per-device choice of another host could never load. Offline, the maps go without
 * tiles and draw the bundled outlines; a failed answer is not kept, so the next map asks again.
 */
export function mapTileUrl(): Promise<string | null> {
  return mapTiles().then((tiles) => tiles?.url ?? null)
}

/** The tile template with the credit its terms ask for, or null when the maps have no tiles. */
export function mapTiles(): Promise<{ url: string; attribution: string | null } | null> {
  loaded ??= api<AppConfig>('/api/config').catch((error: unknown) => {
    loaded = undefined
    throw error
  })
  return loaded.then(
    (config) => (config.mapTileUrl ? { url: config.mapTileUrl, attribution: config.mapTileAttribution } : null),
    () => null,
  )
}
