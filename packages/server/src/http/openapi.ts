import type { MiddlewareHandler } from 'hono'
import { z } from 'zod'
import type { Hono } from 'hono'
import type { AppEnv } from './env.ts'

/** What a route says about itself for the OpenAPI document. */
export interface RouteDoc {
  summary: string
  tags: string[]
  /** Who may call it; shown in the description. */
  auth?: 'none' | 'session or token'
  responses?: Record<number, { description: string; schema?: z.ZodType }>
  /**
   * Refusals this route gives beyond those of every route of its kind (see `problemStatuses`):
   * 401 from a sign-in, 404 for an id named in a body or query, 409 for a conflict, 410 for a
   * revoked device, 429 when throttled, 503 when not ready.
   */
  errors?: readonly (401 | 404 | 409 | 410 | 429 | 503)[]
  /** A body that is not JSON (a file sent as it is), by the media types it may have. */
  rawBody?: { types: readonly string[]; description: string }
}

interface Described {
  doc?: RouteDoc
  body?: z.ZodType
  query?: z.ZodType
}

// Metadata attached to middleware functions, read back when the document is generated, so a
// route's schemas are declared once: where they validate.
const META = new WeakMap<object, Described>()

export function tagMiddleware(handler: MiddlewareHandler<AppEnv>, meta: Described): MiddlewareHandler<AppEnv> {
  META.set(handler, meta)
  return handler
}

/** Documents a route; put it first in the route's handler list. */
export function describe(doc: RouteDoc): MiddlewareHandler<AppEnv> {
  return tagMiddleware(async (_c, next) => next(), { doc })
}

/** Builds the OpenAPI 3.1 document from the mounted routes and their validators. */
export function openApiDocument(app: Hono<AppEnv>, info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {}
  const merged = new Map<string, Described>()
  for (const route of app.routes) {
    const meta = META.get(route.handler)
    if (!meta) {
      continue
    }
    const key = `${route.method} ${route.path}`
    merged.set(key, { ...merged.get(key), ...meta })
  }
  for (const [key, meta] of merged) {
    if (!meta.doc) {
      continue
    }
    const [method = 'GET', path = '/'] = key.split(' ')
    const oaPath = path.replace(/:(\w+)/g, '{$1}')
    const params = [...path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }))
    const queryParams = meta.query ? queryParameters(meta.query) : []
    const responses: Record<string, unknown> = {}
    for (const [status, r] of Object.entries(meta.doc.responses ?? { 200: { description: 'OK' } })) {
      responses[status] = r.schema
        ? { description: r.description, content: { 'application/json': { schema: toSchema(r.schema, 'output') } } }
        : { description: r.description }
    }
    for (const status of problemStatuses(method, path, meta)) {
      responses[status] ??= { description: PROBLEM_DESCRIPTIONS[status], content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }
    }
    paths[oaPath] ??= {}
    paths[oaPath][method.toLowerCase()] = {
      summary: meta.doc.summary,
      tags: meta.doc.tags,
      ...(meta.doc.auth === 'none' ? { security: [] } : {}),
      parameters: [...params, ...queryParams],
      ...(meta.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(meta.body, 'input') } } } } : {}),
      ...(meta.doc.rawBody ? { requestBody: { required: true, description: meta.doc.rawBody.description, content: Object.fromEntries(meta.doc.rawBody.types.map((t) => [t, {}])) } } : {}),
      responses,
    }
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'faro_session', description: 'Writes also need the X-CSRF-Token header.' },
        token: { type: 'http', scheme: 'bearer', description: 'API token for partner systems (faro_…).' },
      },
      schemas: { Problem: PROBLEM_SCHEMA },
    },
    security: [{ session: [] }, { token: [] }],
    paths,
  }
}

/**
 * The problem statuses a route can answer with, each documented (no catch-all `default`, which
 * would hide an answer the document does not describe): 400 for a body, query or path to
 * validate; 401 and 403 behind sign-in (the policy, the CSRF check); 404 for a path naming
 * something; 413 for a body over the limit; and the route's own `errors`.
 */
function problemStatuses(method: string, path: string, meta: Described): number[] {
  const statuses = new Set<number>()
  const hasParams = path.includes('/:')
  const takesBody = method !== 'GET' && method !== 'HEAD'
  if (meta.body || meta.query || hasParams) {
    statuses.add(400)
  }
  if (meta.doc?.auth !== 'none') {
    statuses.add(401)
    statuses.add(403)
  }
  if (hasParams) {
    statuses.add(404)
  }
  if (takesBody && path.startsWith('/api/')) {
    statuses.add(400)
    statuses.add(413)
  }
  for (const status of meta.doc?.errors ?? []) {
    statuses.add(status)
  }
  return [...statuses].sort((a, b) => a - b)
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input: `errors` names each field',
  401: 'Not signed in, or the session or token has ended',
  403: 'Not allowed: the policy, a missing CSRF token, or `reason` says why',
  404: 'Nothing of that id within the caller\'s reach',
  409: 'Conflict with existing data: `reason` says which',
  410: 'Gone: the device was revoked',
  413: 'The body is over the limit',
  429: 'Too many attempts: `Retry-After` says when to try again',
  503: 'Not ready',
}

function toSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' })
}

function queryParameters(schema: z.ZodType) {
  const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] }
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s }))
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', description: '/problems/<code>: invalid, unauthenticated, forbidden, not_found, conflict, too_large, too_many_requests' },
    title: { type: 'string', description: 'in the language of Accept-Language (es or en)' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'request id' },
    reason: { type: 'string', description: 'stable machine-readable reason, e.g. totp_required' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } },
    },
  },
}
