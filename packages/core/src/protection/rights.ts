import { z } from 'zod'
import { IsoDateTime } from '../util/ids.ts'
import { PersonIdentity, Purpose } from './identity.ts'

/** ARCO rights: access, rectification, cancellation, opposition. */
export const RightsKind = z.enum(['access', 'rectification', 'cancellation', 'opposition'])
export type RightsKind = z.infer<typeof RightsKind>

export const RightsStatus = z.enum(['open', 'extended', 'blocked', 'completed', 'refused'])
export type RightsStatus = z.infer<typeof RightsStatus>

/** Grounds the law allows for refusing; a written reason is always required with them. */
export const RefusalGround = z.enum([
  'not_accredited',
  'data_not_held',
  'legal_impediment',
  'third_party_rights',
  'obstructs_proceedings',
  'authority_resolution',
  'already_done',
  'not_competent',
  'needed_for_holder_interests',
  'needed_for_legal_obligation',
])

export const RegisterRightsRequestInput = z.strictObject({
  personId: z.uuid(),
  kind: RightsKind,
  receivedAt: IsoDateTime.optional().describe('defaults to now'),
  channel: z.enum(['in_person', 'phone', 'email', 'post', 'web']),
  purpose: Purpose.optional().describe('for an opposition: the purpose objected to'),
})

const reason = z.string().trim().min(10).max(2000).describe('written reason, without personal data')

export const ExtendRightsRequestInput = z.strictObject({ reason })
export const RefuseRightsRequestInput = z.strictObject({ ground: RefusalGround, reason })
const shape = PersonIdentity.shape

/**
 * A correction: only the fields sent change. Written out rather than `.partial()`, whose list
 * defaults would otherwise empty every list the correction does not mention.
 */
export const IdentityChange = z.strictObject({
  givenNames: shape.givenNames,
  firstSurname: shape.firstSurname,
  secondSurname: shape.secondSurname,
  fullName: shape.fullName,
  aliases: shape.aliases.unwrap().optional(),
  sex: shape.sex,
  birthDate: shape.birthDate,
  approximateAge: shape.approximateAge,
  nationality: shape.nationality,
  languages: shape.languages.unwrap().optional(),
  phones: shape.phones.unwrap().optional(),
  email: shape.email,
  idDocuments: shape.idDocuments.unwrap().optional(),
  relatives: shape.relatives.unwrap().optional(),
  healthNotes: shape.healthNotes,
})
export const RectifyInput = z.strictObject({ identity: IdentityChange })

export const RightsRequest = z.object({
  id: z.string(),
  personId: z.string(),
  kind: RightsKind,
  status: RightsStatus,
  channel: z.string(),
  purpose: Purpose.nullable(),
  receivedAt: IsoDateTime,
  dueAt: IsoDateTime,
  extended: z.boolean(),
  resolvedAt: IsoDateTime.nullable(),
  refusalGround: RefusalGround.nullable(),
  shredAt: IsoDateTime.nullable(),
})
export type RightsRequest = z.infer<typeof RightsRequest>
