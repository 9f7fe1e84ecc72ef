const TILE_KEY = 'faro.map.tiles'

/**
 * The tile URL template of the maps, e.g. `/tiles/{z}/{x}/{y}.png`, or '' for none. It is a
 * device setting because each deployment has its own tile server (the CSP must allow its
 * origin); with none, or none reachable, the maps draw the bundled outline of Mexico.
 */
export function tileUrl(): string {
  try {
    return localStorage.getItem(TILE_KEY) ?? ''
  } catch {
    return ''
  }
}

export function setTileUrl(url: string): void {
  localStorage.setItem(TILE_KEY, url.trim())
}
