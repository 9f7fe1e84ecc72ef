import * as OTPAuth from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, testAppConfig, makeAttentionAction, makeTestEnv, makeUser, signIn, testDialects, TEST_PASSWORD, type TestEnv } from '../test/harness.ts'

function login(env: TestEnv, body: Record<string, unknown>, lang = 'es') {
  return call(env, 'POST', '/api/auth/login', { body, lang })
}

for (const dialect of testDialects()) {
  describe(`${dialect}: accounts and sessions`, () => {
    let env: TestEnv
    beforeAll(async () => {
      env = await makeTestEnv(dialect)
    })
    afterAll(async () => env?.close())

    describe('POST /api/auth/login', () => {
      it('sets an HttpOnly SameSite=Strict session cookie and returns a CSRF token', async () => {
        const { username } = await makeUser(env, 'field_agent', 'beta-tijuana')
        const res = await login(env, { username, password: TEST_PASSWORD })
        expect(res.status).toBe(200)
        const cookie = res.headers.get('set-cookie') ?? ''
        expect(cookie).toMatch(/^faro_session=/)
        expect(cookie).toContain('HttpOnly')
        expect(cookie).toContain('SameSite=Strict')
        const body = (await res.json()) as { csrfToken: string; user: Record<string, unknown>; permissions: string[] }
        expect(body.csrfToken.length).toBeGreaterThan(20)
        expect(body.permissions).toContain('attention.create')
        expect(JSON.stringify(body)).not.toMatch(/scrypt|passwordHash/)
      })

      it('answers a wrong password and an unknown user the same way, in the caller\'s language', async () => {
        const { username } = await makeUser(env, 'field_agent', 'beta-tijuana')
        const wrong = await login(env, { username, password: 'not the password' })
        const unknown = await login(env, { username: 'nobody-here', password: 'not the password' }, 'en')
        expect(wrong.status).toBe(401)
        expect(unknown.status).toBe(401)
        expect(await wrong.json()).toMatchObject({ detail: 'Usuario o contraseña incorrectos' })
        expect(await unknown.json()).toMatchObject({ detail: 'Wrong username or password' })
      })

      it('throttles an account after five failures with 429 and the minutes to wait, then lets it in after the window', async () => {
        const { username } = await makeUser(env, 'field_agent', 'beta-tijuana')
        for (let i = 0; i < 5; i++) {
          expect((await login(env, { username, password: 'wrong password' })).status).toBe(401)
        }
        const blocked = await login(env, { username, password: TEST_PASSWORD })
        expect(blocked.status).toBe(429)
        expect(blocked.headers.get('retry-after')).toBe('900')
        expect(((await blocked.json()) as { detail: string }).detail).toBe('Demasiados intentos fallidos. Intente de nuevo en 15 minutos.')
        env.clock.advance(15 * 60_000 + 1000)
        expect((await login(env, { username, password: TEST_PASSWORD })).status).toBe(200)
      })

      it('refuses a disabled account', async () => {
        const { id, username } = await makeUser(env, 'field_agent', 'beta-tijuana')
        const admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
        expect((await call(env, 'PATCH', `/api/users/${id}`, { as: admin, body: { disabled: true } })).status).toBe(200)
        expect((await login(env, { username, password: TEST_PASSWORD })).status).toBe(401)
      })
    })

    describe('sessions', () => {
      it('ends the session on logout; the cookie no longer works', async () => {
        const session = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
        expect((await call(env, 'GET', '/api/auth/me', { as: session })).status).toBe(200)
        expect((await call(env, 'POST', '/api/auth/logout', { as: session })).status).toBe(204)
        expect((await call(env, 'GET', '/api/auth/me', { as: session })).status).toBe(401)
      })

      it('expires a session after its lifetime', async () => {
        const session = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
        env.clock.advance(12 * 3_600_000 + 1)
        expect((await call(env, 'GET', '/api/auth/me', { as: session })).status).toBe(401)
      })

      it('ends every session of an account that is disabled', async () => {
        const user = await makeUser(env, 'field_agent', 'beta-tijuana')
        const session = await signIn(env, user.username)
        const admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
        await call(env, 'PATCH', `/api/users/${user.id}`, { as: admin, body: { disabled: true } })
        expect((await call(env, 'GET', '/api/auth/me', { as: session })).status).toBe(401)
      })

      it('changes the password only with the current one, and ends other sessions', async () => {
        const user = await makeUser(env, 'field_agent', 'beta-tijuana')
        const session = await signIn(env, user.username)
        const other = await signIn(env, user.username)
        expect((await call(env, 'POST', '/api/auth/password', { as: session, body: { currentPassword: 'wrong one', newPassword: 'a brand new password' } })).status).toBe(400)
        expect((await call(env, 'POST', '/api/auth/password', { as: session, body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' } })).status).toBe(204)
        expect((await call(env, 'GET', '/api/auth/me', { as: other })).status).toBe(401)
        expect((await login(env, { username: user.username, password: 'a brand new password' })).status).toBe(200)
      })
    })

    describe('second factor (TOTP)', () => {
      it('asks for the code once enabled, refuses a wrong one and accepts the right one', async () => {
        const user = await makeUser(env, 'data_protection_officer', 'inm')
        const session = await signIn(env, user.username)
        const setup = (await (await call(env, 'POST', '/api/auth/totp/setup', { as: session, body: { password: TEST_PASSWORD } })).json()) as { secret: string; uri: string }
        expect(setup.uri).toMatch(/^otpauth:\/\/totp\//)
        const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret) })
        const code = () => totp.generate({ timestamp: env.clock.now().getTime() })
        expect((await call(env, 'POST', '/api/auth/totp/enable', { as: session, body: { code: code() } })).status).toBe(204)

        const noCode = await login(env, { username: user.username, password: TEST_PASSWORD })
        expect(noCode.status).toBe(401)
        expect(await noCode.json()).toMatchObject({ reason: 'totp_required' })
        const wrongCode = code() === '000000' ? '111111' : '000000'
        expect((await login(env, { username: user.username, password: TEST_PASSWORD, totp: wrongCode })).status).toBe(401)
        expect((await login(env, { username: user.username, password: TEST_PASSWORD, totp: code() })).status).toBe(200)
      })
    })

    describe('POST /api/auth/totp/setup', () => {
      it('asks for the password, and for a current code once a second factor is on, before replacing it', async () => {
        const user = await makeUser(env, 'data_protection_officer', 'inm')
        const session = await signIn(env, user.username)
        const noPassword = await call(env, 'POST', '/api/auth/totp/setup', { as: session, body: {} })
        expect(noPassword.status).toBe(400)
        expect(await noPassword.json()).toMatchObject({ errors: [{ field: 'password' }] })
        const wrongPassword = await call(env, 'POST', '/api/auth/totp/setup', { as: session, body: { password: 'not the password' } })
        expect(wrongPassword.status).toBe(400)
        expect(await wrongPassword.json()).toMatchObject({ errors: [{ field: 'password', code: 'wrong_password' }] })

        const setup = (await (await call(env, 'POST', '/api/auth/totp/setup', { as: session, body: { password: TEST_PASSWORD } })).json()) as { secret: string }
        const code = () => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret) }).generate({ timestamp: env.clock.now().getTime() })
        expect((await call(env, 'POST', '/api/auth/totp/enable', { as: session, body: { code: code() } })).status).toBe(204)
        const stored = async () => env.db.db.selectFrom('credentials').select(['totpSecret', 'totpPendingSecret']).where('userId', '=', user.id).executeTakeFirstOrThrow()
        const before = await stored()

        const passwordOnly = await call(env, 'POST', '/api/auth/totp/setup', { as: session, body: { password: TEST_PASSWORD }, lang: 'en' })
        expect(passwordOnly.status).toBe(400)
        expect(await passwordOnly.json()).toMatchObject({ errors: [{ field: 'code', code: 'totp_code_required', message: 'Enter a code from your current authenticator app' }] })
        const wrong = code() === '000000' ? '111111' : '000000'
        expect((await call(env, 'POST', '/api/auth/totp/setup', { as: session, body: { password: TEST_PASSWORD, code: wrong } })).status).toBe(400)
        expect(await stored()).toEqual(before)
        expect((await call(env, 'POST', '/api/auth/totp/setup', { as: session, body: { password: TEST_PASSWORD, code: code() } })).status).toBe(200)
      })

      it('refuses second-factor and password changes made with an API token', async () => {
        const user = await makeUser(env, 'administrator', 'inm')
        const session = await signIn(env, user.username)
        const created = (await (await call(env, 'POST', '/api/tokens', { as: session, body: { name: 'integración' } })).json()) as { token: string }
        const bearer = { authorization: `Bearer ${created.token}` }
        for (const [path, body] of [
          ['/api/auth/totp/setup', { password: TEST_PASSWORD }],
          ['/api/auth/totp/enable', { code: '123456' }],
          ['/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another long password' }],
        ] as const) {
          const res = await call(env, 'POST', path, { headers: bearer, body })
          expect(res.status).toBe(403)
          expect(await res.json()).toMatchObject({ reason: 'session_required' })
        }
      })
    })

    describe('API tokens', () => {
      it('lets a partner system call the API with a token, shown once and stored hashed, until revoked', async () => {
        const admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
        const created = (await (await call(env, 'POST', '/api/tokens', { as: admin, body: { name: 'sistema aliado' } })).json()) as { id: string; token: string }
        expect(created.token).toMatch(/^faro_/)
        const stored = await env.db.db.selectFrom('apiTokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow()
        expect(stored.tokenHash).not.toContain(created.token.slice(5))
        const bearer = { authorization: `Bearer ${created.token}` }
        expect((await call(env, 'GET', '/api/users', { headers: bearer })).status).toBe(200)
        // No CSRF token is needed: a bearer token is not an ambient credential.
        expect((await call(env, 'POST', '/api/records/actions', { headers: bearer, body: makeAttentionAction('beta-tijuana') })).status).toBe(403)
        expect((await call(env, 'DELETE', `/api/tokens/${created.id}`, { as: admin })).status).toBe(204)
        expect((await call(env, 'GET', '/api/users', { headers: bearer })).status).toBe(401)
      })

      it('lets only a signed-in person create a token: a token cannot mint another', async () => {
        const admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
        const created = (await (await call(env, 'POST', '/api/tokens', { as: admin, body: { name: 'sistema aliado' } })).json()) as { token: string }
        const minted = await call(env, 'POST', '/api/tokens', { headers: { authorization: `Bearer ${created.token}` }, body: { name: 'otro' } })
        expect(minted.status).toBe(403)
        expect(await minted.json()).toMatchObject({ reason: 'session_required' })
      })

      it('ends every token of an account when its password changes', async () => {
        const user = await makeUser(env, 'administrator', 'inm')
        const admin = await signIn(env, user.username)
        const created = (await (await call(env, 'POST', '/api/tokens', { as: admin, body: { name: 'sistema aliado' } })).json()) as { token: string }
        const bearer = { authorization: `Bearer ${created.token}` }
        expect((await call(env, 'GET', '/api/users', { headers: bearer })).status).toBe(200)
        const changed = await call(env, 'POST', '/api/auth/password', { as: admin, body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new long password' } })
        expect(changed.status).toBe(204)
        expect((await call(env, 'GET', '/api/users', { headers: bearer })).status).toBe(401)
        expect((await call(env, 'GET', '/api/auth/me', { as: admin })).status).toBe(401)
      })

      it('refuses an unknown token with 401', async () => {
        expect((await call(env, 'GET', '/api/users', { headers: { authorization: 'Bearer faro_nope' } })).status).toBe(401)
      })
    })

    describe('POST /api/users', () => {
      it('refuses a taken username with 409 naming the field', async () => {
        const admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
        const body = { username: 'duplicado', displayName: 'D', role: 'field_agent', orgUnitId: 'beta-tecate', password: 'long enough password' }
        expect((await call(env, 'POST', '/api/users', { as: admin, body })).status).toBe(201)
        const again = await call(env, 'POST', '/api/users', { as: admin, body })
        expect(again.status).toBe(409)
        expect(await again.json()).toMatchObject({ reason: 'username_taken' })
      })
    })
  })
}

describe('behind a trusted reverse proxy', () => {
  it('marks the session cookie Secure when the proxy says the client used HTTPS, and throttles per forwarded address', async () => {
    const env = await makeTestEnv('sqlite')
    const { createApp } = await import('../http/app.ts')
    const pino = (await import('pino')).default
    const app = createApp({ db: env.db, clock: env.clock, config: testAppConfig({ secureCookies: 'auto', trustProxy: true }), logger: pino({ level: 'silent' }) })
    const { username } = await makeUser(env, 'field_agent', 'beta-tijuana')
    const post = (body: unknown, ip: string) => app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-for': `${ip}, 10.0.0.1` }, body: JSON.stringify(body) })
    const ok = await post({ username, password: TEST_PASSWORD }, '203.0.113.7')
    expect(ok.headers.get('set-cookie')).toContain('Secure')
    for (let i = 0; i < 30; i++) {
      await post({ username: `nobody-${i}`, password: 'wrong password' }, '203.0.113.66')
    }
    expect((await post({ username: 'nobody-x', password: 'wrong password' }, '203.0.113.66')).status).toBe(429)
    // Another client behind the same proxy is not blocked by the first one's failures.
    expect((await post({ username, password: TEST_PASSWORD }, '203.0.113.8')).status).toBe(200)
    await env.close()
  })
})
