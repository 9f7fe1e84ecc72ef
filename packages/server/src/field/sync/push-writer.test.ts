import fc from 'fast-check'
import { parseAction } from '@faro/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../log/audit-repo.ts'
import { call, makeAttentionAction, makeTestEnv, makeUser, signIn, type Session, type TestEnv } from '../../test/harness.ts'
import { push, pushAction, results } from './test-helpers.ts'
import { systemCtx } from '../../seed/demo.ts'
import { prepareAudit } from '../../log/audit.ts'
import { takenSubject } from '../../log/action-batch.ts'
import { prepareAction } from '../../log/log.ts'
import type { Parsed } from './push.ts'
import { packParsed, pushWriterOf, unpackParsed } from './push-writer.ts'

describe('a push packed for the writer thread', () => {
  const ctx = { clock: { now: () => new Date('2026-11-21T09:00:00.000Z') }, actor: { userId: 'u-agent', role: 'field_agent' as const, orgUnitId: 'beta-tijuana' }, requestId: 'r-1', lang: 'es' as const }
  const valid = fc.record({ clientTime: fc.boolean(), device: fc.boolean(), baseVersion: fc.option(fc.nat(), { nil: undefined }), audited: fc.boolean() }).map(({ clientTime, device, baseVersion, audited }): Parsed => {
    const a = makeAttentionAction('beta-tijuana')
    const action = parseAction({ ...a, ...(clientTime ? { clientTime: '2026-11-20T08:00:00.000Z' } : {}), ...(device ? { deviceId: 'device-0001', deviceCounter: 7 } : {}), ...(baseVersion === undefined ? {} : { baseVersion }) }, 'es')
    return { action, prepared: { ...prepareAction(action, ctx.actor.userId), ...(audited ? { audit: prepareAudit(ctx, takenSubject(action)) } : {}) } }
  })
  // As parseOne makes them, plain objects (fast-check's records have no prototype).
  const invalid = fc
    .record({ id: fc.string(), counter: fc.option(fc.nat(), { nil: null }), errors: fc.array(fc.tuple(fc.string(), fc.string(), fc.string()), { maxLength: 2 }) })
    .map(({ id, counter, errors }): Parsed => ({ id, counter, errors: errors.map(([field, code, message]) => ({ field, code, message })) }))

  it('comes out of a copy between threads as it went in, refused entries in their places', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(valid, invalid), { maxLength: 12 }), (parsed) => {
        expect(unpackParsed(structuredClone(packParsed(parsed)))).toStrictEqual(parsed)
      }),
      { numRuns: 300 },
    )
  })
})

// The writer thread itself; the push scenarios run through it in sync/push-batch.test.ts.
describe('sqlite file: pushes written by their own thread', () => {
  let env: TestEnv
  let agent: Session
  let devices = 0
  const newDevice = () => `writer-device-${++devices}-${Date.now()}`

  beforeAll(async () => {
    env = await makeTestEnv('sqlite', { writerThread: true })
    agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
  })
  afterAll(async () => env?.close())

  it('interleaves pushes with writes of the request thread, each stored once, the audit chain whole', async () => {
    const deviceIds = Array.from({ length: 6 }, () => newDevice())
    const staff = Array.from({ length: 12 }, () => makeAttentionAction('beta-tijuana'))
    const [pushes, direct] = await Promise.all([
      Promise.all(deviceIds.map((deviceId) => push(env, agent, { deviceId, actions: [1, 2, 3, 4].map((n) => pushAction('beta-tijuana', n)) }))),
      Promise.all(staff.map((action) => call(env, 'POST', '/api/records/actions', { as: agent, body: action }))),
    ])
    for (const res of pushes) {
      expect((await results(res)).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted'])
    }
    expect(direct.map((res) => res.status)).toEqual(staff.map(() => 201))
    const pushed = await env.db.db.selectFrom('actions').select('id').where('deviceId', 'in', deviceIds).execute()
    expect(pushed).toHaveLength(deviceIds.length * 4)
    const written = await env.db.db.selectFrom('actions').select('id').where('id', 'in', staff.map((a) => a.id)).execute()
    expect(written).toHaveLength(staff.length)
    // Sequence numbers are commit order across both connections: no two actions share one.
    const seqs = await env.db.db.selectFrom('actions').select('seq').execute()
    expect(new Set(seqs.map((s) => s.seq)).size).toBe(seqs.length)
    expect(await verifyAudit(env.db.db)).toMatchObject({ ok: true })
  })

  it('refuses bad actions on the request thread and keeps the reasons the writer stores', async () => {
    const deviceId = newDevice()
    const bad = { ...pushAction('beta-tijuana', 2), payload: { orgUnitId: 'beta-tijuana' } }
    const r = await results(await push(env, agent, { deviceId, actions: [pushAction('beta-tijuana', 1), bad] }))
    expect(r.map((x) => x.reason ?? x.status)).toEqual(['accepted', 'invalid'])
    const rejections = await env.db.db.selectFrom('syncRejections').select('actionId').where('deviceId', '=', deviceId).execute()
    expect(rejections.map((x) => x.actionId)).toEqual([bad.id])
  })

  it('answers the pushes already sent when it closes, and later pushes are applied on the request thread', async () => {
    const writer = pushWriterOf(env.db)
    expect(writer).toBeDefined()
    const deviceId = newDevice()
    const inFlight = [1, 2, 3].map((n) => push(env, agent, { deviceId, actions: [pushAction('beta-tijuana', n)] }))
    await writer?.close()
    for (const res of await Promise.all(inFlight)) {
      expect((await results(res)).map((r) => r.status)).toEqual(['accepted'])
    }
    expect(pushWriterOf(env.db)).toBeUndefined()
    const after = await results(await push(env, agent, { deviceId, actions: [pushAction('beta-tijuana', 4)] }))
    expect(after.map((r) => r.status)).toEqual(['accepted'])
    expect(await verifyAudit(env.db.db)).toMatchObject({ ok: true })
  })
})

describe('sqlite file: a push writer thread that dies', () => {
  it('fails the pushes it held when the thread dies, and the request thread takes over', async () => {
    const failures: Error[] = []
    const env = await makeTestEnv('sqlite', { writerThread: true, onWriterFailure: (error) => failures.push(error) })
    const agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
    const writer = pushWriterOf(env.db)
    expect(writer).toBeDefined()
    const action = pushAction('beta-tijuana', 1)
    const ctx = systemCtx(env.db, env.clock)
    // A payload text that does not parse throws in the thread's message handler: the thread dies.
    const held = writer?.push(ctx, `writer-crash-${Date.now()}`, [{ action: { ...action, recordType: 'attention' }, prepared: { actorId: ctx.actor.userId, hash: 'x', payloadJson: '{' } }])
    await expect(held).rejects.toThrow(/exited|JSON/)
    expect(pushWriterOf(env.db)).toBeUndefined()
    expect(failures).toHaveLength(1)
    const deviceId = `writer-after-${Date.now()}`
    const after = await results(await push(env, agent, { deviceId, actions: [pushAction('beta-tijuana', 1)] }))
    expect(after.map((r) => r.status)).toEqual(['accepted'])
    expect(await verifyAudit(env.db.db)).toMatchObject({ ok: true })
    await env.close()
  })
})
