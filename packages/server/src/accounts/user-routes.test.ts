import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, signIn, testDialects, TEST_PASSWORD, type Session, type TestEnv } from '../test/harness.ts'

interface UserBody {
  id: string
  role: string
  disabled: boolean
  displayName: string
}

for (const dialect of testDialects()) {
  describe(`${dialect}: PATCH /api/users/:id`, () => {
    let env: TestEnv
    let admin: { id: string; username: string }
    let session: Session
    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      admin = await makeUser(env, 'administrator', 'inm')
      session = await signIn(env, admin.username)
    })
    afterAll(async () => env?.close())

    it('answers an empty change with 400 naming the body, and changes nothing', async () => {
      const agent = await makeUser(env, 'field_agent', 'beta-tijuana')
      const actions = await env.db.db.selectFrom('actions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      const res = await call(env, 'PATCH', `/api/users/${agent.id}`, { as: session, body: {}, lang: 'en' })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ errors: [{ field: '(body)', message: 'Give at least one change' }] })
      const after = await env.db.db.selectFrom('actions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      expect(Number(after.n)).toBe(Number(actions.n))
    })

    it('refuses to demote or disable the last active administrator, and allows it once another exists', async () => {
      const listed = (await (await call(env, 'GET', '/api/users', { as: session })).json()) as { items: UserBody[] }
      for (const other of listed.items.filter((u) => u.role === 'administrator' && !u.disabled && u.id !== admin.id)) {
        expect((await call(env, 'PATCH', `/api/users/${other.id}`, { as: session, body: { disabled: true } })).status).toBe(200)
      }
      for (const change of [{ role: 'national_analyst' }, { disabled: true }]) {
        const res = await call(env, 'PATCH', `/api/users/${admin.id}`, { as: session, body: change })
        expect(res.status).toBe(409)
        expect(await res.json()).toMatchObject({ reason: 'last_administrator' })
      }
      // Still an administrator, still signed in.
      expect((await call(env, 'GET', '/api/auth/me', { as: session })).status).toBe(200)
      const second = await makeUser(env, 'administrator', 'inm')
      const renamed = await call(env, 'PATCH', `/api/users/${admin.id}`, { as: session, body: { displayName: 'Sigue siendo admin' } })
      expect(renamed.status).toBe(200)
      const demoted = await call(env, 'PATCH', `/api/users/${admin.id}`, { as: await signIn(env, second.username), body: { role: 'national_analyst' } })
      expect(demoted.status).toBe(200)
    })
  })

  describe(`${dialect}: POST /api/users/:id/password`, () => {
    let env: TestEnv
    let admin: Session
    let adminId: string
    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      const made = await makeUser(env, 'administrator', 'inm')
      adminId = made.id
      admin = await signIn(env, made.username)
    })
    afterAll(async () => env?.close())

    it('sets a new password for a forgotten one, ending the account\'s sessions; the old one no longer signs in', async () => {
      const agent = await makeUser(env, 'field_agent', 'beta-tijuana')
      const session = await signIn(env, agent.username)
      const res = await call(env, 'POST', `/api/users/${agent.id}/password`, { as: admin, body: { newPassword: 'una contraseña temporal' } })
      expect(res.status).toBe(204)
      expect((await call(env, 'GET', '/api/auth/me', { as: session })).status).toBe(401)
      expect((await call(env, 'POST', '/api/auth/login', { body: { username: agent.username, password: TEST_PASSWORD } })).status).toBe(401)
      expect((await call(env, 'POST', '/api/auth/login', { body: { username: agent.username, password: 'una contraseña temporal' } })).status).toBe(200)
      const audited = await env.db.db.selectFrom('auditEvents').select(['actorId', 'decision']).where('action', '=', 'user.password_reset').where('recordId', '=', agent.id).execute()
      expect(audited).toEqual([{ actorId: adminId, decision: 'allowed' }])
    })

    it('refuses the own account, a short password, a token, and a role without the right', async () => {
      const own = await call(env, 'POST', `/api/users/${adminId}/password`, { as: admin, body: { newPassword: 'una contraseña temporal' } })
      expect(own.status).toBe(403)
      expect(await own.json()).toMatchObject({ reason: 'own_password' })
      const agent = await makeUser(env, 'field_agent', 'beta-tijuana')
      const short = await call(env, 'POST', `/api/users/${agent.id}/password`, { as: admin, body: { newPassword: 'corta' } })
      expect(short.status).toBe(400)
      expect(await short.json()).toMatchObject({ errors: [{ field: 'newPassword' }] })
      const token = ((await (await call(env, 'POST', '/api/tokens', { as: admin, body: { name: 'integración' } })).json()) as { token: string }).token
      const byToken = await call(env, 'POST', `/api/users/${agent.id}/password`, { headers: { authorization: `Bearer ${token}` }, body: { newPassword: 'una contraseña temporal' } })
      expect(byToken.status).toBe(403)
      expect(await byToken.json()).toMatchObject({ reason: 'session_required' })
      const fieldAgent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      expect((await call(env, 'POST', `/api/users/${agent.id}/password`, { as: fieldAgent, body: { newPassword: 'una contraseña temporal' } })).status).toBe(403)
    })
  })
}
