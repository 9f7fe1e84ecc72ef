import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../log/audit-repo.ts'
import { call, makeUser, makeTestEnv, newActionId, signIn, testDialects, type Session, type TestEnv } from '../../test/harness.ts'
import { push, pushAction, results, type TestPushAction } from './test-helpers.ts'

let devices = 0
const newDevice = () => `batch-device-${++devices}-${Date.now()}`

interface View {
  version: number
  needsReview: boolean
  state: Record<string, unknown>
}

/** A correction of an attention, made on the version the device had seen. */
function correction(recordId: string, deviceCounter: number, payload: Record<string, unknown>, baseVersion?: number): TestPushAction & { baseVersion?: number } {
  return { id: newActionId(), deviceCounter, recordType: 'attention', recordId, type: 'AttentionCorrected', payload, ...(baseVersion === undefined ? {} : { baseVersion }) }
}

// SQLite once more with pushes written by their own thread on a second connection, as in production.
const variants = [...testDialects().map((dialect) => ({ dialect, writerThread: false })), { dialect: 'sqlite' as const, writerThread: true }]

for (const { dialect, writerThread } of variants) {
  describe(`${dialect}${writerThread ? ' (writer thread)' : ''}: batched pushes and concurrent edits`, () => {
    let env: TestEnv
    let agent: Session
    let coordinator: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect, { writerThread })
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      coordinator = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta-tijuana')).username)
    })
    afterAll(async () => env?.close())

    async function record(recordId: string): Promise<View> {
      const res = await call(env, 'GET', `/api/records/attention/${recordId}`, { as: coordinator })
      expect(res.status).toBe(200)
      return (await res.json()) as View
    }

    it('applies a creation, its corrections, a repeat and a reused counter within one push as if sent one by one', async () => {
      const deviceId = newDevice()
      const created = pushAction('beta-tijuana', 1)
      const fix = correction(created.recordId, 2, { notes: 'primera' })
      const fixAgain = correction(created.recordId, 3, { notes: 'segunda' })
      const sameCounter = pushAction('beta-tijuana', 3)
      const r = await results(await push(env, agent, { deviceId, actions: [created, fix, created, fixAgain, sameCounter] }))
      expect(r.map((x) => x.reason ?? x.status)).toEqual(['accepted', 'accepted', 'duplicate', 'accepted', 'device_counter_reused'])
      expect(r[2]?.seq).toBe(r[0]?.seq)
      const seqs = [r[0]?.seq ?? 0, r[1]?.seq ?? 0, r[3]?.seq ?? 0]
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
      const view = await record(created.recordId)
      expect(view.state.notes).toBe('segunda')
      expect(view.version).toBe(r[3]?.seq)
      expect(await verifyAudit(env.db.db)).toMatchObject({ ok: true })
    })

    it('answers every device of a group commit, and fails only the push of a revoked device', async () => {
      const revoked = newDevice()
      expect((await push(env, agent, { deviceId: revoked, actions: [pushAction('beta-tijuana', 1)] })).status).toBe(200)
      expect((await call(env, 'POST', `/api/sync/devices/${revoked}/revoke`, { as: coordinator })).status).toBe(200)
      const healthy = Array.from({ length: 6 }, () => newDevice())
      const lateAction = pushAction('beta-tijuana', 2)
      const [refused, ...answers] = await Promise.all([
        push(env, agent, { deviceId: revoked, actions: [lateAction] }),
        ...healthy.map((deviceId) => push(env, agent, { deviceId, actions: [1, 2, 3].map((n) => pushAction('beta-tijuana', n)) })),
      ])
      expect(refused?.status).toBe(410)
      for (const res of answers) {
        expect((await results(res)).map((x) => x.status)).toEqual(['accepted', 'accepted', 'accepted'])
      }
      const stored = await env.db.db.selectFrom('actions').select('id').where('deviceId', 'in', [revoked, ...healthy]).execute()
      expect(stored).toHaveLength(1 + healthy.length * 3)
      expect(stored.map((s) => s.id)).not.toContain(lateAction.id)
      expect(await verifyAudit(env.db.db)).toMatchObject({ ok: true })
    })

    it('flags a record for review when two devices change one field without seeing each other, and keeps both values in the log', async () => {
      const created = pushAction('beta-tijuana', 1)
      const first = newDevice()
      const [made] = await results(await push(env, agent, { deviceId: first, actions: [created] }))
      const seen = made?.seq ?? 0
      const second = newDevice()
      const a = await results(await push(env, agent, { deviceId: first, actions: [correction(created.recordId, 2, { notes: 'desde el primero' }, seen)] }))
      expect(a[0]).toMatchObject({ status: 'accepted' })
      expect(a[0]?.review).toBeUndefined()
      const b = await results(await push(env, agent, { deviceId: second, actions: [correction(created.recordId, 1, { notes: 'desde el segundo' }, seen)] }))
      expect(b[0]).toMatchObject({ status: 'accepted', review: true })
      const view = await record(created.recordId)
      expect(view).toMatchObject({ needsReview: true, state: { notes: 'desde el segundo' } })
      const history = (await (await call(env, 'GET', `/api/records/attention/${created.recordId}/history`, { as: coordinator })).json()) as { items: { payload: { notes?: string }; deviceId: string; baseVersion: number | null }[] }
      expect(history.items.map((i) => i.payload.notes ?? null)).toEqual([null, 'desde el primero', 'desde el segundo'])
      expect(history.items.map((i) => i.deviceId)).toEqual([first, first, second])
      expect(history.items.map((i) => i.baseVersion)).toEqual([null, seen, seen])

      const flagged = (await (await call(env, 'GET', '/api/records/attention?needsReview=true', { as: coordinator })).json()) as { items: { recordId: string }[] }
      expect(flagged.items.map((i) => i.recordId)).toContain(created.recordId)
      const cleared = await call(env, 'POST', `/api/records/attention/${created.recordId}/review`, { as: coordinator })
      expect(cleared.status).toBe(200)
      expect(await record(created.recordId)).toMatchObject({ needsReview: false })
      const audited = await env.db.db.selectFrom('auditEvents').select('action').where('recordId', '=', created.recordId).execute()
      expect(audited.map((e) => e.action)).toContain('attention.review')
    })

    it('does not flag changes of different fields, changes made on the latest version, or one device\'s own successive changes', async () => {
      const created = pushAction('beta-tijuana', 1)
      const first = newDevice()
      const second = newDevice()
      const [made] = await results(await push(env, agent, { deviceId: first, actions: [created] }))
      const seen = made?.seq ?? 0
      await push(env, agent, { deviceId: first, actions: [correction(created.recordId, 2, { notes: 'nota' }, seen), correction(created.recordId, 3, { notes: 'otra nota' }, seen)] })
      const other = await results(await push(env, agent, { deviceId: second, actions: [correction(created.recordId, 1, { setting: 'base' }, seen)] }))
      expect(other[0]?.review).toBeUndefined()
      const latest = (await record(created.recordId)).version
      // The coordinator corrects it in the staff app, on the version it shows.
      const onLatest = { id: newActionId(), recordType: 'attention', recordId: created.recordId, type: 'AttentionCorrected', payload: { notes: 'al día' }, baseVersion: latest }
      expect((await call(env, 'POST', '/api/records/actions', { as: coordinator, body: onLatest })).status).toBe(201)
      expect(await record(created.recordId)).toMatchObject({ needsReview: false, state: { notes: 'al día', setting: 'base' } })
    })

    it('flags concurrent changes that arrive in one group, and lets only those who may change the record clear the flag', async () => {
      const created = pushAction('beta-tijuana', 1)
      const first = newDevice()
      const second = newDevice()
      const [made] = await results(await push(env, agent, { deviceId: first, actions: [created] }))
      const seen = made?.seq ?? 0
      const both = await Promise.all([
        push(env, agent, { deviceId: first, actions: [correction(created.recordId, 2, { people: [{ count: 2 }] }, seen)] }),
        push(env, agent, { deviceId: second, actions: [correction(created.recordId, 1, { people: [{ count: 3 }] }, seen)] }),
      ])
      const flags = (await Promise.all(both.map(results))).flat().map((r) => r.review === true)
      expect(flags.filter(Boolean)).toHaveLength(1)
      expect(await record(created.recordId)).toMatchObject({ needsReview: true })
      const analyst = await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)
      expect((await call(env, 'POST', `/api/records/attention/${created.recordId}/review`, { as: analyst })).status).toBe(403)
      expect((await call(env, 'POST', '/api/records/attention/no-such-record/review', { as: coordinator })).status).toBe(404)
      expect(await record(created.recordId)).toMatchObject({ needsReview: true })
    })
  })
}
