import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../http/app.ts'
import { makeTestEnv, makeUser, testAppConfig, testDialects, TEST_PASSWORD, type TestEnv } from '../test/harness.ts'
import { LOGIN_LIMITS } from './sessions.ts'

// Its own database: the failures of one address would otherwise throttle the other test files'
// sign-ins, which all come from the same in-process address.
for (const dialect of testDialects()) {
  describe(`${dialect}: POST /api/auth/login under parallel attempts`, () => {
    let env: TestEnv
    let app: ReturnType<typeof createApp>
    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      app = createApp({ db: env.db, clock: env.clock, config: testAppConfig({ trustProxy: true }), logger: pino({ level: 'silent' }) })
    })
    afterAll(async () => env?.close())

    const post = (body: unknown, address: string) =>
      app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify(body) })

    it('lets no more than five wrong passwords for one account through when they arrive at once', async () => {
      const { username } = await makeUser(env, 'field_agent', 'beta-tijuana')
      const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => post({ username, password: 'wrong password' }, `198.51.100.${i + 1}`)))
      const statuses = answers.map((r) => r.status)
      expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_LIMITS.perUser)
      expect(statuses.filter((s) => s === 429)).toHaveLength(25 - LOGIN_LIMITS.perUser)
      // The account is now locked for the window, even with the right password.
      expect((await post({ username, password: TEST_PASSWORD }, '198.51.100.99')).status).toBe(429)
    })

    it('lets no more than thirty failures from one address through when they arrive at once, and then refuses the right password too', async () => {
      const { username } = await makeUser(env, 'field_agent', 'beta-tijuana')
      const address = '203.0.113.44'
      const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => post({ username: `nobody-${dialect}-${i}`, password: 'wrong password' }, address)))
      const statuses = answers.map((r) => r.status)
      expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_LIMITS.perAddress)
      expect(statuses.filter((s) => s === 429)).toHaveLength(60 - LOGIN_LIMITS.perAddress)
      expect((await post({ username, password: TEST_PASSWORD }, address)).status).toBe(429)
      expect((await post({ username, password: TEST_PASSWORD }, '203.0.113.45')).status).toBe(200)
    })

    it('does not count a right password as a failure of its address', async () => {
      const { username } = await makeUser(env, 'field_agent', 'beta-tijuana')
      const address = '192.0.2.10'
      for (let i = 0; i < LOGIN_LIMITS.perAddress + 5; i++) {
        expect((await post({ username, password: TEST_PASSWORD }, address)).status).toBe(200)
      }
    })
  })
}
