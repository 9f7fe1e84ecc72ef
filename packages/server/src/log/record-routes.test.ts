import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeAttentionAction, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

async function count(env: TestEnv, table: 'actions' | 'records' | 'auditEvents'): Promise<number> {
  const row = await env.db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

for (const dialect of testDialects()) {
  describe(`${dialect}: POST /api/records/actions`, () => {
    let env: TestEnv
    let agent: Session
    let other: Session
    let coordinator: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      coordinator = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta')).username)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      other = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
    })
    afterAll(async () => env?.close())

    it('accepts a new action with 201 and projects the record in the same commit', async () => {
      const action = makeAttentionAction('beta-tijuana')
      const res = await call(env, 'POST', '/api/records/actions', { as: agent, body: action })
      expect(res.status).toBe(201)
      const body = (await res.json()) as { status: string; seq: number }
      expect(body.status).toBe('accepted')
      const record = await call(env, 'GET', `/api/records/attention/${action.recordId}`, { as: agent })
      expect(await record.json()).toMatchObject({ recordId: action.recordId, version: body.seq, state: { setting: 'rail_tracks' } })
    })

    it('answers a repeat of the same action as a harmless duplicate with the same sequence number', async () => {
      const action = makeAttentionAction('beta-tijuana')
      const first = (await (await call(env, 'POST', '/api/records/actions', { as: agent, body: action })).json()) as { seq: number }
      const before = await count(env, 'actions')
      const again = await call(env, 'POST', '/api/records/actions', { as: agent, body: action })
      expect(again.status).toBe(200)
      expect(await again.json()).toEqual({ status: 'duplicate', seq: first.seq, id: action.id })
      expect(await count(env, 'actions')).toBe(before)
    })

    it('treats a repeat whose payload keys come in another order as the same content', async () => {
      const action = makeAttentionAction('beta-tijuana')
      await call(env, 'POST', '/api/records/actions', { as: agent, body: action })
      const reordered = { ...action, payload: Object.fromEntries(Object.entries(action.payload).reverse()) }
      const res = await call(env, 'POST', '/api/records/actions', { as: agent, body: reordered })
      expect(res.status).toBe(200)
    })

    it('refuses the same id with other content with 409 and writes nothing', async () => {
      const action = makeAttentionAction('beta-tijuana')
      await call(env, 'POST', '/api/records/actions', { as: agent, body: action })
      const counts = [await count(env, 'actions'), await count(env, 'records'), await count(env, 'auditEvents')]
      const changed = { ...action, payload: { ...action.payload, people: [{ count: 9 }] } }
      const res = await call(env, 'POST', '/api/records/actions', { as: agent, body: changed })
      expect(res.status).toBe(409)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(await res.json()).toMatchObject({ type: '/problems/conflict', reason: 'id_reused' })
      expect([await count(env, 'actions'), await count(env, 'records'), await count(env, 'auditEvents')]).toEqual(counts)
    })

    it('refuses the same id sent by another user as a conflict', async () => {
      const action = makeAttentionAction('beta-tijuana')
      await call(env, 'POST', '/api/records/actions', { as: agent, body: action })
      const res = await call(env, 'POST', '/api/records/actions', { as: other, body: action })
      expect(res.status).toBe(409)
    })

    it('refuses a device id and counter, which only a sync push may carry, naming both fields and writing nothing', async () => {
      const before = await count(env, 'actions')
      const res = await call(env, 'POST', '/api/records/actions', { as: agent, body: makeAttentionAction('beta-tijuana', { deviceId: 'device-aaaa-0001', deviceCounter: 7 }), lang: 'en' })
      expect(res.status).toBe(400)
      const body = (await res.json()) as { errors: { field: string; message: string }[] }
      expect(body.errors.map((e) => e.field)).toEqual(['deviceId', 'deviceCounter'])
      expect(body.errors[0]?.message).toContain('/api/sync/push')
      expect(await count(env, 'actions')).toBe(before)
    })

    it('refuses a second creation of an existing record under another id', async () => {
      const a = makeAttentionAction('beta-tijuana')
      await call(env, 'POST', '/api/records/actions', { as: agent, body: a })
      const res = await call(env, 'POST', '/api/records/actions', { as: agent, body: { ...a, id: newActionId() } })
      expect(res.status).toBe(409)
      expect(await res.json()).toMatchObject({ reason: 'record_exists' })
    })

    it('applies corrections in log order and keeps every action in the history', async () => {
      const a = makeAttentionAction('beta-tijuana')
      await call(env, 'POST', '/api/records/actions', { as: agent, body: a })
      for (const notes of ['primera', 'segunda']) {
        const res = await call(env, 'POST', '/api/records/actions', { as: agent, body: { id: newActionId(), recordType: 'attention', recordId: a.recordId, type: 'AttentionCorrected', payload: { notes } } })
        expect(res.status).toBe(201)
      }
      const record = (await (await call(env, 'GET', `/api/records/attention/${a.recordId}`, { as: agent })).json()) as { state: { notes: string } }
      expect(record.state.notes).toBe('segunda')
      const history = (await (await call(env, 'GET', `/api/records/attention/${a.recordId}/history`, { as: agent })).json()) as { items: { type: string }[] }
      expect(history.items.map((i) => i.type)).toEqual(['AttentionRecorded', 'AttentionCorrected', 'AttentionCorrected'])
    })

    it('stores exactly one action when 50 identical requests arrive at once', async () => {
      const action = makeAttentionAction('beta-tijuana')
      const before = await count(env, 'actions')
      const results = await Promise.all(Array.from({ length: 50 }, () => call(env, 'POST', '/api/records/actions', { as: agent, body: action })))
      const statuses = results.map((r) => r.status).sort()
      expect(statuses.filter((s) => s === 201)).toHaveLength(1)
      expect(statuses.filter((s) => s === 200)).toHaveLength(49)
      expect(await count(env, 'actions')).toBe(before + 1)
      const seqs = new Set(await Promise.all(results.map(async (r) => ((await r.json()) as { seq: number }).seq)))
      expect(seqs.size).toBe(1)
    })

    it('lets exactly one of 20 concurrent different-content sends of one id win; the rest conflict', async () => {
      const base = makeAttentionAction('beta-tijuana')
      const before = await count(env, 'actions')
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => call(env, 'POST', '/api/records/actions', { as: agent, body: { ...base, payload: { ...base.payload, people: [{ count: i + 1 }] } } })),
      )
      const statuses = results.map((r) => r.status)
      expect(statuses.filter((s) => s === 201)).toHaveLength(1)
      expect(statuses.filter((s) => s === 409)).toHaveLength(19)
      expect(await count(env, 'actions')).toBe(before + 1)
    })

    it('keeps every concurrent correction of one record: none is lost from the projection', async () => {
      const a = makeAttentionAction('beta-tijuana')
      await call(env, 'POST', '/api/records/actions', { as: agent, body: a })
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => call(env, 'POST', '/api/records/actions', { as: agent, body: { id: newActionId(), recordType: 'attention', recordId: a.recordId, type: 'AttentionCorrected', payload: { notes: `n${i}` } } })),
      )
      expect(results.every((r) => r.status === 201)).toBe(true)
      const seqs = await Promise.all(results.map(async (r) => ((await r.json()) as { seq: number }).seq))
      const record = (await (await call(env, 'GET', `/api/records/attention/${a.recordId}`, { as: agent })).json()) as { version: number }
      expect(record.version).toBe(Math.max(...seqs))
    })

    it('lists the latest work first with order=occurred, however late each record was sent, and pages through it', async () => {
      const unit = 'beta-tijuana'
      const times = ['2026-11-15T10:00:00.000Z', '2026-11-20T10:00:00-06:00', '2026-11-18T10:00:00.000Z']
      const sent = []
      // Sent in this order: the oldest work arrives first, the newest second, the middle one last.
      for (const at of times) {
        const a = makeAttentionAction(unit, { recordId: `occ-${newActionId()}` })
        a.payload = { ...a.payload, orgUnitId: 'beta-tecate', at }
        expect((await call(env, 'POST', '/api/records/actions', { as: coordinator, body: a })).status).toBe(201)
        sent.push(a.recordId)
      }
      const seen: { recordId: string; occurredAt: string }[] = []
      let cursor: string | null = null
      do {
        const url: string = `/api/records/attention?unit=beta-tecate&order=occurred&limit=2${cursor ? `&cursor=${cursor}` : ''}`
        const page = (await (await call(env, 'GET', url, { as: coordinator })).json()) as { items: { recordId: string; occurredAt: string }[]; next: string | null }
        seen.push(...page.items)
        cursor = page.next
      } while (cursor !== null)
      expect(seen.map((r) => r.recordId)).toEqual([sent[1], sent[2], sent[0]])
      expect(seen[0]?.occurredAt).toBe('2026-11-20T16:00:00.000Z')
      const byChange = (await (await call(env, 'GET', '/api/records/attention?unit=beta-tecate', { as: coordinator })).json()) as { items: { recordId: string }[] }
      expect(byChange.items.map((r) => r.recordId)).toEqual([sent[2], sent[1], sent[0]])
    })

    it('moves a record in the occurred order when a correction changes its time', async () => {
      const a = makeAttentionAction('beta-tijuana')
      await call(env, 'POST', '/api/records/actions', { as: agent, body: a })
      await call(env, 'POST', '/api/records/actions', { as: agent, body: { id: newActionId(), recordType: 'attention', recordId: a.recordId, type: 'AttentionCorrected', payload: { at: '2026-11-02T12:00:00.000Z' } } })
      const record = (await (await call(env, 'GET', `/api/records/attention/${a.recordId}`, { as: agent })).json()) as { occurredAt: string }
      expect(record.occurredAt).toBe('2026-11-02T12:00:00.000Z')
    })
  })
}
