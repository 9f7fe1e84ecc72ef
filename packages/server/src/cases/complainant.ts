import { v7 as uuidv7 } from 'uuid'
import { presentFields, type Complainant, type ComplainantConsent, type OrgUnit, type Purpose, type RecipientClass } from '@faro/core'
import { encodePath } from '../db/dialect.ts'
import { audit } from '../log/audit.ts'
import type { Ctx, Executor } from '../log/context.ts'
import type { Keyring } from '../protection/keyring.ts'
import { insertConsent } from '../protection/people/consents-repo.ts'
import { insertLinks, insertPerson, replaceNameIndex } from '../protection/people/people-repo.ts'
import { encryptNew, indexEntries } from '../protection/people/vault.ts'

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
 * its name index, the link to the case on the basis of consent, and one consent per recipient
 * class the person agreed to, explained in their language. The case keeps only the person id.
 * It is part of taking the case: the right to take one (`case.create`) is the right to store the
 * identity its complainant gives, not to read it back.
 */
export async function storeComplainant(trx: Executor, ctx: Ctx, keyring: Keyring, unit: OrgUnit, recordId: string, sealed: SealedComplainant, language: string): Promise<void> {
  const now = ctx.clock.now().toISOString()
  const { personId, complainant } = sealed
  await insertPerson(
    trx,
    { id: personId, orgUnitId: unit.id, orgUnitPath: encodePath(unit.path), status: 'active', ciphertext: sealed.ciphertext, presentFields: JSON.stringify(presentFields(complainant.identity)), createdBy: ctx.actor.userId, createdAt: now, updatedAt: now },
    { wrappedKey: sealed.wrappedKey, keyVersion: keyring.version },
  )
  await replaceNameIndex(trx, personId, sealed.index)
  await insertLinks(trx, [{ personId, recordType: 'case', recordId, legalBasis: 'consent', purpose: 'complaint_handling', createdBy: ctx.actor.userId, createdAt: now }])
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
