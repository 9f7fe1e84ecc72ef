import { v7 as uuidv7 } from 'uuid'
import { checkDisclosure, DomainError, holdsNationally, message, pickFields, presentFields, PROBLEM_TITLES, type CaseState, type Complainant, type ComplainantConsent, type FieldSet, type LegalBasis, type OrgUnit, type PersonIdentity, type Purpose, type RecipientClass } from '@faro/core'
import { encodePath } from '../db/dialect.ts'
import { audit } from '../log/audit.ts'
import { inTransaction, type Ctx, type Executor } from '../log/context.ts'
import { readRecord } from '../log/records.ts'
import { findOrgUnit } from '../accounts/org-units-repo.ts'
import type { Keyring } from '../protection/keyring.ts'
import { consentsOf, insertConsent, insertDisclosure, opposedPurposes, toConsent } from '../protection/people/consents-repo.ts'
import { findPerson, insertLinks, insertPerson, replaceNameIndex } from '../protection/people/people-repo.ts'
import { decryptIdentity, encryptNew, indexEntries } from '../protection/people/vault.ts'

/** Each choice at intake as a consent of the ledger: to whom, for what. */
const CONSENTS: Record<ComplainantConsent, { recipient: RecipientClass; purpose: Purpose }> = {
  handling_body: { recipient: 'authority', purpose: 'complaint_handling' },
  consulate: { recipient: 'consulate', purpose: 'consular_assistance' },
  relatives: { recipient: 'relative', purpose: 'family_contact' },
}

/** The identity a complainant gave, sealed before the intake's transaction takes the log lock. */
export interface SealedComplainant {
  personId: string
  complainant: Complainant
  ciphertext: string
  wrappedKey: string
  index: { kind: string; digest: string }[]
}

export function sealComplainant(keyring: Keyring, complainant: Complainant): SealedComplainant {
  const personId = uuidv7()
  const sealed = encryptNew(keyring, personId, complainant.identity)
  return { personId, complainant, ...sealed, index: indexEntries(keyring, complainant.identity) }
}

/**
 * Stores the complainant in the identity vault, in the intake's transaction: the sealed identity,
 * its name index, the link to the case (by default on the basis of consent, for complaint
 * handling; the people a location request seeks on vital interest, for family tracing), and one
 * consent per recipient class the person agreed to, explained in their language. The case keeps only the person id.
 * It is part of taking the case: the right to take one (`case.create`) is the right to store the
 * identity its complainant gives, not to read it back.
 */
export async function storeComplainant(
  trx: Executor,
  ctx: Ctx,
  keyring: Keyring,
  unit: OrgUnit,
  recordId: string,
  sealed: SealedComplainant,
  language: string,
  link: { legalBasis: LegalBasis; purpose: Purpose; recordType?: string } = { legalBasis: 'consent', purpose: 'complaint_handling' },
): Promise<void> {
  const now = ctx.clock.now().toISOString()
  const { personId, complainant } = sealed
  await insertPerson(
    trx,
    { id: personId, orgUnitId: unit.id, orgUnitPath: encodePath(unit.path), status: 'active', ciphertext: sealed.ciphertext, presentFields: JSON.stringify(presentFields(complainant.identity)), createdBy: ctx.actor.userId, createdAt: now, updatedAt: now },
    { wrappedKey: sealed.wrappedKey, keyVersion: keyring.version },
  )
  await replaceNameIndex(trx, personId, sealed.index)
  await insertLinks(trx, [{ personId, recordType: link.recordType ?? 'case', recordId, legalBasis: link.legalBasis, purpose: link.purpose, createdBy: ctx.actor.userId, createdAt: now }])
  for (const choice of new Set(complainant.consents)) {
    const { recipient, purpose } = CONSENTS[choice]
    await insertConsent(trx, {
      id: uuidv7(),
      personId,
      recipientClass: recipient,
      recipientName: null,
      recipientCountry: recipient === 'consulate' ? (complainant.identity.nationality ?? null) : null,
      purpose,
      legalBasis: 'consent',
      givenAt: now,
      expiresAt: null,
      withdrawnAt: null,
      withdrawnBy: null,
      recordedBy: ctx.actor.userId,
      explainedIn: language,
      createdAt: now,
    })
  }
  await audit(trx, ctx, { action: 'person.create', recordType: 'person', recordId: personId, decision: 'allowed' })
}

const SHOWN: readonly FieldSet[] = ['identity', 'contact']

/**
 * Who filed the case, for those who work on it: the national office (on its own screen, need to
 * know) or a body the case was sent to, as a disclosure to that authority for complaint handling
 * that the person's consent must allow. Decided by the one disclosure check, stored with its rule
 * and audited, allowed or not. Identity and contact only, never health.
 */
export async function discloseComplainant(ctx: Ctx, keyring: Keyring, recordId: string): Promise<{ identity: Partial<PersonIdentity>; rule: string }> {
  const record = await readRecord(ctx, 'case', recordId)
  const state = record.state as unknown as CaseState
  const national = holdsNationally(ctx.actor, 'case.route')
  if (!national && !state.hops.some((h) => h.bodyId === ctx.actor.orgUnitId)) {
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  const person = state.personId === undefined ? undefined : await findPerson(ctx.db.db, state.personId)
  if (person === undefined) {
    throw new DomainError('not_found', message('faro.case_no_complainant', ctx.lang))
  }
  const identity = await decryptIdentity(ctx.db.db, keyring, person)
  const unit = await findOrgUnit(ctx.db.db, ctx.actor.orgUnitId)
  const recipient = national ? undefined : { class: 'authority' as const, name: unit?.name ?? ctx.actor.orgUnitId }
  const answer = checkDisclosure({
    channel: national ? 'screen' : 'referral',
    recipient,
    purpose: 'complaint_handling',
    legalBasis: 'consent',
    person: { status: identity === undefined ? 'shredded' : person.status === 'blocked' ? 'blocked' : 'active', nationality: identity?.nationality, opposedPurposes: await opposedPurposes(ctx.db.db, person.id) },
    consents: (await consentsOf(ctx.db.db, person.id)).map(toConsent),
    now: ctx.clock.now(),
  })
  const allowed = answer.allow && identity !== undefined
  await inTransaction(ctx, async (trx) => {
    await insertDisclosure(trx, {
      id: uuidv7(),
      personId: person.id,
      channel: national ? 'screen' : 'referral',
      recipientClass: recipient?.class ?? null,
      recipientName: recipient?.name ?? null,
      recipientCountry: null,
      purpose: 'complaint_handling',
      legalBasis: national ? 'internal' : 'consent',
      legalReference: null,
      fieldSets: JSON.stringify(allowed ? SHOWN : []),
      allowed: allowed ? 1 : 0,
      rule: answer.rule,
      actorId: ctx.actor.userId,
      at: ctx.clock.now().toISOString(),
    })
    await audit(trx, ctx, { action: 'person.disclose', recordType: 'person', recordId: person.id, decision: allowed ? 'allowed' : 'denied' })
  })
  if (!allowed) {
    throw new DomainError('forbidden', message('faro.case_complainant_not_shared', ctx.lang), { reason: answer.rule })
  }
  return { identity: pickFields(identity, [...SHOWN]), rule: answer.rule }
}
