import { Hono } from 'hono'
import { CaseIntakeResult, LocationRequestForm } from '@faro/core'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody } from '../http/validate.ts'
import { openLocationRequest, type CaseDeps } from '../cases/cases.ts'

const tags = ['tracing']

/**
 * The search for missing migrants over HTTP. A location request is a case: once filed, it is
 * read, worked on and followed with the case routes (`/api/cases/:id`, its steps, the lookup by
 * folio and PIN).
 */
export function tracingRoutes(deps: CaseDeps) {
  const app = new Hono<AppEnv>()

  app.post(
    '/requests',
    describe({
      errors: [409],
      summary: 'File a location request for one or several missing migrants: folio LB-…, PIN (once), the people sought into the vault',
      tags,
      responses: { 201: { description: 'Filed', schema: CaseIntakeResult }, 200: { description: 'The same request again: the same case', schema: CaseIntakeResult } },
    }),
    requireAuth,
    jsonBody(LocationRequestForm),
    async (c) => {
      const result = await openLocationRequest(c.get('ctx'), c.req.valid('json'), deps)
      return c.json(result, result.status === 'accepted' ? 201 : 200)
    },
  )

  return app
}
