import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeAttentionAction, makeUser, signIn, testDialects, type Session } from '../../test/harness.ts'
import { makeProtectionEnv, type ProtectionEnv } from '../../test/protection-env.ts'
import { retentionCtx } from '../job.ts'
import { runRetention, shred } from './retention.ts'

const DAY = 86_400_000
const REASON = 'Solicitud de la fiscalía sobre persona desaparecida'

interface Hold {
  id: string
  reference: string
  placedAt: string
  releasedAt: string | null
}
interface ReportItem {
  personId: string
  reason: string
  dueAt: string
  heldSince: string | null
}

for (const dialect of testDialects()) {
  describe(`${dialect}: legal holds`, () => {
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
    const run = () => runRetention(retentionCtx(env.db, env.clock), env.protection)

    beforeAll(async () => {
      env = await makeProtectionEnv(dialect, { retentionDays: { attention: 10, rescue: 100, patrol: 10, unlinked: 3 }, blockingDays: 5 })
      names.agent = (await makeUser(env, 'field_agent', 'beta-tijuana')).username
      names.dpo = (await makeUser(env, 'data_protection_officer', 'inm')).username
      await advance(0)
    })
    afterAll(async () => {
      await env?.close()
      fs.rmSync(env.dir, { recursive: true, force: true })
    })

    async function person(): Promise<string> {
      const action = makeAttentionAction('beta-tijuana')
      expect((await call(env, 'POST', '/api/records/actions', { as: agent, body: action })).status).toBe(201)
      const res = await call(env, 'POST', '/api/people', { as: agent, body: { orgUnitId: 'beta-tijuana', identity: { givenNames: 'Retenida' }, link: { recordType: 'attention', recordId: action.recordId, legalBasis: 'consent', purpose: 'referral_services' } } })
      expect(res.status).toBe(201)
      return ((await res.json()) as { id: string }).id
    }
    async function place(personId: string, reference = 'FGR carpeta 123/2026'): Promise<Hold> {
      const res = await call(env, 'POST', `/api/people/${personId}/holds`, { as: dpo, body: { reason: REASON, reference } })
      expect(res.status).toBe(201)
      return (await res.json()) as Hold
    }
    async function release(personId: string, holdId: string): Promise<Response> {
      return call(env, 'POST', `/api/people/${personId}/holds/${holdId}/release`, { as: dpo, body: { reason: 'La carpeta de investigación se cerró' } })
    }
    async function report(): Promise<ReportItem[]> {
      return ((await (await call(env, 'GET', '/api/retention/report', { as: dpo })).json()) as { items: ReportItem[] }).items
    }
    async function status(personId: string): Promise<string> {
      return (await env.db.db.selectFrom('people').select('status').where('id', '=', personId).executeTakeFirstOrThrow()).status
    }

    it('keeps a held person through a retention run that shreds an unheld one next to it', async () => {
      const held = await person()
      const free = await person()
      const hold = await place(held)
      await advance(10 * DAY)

      const items = await report()
      expect(items.find((i) => i.personId === held)).toMatchObject({ reason: 'retention', heldSince: hold.placedAt })
      expect(items.find((i) => i.personId === free)).toMatchObject({ heldSince: null })
      const { shredded } = await run()
      expect(shredded).toContain(free)
      expect(shredded).not.toContain(held)
      expect(await status(held)).toBe('active')
      expect(env.protection.shredList.ids()).not.toContain(held)

      expect((await release(held, hold.id)).status).toBe(200)
      expect((await run()).shredded).toContain(held)
    })

    it('keeps the person held while any of several holds is active', async () => {
      const personId = await person()
      const first = await place(personId, 'FGR carpeta 1/2026')
      const second = await place(personId, 'Juzgado 3, amparo 44/2026')
      await advance(10 * DAY)
      expect((await release(personId, first.id)).status).toBe(200)
      expect((await run()).shredded).not.toContain(personId)
      expect((await report()).find((i) => i.personId === personId)?.heldSince).toBe(second.placedAt)

      const list = (await (await call(env, 'GET', `/api/people/${personId}/holds`, { as: dpo })).json()) as { items: Hold[] }
      expect(list.items.map((h) => h.id)).toEqual([second.id, first.id])
      expect(list.items[1]?.releasedAt).not.toBeNull()
      expect((await release(personId, first.id)).status).toBe(409)
      expect((await release(personId, second.id)).status).toBe(200)
      expect((await run()).shredded).toContain(personId)
    })

    it('leaves a cancellation blocked while held and completes it at the first run after release', async () => {
      const personId = await person()
      const reg = await call(env, 'POST', '/api/rights-requests', { as: dpo, body: { personId, kind: 'cancellation', channel: 'in_person' } })
      const requestId = ((await reg.json()) as { id: string }).id
      expect((await call(env, 'POST', `/api/rights-requests/${requestId}/cancel`, { as: dpo })).status).toBe(200)
      const hold = await place(personId)
      await advance(6 * DAY)

      expect((await run()).shredded).not.toContain(personId)
      expect(await status(personId)).toBe('blocked')
      expect((await report()).find((i) => i.personId === personId)).toMatchObject({ reason: 'cancellation', heldSince: hold.placedAt })
      const requestStatus = async () => (await env.db.db.selectFrom('rightsRequests').select('status').where('id', '=', requestId).executeTakeFirstOrThrow()).status
      expect(await requestStatus()).toBe('blocked')

      expect((await release(personId, hold.id)).status).toBe(200)
      expect((await run()).shredded).toContain(personId)
      expect(await requestStatus()).toBe('completed')
    })

    it('refuses to shred a held person through any path, before the shred list', async () => {
      const personId = await person()
      await place(personId)
      await expect(shred(retentionCtx(env.db, env.clock), env.protection, personId, 'person.shred')).rejects.toMatchObject({ code: 'conflict', details: { reason: 'person_held' } })
      expect(env.protection.shredList.ids()).not.toContain(personId)
      expect(await status(personId)).toBe('active')
    })

    it('audits placing and releasing without the reason or the reference', async () => {
      const personId = await person()
      const hold = await place(personId, 'Expediente 987/2026')
      expect((await release(personId, hold.id)).status).toBe(200)
      const rows = await env.db.db.selectFrom('auditEvents').selectAll().where('recordId', '=', personId).execute()
      expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['person.hold', 'person.hold_release']))
      const text = JSON.stringify(rows)
      expect(text).not.toContain('fiscalía')
      expect(text).not.toContain('987/2026')
      expect(text).not.toContain('carpeta')
    })

    it('refuses bad input with 400 naming the field', async () => {
      const personId = await person()
      const short = await call(env, 'POST', `/api/people/${personId}/holds`, { as: dpo, body: { reason: 'corto', reference: 'FGR 1' } })
      expect(short.status).toBe(400)
      expect(short.headers.get('content-type')).toContain('application/problem+json')
      expect(((await short.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('reason')
      const long = await call(env, 'POST', `/api/people/${personId}/holds`, { as: dpo, body: { reason: REASON, reference: 'x'.repeat(121) } })
      expect(((await long.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('reference')
      const hold = await place(personId)
      const noReason = await call(env, 'POST', `/api/people/${personId}/holds/${hold.id}/release`, { as: dpo, body: {} })
      expect(noReason.status).toBe(400)
    })

    it('answers 404 for an unknown person or hold', async () => {
      const unknown = '01890000-0000-7000-8000-000000000000'
      expect((await call(env, 'POST', `/api/people/${unknown}/holds`, { as: dpo, body: { reason: REASON, reference: 'FGR 1' } })).status).toBe(404)
      expect((await call(env, 'GET', `/api/people/${unknown}/holds`, { as: dpo })).status).toBe(404)
      expect((await release(await person(), unknown)).status).toBe(404)
    })

    it('is forbidden without permission, and the refusal is audited', async () => {
      const personId = await person()
      const hold = await place(personId)
      expect((await call(env, 'POST', `/api/people/${personId}/holds`, { as: agent, body: { reason: REASON, reference: 'FGR 2' } })).status).toBe(403)
      expect((await call(env, 'GET', `/api/people/${personId}/holds`, { as: agent })).status).toBe(403)
      expect((await call(env, 'POST', `/api/people/${personId}/holds/${hold.id}/release`, { as: agent, body: { reason: 'La carpeta se cerró hoy' } })).status).toBe(403)
      const denied = await env.db.db.selectFrom('auditEvents').select(['action', 'decision']).where('recordId', '=', personId).where('decision', '=', 'denied').execute()
      expect(denied).toEqual([
        { action: 'person.hold', decision: 'denied' },
        { action: 'person.hold', decision: 'denied' },
        { action: 'person.hold', decision: 'denied' },
      ])
    })
  })
}
