import { Hono } from 'hono'
import { sql } from 'kysely'
import { z } from 'zod'
import type { Db } from '../db/open.ts'
import type { AppEnv } from './env.ts'
import { describe } from './openapi.ts'
import { problem } from './problem.ts'

export function healthRoutes(db: Db) {
  const app = new Hono<AppEnv>()
  app.get('/healthz', describe({ summary: 'The process is up', tags: ['operations'], auth: 'none', responses: { 200: { description: 'Up', schema: z.object({ status: z.literal('ok') }) } } }), (c) => c.json({ status: 'ok' }))
  app.get('/readyz', describe({ summary: 'The database answers and is migrated', tags: ['operations'], auth: 'none', errors: [503], responses: { 200: { description: 'Ready', schema: z.object({ status: z.literal('ready'), database: z.enum(['sqlite', 'postgres']) }) } } }), async (c) => {
    try {
      await sql`select 1 from audit_head`.execute(db.db)
      return c.json({ status: 'ready', database: db.dialect })
    } catch {
      return problem(c, 'unavailable', c.get('lang'))
    }
  })
  return app
}
