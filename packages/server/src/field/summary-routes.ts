import { Hono } from 'hono'
import { FieldSummary, FieldSummaryQuery } from '@faro/core'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { query } from '../http/validate.ts'
import { fieldSummary } from './summary.ts'

/** Coordinator and national views of field work. */
export function fieldRoutes() {
  const app = new Hono<AppEnv>()

  app.get(
    '/summary',
    describe({ summary: 'Field work of a unit and its subtree today, in the last seven days, this month or this year (Mexico time), per group and border, with people by sex, age band, nationality and vulnerability, and map points', tags: ['field'], errors: [404], responses: { 200: { description: 'Summary', schema: FieldSummary } } }),
    requireAuth,
    query(FieldSummaryQuery),
    async (c) => c.json(await fieldSummary(c.get('ctx'), c.req.valid('query'))),
  )

  return app
}
