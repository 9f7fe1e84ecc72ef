import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, type TestEnv } from '../test/harness.ts'

describe('GET /api/openapi.json', () => {
  let env: TestEnv
  beforeAll(async () => {
    env = await makeTestEnv('sqlite')
  })
  afterAll(async () => env?.close())

  it('documents every API route with schemas generated from the shared zod schemas', async () => {
    const res = await call(env, 'GET', '/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; additionalProperties?: unknown } }> } }>> }
    expect(doc.openapi).toBe('3.1.0')
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    const routes = env.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
    expect([...new Set(routes)].filter((r) => !documented.includes(r))).toEqual([])
    const login = doc.paths['/api/auth/login']?.post?.requestBody?.content['application/json']?.schema
    expect(Object.keys(login?.properties ?? {})).toEqual(['username', 'password', 'totp'])
    expect(login?.additionalProperties).toBe(false)
    const action = doc.paths['/api/records/actions']?.post?.requestBody?.content['application/json']?.schema
    expect(Object.keys(action?.properties ?? {})).toContain('baseVersion')
    // Device ids and counters come only through a sync push, which checks the device.
    expect(Object.keys(action?.properties ?? {})).not.toContain('deviceCounter')
  })
})
