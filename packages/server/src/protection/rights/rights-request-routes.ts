import { Hono, type Context } from 'hono'
import { DomainError, ExtendRightsRequestInput, PROBLEM_TITLES, RectifyInput, RefuseRightsRequestInput, RegisterRightsRequestInput, RightsRequest } from '@faro/core'
import { z } from 'zod'
import { requireAuth } from '../../http/auth.ts'
import type { AppEnv } from '../../http/env.ts'
import { describe } from '../../http/openapi.ts'
import { jsonBody } from '../../http/validate.ts'
import { accessReport } from './access-report.ts'
import { cancel, extendRequest, listRequests, oppose, rectify, refuseRequest, registerRequest } from './rights.ts'
import { auditPolicyDenials } from '../guard.ts'
import type { ProtectionDeps } from '../settings.ts'

const tags = ['rights requests']
const one = { 200: { description: 'The request', schema: RightsRequest } }

/** ARCO requests for the data-protection officer: register, extend once, refuse with a reason, act. */
export function rightsRequestRoutes(p: ProtectionDeps) {
  const app = new Hono<AppEnv>()
  app.use('*', auditPolicyDenials)

  app.get('/', describe({ summary: 'The queue of rights requests, nearest deadline first', tags, responses: { 200: { description: 'Requests', schema: z.object({ items: z.array(RightsRequest) }) } } }), requireAuth, async (c) => {
    return c.json({ items: await listRequests(c.get('ctx')) })
  })

  app.post('/', describe({ summary: 'Register a request from a person identified through the vault', tags, errors: [404], responses: { 201: { description: 'Registered', schema: RightsRequest } } }), requireAuth, jsonBody(RegisterRightsRequestInput), async (c) => {
    return c.json(await registerRequest(c.get('ctx'), p, c.req.valid('json')), 201)
  })

  app.post('/:id/extend', describe({ errors: [409], summary: 'Extend the deadline once', tags, responses: one }), requireAuth, jsonBody(ExtendRightsRequestInput), async (c) => {
    return c.json(await extendRequest(c.get('ctx'), p, requestId(c), c.req.valid('json').reason))
  })

  app.post('/:id/refuse', describe({ errors: [409], summary: 'Refuse on a legal ground with a written reason', tags, responses: one }), requireAuth, jsonBody(RefuseRightsRequestInput), async (c) => {
    return c.json(await refuseRequest(c.get('ctx'), requestId(c), c.req.valid('json')))
  })

  app.get('/:id/access-report', describe({ summary: 'Produce the access report (HTML) and complete the request', tags, responses: { 200: { description: 'HTML file' } } }), requireAuth, async (c) => {
    const html = await accessReport(c.get('ctx'), p, requestId(c))
    c.header('cache-control', 'no-store')
    c.header('content-disposition', `attachment; filename="access-report-${requestId(c)}.html"`)
    return c.html(html)
  })

  app.post('/:id/rectify', describe({ errors: [409], summary: 'Rectify the identity; lists the recipients to pass it on to', tags, responses: { 200: { description: 'Rectified', schema: z.object({ request: RightsRequest, notify: z.array(z.record(z.string(), z.unknown())) }) } } }), requireAuth, jsonBody(RectifyInput), async (c) => {
    return c.json(await rectify(c.get('ctx'), p, requestId(c), c.req.valid('json').identity))
  })

  app.post('/:id/cancel', describe({ errors: [409], summary: 'Cancel: block now, shred after the blocking period', tags, responses: one }), requireAuth, async (c) => {
    return c.json(await cancel(c.get('ctx'), p, requestId(c)))
  })

  app.post('/:id/oppose', describe({ errors: [409], summary: 'Record the opposition to the purpose of the request', tags, responses: one }), requireAuth, async (c) => {
    return c.json(await oppose(c.get('ctx'), requestId(c)))
  })

  return app
}

/** The request id of the path; ids are UUIDs, so anything else cannot exist. */
function requestId(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? ''
  if (!z.uuid().safeParse(id).success) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[c.get('lang')])
  }
  return id
}
