import type { CaseState } from '@faro/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTransport, sendDue } from '../mail/sender.ts'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'
import { startTestSmtp, type TestSmtp } from '../test/smtp-server.ts'

const EMAIL = 'rosa.quejosa@example.test'
const complaint = (complainant: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) => ({
  id: newActionId(),
  kind: 'complaint',
  category: 'extortion',
  channel: 'module',
  description: 'En la revisión de la aduana le pidieron dinero para no retener la camioneta.',
  place: { kind: 'customs' },
  accused: { agencyId: 'agency-aga' },
  contactChannel: 'email',
  ...(complainant ? { complainant } : {}),
  ...extra,
})

for (const dialect of testDialects()) {
  describe(`${dialect}: the person who files a case`, () => {
    let env: TestEnv
    let smtp: TestSmtp
    let volunteer: Session
    let controlLiaison: Session
    let coordinator: Session
    const settings = () => ({ url: smtp.url, from: 'Faro <no-reply@faro.test>', keyring: env.protection?.keyring })

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      smtp = await startTestSmtp()
      volunteer = await signIn(env, (await makeUser(env, 'module_volunteer', 'module-tijuana-airport')).username)
      controlLiaison = await signIn(env, (await makeUser(env, 'agency_liaison', 'oic-aga')).username)
      coordinator = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
    })
    afterAll(async () => {
      await smtp?.close()
      await env?.close()
    })

    async function send() {
      const transport = createTransport(settings())
      try {
        return await sendDue(env.db.db, env.clock, transport, settings())
      } finally {
        transport?.close()
      }
    }

    async function view(as: Session, recordId: string) {
      const res = await call(env, 'GET', `/api/cases/${recordId}`, { as })
      expect(res.status).toBe(200)
      return (await res.json()) as { status: string; state: CaseState }
    }

    it('keeps the identity a complainant gives in the vault, with the consents chosen, and only the reference in the case', async () => {
      const res = await call(env, 'POST', '/api/cases', {
        as: volunteer,
        body: complaint({ identity: { givenNames: 'Rosa María', firstSurname: 'Quintero', email: EMAIL, nationality: 'MX' }, consents: ['handling_body', 'relatives'] }),
      })
      expect(res.status, await res.clone().text()).toBe(201)
      const { recordId } = (await res.json()) as { recordId: string }
      const personId = (await view(coordinator, recordId)).state.personId
      expect(personId).toBeDefined()
      // Nothing of the identity in the log, the records or the vault's row in clear.
      const action = await env.db.db.selectFrom('actions').select('payload').where('recordId', '=', recordId).where('type', '=', 'CaseOpened').executeTakeFirstOrThrow()
      expect(action.payload).not.toMatch(/Quintero|rosa\.quejosa/i)
      const person = await env.db.db.selectFrom('people').selectAll().where('id', '=', personId ?? '').executeTakeFirstOrThrow()
      expect(person.ciphertext).not.toMatch(/Quintero/)
      expect(JSON.parse(person.presentFields)).toEqual(expect.arrayContaining(['givenNames', 'firstSurname', 'email', 'nationality']))
      const links = await env.db.db.selectFrom('personLinks').selectAll().where('personId', '=', personId ?? '').execute()
      expect(links).toMatchObject([{ recordType: 'case', recordId, legalBasis: 'consent', purpose: 'complaint_handling' }])
      const consents = await env.db.db.selectFrom('consents').select(['recipientClass', 'purpose', 'legalBasis', 'explainedIn']).where('personId', '=', personId ?? '').orderBy('recipientClass').execute()
      expect(consents).toEqual([
        { recipientClass: 'authority', purpose: 'complaint_handling', legalBasis: 'consent', explainedIn: 'es' },
        { recipientClass: 'relative', purpose: 'family_contact', legalBasis: 'consent', explainedIn: 'es' },
      ])
      // The handling body does not get the vault reference; the volunteer who took it cannot read the person back.
      expect((await view(controlLiaison, recordId)).state.personId).toBeUndefined()
      expect((await call(env, 'GET', `/api/people/${personId}`, { as: volunteer })).status).toBe(403)
      expect((await call(env, 'GET', `/api/people/${personId}`, { as: coordinator })).status).toBe(200)
    })

    it('writes the complainant the folio, then each change of the public status, in their language, never the PIN', async () => {
      await send()
      const before = smtp.received.length
      const res = await call(env, 'POST', '/api/cases', { as: volunteer, body: complaint({ identity: { email: EMAIL }, consents: [] }, { language: 'en' }) })
      const { recordId, folio, pin } = (await res.json()) as { recordId: string; folio: string; pin: string }
      await send()
      const toPerson = () => smtp.received.slice(before).filter((m) => m.to.includes(EMAIL))
      expect(toPerson().map((m) => m.subject)).toEqual([`Programa Paisano: your folio ${folio}`])
      expect(toPerson()[0]?.text).toContain(folio)
      expect(toPerson()[0]?.raw).not.toContain(pin)

      const hop = (await view(controlLiaison, recordId)).state.hops.find((h) => h.bodyId === 'oic-aga')?.hopId
      const step = (as: Session, body: Record<string, unknown>, id = newActionId()) => call(env, 'POST', `/api/cases/${recordId}/steps`, { as, body: { id, ...body } })
      const acknowledge = newActionId()
      expect((await step(controlLiaison, { type: 'acknowledge', hopId: hop }, acknowledge)).status).toBe(200)
      // Sent again, the step is one step and one message.
      expect((await step(controlLiaison, { type: 'acknowledge', hopId: hop }, acknowledge)).status).toBe(200)
      // A note changes nothing the person sees: no message.
      await step(coordinator, { type: 'note', note: 'Se llamó a la dependencia.' })
      await step(controlLiaison, { type: 'request_info', hopId: hop, question: 'What time did it happen?' })
      await step(controlLiaison, { type: 'answer', hopId: hop, answer: 'Se abrió una investigación.' })
      await step(coordinator, { type: 'close', outcome: 'resolved' })
      await send()
      const subjects = toPerson().map((m) => m.subject)
      expect(subjects).toEqual([
        `Programa Paisano: your folio ${folio}`,
        `Programa Paisano: your folio ${folio} is "Being handled"`,
        `Programa Paisano: your folio ${folio} is "More information was asked of the person who filed it"`,
        `Programa Paisano: your folio ${folio} is "Answered"`,
        `Programa Paisano: your folio ${folio} is "Closed"`,
      ])
      const bodies = toPerson().map((m) => m.text)
      expect(bodies[2]).toContain('What time did it happen?')
      expect(bodies[4]).toContain('Outcome: Resolved')
      // The body's answer and the bodies' names stay with staff.
      expect(bodies.join('\n')).not.toMatch(/investigaci|Aduanas|oic-aga/i)
    })

    it('writes nothing to a person who asked not to be written to, or who was erased', async () => {
      await send()
      const before = smtp.received.length
      await call(env, 'POST', '/api/cases', { as: volunteer, body: complaint({ identity: { email: 'otra@example.test', phones: ['+52 664 000 0000'] } }, { contactChannel: 'phone' }) })
      const erased = (await (await call(env, 'POST', '/api/cases', { as: volunteer, body: complaint({ identity: { email: 'borrada@example.test' } }) })).json()) as { recordId: string }
      const personId = (await view(coordinator, erased.recordId)).state.personId ?? ''
      await env.db.db.updateTable('people').set({ status: 'shredded', ciphertext: null }).where('id', '=', personId).execute()
      await send()
      expect(smtp.received.slice(before).flatMap((m) => m.to)).not.toContain('otra@example.test')
      expect(smtp.received.slice(before).flatMap((m) => m.to)).not.toContain('borrada@example.test')
      const row = await env.db.db.selectFrom('mailOutbox').select(['status', 'lastError']).where('recipientId', '=', personId).executeTakeFirstOrThrow()
      expect(row).toEqual({ status: 'failed', lastError: 'no_address' })
    })

    it('refuses, naming the field, an e-mail contact without an address or a consulate without a nationality, and stores nothing', async () => {
      const people = async () => Number((await env.db.db.selectFrom('people').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
      const count = await people()
      const noAddress = await call(env, 'POST', '/api/cases', { as: volunteer, body: complaint(undefined), lang: 'es' })
      expect(noAddress.status).toBe(400)
      expect(await noAddress.json()).toMatchObject({ errors: [{ field: 'complainant.identity.email', message: 'Para escribirle por correo hace falta su dirección' }] })
      const noCountry = await call(env, 'POST', '/api/cases', { as: volunteer, body: complaint({ identity: { email: EMAIL }, consents: ['consulate'] }) })
      expect(noCountry.status).toBe(400)
      expect(await noCountry.json()).toMatchObject({ errors: [{ field: 'complainant.identity.nationality' }] })
      expect(await people()).toBe(count)
    })

    it('shows who filed the case to a body it was sent to only when the person allowed it, and stores every ask as a disclosure', async () => {
      const outsider = await signIn(env, (await makeUser(env, 'agency_liaison', 'agency-profeco')).username)
      const file = async (consents: string[]) => {
        const res = await call(env, 'POST', '/api/cases', { as: volunteer, body: complaint({ identity: { givenNames: 'Rosa María', firstSurname: 'Quintero', email: EMAIL }, consents }) })
        return ((await res.json()) as { recordId: string }).recordId
      }
      const allowed = await file(['handling_body'])
      const seen = (await (await call(env, 'GET', `/api/cases/${allowed}`, { as: controlLiaison })).json()) as { identified: boolean; state: CaseState }
      expect(seen.identified).toBe(true)
      expect(seen.state.personId).toBeUndefined()
      const shown = await call(env, 'POST', `/api/cases/${allowed}/complainant`, { as: controlLiaison })
      expect(shown.status, await shown.clone().text()).toBe(200)
      expect(await shown.json()).toEqual({ identity: { givenNames: 'Rosa María', firstSurname: 'Quintero', email: EMAIL }, rule: 'consent_given' })

      const refused = await file([])
      const denied = await call(env, 'POST', `/api/cases/${refused}/complainant`, { as: controlLiaison, lang: 'es' })
      expect(denied.status).toBe(403)
      expect(await denied.json()).toMatchObject({ detail: 'La persona no permitió que su dependencia conozca sus datos', reason: 'consent_none' })
      // The national office sees it on its own screen, need to know; a body the case was not sent to, nothing.
      expect((await call(env, 'POST', `/api/cases/${refused}/complainant`, { as: coordinator })).status).toBe(200)
      expect((await call(env, 'POST', `/api/cases/${refused}/complainant`, { as: outsider })).status).toBe(403)
      const personId = (await view(coordinator, refused)).state.personId ?? ''
      const asked = await env.db.db.selectFrom('disclosures').select(['channel', 'recipientClass', 'purpose', 'allowed', 'rule']).where('personId', '=', personId).orderBy('at').execute()
      expect(asked).toEqual([
        { channel: 'referral', recipientClass: 'authority', purpose: 'complaint_handling', allowed: 0, rule: 'consent_none' },
        { channel: 'screen', recipientClass: null, purpose: 'complaint_handling', allowed: 1, rule: 'internal_need_to_know' },
      ])
      // An anonymous case has nobody to show.
      const anonymous = await call(env, 'POST', '/api/cases', { as: volunteer, body: complaint(undefined, { contactChannel: 'none' }) })
      expect((await call(env, 'POST', `/api/cases/${((await anonymous.json()) as { recordId: string }).recordId}/complainant`, { as: coordinator })).status).toBe(404)
    })

    it('records the consulate consent for the country of the person', async () => {
      const res = await call(env, 'POST', '/api/cases', { as: volunteer, body: complaint({ identity: { email: EMAIL, nationality: 'GT' }, consents: ['consulate'] }) })
      const { recordId } = (await res.json()) as { recordId: string }
      const personId = (await view(coordinator, recordId)).state.personId ?? ''
      expect(await env.db.db.selectFrom('consents').select(['recipientClass', 'recipientCountry', 'purpose']).where('personId', '=', personId).execute()).toEqual([{ recipientClass: 'consulate', recipientCountry: 'GT', purpose: 'consular_assistance' }])
    })
  })
}
