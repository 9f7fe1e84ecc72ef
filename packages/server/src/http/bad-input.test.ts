import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeAttentionAction, makeTestEnv, makeUser, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

type Problem = { type: string; title: string; status: number; errors?: { field: string; code: string; message: string }[] }

async function snapshot(env: TestEnv) {
  const n = async (t: 'actions' | 'records' | 'users' | 'orgUnits') => Number((await env.db.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  return [await n('actions'), await n('records'), await n('users'), await n('orgUnits')]
}

for (const dialect of testDialects()) {
  describe(`${dialect}: bad input`, () => {
    let env: TestEnv
    let agent: Session
    let admin: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
    })
    afterAll(async () => env?.close())

    const cases: { name: string; method: string; path: string; as: 'agent' | 'admin'; body: unknown; fields: string[] }[] = [
      { name: 'an unknown top-level field', method: 'POST', path: '/api/records/actions', as: 'agent', body: { ...makeAttentionAction('beta-tijuana'), extra: true }, fields: ['extra'] },
      { name: 'an unknown payload field (a name, say)', method: 'POST', path: '/api/records/actions', as: 'agent', body: makeAttentionAction('beta-tijuana', { payload: { orgUnitId: 'beta-tijuana', at: '2026-11-21T09:00:00Z', setting: 'base', people: [{ count: 1 }], services: ['water'], fullName: 'x' } }), fields: ['payload.fullName'] },
      { name: 'a wrong type deep in the payload', method: 'POST', path: '/api/records/actions', as: 'agent', body: makeAttentionAction('beta-tijuana', { payload: { orgUnitId: 'beta-tijuana', at: '2026-11-21T09:00:00Z', setting: 'base', people: [{ count: 'three' }], services: ['water'] } }), fields: ['payload.people.0.count'] },
      { name: 'an unknown service', method: 'POST', path: '/api/records/actions', as: 'agent', body: makeAttentionAction('beta-tijuana', { payload: { orgUnitId: 'beta-tijuana', at: '2026-11-21T09:00:00Z', setting: 'base', people: [{ count: 1 }], services: ['teleport'] } }), fields: ['payload.services.0'] },
      { name: 'an unknown org unit', method: 'POST', path: '/api/records/actions', as: 'agent', body: makeAttentionAction('nowhere'), fields: ['payload.orgUnitId'] },
      { name: 'an id that is not a UUIDv7', method: 'POST', path: '/api/records/actions', as: 'agent', body: makeAttentionAction('beta-tijuana', { id: 'not-a-uuid' }), fields: ['id'] },
      { name: 'an unknown record type', method: 'POST', path: '/api/records/actions', as: 'agent', body: makeAttentionAction('beta-tijuana', { recordType: 'spaceship' }), fields: ['recordType'] },
      { name: 'a correction of a record that does not exist', method: 'POST', path: '/api/records/actions', as: 'agent', body: makeAttentionAction('beta-tijuana', { type: 'AttentionCorrected', payload: { notes: 'x' } }), fields: ['recordId'] },
      { name: 'a body that is an array', method: 'POST', path: '/api/records/actions', as: 'agent', body: [1, 2], fields: ['(body)'] },
      { name: 'a user with a short password and a bad role', method: 'POST', path: '/api/users', as: 'admin', body: { username: 'nuevo', displayName: 'N', role: 'king', orgUnitId: 'inm', password: 'short' }, fields: ['role', 'password'] },
      { name: 'a user with an upper-case username', method: 'POST', path: '/api/users', as: 'admin', body: { username: 'Nuevo', displayName: 'N', role: 'field_agent', orgUnitId: 'inm', password: 'long enough password' }, fields: ['username'] },
      { name: 'an org unit with a bad kind and a latitude out of range', method: 'POST', path: '/api/org-units', as: 'admin', body: { id: 'x-1', parentId: 'inm', kind: 'castle', name: 'X', lat: 120 }, fields: ['kind', 'lat'] },
      { name: 'a login without a password', method: 'POST', path: '/api/auth/login', as: 'agent', body: { username: 'someone' }, fields: ['password'] },
    ]

    for (const c of cases) {
      it(`answers ${c.name} with 400 naming the field, and writes nothing`, async () => {
        const before = await snapshot(env)
        const res = await call(env, c.method, c.path, { as: c.as === 'agent' ? agent : admin, body: c.body, lang: 'en' })
        expect(res.status).toBe(400)
        expect(res.headers.get('content-type')).toContain('application/problem+json')
        const problem = (await res.json()) as Problem
        expect(problem.type).toBe('/problems/invalid')
        expect(problem.errors?.map((e) => e.field).sort()).toEqual([...c.fields].sort())
        expect(await snapshot(env)).toEqual(before)
      })
    }

    it('speaks Spanish by default and English when asked', async () => {
      const body = { ...makeAttentionAction('beta-tijuana'), extra: 1 }
      const es = (await (await call(env, 'POST', '/api/records/actions', { as: agent, body })).json()) as Problem
      const en = (await (await call(env, 'POST', '/api/records/actions', { as: agent, body, lang: 'en-US,en;q=0.9' })).json()) as Problem
      expect(es.title).toBe('La solicitud tiene datos no válidos')
      expect(es.errors?.[0]?.message).toBe('Campo no permitido')
      expect(en.title).toBe('The request has invalid data')
      expect(en.errors?.[0]?.message).toBe('Field not allowed')
    })

    it('answers malformed JSON with 400, not 500', async () => {
      const res = await call(env, 'POST', '/api/records/actions', { as: agent, body: '{"id": ', lang: 'es' })
      expect(res.status).toBe(400)
      expect(((await res.json()) as Problem).errors?.[0]?.field).toBe('(body)')
    })

    it('answers a body over the limit with 413 problem+json', async () => {
      const big = makeAttentionAction('beta-tijuana', { payload: { notes: 'x'.repeat(70 * 1024) } })
      const res = await call(env, 'POST', '/api/records/actions', { as: agent, body: big })
      expect(res.status).toBe(413)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
    })

    it('answers a chunked body over the limit with 413 problem+json on every kind of endpoint, and writes nothing', async () => {
      const text = JSON.stringify(makeAttentionAction('beta-tijuana', { payload: { notes: 'x'.repeat(70 * 1024) } }))
      const bytes = new TextEncoder().encode(text)
      for (const path of ['/api/records/actions', '/api/users', '/api/sync/push']) {
        const before = await snapshot(env)
        // No Content-Length: the limit can only be found while reading.
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 8192) {
              controller.enqueue(bytes.slice(i, i + 8192))
            }
            controller.close()
          },
        })
        const headers = { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': 'application/json', 'accept-encoding': 'gzip' }
        const res = await env.app.request(path, { method: 'POST', headers, body, duplex: 'half' } as RequestInit)
        expect({ path, status: res.status }).toEqual({ path, status: 413 })
        expect(res.headers.get('content-type')).toContain('application/problem+json')
        // The answer is what its headers say: a compressed 413 must really be compressed.
        const raw = Buffer.from(await res.arrayBuffer())
        const decoded = res.headers.get('content-encoding') === 'gzip' ? gunzipSync(raw) : raw
        expect(JSON.parse(decoded.toString('utf8'))).toMatchObject({ type: '/problems/too_large' })
        expect(await snapshot(env)).toEqual(before)
      }
    })

    it('echoes its own request id, the instance of a problem, and frames nowhere', async () => {
      const res = await call(env, 'GET', '/api/nothing-here', { as: agent, headers: { 'x-request-id': 'chosen-by-client' } })
      const id = res.headers.get('x-request-id')
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      expect(((await res.json()) as { instance: string }).instance).toBe(id)
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    })

    it('answers a cookie write without the CSRF token with 403 and writes nothing', async () => {
      const before = await snapshot(env)
      const res = await env.app.request('/api/records/actions', { method: 'POST', headers: { cookie: agent.cookie, 'content-type': 'application/json' }, body: JSON.stringify(makeAttentionAction('beta-tijuana')) })
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ reason: 'csrf' })
      expect(await snapshot(env)).toEqual(before)
    })

    it('answers a bad list query with 400 naming the parameter', async () => {
      const res = await call(env, 'GET', '/api/records/attention?limit=0&color=red', { as: agent })
      expect(res.status).toBe(400)
      expect(((await res.json()) as Problem).errors?.map((e) => e.field).sort()).toEqual(['color', 'limit'])
    })

    it('answers an unknown record type in a path with 400 and a bad cursor with 400', async () => {
      expect((await call(env, 'GET', '/api/records/spaceship', { as: agent })).status).toBe(400)
      expect((await call(env, 'GET', '/api/records/attention?cursor=%%%', { as: agent })).status).toBe(400)
    })

    it('answers an unknown path with 404 problem+json', async () => {
      const res = await call(env, 'GET', '/api/nothing-here', { as: agent })
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
    })

    it('never answers 500 to random bodies', async () => {
      const fc = await import('fast-check')
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (value) => {
          const res = await call(env, 'POST', '/api/records/actions', { as: agent, body: JSON.stringify(value) })
          expect(res.status).toBeLessThan(500)
        }),
        { numRuns: 150, seed: 42 },
      )
    })
  })
}
