import { z } from 'zod'
import { consentState, Recipient, type Consent, type ConsentState } from './consent.ts'
import { LegalBasis, Purpose } from './identity.ts'

/** How identity leaves the vault: on a screen, in an export, in a referral, in a message to a relative. */
export const DisclosureChannel = z.enum(['screen', 'export', 'referral', 'relative_message'])
export type DisclosureChannel = z.infer<typeof DisclosureChannel>

/** Purposes that vital interest covers: saving a life or finding a missing person. */
export const VITAL_PURPOSES: readonly Purpose[] = ['rescue', 'medical_care', 'family_tracing']

/** The rule that decided a disclosure; stable strings, stored with every disclosure. */
export const DisclosureRule = z.enum([
  'person_blocked',
  'opposed_purpose',
  'internal_need_to_know',
  'consent_given',
  'consent_none',
  'consent_expired',
  'consent_withdrawn',
  'vital_interest',
  'vital_interest_not_applicable',
  'legal_obligation',
  'legal_obligation_not_applicable',
  'consulate_other_country',
])
export type DisclosureRule = z.infer<typeof DisclosureRule>

/** A request to disclose identity to an external recipient (not a screen of our own staff). */
export const DiscloseInput = z.strictObject({
  channel: DisclosureChannel.exclude(['screen']),
  recipient: Recipient,
  purpose: Purpose,
  legalBasis: LegalBasis,
  legalReference: z.string().trim().min(3).max(300).optional().describe('the law or order, for legal_obligation'),
})
export type DiscloseInput = z.infer<typeof DiscloseInput>

export interface DisclosureQuestion {
  channel: DisclosureChannel
  /** Absent for a screen of our own staff. */
  recipient?: Recipient | undefined
  purpose: Purpose
  legalBasis: LegalBasis
  legalReference?: string | undefined
  person: { status: 'active' | 'blocked' | 'shredded'; nationality?: string | undefined; opposedPurposes: readonly Purpose[] }
  consents: readonly Pick<Consent, 'recipient' | 'purpose' | 'givenAt' | 'expiresAt' | 'withdrawnAt'>[]
  now: Date
}

export interface DisclosureAnswer {
  allow: boolean
  rule: DisclosureRule
  consentState: ConsentState
}

/**
 * THE one disclosure check: every screen, export, referral and message that shows identity asks
 * it, and the answer (with the rule that decided) is stored and audited. Pure; time is passed in.
 *
 * Order: a blocked person or an opposed purpose stops everything; our own staff see the screen
 * on a need-to-know basis (their field sets are checked by the policy); a withdrawn consent
 * stops every basis but a legal obligation; then the stated basis decides.
 * @example checkDisclosure({ channel: 'relative_message', recipient: { class: 'relative' }, purpose: 'family_contact',
 *   legalBasis: 'consent', person: { status: 'active', opposedPurposes: [] }, consents: [], now }) // { allow: false, rule: 'consent_none', consentState: 'none' }
 */
export function checkDisclosure(q: DisclosureQuestion): DisclosureAnswer {
  const state = q.recipient ? consentState(latestConsent(q), q.now) : 'none'
  const answer = (allow: boolean, rule: DisclosureRule): DisclosureAnswer => ({ allow, rule, consentState: state })
  if (q.person.status !== 'active') {
    return answer(false, 'person_blocked')
  }
  if (q.person.opposedPurposes.includes(q.purpose)) {
    return answer(false, 'opposed_purpose')
  }
  if (q.channel === 'screen' || q.recipient === undefined) {
    return answer(true, 'internal_need_to_know')
  }
  if (q.recipient.class === 'consulate' && (q.person.nationality === undefined || q.recipient.country !== q.person.nationality)) {
    // Only the consulate of the person's own country, and only when the nationality is known.
    return answer(false, 'consulate_other_country')
  }
  switch (q.legalBasis) {
    case 'legal_obligation':
      return q.recipient.class === 'authority' && q.legalReference !== undefined
        ? answer(true, 'legal_obligation')
        : answer(false, 'legal_obligation_not_applicable')
    case 'vital_interest':
      if (state === 'withdrawn') {
        return answer(false, 'consent_withdrawn')
      }
      return VITAL_PURPOSES.includes(q.purpose) && (q.recipient.class === 'authority' || q.recipient.class === 'relative')
        ? answer(true, 'vital_interest')
        : answer(false, 'vital_interest_not_applicable')
    case 'consent':
      return state === 'given' ? answer(true, 'consent_given') : answer(false, `consent_${state}`)
  }
}

/** The latest consent entry for the same recipient and purpose (a newer entry supersedes). */
function latestConsent(q: DisclosureQuestion): DisclosureQuestion['consents'][number] | undefined {
  const recipient = q.recipient
  if (recipient === undefined) {
    return undefined
  }
  const matching = q.consents.filter((c) => c.purpose === q.purpose && sameRecipient(c.recipient, recipient))
  return matching.sort((a, b) => Date.parse(b.givenAt) - Date.parse(a.givenAt))[0]
}

function sameRecipient(consented: Recipient, asked: Recipient): boolean {
  if (consented.class !== asked.class) {
    return false
  }
  // A consent to a named partner or authority covers that one, not every one of its class.
  if (consented.name !== undefined && normal(consented.name) !== normal(asked.name)) {
    return false
  }
  return consented.country === undefined || consented.country === asked.country
}

function normal(s: string | undefined): string {
  return (s ?? '').trim().toLowerCase()
}
