import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from './env.ts'
import { describe } from './openapi.ts'

const AppConfig = z.object({
  mapTileUrl: z.string().nullable()
    .describe('The tile URL template of the maps ({z}, {x}, {y}), from FARO_MAP_TILE_URL; null when the maps draw only the bundled outlines'),
  mapTileAttribution: z.string().nullable()
    .describe('Plain text crediting the tiles or the map file, from FARO_MAP_TILE_ATTRIBUTION; null when none is set'),
  mapPmtilesUrl: z.string().nullable()
    .describe('Where this server serves its vector base map, one PMTiles file read with HTTP range requests (FARO_MAP_PMTILES); the maps prefer it to the tiles. Null when none is set'),
})

/**
 * What the staff app needs to know about this deployment. Public: it holds nothing that the
 * CSP header of every answer does not already show, and the sign-in page may need it.
 */
export function appConfigRoutes(config: { mapTileUrl: string | undefined; mapTileAttribution: string | undefined; mapPmtilesUrl: string | undefined }) {
  const app = new Hono<AppEnv>()
  app.get('/', describe({ summary: 'Deployment settings the staff app needs: the base map (map file or tiles) and its credit', tags: ['operations'], auth: 'none', responses: { 200: { description: 'Settings', schema: AppConfig } } }), (c) =>
    c.json({ mapTileUrl: config.mapTileUrl ?? null, mapTileAttribution: config.mapTileAttribution ?? null, mapPmtilesUrl: config.mapPmtilesUrl ?? null } satisfies z.infer<typeof AppConfig>),
  )
  return app
}
