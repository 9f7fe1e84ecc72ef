import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeAttentionAction, makeUser, signIn, testDialects, type Session } from '../../test/harness.ts'
import { makeProtectionEnv, type ProtectionEnv } from '../../test/protection-env.ts'
import { retentionCtx } from '../job.ts'
import { purgePlan, runRetention } from './retention.ts'

const DAY = 86_400_000

for (const dialect of testDialects()) {
  describe(`${dialect}: retention`, () => {
    let env: ProtectionEnv
    let agent: Session
    let dpo: Session

    const names = { agent: '', dpo: '' }
    // Sessions last hours and the clock moves days: sign in again after every move.
    async function advance(ms: number): Promise<void> {
      env.clock.advance(ms)
      agent = await signIn(env, names.agent)
      dpo = await signIn(env, names.dpo)
    }

    beforeAll(async () => {
      env = await makeProtectionEnv(dialect, { retentionDays: { attention: 10, rescue: 100, patrol: 10, unlinked: 3 } })
      names.agent = (await makeUser(env, 'field_agent', 'beta-tijuana')).username
      names.dpo = (await makeUser(env, 'data_protection_officer', 'inm')).username
      await advance(0)
    })
    afterAll(async () => {
      await env?.close()
      fs.rmSync(env.dir, { recursive: true, force: true })
    })

    async function personLinkedToAttention(): Promise<{ personId: string; recordId: string }> {
      const action = makeAttentionAction('beta-tijuana')
      expect((await call(env, 'POST', '/api/records/actions', { as: agent, body: action })).status).toBe(201)
      const res = await call(env, 'POST', '/api/people', { as: agent, body: { orgUnitId: 'beta-tijuana', identity: { givenNames: 'Retenida' }, link: { recordType: 'attention', recordId: action.recordId, legalBasis: 'consent', purpose: 'referral_services' } } })
      expect(res.status).toBe(201)
      return { personId: ((await res.json()) as { id: string }).id, recordId: action.recordId }
    }

    it('reports what will be purged next and purges it only when its period has passed', async () => {
      const { personId, recordId } = await personLinkedToAttention()
      const report = (await (await call(env, 'GET', '/api/retention/report', { as: dpo })).json()) as { items: { personId: string; dueAt: string; reason: string }[] }
      const item = report.items.find((i) => i.personId === personId)
      expect(item).toMatchObject({ reason: 'retention' })
      expect(Date.parse(item?.dueAt ?? '')).toBe(env.clock.now().getTime() + 10 * DAY)

      await advance(9 * DAY)
      expect((await runRetention(retentionCtx(env.db, env.clock), env.protection)).shredded).not.toContain(personId)
      await advance(1 * DAY)
      const run = await call(env, 'POST', '/api/retention/run', { as: dpo })
      expect(((await run.json()) as { shredded: string[] }).shredded).toContain(personId)

      const person = await env.db.db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow()
      expect(person).toMatchObject({ status: 'shredded', ciphertext: null })
      expect(await env.db.db.selectFrom('personKeys').select('personId').where('personId', '=', personId).executeTakeFirst()).toBeUndefined()
      // The record keeps its anonymous counts.
      const record = (await (await call(env, 'GET', `/api/records/attention/${recordId}`, { as: agent })).json()) as { state: { people: { count: number }[] } }
      expect(record.state.people[0]?.count).toBe(4)
      const audited = await env.db.db.selectFrom('auditEvents').select('action').where('recordId', '=', personId).execute()
      expect(audited.map((a) => a.action)).toContain('person.shred')
      expect(env.protection.shredList.ids()).toContain(personId)
    })

    it('keeps a rescue identity for the longer rescue period', async () => {
      const rescue = { ...makeAttentionAction('beta-tijuana'), recordType: 'rescue', type: 'RescueRecorded', payload: { orgUnitId: 'beta-tijuana', at: '2026-11-21T08:00:00.000Z', emergencyType: 'dehydration', people: [{ count: 1 }], outcome: 'first_aid' } }
      expect((await call(env, 'POST', '/api/records/actions', { as: agent, body: rescue })).status).toBe(201)
      const res = await call(env, 'POST', '/api/people', { as: agent, body: { orgUnitId: 'beta-tijuana', identity: { givenNames: 'Rescatado' }, link: { recordType: 'rescue', recordId: rescue.recordId, legalBasis: 'vital_interest', purpose: 'rescue' } } })
      const personId = ((await res.json()) as { id: string }).id
      await advance(50 * DAY)
      expect((await runRetention(retentionCtx(env.db, env.clock), env.protection)).shredded).not.toContain(personId)
      await advance(51 * DAY)
      expect((await runRetention(retentionCtx(env.db, env.clock), env.protection)).shredded).toContain(personId)
    })

    it('purges an identity linked to nothing after the short unlinked period', async () => {
      const res = await call(env, 'POST', '/api/people', { as: agent, body: { orgUnitId: 'beta-tijuana', identity: { givenNames: 'Suelta' } } })
      const personId = ((await res.json()) as { id: string }).id
      const plan = await purgePlan(env.db.db, env.protection)
      expect(plan.find((i) => i.personId === personId)?.dueAt).toBe(new Date(env.clock.now().getTime() + 3 * DAY).toISOString())
      await advance(3 * DAY)
      expect((await runRetention(retentionCtx(env.db, env.clock), env.protection)).shredded).toContain(personId)
    })

    it('is forbidden without permission', async () => {
      expect((await call(env, 'GET', '/api/retention/report', { as: agent })).status).toBe(403)
      expect((await call(env, 'POST', '/api/retention/run', { as: agent })).status).toBe(403)
      const denied = await env.db.db.selectFrom('auditEvents').select('decision').where('action', '=', 'retention.manage').execute()
      expect(denied.map((d) => d.decision)).toEqual(['denied', 'denied'])
    })
  })
}
