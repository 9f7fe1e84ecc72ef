import { Hono, type Context } from 'hono'
import { Consent, CreatePersonInput, DiscloseInput, DomainError, LegalHold, MaskedPerson, message, PersonLinkInput, PersonSearchInput, PlaceLegalHoldInput, PROBLEM_TITLES, Purpose, RecordConsentInput, ReleaseLegalHoldInput } from '@faro/core'
import { z } from 'zod'
import { requireAuth } from '../../http/auth.ts'
import type { AppEnv } from '../../http/env.ts'
import { describe } from '../../http/openapi.ts'
import { jsonBody } from '../../http/validate.ts'
import { disclose, DisclosureView, listConsents, listDisclosures, recordConsent, withdraw } from './consents.ts'
import { listHolds, placeHold, releaseHold } from '../retention/holds.ts'
import { createPerson, linkPerson, readPerson, revealPerson, searchPeople } from './people.ts'
import { auditPolicyDenials } from '../guard.ts'
import type { ProtectionDeps } from '../settings.ts'

const RevealInput = z.strictObject({ purpose: Purpose.describe('why the identity is needed on screen') })
const tags = ['people']

/**
 * The identity vault over HTTP. Answers are masked unless the caller reveals, and every
 * disclosure goes through the one check in core. Names travel only in bodies, never in URLs.
 */
export function peopleRoutes(p: ProtectionDeps) {
  const app = new Hono<AppEnv>()
  app.use('*', auditPolicyDenials)

  app.post('/', describe({ summary: 'Store an identity in the vault, optionally linked to a record', tags, responses: { 201: { description: 'Stored (masked)', schema: MaskedPerson } } }), requireAuth, jsonBody(CreatePersonInput), async (c) => {
    return c.json(await createPerson(c.get('ctx'), p, c.req.valid('json')), 201)
  })

  app.post('/search', describe({ summary: 'Find people by name or phone through keyed hashes (masked)', tags, responses: { 200: { description: 'Matches', schema: z.object({ items: z.array(MaskedPerson) }) } } }), requireAuth, jsonBody(PersonSearchInput), async (c) => {
    const q = c.req.valid('json')
    if (q.name === undefined && q.phone === undefined) {
      const lang = c.get('lang')
      throw new DomainError('invalid', PROBLEM_TITLES.invalid[lang], { issues: [{ field: 'name', code: 'required', message: message('faro.search_empty', lang) }] })
    }
    return c.json({ items: await searchPeople(c.get('ctx'), p, q) })
  })

  app.get('/:id', describe({ summary: 'A person, masked: which fields are filled, and the links', tags, responses: { 200: { description: 'Masked person', schema: MaskedPerson } } }), requireAuth, async (c) => {
    return c.json(await readPerson(c.get('ctx'), personId(c)))
  })

  app.post('/:id/reveal', describe({ summary: 'Reveal the field sets the role may see (audited disclosure)', tags, responses: { 200: { description: 'Identity fields', schema: z.object({ fieldSets: z.array(z.string()), identity: z.record(z.string(), z.unknown()), rule: z.string() }) } } }), requireAuth, jsonBody(RevealInput), async (c) => {
    return c.json(await revealPerson(c.get('ctx'), p, personId(c), c.req.valid('json').purpose))
  })

  app.post('/:id/links', describe({ errors: [409], summary: 'Link a person to a record on a legal basis', tags, responses: { 200: { description: 'Masked person', schema: MaskedPerson } } }), requireAuth, jsonBody(PersonLinkInput), async (c) => {
    return c.json(await linkPerson(c.get('ctx'), personId(c), c.req.valid('json')))
  })

  app.get('/:id/consents', describe({ summary: 'The consent ledger of a person', tags, responses: { 200: { description: 'Consents', schema: z.object({ items: z.array(Consent) }) } } }), requireAuth, async (c) => {
    return c.json({ items: await listConsents(c.get('ctx'), personId(c)) })
  })

  app.post('/:id/consents', describe({ errors: [409], summary: 'Record a consent or another legal basis', tags, responses: { 201: { description: 'Recorded', schema: Consent } } }), requireAuth, jsonBody(RecordConsentInput), async (c) => {
    return c.json(await recordConsent(c.get('ctx'), personId(c), c.req.valid('json')), 201)
  })

  app.post('/:id/consents/:consentId/withdraw', describe({ errors: [409], summary: 'Withdraw a consent now', tags, responses: { 200: { description: 'Withdrawn', schema: Consent } } }), requireAuth, async (c) => {
    return c.json(await withdraw(c.get('ctx'), personId(c), c.req.param('consentId')))
  })

  app.get('/:id/disclosures', describe({ summary: 'Every disclosure asked for about a person', tags, responses: { 200: { description: 'Disclosures', schema: z.object({ items: z.array(DisclosureView) }) } } }), requireAuth, async (c) => {
    return c.json({ items: await listDisclosures(c.get('ctx'), personId(c)) })
  })

  app.post('/:id/disclosures', describe({ summary: 'Disclose identity (export, referral, message to a relative) if the check allows', tags, responses: { 201: { description: 'Allowed: the fields to hand over', schema: z.object({ disclosure: DisclosureView, identity: z.record(z.string(), z.unknown()) }) } } }), requireAuth, jsonBody(DiscloseInput), async (c) => {
    const result = await disclose(c.get('ctx'), p, personId(c), c.req.valid('json'))
    c.header('cache-control', 'no-store')
    return c.json(result, 201)
  })

  app.get('/:id/holds', describe({ summary: 'The legal holds of a person, active first', tags, responses: { 200: { description: 'Holds', schema: z.object({ items: z.array(LegalHold) }) } } }), requireAuth, async (c) => {
    return c.json({ items: await listHolds(c.get('ctx'), personId(c)) })
  })

  app.post('/:id/holds', describe({ summary: 'Place a legal hold: no erasure while a proceeding needs the data', tags, responses: { 201: { description: 'Placed', schema: LegalHold } } }), requireAuth, jsonBody(PlaceLegalHoldInput), async (c) => {
    return c.json(await placeHold(c.get('ctx'), personId(c), c.req.valid('json')), 201)
  })

  app.post('/:id/holds/:holdId/release', describe({ errors: [409], summary: 'Release a legal hold; erasure resumes once none is active', tags, responses: { 200: { description: 'Released', schema: LegalHold } } }), requireAuth, jsonBody(ReleaseLegalHoldInput), async (c) => {
    return c.json(await releaseHold(c.get('ctx'), personId(c), c.req.param('holdId'), c.req.valid('json')))
  })

  return app
}

/** The person id of the path; ids are UUIDs, so anything else cannot exist. */
function personId(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? ''
  if (!z.uuid().safeParse(id).success) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[c.get('lang')])
  }
  return id
}
