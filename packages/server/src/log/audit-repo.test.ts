import crypto from 'node:crypto'
import fc from 'fast-check'
import { sql } from 'kysely'
import { canonicalJson } from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, dropAppendOnlyGuards, makeAttentionAction, makeTestEnv, makeUser, signIn, testDialects, type TestEnv } from '../test/harness.ts'
import { appendAudit, chainHash, GENESIS_HASH, verifyAudit, type AuditEvent } from './audit-repo.ts'

describe('audit chain hash', () => {
  // Chains written before the hand-written serialisation must still verify: the text hashed is
  // exactly the canonical JSON of the event and its sequence number.
  it('hashes the canonical JSON of the event and its sequence number', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 })
    const event: fc.Arbitrary<AuditEvent> = fc.record({
      id: text,
      at: text,
      requestId: text,
      actorId: text,
      role: text,
      orgUnitId: text,
      action: text,
      recordType: fc.option(text, { nil: null }),
      recordId: fc.option(text, { nil: null }),
      decision: text,
    })
    fc.assert(
      fc.property(event, fc.nat(), fc.constantFrom(GENESIS_HASH, 'f'.repeat(64)), (e, seq, prev) => {
        const expected = crypto.createHash('sha256').update(`${prev}\n${canonicalJson({ ...e, seq })}`).digest('hex')
        expect(chainHash(prev, e, seq)).toBe(expected)
      }),
      { numRuns: 500 },
    )
  })
})

for (const dialect of testDialects()) {
  describe(`${dialect}: audit chain`, () => {
    let env: TestEnv
    let rows: number

    beforeEach(async () => {
      env = await makeTestEnv(dialect)
      rows = await countAudit(env)
    })

    it('refuses to update or delete audit rows and actions while the guards stand', async () => {
      await expect(sql`update audit_events set decision = 'denied' where seq = 1`.execute(env.db.db)).rejects.toThrow(/append-only/)
      await expect(sql`delete from audit_events where seq = 1`.execute(env.db.db)).rejects.toThrow(/append-only/)
      await expect(sql`delete from actions`.execute(env.db.db)).rejects.toThrow(/append-only/)
      expect(await verifyAudit(env.db.db)).toEqual({ ok: true, rows })
    })

    afterEach(async () => {
      await env.close()
    })

    it('verifies an untouched chain written by the org-unit set-up', async () => {
      expect(rows).toBeGreaterThan(10)
      expect(await verifyAudit(env.db.db)).toEqual({ ok: true, rows })
    })

    it('verifies across page boundaries', async () => {
      expect(await verifyAudit(env.db.db, 7)).toEqual({ ok: true, rows })
    })

    it('reports a row whose decision was changed in place as altered', async () => {
      await dropAppendOnlyGuards(env.db)
      await sql`update audit_events set decision = 'denied' where seq = 7`.execute(env.db.db)
      expect((await verifyAudit(env.db.db)).firstBad).toEqual({ seq: 7, problem: 'altered' })
    })

    it('reports a row whose action was changed in place as altered', async () => {
      await dropAppendOnlyGuards(env.db)
      await sql`update audit_events set action = 'user.delete' where seq = 3`.execute(env.db.db)
      expect(await verifyAudit(env.db.db)).toMatchObject({ ok: false, firstBad: { seq: 3, problem: 'altered' } })
    })

    it('reports a deleted middle row as removed at its sequence number', async () => {
      await dropAppendOnlyGuards(env.db)
      await sql`delete from audit_events where seq = 5`.execute(env.db.db)
      expect(await verifyAudit(env.db.db)).toMatchObject({ ok: false, firstBad: { seq: 5, problem: 'removed' } })
    })

    it('reports two rows swapped with their hashes at the first of them', async () => {
      await dropAppendOnlyGuards(env.db)
      await env.db.db.transaction().execute(async (trx) => {
        const four = await trx.selectFrom('auditEvents').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow()
        const five = await trx.selectFrom('auditEvents').selectAll().where('seq', '=', 5).executeTakeFirstOrThrow()
        await trx.deleteFrom('auditEvents').where('seq', 'in', [4, 5]).execute()
        await trx.insertInto('auditEvents').values([{ ...five, seq: 4 }, { ...four, seq: 5 }]).execute()
      })
      const result = await verifyAudit(env.db.db)
      expect(result.ok).toBe(false)
      expect(result.firstBad?.seq).toBe(4)
      expect(['altered', 'reordered']).toContain(result.firstBad?.problem)
    })

    it('reports the last row deleted without the head as truncated', async () => {
      await dropAppendOnlyGuards(env.db)
      await sql`delete from audit_events where seq = ${rows}`.execute(env.db.db)
      expect(await verifyAudit(env.db.db)).toEqual({ ok: false, rows: rows - 1, firstBad: { seq: rows, problem: 'truncated' } })
    })

    it('keeps one unbroken chain under 20 parallel audited writes through the API', async () => {
      const agent = await makeUser(env, 'field_agent', 'beta-tijuana')
      const session = await signIn(env, agent.username)
      const before = await countAudit(env)
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => call(env, 'POST', '/api/records/actions', { as: session, body: makeAttentionAction('beta-tijuana') })),
      )
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201))
      await expectConsecutiveChain(env, before + 20)
    })

    it('keeps one unbroken chain under 20 parallel appends in separate transactions', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          env.db.db.transaction().execute((trx) =>
            appendAudit(trx, dialect, {
              id: uuidv7(),
              at: env.clock.now().toISOString(),
              requestId: `parallel-${i}`,
              actorId: 'system',
              role: 'administrator',
              orgUnitId: 'inm',
              action: 'test.parallel',
              recordType: null,
              recordId: null,
              decision: 'allowed',
            }),
          ),
        ),
      )
      await expectConsecutiveChain(env, rows + 20)
    })
  })
}

async function countAudit(env: TestEnv): Promise<number> {
  const { n } = await env.db.db.selectFrom('auditEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(n)
}

async function expectConsecutiveChain(env: TestEnv, expected: number): Promise<void> {
  const seqs = (await env.db.db.selectFrom('auditEvents').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq))
  expect(seqs).toEqual(Array.from({ length: expected }, (_, i) => i + 1))
  expect(await verifyAudit(env.db.db)).toEqual({ ok: true, rows: expected })
}
