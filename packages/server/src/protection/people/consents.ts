import { v7 as uuidv7 } from 'uuid'
import {
  checkDisclosure,
  DomainError,
  fieldSetsOf,
  message,
  pickFields,
  type Consent,
  type DiscloseInput,
  type PersonIdentity,
  type RecordConsentInput,
} from '@faro/core'
import { consentsOf, disclosuresOf, findConsent, insertConsent, insertDisclosure, opposedPurposes, toConsent, withdrawConsent, type DisclosureRow } from './consents-repo.ts'
import { audit } from '../../log/audit.ts'
import { inTransaction, type Ctx } from '../../log/context.ts'
import { personFor } from '../guard.ts'
import type { ProtectionDeps } from '../settings.ts'
import { decryptIdentity } from './vault.ts'
import { z } from 'zod'

/** Records a consent (or another basis) for a recipient class and purpose, with who and in which language. */
export async function recordConsent(ctx: Ctx, personId: string, input: RecordConsentInput): Promise<Consent> {
  const id = uuidv7()
  await inTransaction(ctx, async (trx) => {
    const person = await personFor(ctx, trx, 'consent.manage', personId)
    if (person.status !== 'active') {
      throw new DomainError('conflict', message('faro.person_blocked', ctx.lang), { reason: 'person_blocked' })
    }
    await insertConsent(trx, {
      id,
      personId,
      recipientClass: input.recipient.class,
      recipientName: input.recipient.name ?? null,
      recipientCountry: input.recipient.country ?? null,
      purpose: input.purpose,
      legalBasis: input.legalBasis,
      givenAt: input.givenAt,
      expiresAt: input.expiresAt ?? null,
      withdrawnAt: null,
      withdrawnBy: null,
      recordedBy: ctx.actor.userId,
      explainedIn: input.explainedIn,
      createdAt: ctx.clock.now().toISOString(),
    })
    await audit(trx, ctx, { action: 'consent.record', recordType: 'person', recordId: personId, decision: 'allowed' })
  })
  const row = await findConsent(ctx.db.db, id)
  if (row === undefined) {
    throw new Error('consent vanished')
  }
  return toConsent(row)
}

/** Withdraws a consent now: every later disclosure that rested on it is refused at once. */
export async function withdraw(ctx: Ctx, personId: string, consentId: string): Promise<Consent> {
  await inTransaction(ctx, async (trx) => {
    await personFor(ctx, trx, 'consent.manage', personId, { allowShredded: true })
    const row = await findConsent(trx, consentId)
    if (row === undefined || row.personId !== personId) {
      throw new DomainError('not_found', message('faro.consent_missing', ctx.lang))
    }
    if (row.withdrawnAt !== null) {
      throw new DomainError('conflict', message('faro.consent_withdrawn', ctx.lang), { reason: 'consent_withdrawn' })
    }
    await withdrawConsent(trx, consentId, ctx.clock.now().toISOString(), ctx.actor.userId)
    await audit(trx, ctx, { action: 'consent.withdraw', recordType: 'person', recordId: personId, decision: 'allowed' })
  })
  const row = await findConsent(ctx.db.db, consentId)
  if (row === undefined) {
    throw new Error('consent vanished')
  }
  return toConsent(row)
}

/** The consent ledger of a person; reading it is audited like any read about a person. */
export async function listConsents(ctx: Ctx, personId: string): Promise<Consent[]> {
  await personFor(ctx, ctx.db.db, 'person.read', personId, { allowShredded: true })
  await inTransaction(ctx, (trx) => audit(trx, ctx, { action: 'consent.read', recordType: 'person', recordId: personId, decision: 'allowed' }))
  return (await consentsOf(ctx.db.db, personId)).map(toConsent)
}

/** A disclosure as the API shows it: who asked, to whom, why, what, and the check's answer. */
export const DisclosureView = z.strictObject({
  id: z.string(),
  channel: z.string(),
  recipient: z.strictObject({ class: z.string().nullable(), name: z.string().nullable(), country: z.string().nullable() }),
  purpose: z.string(),
  legalBasis: z.string(),
  fieldSets: z.array(z.string()).describe('the field sets handed over (none when refused)'),
  allowed: z.boolean(),
  rule: z.string().describe('the rule of the disclosure check that decided'),
  actorId: z.string(),
  at: z.string(),
})
export type DisclosureView = z.infer<typeof DisclosureView>

/** Every disclosure asked for about a person, allowed or refused. */
export async function listDisclosures(ctx: Ctx, personId: string): Promise<DisclosureView[]> {
  await personFor(ctx, ctx.db.db, 'person.read', personId, { allowShredded: true })
  await inTransaction(ctx, (trx) => audit(trx, ctx, { action: 'disclosure.read', recordType: 'person', recordId: personId, decision: 'allowed' }))
  return (await disclosuresOf(ctx.db.db, personId)).map(toDisclosureView)
}

/**
 * Discloses identity outside Faro (export, referral, message to a relative): the one check in
 * core decides, the disclosure is stored and audited either way, and only an allowed one
 * returns the fields (identity and contact, never health) to hand over.
 */
export async function disclose(ctx: Ctx, p: ProtectionDeps, personId: string, input: DiscloseInput): Promise<{ disclosure: DisclosureView; identity: Partial<PersonIdentity> }> {
  const person = await personFor(ctx, ctx.db.db, 'person.disclose', personId)
  const identity = await decryptIdentity(ctx.db.db, p.keyring, person)
  const answer = checkDisclosure({
    channel: input.channel,
    recipient: input.recipient,
    purpose: input.purpose,
    legalBasis: input.legalBasis,
    legalReference: input.legalReference,
    person: { status: identity === undefined ? 'shredded' : person.status === 'blocked' ? 'blocked' : 'active', nationality: identity?.nationality, opposedPurposes: await opposedPurposes(ctx.db.db, personId) },
    consents: (await consentsOf(ctx.db.db, personId)).map(toConsent),
    now: ctx.clock.now(),
  })
  const fieldSets = fieldSetsOf(ctx.actor.role).filter((s) => s === 'identity' || s === 'contact')
  const id = uuidv7()
  await inTransaction(ctx, async (trx) => {
    await insertDisclosure(trx, {
      id,
      personId,
      channel: input.channel,
      recipientClass: input.recipient.class,
      recipientName: input.recipient.name ?? null,
      recipientCountry: input.recipient.country ?? null,
      purpose: input.purpose,
      legalBasis: input.legalBasis,
      legalReference: input.legalReference ?? null,
      fieldSets: JSON.stringify(answer.allow ? fieldSets : []),
      allowed: answer.allow ? 1 : 0,
      rule: answer.rule,
      actorId: ctx.actor.userId,
      at: ctx.clock.now().toISOString(),
    })
    await audit(trx, ctx, { action: 'person.disclose', recordType: 'person', recordId: personId, decision: answer.allow ? 'allowed' : 'denied' })
  })
  if (!answer.allow || identity === undefined) {
    throw new DomainError('forbidden', message('faro.disclosure_denied', ctx.lang, { rule: answer.rule }), { reason: answer.rule })
  }
  const rows = await disclosuresOf(ctx.db.db, personId)
  const row = rows.find((r) => r.id === id)
  if (row === undefined) {
    throw new Error('disclosure vanished')
  }
  return { disclosure: toDisclosureView(row), identity: pickFields(identity, fieldSets) }
}

export function toDisclosureView(r: DisclosureRow): DisclosureView {
  return {
    id: r.id,
    channel: r.channel,
    recipient: { class: r.recipientClass, name: r.recipientName, country: r.recipientCountry },
    purpose: r.purpose,
    legalBasis: r.legalBasis,
    fieldSets: JSON.parse(r.fieldSets) as string[],
    allowed: r.allowed === 1,
    rule: r.rule,
    actorId: r.actorId,
    at: r.at,
  }
}
