import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import * as OTPAuth from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeAttentionAction, makeUser, signIn, testDialects, TEST_PASSWORD, type Session } from '../test/harness.ts'
import { canaryIdentity, makeProtectionEnv, type ProtectionEnv } from '../test/protection-env.ts'

// Strings that occur nowhere else: if one shows up in clear, identity leaked.
const CANARIES = ['Xochiquetzalcanario', 'Zzyzxcanarioa', '9876543', 'canario.zzyzx@example.org', 'G12345678', 'Zzyzxcanarioa Madre', 'Nuevocanarioalias']
const IDENTITY = { ...canaryIdentity({ given: 'Xochiquetzalcanario', surname: 'Zzyzxcanarioa', phone: '+52 664 987 6543', email: 'canario.zzyzx@example.org' }) }

for (const dialect of testDialects()) {
  describe(`${dialect}: the canary leak test`, () => {
    let env: ProtectionEnv
    let agent: Session
    let coordinator: Session
    let dpo: Session
    let analyst: Session
    // Responses that must never hold identity: everything but the explicit, audited disclosures.
    const mustBeClean: { what: string; text: string }[] = []
    const disclosures: string[] = []
    // The DPO's second-factor secret: shown once at setup, then never again in clear.
    let totpSecret = ''
    const secrets = () => [...CANARIES, totpSecret]

    async function record(what: string, res: Response | Promise<Response>): Promise<string> {
      const r = await res
      const text = await r.text()
      mustBeClean.push({ what: `${what} → ${r.status}`, text: `${text}\n${[...r.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n')}` })
      return text
    }

    beforeAll(async () => {
      env = await makeProtectionEnv(dialect)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      coordinator = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta')).username)
      dpo = await signIn(env, (await makeUser(env, 'data_protection_officer', 'inm')).username)
      analyst = await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)
      totpSecret = ((await (await call(env, 'POST', '/api/auth/totp/setup', { as: dpo, body: { password: TEST_PASSWORD } })).json()) as { secret: string }).secret
      const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(totpSecret) }).generate({ timestamp: env.clock.now().getTime() })
      await record('totp enable', call(env, 'POST', '/api/auth/totp/enable', { as: dpo, body: { code } }))

      const action = makeAttentionAction('beta-tijuana')
      await record('record create', call(env, 'POST', '/api/records/actions', { as: agent, body: action }))
      const created = JSON.parse(await record('person create', call(env, 'POST', '/api/people', { as: agent, body: { orgUnitId: 'beta-tijuana', identity: IDENTITY, link: { recordType: 'attention', recordId: action.recordId, legalBasis: 'consent', purpose: 'referral_services' } } }))) as { id: string }
      const id = created.id
      await record('bad person create', call(env, 'POST', '/api/people', { as: agent, body: { orgUnitId: 'beta-tijuana', identity: { ...IDENTITY, givenNames: `${IDENTITY.givenNames}${'x'.repeat(200)}`, sex: 'Zzyzxcanarioa' } } }))
      await record('search by name', call(env, 'POST', '/api/people/search', { as: agent, body: { name: 'Xochiquetzalcanario Zzyzxcanarioa' } }))
      await record('search by phone', call(env, 'POST', '/api/people/search', { as: agent, body: { phone: '+52 664 987 6543' } }))
      await record('masked read', call(env, 'GET', `/api/people/${id}`, { as: agent }))
      await record('analyst reveal refused', call(env, 'POST', `/api/people/${id}/reveal`, { as: analyst, body: { purpose: 'rescue' } }))
      disclosures.push(await (await call(env, 'POST', `/api/people/${id}/reveal`, { as: agent, body: { purpose: 'medical_care' } })).text())
      const consent = JSON.parse(await record('consent', call(env, 'POST', `/api/people/${id}/consents`, { as: agent, body: { recipient: { class: 'consulate', country: 'GT' }, purpose: 'consular_assistance', legalBasis: 'consent', givenAt: '2026-11-01T00:00:00.000Z', explainedIn: 'mam' } }))) as { id: string }
      disclosures.push(await (await call(env, 'POST', `/api/people/${id}/disclosures`, { as: coordinator, body: { channel: 'export', recipient: { class: 'consulate', country: 'GT' }, purpose: 'consular_assistance', legalBasis: 'consent' } })).text())
      await record('consent withdraw', call(env, 'POST', `/api/people/${id}/consents/${consent.id}/withdraw`, { as: agent }))
      await record('disclosure refused', call(env, 'POST', `/api/people/${id}/disclosures`, { as: coordinator, body: { channel: 'relative_message', recipient: { class: 'consulate', country: 'GT' }, purpose: 'consular_assistance', legalBasis: 'consent' } }))
      await record('consents list', call(env, 'GET', `/api/people/${id}/consents`, { as: agent }))
      await record('disclosures list', call(env, 'GET', `/api/people/${id}/disclosures`, { as: dpo }))
      const rescue = { ...makeAttentionAction('beta-tijuana'), recordType: 'rescue', type: 'RescueRecorded', payload: { orgUnitId: 'beta-tijuana', at: '2026-11-21T08:00:00.000Z', emergencyType: 'heat_stroke', people: [{ count: 1, vulnerabilities: ['pregnant'] }], outcome: 'first_aid', personIds: [id] } }
      await record('rescue with personIds', call(env, 'POST', '/api/records/actions', { as: agent, body: rescue }))
      await record('records list', call(env, 'GET', '/api/records/rescue?limit=50', { as: agent }))
      await record('record read', call(env, 'GET', `/api/records/attention/${action.recordId}`, { as: agent }))
      const access = JSON.parse(await record('rights register', call(env, 'POST', '/api/rights-requests', { as: dpo, body: { personId: id, kind: 'access', channel: 'in_person' } }))) as { id: string }
      disclosures.push(await (await call(env, 'GET', `/api/rights-requests/${access.id}/access-report`, { as: dpo })).text())
      const rect = JSON.parse(await record('rights register 2', call(env, 'POST', '/api/rights-requests', { as: dpo, body: { personId: id, kind: 'rectification', channel: 'phone' } }))) as { id: string }
      await record('rectify', call(env, 'POST', `/api/rights-requests/${rect.id}/rectify`, { as: dpo, body: { identity: { aliases: ['Nuevocanarioalias'] } } }))
      await record('rights queue', call(env, 'GET', '/api/rights-requests', { as: dpo }))
      await record('retention report', call(env, 'GET', '/api/retention/report', { as: dpo }))
      await record('retention run', call(env, 'POST', '/api/retention/run', { as: dpo }))
      await record('audit list', call(env, 'GET', '/api/audit?limit=500', { as: dpo }))
      await record('openapi', call(env, 'GET', '/api/openapi.json'))
      for (const page of ['/', '/healthz', '/readyz', '/app/', '/app/people']) {
        await record(`public page ${page}`, call(env, 'GET', page))
      }
    })
    afterAll(async () => {
      fs.rmSync(env.dir, { recursive: true, force: true })
    })

    it('shows identity only in the explicit disclosures (reveal, allowed export, access report)', () => {
      expect(disclosures).toHaveLength(3)
      for (const text of disclosures) {
        expect(text).toContain('Xochiquetzalcanario')
      }
    })

    it('leaves no canary in any other response, header or public page', () => {
      for (const { what, text } of mustBeClean) {
        for (const canary of secrets()) {
          expect(text.includes(canary), `${canary} in ${what}`).toBe(false)
        }
      }
    })

    it('leaves no canary in the logs', () => {
      const logs = env.logs.join('')
      expect(logs.length).toBeGreaterThan(1000)
      for (const canary of secrets()) {
        expect(logs.includes(canary), canary).toBe(false)
      }
    })

    it('leaves no canary in the database files or a full dump of the database', async () => {
      const dumps: { what: string; bytes: Buffer }[] = []
      if (env.database.kind === 'sqlite') {
        for (const suffix of ['', '-wal']) {
          const file = env.database.file + suffix
          if (fs.existsSync(file)) {
            dumps.push({ what: file, bytes: fs.readFileSync(file) })
          }
        }
        await env.close()
        dumps.push({ what: 'after checkpoint', bytes: fs.readFileSync(env.database.file) })
      } else {
        await env.close()
        const dump = spawnSync('pg_dump', ['--format=plain', '--data-only', '--dbname', env.database.url], { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 })
        expect(dump.status).toBe(0)
        dumps.push({ what: 'pg_dump', bytes: dump.stdout })
      }
      // The search really reads the data: values stored in clear on purpose are found.
      expect(dumps.at(-1)?.bytes.includes(Buffer.from('consular_assistance'))).toBe(true)
      for (const { what, bytes } of dumps) {
        for (const canary of secrets()) {
          expect(bytes.includes(Buffer.from(canary, 'utf8')), `${canary} in ${what}`).toBe(false)
          expect(bytes.includes(Buffer.from(canary.toLowerCase(), 'utf8')), `${canary} (lower case) in ${what}`).toBe(false)
        }
      }
    })
  })
}
