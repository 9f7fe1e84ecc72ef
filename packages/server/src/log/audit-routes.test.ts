import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeAttentionAction, makeTestEnv, makeUser, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

interface Event {
  actorId: string
  action: string
  decision: string
}

for (const dialect of testDialects()) {
  describe(`${dialect}: GET /api/audit`, () => {
    let env: TestEnv
    let dpo: Session
    let dpoId: string
    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      const officer = await makeUser(env, 'data_protection_officer', 'inm')
      dpoId = officer.id
      dpo = await signIn(env, officer.username)
      const agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      await call(env, 'POST', '/api/records/actions', { as: agent, body: makeAttentionAction('beta-tijuana') })
      await call(env, 'POST', '/api/records/actions', { as: agent, body: makeAttentionAction('beta-tapachula') })
      // The officer's own work fills the audit too: every listing of staff is audited.
      for (let i = 0; i < 3; i++) {
        await call(env, 'GET', '/api/users', { as: dpo })
      }
    })
    afterAll(async () => env?.close())

    const list = async (query: string) => {
      const res = await call(env, 'GET', `/api/audit?limit=500&${query}`, { as: dpo })
      expect(res.status).toBe(200)
      return ((await res.json()) as { items: Event[] }).items
    }

    it('leaves out the officer\'s own events', async () => {
      const all = await list('')
      expect(all.filter((e) => e.actorId === dpoId && e.action === 'user.read')).toHaveLength(3)
      const others = await list('excludeOwn=true')
      expect(others.length).toBeGreaterThan(0)
      expect(others.filter((e) => e.actorId === dpoId)).toEqual([])
    })

    it('narrows to one decision and one action', async () => {
      const denied = await list('decision=denied')
      expect(denied.length).toBeGreaterThan(0)
      expect(denied.every((e) => e.decision === 'denied')).toBe(true)
      const creations = await list('action=attention.create')
      expect(creations.map((e) => e.decision).sort()).toEqual(['allowed', 'denied'])
      expect(await list('action=attention.create&decision=allowed')).toHaveLength(1)
    })

    it('answers a malformed filter with 400 naming it, and is forbidden to a field agent', async () => {
      const bad = await call(env, 'GET', '/api/audit?decision=maybe&action=DROP%20TABLE', { as: dpo })
      expect(bad.status).toBe(400)
      expect((((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).sort()).toEqual(['action', 'decision'])
      const agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      expect((await call(env, 'GET', '/api/audit', { as: agent })).status).toBe(403)
    })
  })
}
