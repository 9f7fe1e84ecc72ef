import { Hono } from 'hono'
import { CreateOrgUnitInput, OrgUnit } from '@faro/core'
import { z } from 'zod'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody } from '../http/validate.ts'
import { listOrgUnits } from './org-units-repo.ts'
import { createOrgUnit } from './accounts.ts'

export function orgUnitRoutes() {
  const app = new Hono<AppEnv>()

  // The tree itself is reference data: every signed-in account sees the names of units.
  app.get('/', describe({ summary: 'The org-unit tree, root first', tags: ['org units'], responses: { 200: { description: 'Units', schema: z.object({ items: z.array(OrgUnit) }) } } }), requireAuth, async (c) => {
    return c.json({ items: await listOrgUnits(c.get('ctx').db.db) })
  })

  app.post('/', describe({ errors: [409], summary: 'Add an org unit', tags: ['org units'], responses: { 201: { description: 'Created', schema: OrgUnit } } }), requireAuth, jsonBody(CreateOrgUnitInput), async (c) => {
    return c.json(await createOrgUnit(c.get('ctx'), c.req.valid('json')), 201)
  })

  return app
}
