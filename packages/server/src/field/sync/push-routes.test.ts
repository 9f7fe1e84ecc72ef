import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../../test/harness.ts'
import { verifyAudit } from '../../log/audit-repo.ts'
import { push, pushAction, results } from './test-helpers.ts'

let deviceCounter = 0
const newDevice = () => `push-test-device-${++deviceCounter}-${Date.now()}`

for (const dialect of testDialects()) {
  describe(`${dialect}: POST /api/sync/push`, () => {
    let env: TestEnv
    let agent: Session
    let agentId: string
    let analyst: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      const made = await makeUser(env, 'field_agent', 'beta-tijuana')
      agentId = made.id
      agent = await signIn(env, made.username)
      analyst = await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)
    })
    afterAll(async () => env?.close())

    it('answers accepted, duplicate, conflict and rejected per action, in the order sent', async () => {
      const deviceId = newDevice()
      const a = pushAction('beta-tijuana', 1)
      const first = await push(env, agent, { deviceId, actions: [a] })
      expect(first.status).toBe(200)
      const b = pushAction('beta-tijuana', 3)
      const conflicting = { ...a, payload: { ...a.payload, people: [{ count: 9 }] } }
      const invalid = pushAction('beta-tijuana', 4, { payload: { orgUnitId: 'beta-tijuana', at: '2026-11-21T09:00:00Z', setting: 'base', people: [{ count: 0 }], services: ['water'] } })
      const res = await push(env, agent, { deviceId, actions: [b, a, conflicting, invalid] })
      const r = await results(res)
      expect(r.map((x) => x.status)).toEqual(['accepted', 'duplicate', 'conflict', 'rejected'])
      expect(r.map((x) => x.id)).toEqual([b.id, a.id, a.id, invalid.id])
      expect(r[2]?.reason).toBe('id_reused')
      expect(r[3]).toMatchObject({ reason: 'invalid', errors: [{ field: 'payload.people.0.count' }] })
      const kept = await env.db.db.selectFrom('syncConflicts').selectAll().where('deviceId', '=', deviceId).execute()
      expect(kept).toHaveLength(1)
      expect(JSON.parse(kept[0]?.action ?? '{}')).toMatchObject({ payload: { people: [{ count: 9 }] } })
    })

    it('writes one log row and one audit row per accepted action', async () => {
      const deviceId = newDevice()
      const count = async () => Promise.all([env.db.db.selectFrom('actions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), env.db.db.selectFrom('auditEvents').where('action', '=', 'attention.create').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()])
      const [a0, u0] = await count()
      const res = await push(env, agent, { deviceId, actions: [1, 2, 3].map((n) => pushAction('beta-tijuana', n)) })
      expect((await results(res)).every((x) => x.status === 'accepted')).toBe(true)
      const [a1, u1] = await count()
      expect(Number(a1.n) - Number(a0.n)).toBe(3)
      expect(Number(u1.n) - Number(u0.n)).toBe(3)
    })

    it('rejects a correction of a record that does not exist yet as record_missing, and a second creation as record_exists', async () => {
      const deviceId = newDevice()
      const a = pushAction('beta-tijuana', 1)
      const correction = { id: newActionId(), deviceCounter: 2, recordType: 'attention', recordId: `missing-${deviceId}`, type: 'AttentionCorrected', payload: { notes: 'x' } }
      const again = pushAction('beta-tijuana', 3, { recordId: a.recordId })
      const r = await results(await push(env, agent, { deviceId, actions: [a, correction, again] }))
      expect(r.map((x) => x.reason ?? x.status)).toEqual(['accepted', 'record_missing', 'record_exists'])
    })

    it('keeps the audit chain whole when refused actions are rolled back between accepted ones', async () => {
      const deviceId = newDevice()
      const a = pushAction('beta-tijuana', 1)
      const actions = [a, pushAction('beta-tapachula', 2), pushAction('beta-tijuana', 3, { recordId: a.recordId }), pushAction('beta-tijuana', 4)]
      const r = await results(await push(env, agent, { deviceId, actions }))
      expect(r.map((x) => x.reason ?? x.status)).toEqual(['accepted', 'forbidden', 'record_exists', 'accepted'])
      expect(await verifyAudit(env.db.db)).toMatchObject({ ok: true })
    })

    it('rejects an action in a unit the agent may not write as forbidden, and takes the rest', async () => {
      const deviceId = newDevice()
      const r = await results(await push(env, agent, { deviceId, actions: [pushAction('beta-tapachula', 1), pushAction('beta-tijuana', 2)] }))
      expect(r.map((x) => x.reason ?? x.status)).toEqual(['forbidden', 'accepted'])
    })

    it('refuses an action that names its own device instead of overwriting it, and takes the rest', async () => {
      const deviceId = newDevice()
      const own = { ...pushAction('beta-tijuana', 1), deviceId: 'somebody-elses-phone-01' }
      const r = await results(await push(env, agent, { deviceId, actions: [own, pushAction('beta-tijuana', 2)] }))
      expect(r.map((x) => x.reason ?? x.status)).toEqual(['invalid', 'accepted'])
      expect(r[0]?.errors).toEqual([expect.objectContaining({ field: 'deviceId', code: 'unrecognized_key' })])
      expect(await env.db.db.selectFrom('actions').select('id').where('id', '=', own.id).execute()).toEqual([])
    })

    it('audits every refusal as a denial: invalid, record missing, record exists, forbidden and conflicts', async () => {
      const deviceId = newDevice()
      const a = pushAction('beta-tijuana', 1)
      await push(env, agent, { deviceId, actions: [a] })
      const denials = async () => Number((await env.db.db.selectFrom('auditEvents').select((eb) => eb.fn.countAll<number>().as('n')).where('decision', '=', 'denied').where('actorId', '=', agentId).executeTakeFirstOrThrow()).n)
      const before = await denials()
      const refused = [
        pushAction('beta-tijuana', 2, { payload: { notes: 1 } }),
        { id: newActionId(), deviceCounter: 3, recordType: 'attention', recordId: `missing-${deviceId}`, type: 'AttentionCorrected', payload: { notes: 'x' } },
        pushAction('beta-tijuana', 4, { recordId: a.recordId }),
        pushAction('beta-tapachula', 5),
        { ...a, deviceCounter: 6, payload: { ...a.payload, notes: 'otra' } },
      ]
      const r = await results(await push(env, agent, { deviceId, actions: refused }))
      expect(r.map((x) => x.reason ?? x.status)).toEqual(['invalid', 'record_missing', 'record_exists', 'forbidden', 'id_reused'])
      expect((await denials()) - before).toBe(refused.length)
      expect(await verifyAudit(env.db.db)).toMatchObject({ ok: true })
    })

    it('accepts a gzip body', async () => {
      const r = await results(await push(env, agent, { deviceId: newDevice(), actions: [pushAction('beta-tijuana', 1)] }, { gzip: true }))
      expect(r[0]?.status).toBe('accepted')
    })

    it('gzips the answer for a client that accepts it', async () => {
      const body = JSON.stringify({ deviceId: newDevice(), actions: Array.from({ length: 30 }, (_, i) => pushAction('beta-tijuana', i + 1)) })
      const res = await env.app.request('/api/sync/push', { method: 'POST', headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': 'application/json', 'accept-encoding': 'gzip' }, body })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-encoding')).toBe('gzip')
    })

    it('refuses more than 100 actions with 413', async () => {
      const res = await push(env, agent, { deviceId: newDevice(), actions: Array.from({ length: 101 }, (_, i) => pushAction('beta-tijuana', i + 1)) }, { gzip: true })
      expect(res.status).toBe(413)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
    })

    it('refuses more than 64 KB on the wire with 413', async () => {
      const notes = 'x'.repeat(1900)
      const actions = Array.from({ length: 40 }, (_, i) => pushAction('beta-tijuana', i + 1, { payload: { orgUnitId: 'beta-tijuana', at: '2026-11-21T09:00:00Z', setting: 'base', people: [{ count: 1 }], services: ['water'], notes: `${i}${notes}` } }))
      expect((await push(env, agent, { deviceId: newDevice(), actions })).status).toBe(413)
    })

    it('refuses a gzip body that inflates beyond 1 MB with 413', async () => {
      const bomb = gzipSync(JSON.stringify({ deviceId: newDevice(), actions: [{ pad: ' '.repeat(2_000_000) }] }))
      expect(bomb.byteLength).toBeLessThan(64 * 1024)
      const res = await env.app.request('/api/sync/push', { method: 'POST', headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: bomb })
      expect(res.status).toBe(413)
    })

    it('answers a corrupt gzip body and a bad envelope with 400 naming the field', async () => {
      const res = await env.app.request('/api/sync/push', { method: 'POST', headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-encoding': 'gzip' }, body: 'not gzip' })
      expect(res.status).toBe(400)
      const bad = await push(env, agent, { deviceId: 'short', actions: [] })
      expect(bad.status).toBe(400)
      const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)
      expect(fields).toEqual(expect.arrayContaining(['deviceId', 'actions']))
    })

    it('is forbidden without permission to register devices, and unauthenticated without a session', async () => {
      expect((await push(env, analyst, { deviceId: newDevice(), actions: [pushAction('beta-tijuana', 1)] })).status).toBe(403)
      expect((await call(env, 'POST', '/api/sync/push', { body: { deviceId: newDevice(), actions: [] } })).status).toBe(401)
    })

    it('refuses a device registered by another account', async () => {
      const deviceId = newDevice()
      await push(env, agent, { deviceId, actions: [pushAction('beta-tijuana', 1)] })
      const other = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      const res = await push(env, other, { deviceId, actions: [pushAction('beta-tijuana', 2)] })
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ reason: 'device_not_yours' })
    })

    it('stores each action once when 50 identical pushes arrive at once', async () => {
      const deviceId = newDevice()
      const body = { deviceId, actions: [1, 2, 3].map((n) => pushAction('beta-tijuana', n)) }
      const all = await Promise.all(Array.from({ length: 50 }, () => push(env, agent, body)))
      const statuses = (await Promise.all(all.map(results))).flat().map((r) => r.status)
      expect(statuses.filter((s) => s === 'accepted')).toHaveLength(3)
      expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(147)
      const rows = await env.db.db.selectFrom('actions').select('id').where('deviceId', '=', deviceId).execute()
      expect(rows).toHaveLength(3)
    })
  })
}
