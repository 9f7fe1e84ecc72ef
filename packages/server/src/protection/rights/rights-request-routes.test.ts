import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeUser, signIn, testDialects, type Session } from '../../test/harness.ts'
import { makeProtectionEnv, type ProtectionEnv } from '../../test/protection-env.ts'
import { retentionCtx } from '../job.ts'
import { runRetention } from '../retention/retention.ts'

const DAY = 86_400_000

for (const dialect of testDialects()) {
  describe(`${dialect}: /api/rights-requests`, () => {
    let env: ProtectionEnv
    let dpo: Session
    let coordinator: Session

    const names = { dpo: '', coordinator: '' }
    // Sessions last hours and the clock moves days: sign in again after every move.
    async function advance(ms: number): Promise<void> {
      env.clock.advance(ms)
      dpo = await signIn(env, names.dpo)
      coordinator = await signIn(env, names.coordinator)
    }

    beforeAll(async () => {
      // Friday 2026-11-20: the deadline arithmetic has a weekend and a holiday to skip.
      env = await makeProtectionEnv(dialect, { holidays: ['2026-11-23'], blockingDays: 5 })
      names.dpo = (await makeUser(env, 'data_protection_officer', 'inm')).username
      names.coordinator = (await makeUser(env, 'group_coordinator', 'beta')).username
      await advance(0)
    })
    afterAll(async () => {
      await env?.close()
      fs.rmSync(env.dir, { recursive: true, force: true })
    })

    async function person(): Promise<string> {
      const res = await call(env, 'POST', '/api/people', { as: coordinator, body: { orgUnitId: 'beta-tijuana', identity: { givenNames: 'Rosa', firstSurname: 'Velázquez', nationality: 'HN', phones: ['+504 9999 0000'] } } })
      return ((await res.json()) as { id: string }).id
    }

    async function register(personId: string, kind: string, extra: Record<string, unknown> = {}): Promise<{ id: string; dueAt: string; status: string }> {
      const res = await call(env, 'POST', '/api/rights-requests', { as: dpo, body: { personId, kind, channel: 'in_person', receivedAt: '2026-11-20T15:00:00.000Z', ...extra } })
      expect(res.status).toBe(201)
      return (await res.json()) as { id: string; dueAt: string; status: string }
    }

    it('sets the deadline in business days, skipping weekends and holidays, and extends it once', async () => {
      const req = await register(await person(), 'access')
      // 20 business days from Fri 20 Nov, with Mon 23 Nov off: Mon 21 Dec.
      expect(req.dueAt.slice(0, 10)).toBe('2026-12-21')
      const extended = await call(env, 'POST', `/api/rights-requests/${req.id}/extend`, { as: dpo, body: { reason: 'Se consultan archivos de dos grupos' } })
      expect(((await extended.json()) as { dueAt: string; extended: boolean }).dueAt.slice(0, 10)).toBe('2027-01-04')
      const again = await call(env, 'POST', `/api/rights-requests/${req.id}/extend`, { as: dpo, body: { reason: 'Otra vez por favor, gracias' } })
      expect(again.status).toBe(409)
    })

    it('produces an access report with everything held and every disclosure, as HTML', async () => {
      const personId = await person()
      await call(env, 'POST', `/api/people/${personId}/disclosures`, { as: coordinator, body: { channel: 'referral', recipient: { class: 'authority', name: 'Fiscalía' }, purpose: 'legal_proceedings', legalBasis: 'legal_obligation', legalReference: 'orden 7/2026' } })
      const req = await register(personId, 'access')
      const res = await call(env, 'GET', `/api/rights-requests/${req.id}/access-report`, { as: dpo })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('text/html')
      const html = await res.text()
      expect(html).toContain('Velázquez')
      expect(html).toContain('Fiscalía')
      expect(html).toContain('legal_obligation')
      const list = (await (await call(env, 'GET', '/api/rights-requests', { as: dpo })).json()) as { items: { id: string; status: string }[] }
      expect(list.items.find((i) => i.id === req.id)?.status).toBe('completed')
    })

    it('rectifies and lists the recipients to pass the rectification on to', async () => {
      const personId = await person()
      await call(env, 'POST', `/api/people/${personId}/disclosures`, { as: coordinator, body: { channel: 'referral', recipient: { class: 'authority', name: 'Fiscalía' }, purpose: 'legal_proceedings', legalBasis: 'legal_obligation', legalReference: 'orden 7/2026' } })
      const req = await register(personId, 'rectification')
      const res = await call(env, 'POST', `/api/rights-requests/${req.id}/rectify`, { as: dpo, body: { identity: { firstSurname: 'Velásquez' } } })
      expect(res.status).toBe(200)
      const body = (await res.json()) as { notify: { class: string; name: string }[] }
      expect(body.notify).toEqual([expect.objectContaining({ class: 'authority', name: 'Fiscalía' })])
      const found = (await (await call(env, 'POST', '/api/people/search', { as: dpo, body: { name: 'Velásquez' } })).json()) as { items: { id: string }[] }
      expect(found.items.map((i) => i.id)).toContain(personId)
      // Only the field sent changed: the phone is still there and still finds the person.
      const byPhone = (await (await call(env, 'POST', '/api/people/search', { as: dpo, body: { phone: '+504 9999 0000' } })).json()) as { items: { id: string }[] }
      expect(byPhone.items.map((i) => i.id)).toContain(personId)
    })

    it('cancels: blocks at once, then shreds after the blocking period', async () => {
      const personId = await person()
      const req = await register(personId, 'cancellation')
      const res = await call(env, 'POST', `/api/rights-requests/${req.id}/cancel`, { as: dpo })
      expect(((await res.json()) as { status: string }).status).toBe('blocked')
      expect((await call(env, 'POST', `/api/people/${personId}/reveal`, { as: coordinator, body: { purpose: 'rescue' } })).status).toBe(403)
      await advance(5 * DAY)
      expect((await runRetention(retentionCtx(env.db, env.clock), env.protection)).shredded).toContain(personId)
      const list = (await (await call(env, 'GET', '/api/rights-requests', { as: dpo })).json()) as { items: { id: string; status: string }[] }
      expect(list.items.find((i) => i.id === req.id)?.status).toBe('completed')
    })

    it('records an opposition to a purpose, which the disclosure check then refuses', async () => {
      const personId = await person()
      const req = await register(personId, 'opposition', { purpose: 'legal_proceedings' })
      expect((await call(env, 'POST', `/api/rights-requests/${req.id}/oppose`, { as: dpo })).status).toBe(200)
      const res = await call(env, 'POST', `/api/people/${personId}/disclosures`, { as: coordinator, body: { channel: 'referral', recipient: { class: 'authority', name: 'Fiscalía' }, purpose: 'legal_proceedings', legalBasis: 'legal_obligation', legalReference: 'orden 7/2026' } })
      expect(res.status).toBe(403)
    })

    it('refuses only with a legal ground and a written reason', async () => {
      const req = await register(await person(), 'access')
      expect((await call(env, 'POST', `/api/rights-requests/${req.id}/refuse`, { as: dpo, body: { ground: 'not_accredited' } })).status).toBe(400)
      const res = await call(env, 'POST', `/api/rights-requests/${req.id}/refuse`, { as: dpo, body: { ground: 'not_accredited', reason: 'No acreditó su identidad ni representación' } })
      expect(((await res.json()) as { status: string; refusalGround: string }).refusalGround).toBe('not_accredited')
    })

    it('rejects bad input', async () => {
      expect((await call(env, 'POST', '/api/rights-requests', { as: dpo, body: { personId: 'x', kind: 'portability', channel: 'web' } })).status).toBe(400)
      expect((await call(env, 'POST', '/api/rights-requests', { as: dpo, body: { personId: await person(), kind: 'opposition', channel: 'web' } })).status).toBe(400)
    })

    it('is forbidden without permission', async () => {
      const personId = await person()
      expect((await call(env, 'GET', '/api/rights-requests', { as: coordinator })).status).toBe(403)
      expect((await call(env, 'POST', '/api/rights-requests', { as: coordinator, body: { personId, kind: 'access', channel: 'web' } })).status).toBe(403)
      const req = await register(personId, 'access')
      for (const [method, path] of [['GET', 'access-report'], ['POST', 'cancel'], ['POST', 'oppose']] as const) {
        expect((await call(env, method, `/api/rights-requests/${req.id}/${path}`, { as: coordinator })).status).toBe(403)
      }
    })
  })
}
