import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backup, restore } from '../../cli/backup.ts'
import { call, makeAttentionAction, makeUser, signIn, testDialects, type Session } from '../../test/harness.ts'
import { canaryIdentity, makeProtectionEnv, type ProtectionEnv } from '../../test/protection-env.ts'
import { retentionCtx } from '../job.ts'
import { reapplyShredList, runRetention } from './retention.ts'
import { unwrapDataKey } from '../keyring.ts'

for (const dialect of testDialects()) {
  describe(`${dialect}: crypto-shredding`, () => {
    let env: ProtectionEnv
    let names: { agent: string; dpo: string }
    let agent: Session
    let dpo: Session
    let erased: string
    let kept: string
    let recordId: string
    let backupFile: string

    beforeAll(async () => {
      env = await makeProtectionEnv(dialect, { blockingDays: 0 })
      names = { agent: (await makeUser(env, 'field_agent', 'beta-tijuana')).username, dpo: (await makeUser(env, 'data_protection_officer', 'inm')).username }
      agent = await signIn(env, names.agent)
      dpo = await signIn(env, names.dpo)
      const action = makeAttentionAction('beta-tijuana')
      recordId = action.recordId
      await call(env, 'POST', '/api/records/actions', { as: agent, body: action })
      const create = async (given: string) => {
        const res = await call(env, 'POST', '/api/people', { as: agent, body: { orgUnitId: 'beta-tijuana', identity: canaryIdentity({ given, surname: 'Borrada', phone: '+52 664 000 1111' }), link: { recordType: 'attention', recordId, legalBasis: 'consent', purpose: 'referral_services' } } })
        return ((await res.json()) as { id: string }).id
      }
      erased = await create('Olvidada')
      kept = await create('Conservada')
      // The backup is taken while the identity is still readable.
      backupFile = path.join(env.dir, 'before-erasure.backup')
      await backup(env.database, backupFile)
      const req = (await (await call(env, 'POST', '/api/rights-requests', { as: dpo, body: { personId: erased, kind: 'cancellation', channel: 'in_person' } })).json()) as { id: string }
      expect((await call(env, 'POST', `/api/rights-requests/${req.id}/cancel`, { as: dpo })).status).toBe(200)
      expect((await runRetention(retentionCtx(env.db, env.clock), env.protection)).shredded).toEqual([erased])
    })
    afterAll(async () => {
      await env?.close()
      fs.rmSync(env.dir, { recursive: true, force: true })
    })

    it('makes the identity unreadable: no key, no ciphertext, no index, not found by name', async () => {
      expect((await call(env, 'POST', `/api/people/${erased}/reveal`, { as: dpo, body: { purpose: 'rescue' } })).status).toBe(404)
      const found = (await (await call(env, 'POST', '/api/people/search', { as: dpo, body: { name: 'Olvidada Borrada' } })).json()) as { items: { id: string }[] }
      expect(found.items.map((i) => i.id)).toEqual([kept])
      expect(await env.db.db.selectFrom('personKeys').selectAll().where('personId', '=', erased).execute()).toEqual([])
      expect(await env.db.db.selectFrom('personNameIndex').selectAll().where('personId', '=', erased).execute()).toEqual([])
    })

    it('keeps the anonymous counts of the linked record', async () => {
      const res = (await (await call(env, 'GET', `/api/records/attention/${recordId}`, { as: agent })).json()) as { state: { people: { count: number }[] } }
      expect(res.state.people[0]?.count).toBe(4)
      const masked = (await (await call(env, 'GET', `/api/people/${erased}`, { as: dpo })).json()) as { status: string; present: string[]; links: unknown[] }
      expect(masked).toMatchObject({ status: 'shredded', present: [] })
      expect(masked.links).toHaveLength(1)
    })

    it('keeps it unreadable after restoring a backup taken before the erasure', async () => {
      await env.close()
      await restore(env.database, backupFile)
      env = await env.reopen()
      // The earlier backup does bring the wrapped key back: this is what the shred list is for.
      const back = await env.db.db.selectFrom('personKeys').select('wrappedKey').where('personId', '=', erased).executeTakeFirst()
      expect(back).toBeDefined()
      // What `faro restore` and every start do next.
      expect(await reapplyShredList(retentionCtx(env.db, env.clock), env.protection)).toBe(1)
      expect(await env.db.db.selectFrom('personKeys').selectAll().where('personId', '=', erased).execute()).toEqual([])
      const row = await env.db.db.selectFrom('people').selectAll().where('id', '=', erased).executeTakeFirstOrThrow()
      expect(row).toMatchObject({ status: 'shredded', ciphertext: null })
      agent = await signIn(env, names.agent)
      dpo = await signIn(env, names.dpo)
      expect((await call(env, 'POST', `/api/people/${erased}/reveal`, { as: dpo, body: { purpose: 'rescue' } })).status).toBe(404)
      // The person kept is untouched by the restore and the re-shredding.
      const revealed = (await (await call(env, 'POST', `/api/people/${kept}/reveal`, { as: dpo, body: { purpose: 'rescue' } })).json()) as { identity: { givenNames: string } }
      expect(revealed.identity.givenNames).toBe('Conservada')
      expect(await reapplyShredList(retentionCtx(env.db, env.clock), env.protection)).toBe(0)
    })

    it('cannot open a wrapped key with another master key or for another person', async () => {
      const wrapped = await env.db.db.selectFrom('personKeys').select('wrappedKey').where('personId', '=', kept).executeTakeFirstOrThrow()
      expect(() => unwrapDataKey(env.protection.keyring, erased, wrapped.wrappedKey)).toThrow()
      expect(unwrapDataKey(env.protection.keyring, kept, wrapped.wrappedKey)).toHaveLength(32)
    })
  })
}
