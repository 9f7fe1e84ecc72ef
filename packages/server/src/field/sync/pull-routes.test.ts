import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makePlaceAction, makeTestEnv, makeUser, signIn, testDialects, type Session, type TestEnv } from '../../test/harness.ts'
import { push, pushAction, results } from './test-helpers.ts'

interface Pull {
  changes: { recordId: string; recordType: string; version: number; state: Record<string, unknown> }[]
  cursor: string | null
  more: boolean
}

for (const dialect of testDialects()) {
  describe(`${dialect}: GET /api/sync/pull and /api/sync/reference`, () => {
    let env: TestEnv
    let agent: Session
    let elsewhere: Session
    let admin: Session
    const mine: string[] = []

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-nogales')).username)
      elsewhere = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tapachula')).username)
      admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
      const place = makePlaceAction('beta-nogales')
      expect((await call(env, 'POST', '/api/records/actions', { as: admin, body: place })).status).toBe(201)
      mine.push(place.recordId)
      const actions = Array.from({ length: 5 }, (_, i) => pushAction('beta-nogales', i + 1))
      const r = await results(await push(env, agent, { deviceId: `pull-test-device-${Date.now()}`, actions }))
      expect(r.every((x) => x.status === 'accepted')).toBe(true)
      mine.push(...actions.map((a) => a.recordId))
      await push(env, elsewhere, { deviceId: `pull-other-device-${Date.now()}`, actions: [pushAction('beta-tapachula', 1)] })
      await call(env, 'POST', '/api/records/actions', { as: admin, body: makePlaceAction('beta-tapachula') })
    })
    afterAll(async () => env?.close())

    it('pages through the group\'s places and records, oldest change first, and nothing else', async () => {
      const seen: Pull['changes'] = []
      let cursor: string | null = null
      for (let page = 0; page < 10; page++) {
        const res = await call(env, 'GET', `/api/sync/pull?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as: agent })
        expect(res.status).toBe(200)
        const body = (await res.json()) as Pull
        seen.push(...body.changes)
        cursor = body.cursor
        if (!body.more) {
          break
        }
      }
      expect(seen.map((c) => c.recordId)).toEqual(mine)
      const versions = seen.map((c) => c.version)
      expect([...versions].sort((a, b) => a - b)).toEqual(versions)
    })

    it('returns a correction as a new change after the cursor', async () => {
      const first = (await (await call(env, 'GET', '/api/sync/pull?limit=500', { as: agent })).json()) as Pull
      const recordId = mine[1] ?? ''
      const correction = { ...pushAction('beta-nogales', 6), recordId, type: 'AttentionCorrected', payload: { notes: 'corregido' } }
      await push(env, agent, { deviceId: `pull-test-device-2-${Date.now()}`, actions: [correction] })
      const next = (await (await call(env, 'GET', `/api/sync/pull?cursor=${first.cursor}`, { as: agent })).json()) as Pull
      expect(next.changes).toHaveLength(1)
      expect(next.changes[0]).toMatchObject({ recordId, state: { notes: 'corregido' } })
    })

    it('answers a bad cursor or limit with 400 naming the field', async () => {
      const res = await call(env, 'GET', '/api/sync/pull?cursor=abc&limit=5000', { as: agent })
      expect(res.status).toBe(400)
      const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)
      expect(fields).toEqual(expect.arrayContaining(['cursor', 'limit']))
    })

    it('gives a role with no record reads nothing, and an anonymous caller 401', async () => {
      const volunteer = await signIn(env, (await makeUser(env, 'module_volunteer', 'beta-nogales')).username)
      const body = (await (await call(env, 'GET', '/api/sync/pull', { as: volunteer })).json()) as Pull
      expect(body.changes.every((c) => c.recordType === 'place')).toBe(true)
      expect((await call(env, 'GET', '/api/sync/pull')).status).toBe(401)
      expect((await call(env, 'GET', '/api/sync/reference')).status).toBe(401)
    })

    it('serves the catalogues and the crew of the unit', async () => {
      const res = await call(env, 'GET', '/api/sync/reference', { as: agent })
      expect(res.status).toBe(200)
      const body = (await res.json()) as { catalogues: { services: string[]; emergencyTypes: string[] }; crew: { id: string }[]; unit: { id: string } }
      expect(body.catalogues.services).toContain('orientation')
      expect(body.catalogues.emergencyTypes).toContain('lost_in_desert')
      expect(body.unit.id).toBe('beta-nogales')
      expect(body.crew.length).toBeGreaterThanOrEqual(1)
    })
  })
}
