import fs from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { generateSync, type JsonSchema } from 'json-schema-faker'
import { RecordType, type Role } from '@faro/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pino from 'pino'
import { call, makeAttentionAction, makeUser, signIn, testAppConfig, type Session } from '../test/harness.ts'
import { createApp } from './app.ts'
import { canaryIdentity, makeProtectionEnv } from '../test/protection-env.ts'

/**
 * The OpenAPI document is a contract: for every operation it lists, requests are generated from
 * it (bodies from its schemas and arbitrary JSON, parameters real and random, anonymous and as
 * each role) and every answer must be one it documents, with a body that matches the documented
 * schema, and never a 500.
 */

interface Operation {
  method: string
  path: string
  parameters?: { name: string; in: 'path' | 'query'; required?: boolean; schema?: object }[]
  requestBody?: { content: Record<string, { schema: object }> }
  responses: Record<string, { content?: Record<string, { schema: object }> }>
}

interface Doc {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>
  components: { schemas: Record<string, object> }
}

const ROLES: readonly [Role, string][] = [
  ['field_agent', 'beta-tijuana'],
  ['group_coordinator', 'beta-tijuana'],
  ['national_analyst', 'inm'],
  ['module_volunteer', 'module-tijuana-airport'],
  ['call_centre_operator', 'paisano'],
  ['agency_liaison', 'agency-profeco'],
  ['guide_editor', 'paisano'],
  ['data_protection_officer', 'inm'],
  ['administrator', 'inm'],
]

const RUNS = Number(process.env.CONTRACT_RUNS ?? 80)
// Fixed, so a failure replays; CONTRACT_SEED explores others.
const SEED = Number(process.env.CONTRACT_SEED ?? 20261204)

// One document is read before the tests are declared, so each operation gets its own test.
const SETUP = await (async () => {
  const env = await makeProtectionEnv('sqlite')
  const res = await env.app.request('/api/openapi.json')
  const doc = (await res.json()) as Doc
  const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ ...op, method: method.toUpperCase(), path })))
  return { env, doc, operations }
})()

describe('the OpenAPI document as a contract', () => {
  const { env, doc, operations } = SETUP
  const fuzzing = { ...env, app: createApp({ db: env.db, clock: env.clock, config: testAppConfig({ trustProxy: true }), logger: pino({ level: 'silent' }), protection: env.protection }) }
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })
  ajv.addSchema({ $id: 'faro', components: doc.components })
  const validators = new Map<object, ValidateFunction>()
  const sessions = new Map<Role, Session>()
  const usernames = new Map<Role, string>()
  const ids: string[] = []
  // Which statuses each operation answered, so the test can tell it reached past the refusals.
  const seen = new Map<string, Set<number>>()

  beforeAll(async () => {
    for (const [role, unit] of ROLES) {
      const user = await makeUser(env, role, unit)
      usernames.set(role, user.username)
      sessions.set(role, await signIn(env, user.username))
      ids.push(user.id)
    }
    const agent = sessions.get('field_agent')
    const attention = makeAttentionAction('beta-tijuana')
    await call(env, 'POST', '/api/records/actions', { as: agent, body: attention })
    const person = await call(env, 'POST', '/api/people', { as: agent, body: { orgUnitId: 'beta-tijuana', identity: canaryIdentity({ given: 'Ana', surname: 'Pérez', phone: '+52 664 000 0000' }) } })
    ids.push(attention.recordId, ((await person.json()) as { id: string }).id, 'beta-tijuana', 'no-such-thing')
  })

  afterAll(async () => {
    await env.close()
    fs.rmSync(env.dir, { recursive: true, force: true })
  })

  it('documents specific answers only: no catch-all default', () => {
    expect(operations.length).toBeGreaterThan(40)
    expect(operations.filter((op) => 'default' in op.responses).map((op) => `${op.method} ${op.path}`)).toEqual([])
  })

  for (const op of operations) {
    it(`${op.method} ${op.path}: every generated request gets a documented answer`, async () => {
      await fc.assert(
        fc.asyncProperty(requestOf(op), async (request) => {
          const session = request.role ? await liveSession(request.role) : undefined
          // Each request from its own address: the sign-in attempts it makes must not throttle
          // the test's own sign-ins, which come from the in-process address of env.app.
          const res = await call(fuzzing, op.method, request.url, { as: session, ...(request.body !== undefined ? { body: request.body } : {}), lang: request.lang, headers: { 'x-forwarded-for': request.address } })
          const text = await res.text()
          const key = `${op.method} ${op.path}`
          seen.set(key, (seen.get(key) ?? new Set()).add(res.status))
          const documented = op.responses[String(res.status)]
          expect({ status: res.status, documented: documented !== undefined, body: text.slice(0, 300) }).toEqual({ status: res.status, documented: true, body: text.slice(0, 300) })
          const contentType = (res.headers.get('content-type') ?? '').split(';')[0] ?? ''
          const media = documented?.content?.[contentType]
          if (documented?.content === undefined) {
            expect(text).toBe('')
            return
          }
          expect({ contentType, documentedTypes: Object.keys(documented.content) }).toEqual({ contentType, documentedTypes: expect.arrayContaining([contentType]) })
          const validate = validatorOf(media?.schema ?? {})
          const ok = validate(JSON.parse(text))
          expect({ status: res.status, errors: ok ? [] : (validate.errors ?? []).slice(0, 3), body: ok ? '' : text.slice(0, 300) }).toEqual({ status: res.status, errors: [], body: '' })
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      )
    })
  }

  it('reaches a success for a third of the operations or more, not only their refusals', () => {
    const succeeded = [...seen].filter(([, statuses]) => [...statuses].some((s) => s < 300))
    console.log(`operations that succeeded: ${succeeded.length} of ${operations.length}\n` + [...seen].map(([op, statuses]) => `${op}: ${[...statuses].sort().join(' ')}`).join('\n'))
    expect(succeeded.length / operations.length).toBeGreaterThan(1 / 3)
  })

  /** A session of the role, signed in again when a request ended it (a password change, a disable). */
  async function liveSession(role: Role): Promise<Session> {
    const session = sessions.get(role)
    if (session && (await call(env, 'GET', '/api/auth/me', { as: session })).status === 200) {
      return session
    }
    const username = usernames.get(role) ?? ''
    const fresh = await signIn(env, username).catch(() => session)
    if (fresh) {
      sessions.set(role, fresh)
    }
    return fresh ?? { cookie: '', csrf: '' }
  }

  function validatorOf(schema: object): ValidateFunction {
    let validate = validators.get(schema)
    if (validate === undefined) {
      // References to #/components/… resolve inside the document registered as "faro".
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"faro#/components/')) as object)
      validators.set(schema, validate)
    }
    return validate
  }

  function requestOf(op: Operation) {
    const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path')
    const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query')
    const bodySchema = op.requestBody?.content['application/json']?.schema
    return fc.record({
      role: fc.option(fc.constantFrom(...ROLES.map(([role]) => role)), { nil: undefined, freq: 4 }),
      lang: fc.constantFrom('es', 'en'),
      address: fc.ipV4(),
      path: fc.tuple(...pathParams.map((p) => paramValue(p.name))).map((values) => pathParams.reduce((path, p, i) => path.replace(`{${p.name}}`, encodeURIComponent(values[i] ?? '')), op.path)),
      query: fc.tuple(...queryParams.map((p) => fc.option(fromSchema(p.schema ?? {}).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))), { nil: undefined }))),
      body: bodySchema === undefined ? fc.constant(undefined) : fc.oneof({ weight: 3, arbitrary: fromSchema(bodySchema) }, { weight: 1, arbitrary: fc.jsonValue() }),
    }).map(({ role, lang, address, path, query, body }) => {
      const search = new URLSearchParams()
      queryParams.forEach((p, i) => {
        const value = query[i]
        if (value !== undefined) {
          search.set(p.name, value)
        }
      })
      const qs = search.toString()
      return { role, lang, address, url: qs ? `${path}?${qs}` : path, body }
    })
  }

  function paramValue(name: string) {
    if (name === 'type') {
      return fc.oneof(fc.constantFrom(...RecordType.options), fc.string({ maxLength: 12 }))
    }
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(ids.length > 0 ? ids : ['x'])) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) })
  }
})

/** Values that follow a JSON schema (json-schema-faker, seeded by fast-check so a failure replays). */
function fromSchema(schema: object) {
  const resolved = JSON.parse(JSON.stringify(schema)) as JsonSchema
  return fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((seed) => {
    try {
      // Half the time from the document's examples where it has them: bodies that get past
      // validation to the policy and the data, as a partner's would.
      return generateSync(resolved, { seed, useExamplesValue: seed % 2 === 0 }) as unknown
    } catch {
      return {}
    }
  })
}
