import { z } from 'zod'
import { LanguageCode, PersonIdentity } from '../protection/identity.ts'
import { RecordId } from '../util/ids.ts'
import { CaseChannel, ContactChannel } from '../cases/catalogues.ts'
import { Complainant } from '../cases/schemas.ts'
import { Relationship, SoughtDetails } from './record.ts'

/**
 * Location requests: a family, a consulate, the call centre or a group asks whether Faro has seen
 * one or several missing migrants. A request is a case (kind `location_request`, folio `LB-…`,
 * PIN, routing, deadlines, status); the people it seeks are its own list, each with an outcome.
 * Their identities, as the requester gave them, are in the vault; the case keeps the vault
 * references and what is not identifying (where from, the route, the last contact).
 */

const Text = (max: number) => z.string().trim().min(1).max(max)

/** One sought person as the request is filed: the identity goes to the vault. */
export const SoughtPersonInput = z.strictObject({
  identity: PersonIdentity.refine((i) => i.givenNames !== undefined || i.firstSurname !== undefined || i.fullName !== undefined || i.aliases.length > 0 || i.physical !== undefined, { message: 'faro.trace_nobody' }),
  ...SoughtDetails,
})
export type SoughtPersonInput = z.infer<typeof SoughtPersonInput>

/** A location request as it is filed (`POST /api/tracing/requests`). */
export const LocationRequestIntake = z.strictObject({
  id: RecordId.describe('a new UUID per request, kept for retries'),
  channel: CaseChannel,
  orgUnitId: RecordId.optional().describe('default: the caller\'s unit'),
  description: Text(4000).describe('the story as the requester tells it'),
  sought: z.array(SoughtPersonInput).min(1).max(100).describe('one or many: groups travel together'),
  requester: Complainant.optional().describe('who asks and how to reach them; `consents` names who may know who asks. Absent: the filing unit (a consulate) is the contact'),
  relationship: Relationship,
  language: LanguageCode.default('es'),
  contactChannel: ContactChannel.default('none'),
  pin: z.string().regex(/^\d{6}$/).optional(),
})
export type LocationRequestIntake = z.infer<typeof LocationRequestIntake>

/** The intake with its checks across fields: a contact channel needs its address or number. */
export const LocationRequestForm = LocationRequestIntake.refine((r) => r.contactChannel !== 'email' || r.requester?.identity.email !== undefined, { path: ['requester', 'identity', 'email'], message: 'faro.case_email_needed' }).refine(
  (r) => r.contactChannel !== 'phone' || (r.requester?.identity.phones.length ?? 0) > 0,
  { path: ['requester', 'identity', 'phones'], message: 'faro.case_phone_needed' },
)

