import { z } from 'zod'
import { IsoDateTime } from '../util/ids.ts'

/** Bounds shared by the hold form and the API, so both refuse the same input. */
export const LEGAL_HOLD_LIMITS = { reasonMin: 10, reasonMax: 500, referenceMax: 120 } as const

const reason = z
  .string()
  .trim()
  .min(LEGAL_HOLD_LIMITS.reasonMin)
  .max(LEGAL_HOLD_LIMITS.reasonMax)
  .describe('why the data is needed, without names or other personal data')

/**
 * Places a legal hold: while any hold on a person is active, retention and cancellation do not
 * erase their identity. The reason and reference are stored in clear, so they must not name anyone.
 */
export const PlaceLegalHoldInput = z.strictObject({
  reason,
  reference: z.string().trim().min(1).max(LEGAL_HOLD_LIMITS.referenceMax).describe('the authority and its file number, e.g. "FGR carpeta 123/2026"; no names'),
})
export type PlaceLegalHoldInput = z.infer<typeof PlaceLegalHoldInput>

/** Releases one hold, for a written reason (the proceeding closed, the order was lifted). */
export const ReleaseLegalHoldInput = z.strictObject({ reason })
export type ReleaseLegalHoldInput = z.infer<typeof ReleaseLegalHoldInput>

/** A hold as the API shows it; active while `releasedAt` is null. */
export const LegalHold = z.object({
  id: z.string(),
  personId: z.string(),
  reason: z.string(),
  reference: z.string(),
  placedBy: z.string(),
  placedByName: z.string().nullable().describe('display name of the staff member who placed it'),
  placedAt: IsoDateTime,
  releasedBy: z.string().nullable(),
  releasedAt: IsoDateTime.nullable(),
  releaseReason: z.string().nullable(),
})
export type LegalHold = z.infer<typeof LegalHold>
