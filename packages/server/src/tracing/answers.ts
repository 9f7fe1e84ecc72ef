import { v7 as uuidv7 } from 'uuid'
import { checkDisclosure, type CaseState, type DisclosureChannel, type FamilyChoice, type LegalBasis, type Purpose, type Recipient } from '@faro/core'
import { findOrgUnit } from '../accounts/org-units-repo.ts'
import { audit } from '../log/audit.ts'
import { inTransaction, type Ctx, type Executor } from '../log/context.ts'
import { readRecord } from '../log/records.ts'
import type { Keyring } from '../protection/keyring.ts'
import { consentsOf, insertConsent, insertDisclosure, opposedPurposes, toConsent } from '../protection/people/consents-repo.ts'
import { findPerson } from '../protection/people/people-repo.ts'
import { decryptIdentity } from '../protection/people/vault.ts'

/**
 * What the requester of a location request may be told of each person it seeks, and the found
 * person's choice that decides it, kept in the consent ledger.
 *
 * A found adult chooses: `location` (where they are), `alive_only` (only that they are alive and
 * well) or `nothing`. In the ledger, for the requester's recipient class (the consulate of the
 * person's country, or relatives), `location` is consent for family tracing and family contact;
 * `alive_only` is consent for family contact with family tracing declined; `nothing` declines
 * both. A declined purpose is an entry withdrawn the moment it is given: a later choice is a newer
 * entry and supersedes it.
 */

/** The requester, as a recipient: the consulate that filed the request, or the family. */
async function requesterOf(db: Executor, state: CaseState): Promise<Recipient> {
  const unit = await findOrgUnit(db, state.orgUnitId)
  if (unit?.kind === 'consulate' && unit.code !== undefined) {
    return { class: 'consulate', country: unit.code }
  }
  return { class: 'relative' }
}

const PURPOSES: Record<FamilyChoice, { given: Purpose[]; declined: Purpose[] }> = {
  location: { given: ['family_tracing', 'family_contact'], declined: [] },
  alive_only: { given: ['family_contact'], declined: ['family_tracing'] },
  nothing: { given: [], declined: ['family_tracing', 'family_contact'] },
}

/** Writes the found person's choice into the ledger, in the transaction of the step that records it. */
export async function recordChoice(trx: Executor, ctx: Ctx, state: CaseState, personId: string, choice: FamilyChoice): Promise<void> {
  const recipient = await requesterOf(trx, state)
  const at = ctx.clock.now().toISOString()
  const { given, declined } = PURPOSES[choice]
  for (const purpose of [...given, ...declined]) {
    const refused = declined.includes(purpose)
    await insertConsent(trx, {
      id: uuidv7(),
      personId,
      recipientClass: recipient.class,
      recipientName: null,
      recipientCountry: recipient.country ?? null,
      purpose,
      legalBasis: 'consent',
      givenAt: at,
      expiresAt: null,
      withdrawnAt: refused ? at : null,
      withdrawnBy: refused ? ctx.actor.userId : null,
      recordedBy: ctx.actor.userId,
      explainedIn: state.language,
      createdAt: at,
    })
  }
  await audit(trx, ctx, { action: 'consent.record', recordType: 'person', recordId: personId, decision: 'allowed' })
}

/** What the requester is told of one sought person. */
export type Answer =
  | { person: number; status: 'searching' | 'not_found' | 'withdrawn' | 'no_information' }
  | { person: number; status: 'found_alive'; place: string | null }
  | { person: number; status: 'found_deceased'; forensicRef: string | null }

/**
 * A competent authority's duty to tell a consulate of a national's death, or of a minor or an adult
 * lacking full capacity found (art. 37 (a) and (b)).
 */
const CONSULAR_DUTY = 'Convención de Viena sobre Relaciones Consulares, art. 37'
const ADULT_AGE = 18

/**
 * What may be told to the requester of each person sought, decided for each found person by the
 * one disclosure check and stored, allowed or not, with its rule; each ask is audited:
 *
 * - found alive, an adult: by their choice in the ledger (where they are, only alive, nothing);
 * - found alive, a minor or someone unable to decide for themselves (unconscious, lacking
 *   capacity): where they are, to relatives on vital interest, to their country's
 *   consulate as the authorities' duty;
 * - found deceased (always with a forensic reference): to relatives on vital interest, to the
 *   consulate as the authorities' duty;
 * - not yet decided by a found adult, or refused: "no information", never a hint of which.
 */
export async function answersFor(ctx: Ctx, keyring: Keyring, recordId: string): Promise<Answer[]> {
  const record = await readRecord(ctx, 'case', recordId)
  const state = record.state as unknown as CaseState
  const recipient = await requesterOf(ctx.db.db, state)
  const answers: Answer[] = []
  for (const [index, sought] of (state.sought ?? []).entries()) {
    const person = index + 1
    const trace = state.traces?.[sought.soughtId]
    if (trace?.outcome === undefined) {
      answers.push({ person, status: 'searching' })
      continue
    }
    if (trace.outcome === 'not_found' || trace.outcome === 'withdrawn') {
      answers.push({ person, status: trace.outcome })
      continue
    }
    const row = await findPerson(ctx.db.db, sought.personId)
    const identity = row === undefined ? undefined : await decryptIdentity(ctx.db.db, keyring, row)
    const minor = identity?.approximateAge !== undefined ? identity.approximateAge < ADULT_AGE : identity?.birthDate !== undefined ? ageOn(identity.birthDate, ctx.clock.now()) < ADULT_AGE : false
    const byDuty = trace.outcome === 'found_deceased' || minor || trace.unableToDecide === true
    const ask = async (purpose: Purpose): Promise<boolean> => {
      const consulate = recipient.class === 'consulate'
      const basis: LegalBasis = byDuty ? (consulate ? 'legal_obligation' : 'vital_interest') : 'consent'
      const asked: Recipient = byDuty && consulate ? { class: 'authority', name: `consulate:${recipient.country ?? ''}` } : recipient
      const channel: DisclosureChannel = consulate ? 'referral' : 'relative_message'
      const decided = checkDisclosure({
        channel,
        recipient: asked,
        purpose,
        legalBasis: basis,
        legalReference: basis === 'legal_obligation' ? CONSULAR_DUTY : undefined,
        person: { status: identity === undefined || row === undefined ? 'shredded' : row.status === 'blocked' ? 'blocked' : 'active', nationality: identity?.nationality, opposedPurposes: row === undefined ? [] : await opposedPurposes(ctx.db.db, row.id) },
        consents: row === undefined ? [] : (await consentsOf(ctx.db.db, row.id)).map(toConsent),
        now: ctx.clock.now(),
      })
      // A consulate hears of its own nationals only.
      const allowed = decided.allow && (!consulate || identity?.nationality === recipient.country)
      await inTransaction(ctx, async (trx) => {
        await insertDisclosure(trx, {
          id: uuidv7(),
          personId: sought.personId,
          channel,
          recipientClass: asked.class,
          recipientName: asked.name ?? null,
          recipientCountry: asked.country ?? null,
          purpose,
          legalBasis: basis,
          legalReference: basis === 'legal_obligation' ? CONSULAR_DUTY : null,
          fieldSets: JSON.stringify([]),
          allowed: allowed ? 1 : 0,
          rule: allowed || !decided.allow ? decided.rule : 'consulate_other_country',
          actorId: ctx.actor.userId,
          at: ctx.clock.now().toISOString(),
        })
        await audit(trx, ctx, { action: 'person.disclose', recordType: 'person', recordId: sought.personId, decision: allowed ? 'allowed' : 'denied' })
      })
      return allowed
    }
    if (trace.outcome === 'found_deceased') {
      answers.push((await ask('family_tracing')) ? { person, status: 'found_deceased', forensicRef: trace.forensicRef ?? null } : { person, status: 'no_information' })
    } else if (await ask('family_tracing')) {
      answers.push({ person, status: 'found_alive', place: trace.place ?? null })
    } else if (!byDuty && (await ask('family_contact'))) {
      answers.push({ person, status: 'found_alive', place: null })
    } else {
      answers.push({ person, status: 'no_information' })
    }
  }
  return answers
}

function ageOn(birthDate: string, now: Date): number {
  const born = new Date(`${birthDate}T00:00:00Z`)
  let age = now.getUTCFullYear() - born.getUTCFullYear()
  if (now.getUTCMonth() < born.getUTCMonth() || (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() < born.getUTCDate())) {
    age -= 1
  }
  return age
}
