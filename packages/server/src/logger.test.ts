import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './http/app.ts'
import { createLogger } from './logger.ts'
import { makeAttentionAction, testAppConfig, makeTestEnv, makeUser, signIn, TEST_PASSWORD, type TestEnv } from './test/harness.ts'

describe('request logs', () => {
  let env: TestEnv
  const lines: string[] = []
  beforeAll(async () => {
    env = await makeTestEnv('sqlite')
  })
  afterAll(async () => env?.close())

  it('hold method, route pattern, status and request id, and never bodies, cookies, tokens or query strings', async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString())
        done()
      },
    })
    const app = createApp({ db: env.db, clock: env.clock, config: testAppConfig(), logger: createLogger('info', sink) })
    const { username } = await makeUser(env, 'field_agent', 'beta-tijuana')
    const session = await signIn({ ...env, app }, username)
    const canary = 'Canario Zacarías Pérez 5551234567'
    await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) })
    await app.request('/api/records/actions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify(makeAttentionAction('beta-tijuana', { payload: { orgUnitId: 'beta-tijuana', at: '2026-11-21T09:00:00Z', setting: 'base', people: [{ count: 1 }], services: ['water'], notes: canary } })),
    })
    await app.request(`/api/records/attention?unit=${encodeURIComponent('beta-tijuana')}&cursor=${encodeURIComponent(canary)}`, { headers: { cookie: session.cookie } })
    const all = lines.join('')
    expect(all).toContain('"route":"/api/records/actions"')
    expect(all).toContain('"requestId"')
    for (const secret of [canary, 'Zacarías', '5551234567', TEST_PASSWORD, session.cookie.split('=')[1] ?? 'x', session.csrf, username]) {
      expect(all).not.toContain(secret)
    }
  })
})
