import * as OTPAuth from 'otpauth'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, signIn, testDialects, TEST_PASSWORD, type Session, type TestEnv } from '../test/harness.ts'
import { enrolSecondFactor } from '../test/second-factor.ts'

const reset = (env: TestEnv, id: string, as?: Session, lang?: string) => call(env, 'POST', `/api/users/${id}/totp/reset`, { ...(as ? { as } : {}), ...(lang ? { lang } : {}) })

for (const dialect of testDialects()) {
  describe(`${dialect}: POST /api/users/:id/totp/reset`, () => {
    let env: TestEnv
    let admin: { id: string; session: Session }
    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      const user = await makeUser(env, 'administrator', 'inm')
      admin = { id: user.id, session: await signIn(env, user.username) }
    })
    afterAll(async () => env?.close())

    /** A field agent with an active second factor and, from a second setup, a pending one too. */
    async function agentWithSecondFactor() {
      const user = await makeUser(env, 'field_agent', 'beta-tijuana')
      const { secret, session } = await enrolSecondFactor(env, user.username)
      const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: env.clock.now().getTime() })
      expect((await call(env, 'POST', '/api/auth/totp/setup', { as: session, body: { password: TEST_PASSWORD, code } })).status).toBe(200)
      return { ...user, secret, session }
    }

    it('clears both secrets, ends the account\'s sessions and audits who did it to whom', async () => {
      const agent = await agentWithSecondFactor()
      const res = await reset(env, agent.id, admin.session)
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ id: agent.id, totpEnabled: false })

      const creds = await env.db.db.selectFrom('credentials').select(['totpSecret', 'totpPendingSecret']).where('userId', '=', agent.id).executeTakeFirstOrThrow()
      expect(creds).toEqual({ totpSecret: null, totpPendingSecret: null })
      const sessions = await env.db.db.selectFrom('sessions').select('userId').where('userId', '=', agent.id).execute()
      expect(sessions).toEqual([])
      expect((await call(env, 'GET', '/api/auth/me', { as: agent.session })).status).toBe(401)

      const events = await env.db.db.selectFrom('auditEvents').selectAll().where('action', '=', 'user.reset_second_factor').where('recordId', '=', agent.id).execute()
      expect(events).toMatchObject([{ actorId: admin.id, role: 'administrator', recordType: 'user', decision: 'allowed' }])
      expect(JSON.stringify(events)).not.toContain(agent.secret)
    })

    it('lets the account sign in with the password alone afterwards, and lists it without a second factor', async () => {
      const agent = await agentWithSecondFactor()
      const before = await call(env, 'POST', '/api/auth/login', { body: { username: agent.username, password: TEST_PASSWORD } })
      expect(await before.json()).toMatchObject({ reason: 'totp_required' })
      expect((await reset(env, agent.id, admin.session)).status).toBe(200)

      const after = await call(env, 'POST', '/api/auth/login', { body: { username: agent.username, password: TEST_PASSWORD } })
      expect(after.status).toBe(200)
      const list = (await (await call(env, 'GET', '/api/users', { as: admin.session })).json()) as { items: { id: string; totpEnabled: boolean }[] }
      expect(list.items.find((u) => u.id === agent.id)).toMatchObject({ totpEnabled: false })
    })

    it('is forbidden, and audited as refused, for a role without the right', async () => {
      const agent = await agentWithSecondFactor()
      for (const role of ['group_coordinator', 'data_protection_officer', 'field_agent'] as const) {
        const caller = await makeUser(env, role, 'beta')
        const res = await reset(env, agent.id, await signIn(env, caller.username))
        expect(res.status, role).toBe(403)
        expect(res.headers.get('content-type')).toContain('application/problem+json')
        const refusal = await env.db.db.selectFrom('auditEvents').selectAll().where('actorId', '=', caller.id).where('action', '=', 'user.reset_second_factor').executeTakeFirst()
        expect(refusal, role).toMatchObject({ decision: 'denied', recordType: 'user' })
      }
      const creds = await env.db.db.selectFrom('credentials').select('totpSecret').where('userId', '=', agent.id).executeTakeFirstOrThrow()
      expect(creds.totpSecret).not.toBeNull()
    })

    it('answers 404 for an account that does not exist', async () => {
      const res = await reset(env, uuidv7(), admin.session)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
    })

    it('answers 409 when the account has no second factor, even with a setup left pending', async () => {
      const plain = await makeUser(env, 'field_agent', 'beta-tijuana')
      const res = await reset(env, plain.id, admin.session, 'en')
      expect(res.status).toBe(409)
      expect(await res.json()).toMatchObject({ reason: 'totp_not_enabled', detail: 'This account has no second factor' })

      const pending = await makeUser(env, 'field_agent', 'beta-tijuana')
      expect((await call(env, 'POST', '/api/auth/totp/setup', { as: await signIn(env, pending.username), body: { password: TEST_PASSWORD } })).status).toBe(200)
      expect((await reset(env, pending.id, admin.session)).status).toBe(409)
    })

    it('refuses an administrator their own second factor, which they replace by setting it up again', async () => {
      const self = await makeUser(env, 'administrator', 'inm')
      const { session } = await enrolSecondFactor(env, self.username)
      const res = await reset(env, self.id, session)
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ reason: 'own_second_factor' })
      const creds = await env.db.db.selectFrom('credentials').select('totpSecret').where('userId', '=', self.id).executeTakeFirstOrThrow()
      expect(creds.totpSecret).not.toBeNull()
      expect((await call(env, 'GET', '/api/auth/me', { as: session })).status).toBe(200)
    })

    it('answers 400 naming the id when it is not an account id', async () => {
      for (const id of ['not-an-id', `${uuidv7().toUpperCase()}`, "1'%20or%201=1"]) {
        const res = await reset(env, id, admin.session)
        expect(res.status, id).toBe(400)
        expect(res.headers.get('content-type')).toContain('application/problem+json')
        expect(await res.json()).toMatchObject({ errors: [{ field: 'id' }] })
      }
    })

    it('needs a session and the CSRF token', async () => {
      const agent = await agentWithSecondFactor()
      expect((await reset(env, agent.id)).status).toBe(401)
      const res = await call(env, 'POST', `/api/users/${agent.id}/totp/reset`, { headers: { cookie: admin.session.cookie } })
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ reason: 'csrf' })
    })
  })
}
