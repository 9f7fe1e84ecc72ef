import { z } from 'zod'
import { Nationality } from '../people/counts.ts'
import { IsoDateTime } from '../util/ids.ts'
import { LanguageCode, LegalBasis, Purpose } from './identity.ts'

/**
 * Who may receive a person's identity, as the Grupos Beta practice allows: authorities for a
 * stated purpose, direct relatives, the consulate of the person's nationality, a named partner.
 */
export const RecipientClass = z.enum(['authority', 'relative', 'consulate', 'partner'])
export type RecipientClass = z.infer<typeof RecipientClass>

/** A recipient: its class and, for a consulate its country, for a partner or authority its name. */
export const Recipient = z.strictObject({
  class: RecipientClass,
  name: z.string().trim().min(1).max(160).optional().describe('authority or partner organisation; never a person'),
  country: Nationality.optional().describe('for a consulate: the country it represents'),
})
export type Recipient = z.infer<typeof Recipient>

/** Recording a consent (or another legal basis) for one recipient class and purpose. */
export const RecordConsentInput = z.strictObject({
  recipient: Recipient,
  purpose: Purpose,
  legalBasis: LegalBasis,
  givenAt: IsoDateTime,
  expiresAt: IsoDateTime.optional(),
  explainedIn: LanguageCode.describe('the language the consent was explained in'),
})
export type RecordConsentInput = z.infer<typeof RecordConsentInput>

/** One entry of the consent ledger. */
export const Consent = z.object({
  id: z.string(),
  personId: z.string(),
  recipient: Recipient,
  purpose: Purpose,
  legalBasis: LegalBasis,
  givenAt: IsoDateTime,
  expiresAt: IsoDateTime.nullable(),
  withdrawnAt: IsoDateTime.nullable(),
  recordedBy: z.string(),
  explainedIn: LanguageCode,
})
export type Consent = z.infer<typeof Consent>

export const ConsentState = z.enum(['none', 'given', 'expired', 'withdrawn'])
export type ConsentState = z.infer<typeof ConsentState>

/**
 * The state of a consent at a time: withdrawn wins over expired, which wins over given; a consent
 * given in the future is not yet given.
 * @example consentState({ givenAt: '2026-01-01T00:00:00Z', expiresAt: null, withdrawnAt: null }, new Date('2026-02-01')) // 'given'
 */
export function consentState(c: Pick<Consent, 'givenAt' | 'expiresAt' | 'withdrawnAt'> | undefined, now: Date): ConsentState {
  if (c === undefined) {
    return 'none'
  }
  const t = now.getTime()
  if (c.withdrawnAt !== null && Date.parse(c.withdrawnAt) <= t) {
    return 'withdrawn'
  }
  if (c.expiresAt !== null && Date.parse(c.expiresAt) <= t) {
    return 'expired'
  }
  return Date.parse(c.givenAt) <= t ? 'given' : 'none'
}
