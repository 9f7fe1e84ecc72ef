import { gunzipSync } from 'node:zlib'
import { Hono, type Context } from 'hono'
import {
  DeviceHealth,
  DeviceId,
  DevicesQuery,
  DomainError,
  MAX_PUSH_ACTIONS,
  MAX_PUSH_INFLATED_BYTES,
  MAX_PUSH_WIRE_BYTES,
  message,
  parseInput,
  PROBLEM_TITLES,
  PullQuery,
  PullResponse,
  PushRequest,
  PushResponse,
  RegisterDeviceInput,
  RegisterDeviceResult,
} from '@faro/core'
import { z } from 'zod'
import { requireAuth } from '../../http/auth.ts'
import type { AppEnv } from '../../http/env.ts'
import { describe, tagMiddleware } from '../../http/openapi.ts'
import { jsonBody, query } from '../../http/validate.ts'
import { deviceHealthList, registerDevice, revokeDevice } from './devices.ts'
import { pullChanges } from './pull.ts'
import { pushActions } from './push.ts'
import { CATALOGUES, referenceData } from '../reference.ts'

const ReferenceResponse = z.object({
  catalogues: z.object(Object.fromEntries(Object.keys(CATALOGUES).map((k) => [k, z.array(z.string())]))),
  unit: z.object({ id: z.string(), name: z.string() }),
  crew: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.string() })),
})

/** The field sync protocol (docs/sync.md): devices, push, pull, reference data. */
export function syncRoutes() {
  const app = new Hono<AppEnv>()

  app.post(
    '/devices',
    describe({ errors: [410], summary: 'Register this device for the signed-in account (repeating it is harmless: 200)', tags: ['sync'], responses: { 201: { description: 'Registered', schema: RegisterDeviceResult }, 200: { description: 'Already registered', schema: RegisterDeviceResult } } }),
    requireAuth,
    jsonBody(RegisterDeviceInput),
    async (c) => {
      const { created, ...result } = await registerDevice(c.get('ctx'), c.req.valid('json'))
      return c.json(result, created ? 201 : 200)
    },
  )

  app.get(
    '/devices',
    describe({ summary: 'Devices of a unit and its subtree, with sync health and missing counter ranges, a page at a time', tags: ['sync'], errors: [404], responses: { 200: { description: 'A page of devices', schema: z.object({ items: z.array(DeviceHealth), next: z.string().nullable().describe('cursor of the next page, or null') }) } } }),
    requireAuth,
    query(DevicesQuery),
    async (c) => c.json(await deviceHealthList(c.get('ctx'), c.req.valid('query'))),
  )

  app.post(
    '/devices/:deviceId/revoke',
    describe({ summary: 'Revoke a device: its next push or pull gets 410 and the app wipes itself', tags: ['sync'], responses: { 200: { description: 'Revoked', schema: DeviceHealth } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      const deviceId = parseInput(DeviceId, c.req.param('deviceId'), ctx.lang, 'deviceId')
      return c.json(await revokeDevice(ctx, deviceId))
    },
  )

  app.post(
    '/push',
    describe({ errors: [410], summary: `Push up to ${MAX_PUSH_ACTIONS} actions (≤ 64 KB on the wire; Content-Encoding: gzip accepted); one result per action`, tags: ['sync'], responses: { 200: { description: 'Per-action results, in the order sent', schema: PushResponse } } }),
    requireAuth,
    tagMiddleware(async (_c, next) => next(), { body: PushRequest }),
    async (c) => {
      const ctx = c.get('ctx')
      const body = parseInput(PushRequest, await readPushBody(c), ctx.lang)
      return c.json({ results: await pushActions(ctx, body.deviceId, body.actions) })
    },
  )

  app.get(
    '/pull',
    describe({ errors: [410], summary: 'Changes the caller may see after the cursor, oldest first (their group\'s places and records)', tags: ['sync'], responses: { 200: { description: 'A page of changes', schema: PullResponse } } }),
    requireAuth,
    query(PullQuery),
    async (c) => c.json(await pullChanges(c.get('ctx'), c.req.valid('query'))),
  )

  app.get(
    '/reference',
    describe({ summary: 'Catalogues and the crew of the caller\'s unit, for offline pickers', tags: ['sync'], responses: { 200: { description: 'Reference data', schema: ReferenceResponse } } }),
    requireAuth,
    async (c) => c.json(await referenceData(c.get('ctx'))),
  )

  return app
}

/**
 * Reads a push body within both limits: 64 KB as sent (compressed or not) and 1 MB once
 * inflated, so a small gzip bomb cannot take the memory. Too many actions is also a 413: the
 * client's answer to all three is the same, halve the batch.
 */
async function readPushBody(c: Context<AppEnv>): Promise<unknown> {
  const lang = c.get('lang')
  const wire = new Uint8Array(await c.req.arrayBuffer())
  if (wire.byteLength > MAX_PUSH_WIRE_BYTES) {
    throw new DomainError('too_large', message('faro.body_too_large', lang, { max: MAX_PUSH_WIRE_BYTES }))
  }
  const encoding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase()
  let text: string
  if (encoding === 'gzip') {
    text = inflate(wire, lang)
  } else if (encoding === 'identity') {
    text = new TextDecoder().decode(wire)
  } else {
    throw badBody(lang, 'faro.bad_encoding')
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw badBody(lang, 'faro.malformed_json')
  }
  const actions = typeof value === 'object' && value !== null && 'actions' in value ? value.actions : undefined
  if (Array.isArray(actions) && actions.length > MAX_PUSH_ACTIONS) {
    throw new DomainError('too_large', message('faro.push_too_many', lang, { max: MAX_PUSH_ACTIONS }))
  }
  return value
}

function inflate(wire: Uint8Array, lang: AppEnv['Variables']['lang']): string {
  try {
    return gunzipSync(wire, { maxOutputLength: MAX_PUSH_INFLATED_BYTES }).toString('utf8')
  } catch (error) {
    if (error instanceof RangeError || (error instanceof Error && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE')) {
      throw new DomainError('too_large', message('faro.push_inflated_too_large', lang, { max: MAX_PUSH_INFLATED_BYTES }))
    }
    throw badBody(lang, 'faro.bad_encoding')
  }
}

function badBody(lang: AppEnv['Variables']['lang'], key: string): DomainError {
  return new DomainError('invalid', PROBLEM_TITLES.invalid[lang], { issues: [{ field: '(body)', code: 'malformed', message: message(key, lang) }] })
}
