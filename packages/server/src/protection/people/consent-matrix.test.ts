import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConsentState, LegalBasis, RecipientClass } from '@faro/core'
import { call, makeUser, signIn, testDialects, type Session } from '../../test/harness.ts'
import { makeProtectionEnv, type ProtectionEnv } from '../../test/protection-env.ts'

// The oracle is written out here, apart from the code under test: the rules a data-protection
// officer would state for Faro's recipients.
function expected(recipient: RecipientClass, state: ConsentState, basis: LegalBasis): { allow: boolean; rule: string } {
  if (basis === 'legal_obligation') {
    return recipient === 'authority' ? { allow: true, rule: 'legal_obligation' } : { allow: false, rule: 'legal_obligation_not_applicable' }
  }
  if (basis === 'vital_interest') {
    if (state === 'withdrawn') {
      return { allow: false, rule: 'consent_withdrawn' }
    }
    // Vital interest reaches authorities and relatives, never consulates or partners.
    return recipient === 'authority' || recipient === 'relative' ? { allow: true, rule: 'vital_interest' } : { allow: false, rule: 'vital_interest_not_applicable' }
  }
  return state === 'given' ? { allow: true, rule: 'consent_given' } : { allow: false, rule: `consent_${state}` }
}

const RECIPIENTS: Record<RecipientClass, { class: RecipientClass; name?: string; country?: string }> = {
  authority: { class: 'authority', name: 'Fiscalía de Sonora' },
  relative: { class: 'relative' },
  consulate: { class: 'consulate', country: 'GT' },
  partner: { class: 'partner', name: 'Casa del Migrante' },
}

for (const dialect of testDialects()) {
  describe(`${dialect}: the consent matrix (recipient class × consent state × legal basis)`, () => {
    let env: ProtectionEnv
    let coordinator: Session

    beforeAll(async () => {
      env = await makeProtectionEnv(dialect)
      coordinator = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta')).username)
    })
    afterAll(async () => {
      await env?.close()
      fs.rmSync(env.dir, { recursive: true, force: true })
    })

    async function personWith(recipient: RecipientClass, state: ConsentState): Promise<string> {
      const res = await call(env, 'POST', '/api/people', { as: coordinator, body: { orgUnitId: 'beta-tijuana', identity: { givenNames: 'Matriz', nationality: 'GT' } } })
      const id = ((await res.json()) as { id: string }).id
      if (state === 'none') {
        return id
      }
      const now = env.clock.now().getTime()
      const consent = {
        recipient: RECIPIENTS[recipient],
        purpose: 'family_tracing',
        legalBasis: 'consent',
        givenAt: new Date(now - 10 * 86_400_000).toISOString(),
        explainedIn: 'es',
        ...(state === 'expired' ? { expiresAt: new Date(now - 86_400_000).toISOString() } : {}),
      }
      const recorded = await call(env, 'POST', `/api/people/${id}/consents`, { as: coordinator, body: consent })
      expect(recorded.status).toBe(201)
      if (state === 'withdrawn') {
        const consentId = ((await recorded.json()) as { id: string }).id
        expect((await call(env, 'POST', `/api/people/${id}/consents/${consentId}/withdraw`, { as: coordinator })).status).toBe(200)
      }
      return id
    }

    for (const recipient of RecipientClass.options) {
      for (const state of ConsentState.options) {
        for (const basis of LegalBasis.options) {
          const want = expected(recipient, state, basis)
          it(`${recipient} × ${state} × ${basis}: ${want.allow ? 'allowed' : 'refused'} by ${want.rule}, stored and audited`, async () => {
            const id = await personWith(recipient, state)
            const body = { channel: 'referral', recipient: RECIPIENTS[recipient], purpose: 'family_tracing', legalBasis: basis, ...(basis === 'legal_obligation' ? { legalReference: 'Ley de Migración, art. 71' } : {}) }
            const res = await call(env, 'POST', `/api/people/${id}/disclosures`, { as: coordinator, body })
            expect(res.status).toBe(want.allow ? 201 : 403)
            const text = await res.text()
            if (want.allow) {
              expect(text).toContain('Matriz')
            } else {
              expect(text).not.toContain('Matriz')
            }
            const row = await env.db.db.selectFrom('disclosures').selectAll().where('personId', '=', id).where('channel', '=', 'referral').executeTakeFirst()
            expect(row).toMatchObject({ allowed: want.allow ? 1 : 0, rule: want.rule, recipientClass: recipient, legalBasis: basis })
            const audited = await env.db.db.selectFrom('auditEvents').select('decision').where('action', '=', 'person.disclose').where('recordId', '=', id).execute()
            expect(audited.map((a) => a.decision)).toEqual([want.allow ? 'allowed' : 'denied'])
          })
        }
      }
    }

    it('refuses the consulate of another country whatever the consent', async () => {
      const id = await personWith('consulate', 'given')
      const body = { channel: 'referral', recipient: { class: 'consulate', country: 'HN' }, purpose: 'family_tracing', legalBasis: 'consent' }
      const res = await call(env, 'POST', `/api/people/${id}/disclosures`, { as: coordinator, body })
      expect(res.status).toBe(403)
    })
  })
}
