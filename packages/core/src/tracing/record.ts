import { z } from 'zod'
import { Nationality } from '../people/counts.ts'
import { IsoDateTime, RecordId } from '../util/ids.ts'

// What a case keeps of a location request: the people it seeks and the actions on each of them,
// apart from the intake's schemas so that a case (cases/schemas.ts) can hold them.

/** How the requester last heard from the person. */
export const ContactMeans = z.enum(['phone_call', 'message', 'social_media', 'in_person', 'through_someone', 'other'])
export type ContactMeans = z.infer<typeof ContactMeans>

/** Who the requester is to the people sought. */
export const Relationship = z.enum(['parent', 'child', 'spouse', 'sibling', 'other_relative', 'friend', 'consulate', 'organisation', 'other'])
export type Relationship = z.infer<typeof Relationship>

/** The last news of a sought person: when, where, how. */
export const LastContact = z.strictObject({
  date: z.iso.date().optional(),
  place: z.string().trim().max(200).optional().describe('as the requester says it: a town, a crossing, a shelter'),
  state: z.string().trim().max(80).optional(),
  country: Nationality.optional(),
  means: ContactMeans.optional(),
})
export type LastContact = z.infer<typeof LastContact>

/** Where the person set out from. */
export const Origin = z.strictObject({
  country: Nationality.optional(),
  region: z.string().trim().max(120).optional().describe('department, state or province'),
  town: z.string().trim().max(120).optional(),
})

/** What a request says of one sought person beyond their identity; none of it names them. */
export const SoughtDetails = {
  origin: Origin.optional(),
  route: z.string().trim().max(500).optional().describe('the way they were taking north'),
  lastContact: LastContact.optional(),
  companions: z.string().trim().max(500).optional().describe('how many travelled together, and who; no names'),
}

/** One sought person as the case keeps it: the vault reference and the details. */
export const SoughtPerson = z.strictObject({
  soughtId: RecordId,
  personId: RecordId.describe('the identity in the vault, on the basis of vital interest, for family tracing'),
  ...SoughtDetails,
})
export type SoughtPerson = z.infer<typeof SoughtPerson>


/** How the search for one person ended. A death is only ever stated with a forensic reference. */
export const TraceOutcome = z.enum(['found_alive', 'found_deceased', 'not_found', 'withdrawn'])
export type TraceOutcome = z.infer<typeof TraceOutcome>

/** A reviewer's word on one candidate for one sought person. */
export const CandidateMark = z.enum(['possible', 'not_this_person', 'confirmed'])
export type CandidateMark = z.infer<typeof CandidateMark>

/** What a found adult lets the requester be told. */
export const FamilyChoice = z.enum(['location', 'alive_only', 'nothing'])
export type FamilyChoice = z.infer<typeof FamilyChoice>

/** A record of the registry (an attention, a rescue, a found body, an imported list entry). */
export const RegistryRef = z.strictObject({ recordType: z.string().min(1).max(40), recordId: RecordId })
export type RegistryRef = z.infer<typeof RegistryRef>

const SoughtRef = { at: IsoDateTime, soughtId: RecordId }

export const TraceCandidateMarked = z
  .strictObject({ ...SoughtRef, candidate: RegistryRef, mark: CandidateMark, forensicRef: z.string().trim().max(120).optional(), note: z.string().trim().max(1000).optional() })
  .describe('a reviewer marks a candidate')
export const TraceOutcomeSet = z
  .strictObject({
    ...SoughtRef,
    outcome: TraceOutcome,
    record: RegistryRef.optional().describe('the registry record where the person was found'),
    place: z.string().trim().max(200).optional().describe('where the person is, for found_alive'),
    condition: z.string().trim().max(500).optional(),
    unableToDecide: z.boolean().optional().describe('found alive but unable to decide for themselves'),
    forensicRef: z.string().trim().max(120).optional().describe('the forensic service\'s file: required for found_deceased'),
  })
  .refine((o) => o.outcome !== 'found_deceased' || o.forensicRef !== undefined, { path: ['forensicRef'], message: 'faro.trace_forensic_needed' })
export const TraceFamilyChoiceSet = z.strictObject({ ...SoughtRef, choice: FamilyChoice }).describe('what the found adult lets the requester be told')

/** How close a candidate the registry gave up is; only these two alert the request's handler. */
export const AlertBand = z.enum(['strong', 'possible'])
export type AlertBand = z.infer<typeof AlertBand>

export const TraceCandidateFound = z
  .strictObject({ ...SoughtRef, candidate: RegistryRef, band: AlertBand })
  .describe('the search, acted by the system: a new registry record may be this sought person')

/** The actions of a location request besides the case's own. */
export const TRACE_ACTIONS = {
  TraceCandidateMarked,
  TraceOutcomeSet,
  TraceFamilyChoiceSet,
  TraceCandidateFound,
} as const
