import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeAttentionAction, makeUser, signIn, testDialects, type Session } from '../../test/harness.ts'
import { canaryIdentity, makeProtectionEnv, type ProtectionEnv } from '../../test/protection-env.ts'

for (const dialect of testDialects()) {
  describe(`${dialect}: /api/people`, () => {
    let env: ProtectionEnv
    let agent: Session
    let volunteer: Session
    let analyst: Session
    let otherAgent: Session
    let personId: string

    beforeAll(async () => {
      env = await makeProtectionEnv(dialect)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      otherAgent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tapachula')).username)
      volunteer = await signIn(env, (await makeUser(env, 'module_volunteer', 'beta-tijuana')).username)
      analyst = await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)
      const res = await call(env, 'POST', '/api/people', { as: agent, body: { orgUnitId: 'beta-tijuana', identity: canaryIdentity({ given: 'José María', surname: 'Hernández', phone: '+52 (664) 123-4567' }) } })
      expect(res.status).toBe(201)
      personId = ((await res.json()) as { id: string }).id
    })
    afterAll(async () => {
      await env?.close()
      fs.rmSync(env.dir, { recursive: true, force: true })
    })

    describe('POST /api/people', () => {
      it('answers masked: which fields are filled, never a value', async () => {
        const res = await call(env, 'GET', `/api/people/${personId}`, { as: agent })
        const text = await res.text()
        expect(res.status).toBe(200)
        expect(JSON.parse(text)).toMatchObject({ id: personId, status: 'active', orgUnitId: 'beta-tijuana' })
        expect(JSON.parse(text).present).toContain('givenNames')
        expect(text).not.toMatch(/Hern|José|4567/)
      })

      it('is forbidden without permission', async () => {
        const res = await call(env, 'POST', '/api/people', { as: volunteer, body: { orgUnitId: 'beta-tijuana', identity: { givenNames: 'Ana' } } })
        expect(res.status).toBe(403)
      })

      it('is forbidden in another group', async () => {
        const res = await call(env, 'POST', '/api/people', { as: otherAgent, body: { orgUnitId: 'beta-tijuana', identity: { givenNames: 'Ana' } } })
        expect(res.status).toBe(403)
      })

      it('rejects bad input field by field, in the caller language', async () => {
        const res = await call(env, 'POST', '/api/people', { as: agent, lang: 'en', body: { orgUnitId: 'beta-tijuana', identity: { givenNames: '', shoeSize: 42 } } })
        expect(res.status).toBe(400)
        const body = (await res.json()) as { errors: { field: string }[] }
        expect(body.errors.map((e) => e.field)).toContain('identity.givenNames')
      })
    })

    describe('POST /api/people/search', () => {
      it('finds a person by a differently spelled name through keyed hashes', async () => {
        const res = await call(env, 'POST', '/api/people/search', { as: agent, body: { name: 'jose ernandes' } })
        const body = (await res.json()) as { items: { id: string }[] }
        expect(body.items.map((i) => i.id)).toContain(personId)
      })

      it('finds a person by phone digits', async () => {
        const res = await call(env, 'POST', '/api/people/search', { as: agent, body: { phone: '526641234567' } })
        expect(((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([personId])
      })

      it('does not show people outside the caller reach', async () => {
        const res = await call(env, 'POST', '/api/people/search', { as: otherAgent, body: { name: 'José Hernández' } })
        expect(((await res.json()) as { items: unknown[] }).items).toEqual([])
      })

      it('is forbidden without permission', async () => {
        expect((await call(env, 'POST', '/api/people/search', { as: volunteer, body: { name: 'José' } })).status).toBe(403)
      })

      it('rejects an empty search', async () => {
        expect((await call(env, 'POST', '/api/people/search', { as: agent, body: {} })).status).toBe(400)
      })
    })

    describe('POST /api/people/:id/reveal', () => {
      it('reveals the role field sets and audits it', async () => {
        const res = await call(env, 'POST', `/api/people/${personId}/reveal`, { as: agent, body: { purpose: 'medical_care' } })
        expect(res.status).toBe(200)
        // Decrypted identity must never sit in a browser's or a proxy's cache.
        expect(res.headers.get('cache-control')).toBe('no-store')
        const body = (await res.json()) as { identity: { givenNames: string; healthNotes: string }; fieldSets: string[] }
        expect(body.identity.givenNames).toBe('José María')
        expect(body.fieldSets).toEqual(['identity', 'contact', 'health'])
        const row = await env.db.db.selectFrom('auditEvents').selectAll().where('action', '=', 'person.reveal').where('recordId', '=', personId).executeTakeFirst()
        expect(row).toMatchObject({ decision: 'allowed', recordType: 'person' })
      })

      it('is forbidden without permission, and nothing is revealed', async () => {
        const res = await call(env, 'POST', `/api/people/${personId}/reveal`, { as: analyst, body: { purpose: 'medical_care' } })
        expect(res.status).toBe(403)
        expect(await res.text()).not.toContain('José')
      })

      it('rejects an unknown purpose', async () => {
        expect((await call(env, 'POST', `/api/people/${personId}/reveal`, { as: agent, body: { purpose: 'curiosity' } })).status).toBe(400)
      })

      it('answers 404 for an id that cannot exist', async () => {
        expect((await call(env, 'POST', '/api/people/not-a-uuid/reveal', { as: agent, body: { purpose: 'rescue' } })).status).toBe(404)
      })
    })

    describe('field sets', () => {
      it('shows a call-centre operator identity and contact but never health', async () => {
        const operator = await signIn(env, (await makeUser(env, 'call_centre_operator', 'paisano')).username)
        const res = await call(env, 'POST', `/api/people/${personId}/reveal`, { as: operator, body: { purpose: 'family_contact' } })
        const body = (await res.json()) as { identity: Record<string, unknown>; fieldSets: string[] }
        expect(body.fieldSets).toEqual(['identity', 'contact'])
        expect(body.identity.phones).toEqual(['+52 (664) 123-4567'])
        expect(body.identity).not.toHaveProperty('healthNotes')
      })
    })

    describe('POST /api/people/:id/links', () => {
      it('links a record the caller may read, and refuses one it may not', async () => {
        const action = makeAttentionAction('beta-tijuana')
        await call(env, 'POST', '/api/records/actions', { as: agent, body: action })
        const link = { recordType: 'attention', recordId: action.recordId, legalBasis: 'consent', purpose: 'referral_services' }
        expect((await call(env, 'POST', `/api/people/${personId}/links`, { as: agent, body: link })).status).toBe(200)
        expect((await call(env, 'POST', `/api/people/${personId}/links`, { as: agent, body: { ...link, recordId: 'nope' } })).status).toBe(400)
      })

      it('is forbidden without permission', async () => {
        const link = { recordType: 'attention', recordId: 'x', legalBasis: 'consent', purpose: 'referral_services' }
        expect((await call(env, 'POST', `/api/people/${personId}/links`, { as: otherAgent, body: link })).status).toBe(403)
        expect((await call(env, 'GET', `/api/people/${personId}/disclosures`, { as: volunteer })).status).toBe(403)
        expect((await call(env, 'GET', `/api/people/${personId}`, { as: otherAgent })).status).toBe(403)
      })

      it('rejects an unknown legal basis', async () => {
        const link = { recordType: 'attention', recordId: 'x', legalBasis: 'because', purpose: 'referral_services' }
        expect((await call(env, 'POST', `/api/people/${personId}/links`, { as: agent, body: link })).status).toBe(400)
      })
    })

    describe('consents', () => {
      it('records, lists and withdraws a consent; withdrawal stops the next disclosure', async () => {
        const body = { recipient: { class: 'relative' }, purpose: 'family_contact', legalBasis: 'consent', givenAt: '2026-11-01T00:00:00.000Z', explainedIn: 'es' }
        const res = await call(env, 'POST', `/api/people/${personId}/consents`, { as: agent, body })
        expect(res.status).toBe(201)
        const consent = (await res.json()) as { id: string }
        const coordinator = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta')).username)
        const disclose = { channel: 'relative_message', recipient: { class: 'relative' }, purpose: 'family_contact', legalBasis: 'consent' }
        expect((await call(env, 'POST', `/api/people/${personId}/disclosures`, { as: coordinator, body: disclose })).status).toBe(201)
        expect((await call(env, 'POST', `/api/people/${personId}/consents/${consent.id}/withdraw`, { as: agent })).status).toBe(200)
        const denied = await call(env, 'POST', `/api/people/${personId}/disclosures`, { as: coordinator, body: disclose })
        expect(denied.status).toBe(403)
        expect(((await denied.json()) as { detail: string }).detail).toContain('consent_withdrawn')
        const list = (await (await call(env, 'GET', `/api/people/${personId}/consents`, { as: agent })).json()) as { items: { withdrawnAt: string | null }[] }
        expect(list.items.at(-1)?.withdrawnAt).not.toBeNull()
        const disclosures = (await (await call(env, 'GET', `/api/people/${personId}/disclosures`, { as: coordinator })).json()) as { items: { allowed: boolean; rule: string }[] }
        expect(disclosures.items.filter((d) => d.rule.startsWith('consent_')).map((d) => d.allowed)).toEqual([true, false])
      })

      it('is forbidden without permission', async () => {
        const body = { recipient: { class: 'relative' }, purpose: 'family_contact', legalBasis: 'consent', givenAt: '2026-11-01T00:00:00.000Z', explainedIn: 'es' }
        expect((await call(env, 'POST', `/api/people/${personId}/consents`, { as: analyst, body })).status).toBe(403)
        expect((await call(env, 'GET', `/api/people/${personId}/consents`, { as: volunteer })).status).toBe(403)
        expect((await call(env, 'POST', `/api/people/${personId}/disclosures`, { as: agent, body: { channel: 'export', recipient: { class: 'authority', name: 'Fiscalía' }, purpose: 'legal_proceedings', legalBasis: 'legal_obligation', legalReference: 'art. 1' } })).status).toBe(403)
      })

      it('rejects a consent with an unknown recipient class', async () => {
        const body = { recipient: { class: 'journalist' }, purpose: 'family_contact', legalBasis: 'consent', givenAt: '2026-11-01T00:00:00.000Z', explainedIn: 'es' }
        expect((await call(env, 'POST', `/api/people/${personId}/consents`, { as: agent, body })).status).toBe(400)
      })
    })

    describe('personIds in record actions', () => {
      it('accepts a known person and links it to the record', async () => {
        const action = makeAttentionAction('beta-tijuana')
        const res = await call(env, 'POST', '/api/records/actions', { as: agent, body: { ...action, payload: { ...action.payload, personIds: [personId] } } })
        expect(res.status).toBe(201)
        const person = (await (await call(env, 'GET', `/api/people/${personId}`, { as: agent })).json()) as { links: { recordId: string }[] }
        expect(person.links.map((l) => l.recordId)).toContain(action.recordId)
      })

      it('rejects an unknown or unreachable person and writes nothing', async () => {
        for (const [as, id] of [[agent, '019a0000-0000-7000-8000-000000000000'], [otherAgent, personId]] as const) {
          const action = makeAttentionAction(as === agent ? 'beta-tijuana' : 'beta-tapachula')
          const res = await call(env, 'POST', '/api/records/actions', { as, body: { ...action, payload: { ...action.payload, personIds: [id] } } })
          expect(res.status).toBe(400)
          expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('payload.personIds.0')
          expect(await env.db.db.selectFrom('records').select('recordId').where('recordId', '=', action.recordId).executeTakeFirst()).toBeUndefined()
        }
      })
    })
  })
}
