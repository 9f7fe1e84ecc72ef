import { z } from 'zod'
import { Nationality, Sex } from '../people/counts.ts'
import { IsoDateTime, RecordId } from '../util/ids.ts'

const text = (max: number) => z.string().trim().min(1).max(max)

/** A language by its ISO 639 code (`es`, `ht`, `quc` for K'iche'). */
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/).describe('ISO 639-1 or 639-3 code')

export const IdDocumentKind = z.enum(['passport', 'national_id', 'consular_id', 'birth_certificate', 'migration_form', 'other'])

/** An identity document: its kind, number and issuing country. */
export const IdDocument = z.strictObject({
  kind: IdDocumentKind,
  number: text(60),
  country: Nationality.optional(),
})

/** A relative the person wants to be reachable through. */
export const RelativeContact = z.strictObject({
  name: text(160),
  relationship: z.enum(['parent', 'child', 'spouse', 'sibling', 'grandparent', 'other']),
  phones: z.array(text(40)).max(5).default([]),
  email: z.email().max(200).optional(),
  country: Nationality.optional(),
})

/**
 * How a missing person looks and was dressed when last seen: what lets a rescuer, a hospital or a
 * forensic service recognise them. As identifying as a name, so it lives in the vault.
 */
export const PhysicalDescription = z.strictObject({
  heightCm: z.number().int().min(40).max(250).optional(),
  build: z.enum(['slim', 'medium', 'heavy']).optional(),
  hair: z.string().trim().max(120).optional(),
  eyes: z.string().trim().max(60).optional(),
  marks: z.string().trim().max(1000).optional().describe('tattoos, scars, birthmarks, and where'),
  dental: z.string().trim().max(500).optional().describe('missing teeth, crowns, braces'),
  disabilities: z.string().trim().max(500).optional(),
  clothing: z.string().trim().max(1000).optional().describe('what they wore when last seen'),
})
export type PhysicalDescription = z.infer<typeof PhysicalDescription>

/**
 * Everything that identifies a person. It exists only inside the vault, encrypted per person;
 * every field is optional because the person chooses what to share.
 */
export const PersonIdentity = z.strictObject({
  givenNames: text(120).optional(),
  firstSurname: text(80).optional(),
  secondSurname: text(80).optional(),
  fullName: text(300).optional().describe('the whole name in one string, as a list that does not split it wrote it'),
  aliases: z.array(text(120)).max(10).default([]),
  sex: Sex.optional(),
  birthDate: z.iso.date().optional(),
  approximateAge: z.number().int().min(0).max(120).optional(),
  nationality: Nationality.optional(),
  languages: z.array(LanguageCode).max(10).default([]),
  phones: z.array(text(40)).max(5).default([]),
  email: z.email().max(200).optional(),
  idDocuments: z.array(IdDocument).max(5).default([]),
  relatives: z.array(RelativeContact).max(10).default([]),
  healthNotes: z.string().max(2000).optional().describe('only what care needs; health field set'),
  physical: PhysicalDescription.optional().describe('how they look: for the search for missing people'),
})
export type PersonIdentity = z.infer<typeof PersonIdentity>

/** Fields of the identity, grouped in the field sets that roles are granted. */
export const IDENTITY_FIELD_SETS = {
  identity: ['givenNames', 'firstSurname', 'secondSurname', 'fullName', 'aliases', 'sex', 'birthDate', 'approximateAge', 'nationality', 'languages', 'idDocuments', 'physical'],
  contact: ['phones', 'email', 'relatives'],
  health: ['healthNotes'],
} as const satisfies Record<string, readonly (keyof PersonIdentity)[]>

export const LegalBasis = z.enum(['consent', 'vital_interest', 'legal_obligation'])
export type LegalBasis = z.infer<typeof LegalBasis>

/** What identity is used for; every consent, link and disclosure names one. */
export const Purpose = z.enum([
  'rescue',
  'medical_care',
  'family_tracing',
  'family_contact',
  'consular_assistance',
  'complaint_handling',
  'referral_services',
  'legal_proceedings',
])
export type Purpose = z.infer<typeof Purpose>

/** Links the person to a record (an attention, a rescue…) on a stated basis and purpose. */
export const PersonLinkInput = z.strictObject({
  recordType: z.string().min(1).max(40),
  recordId: RecordId,
  legalBasis: LegalBasis,
  purpose: Purpose,
})
export type PersonLinkInput = z.infer<typeof PersonLinkInput>

/** Creating a vault entry: the identity, the unit responsible for it and, optionally, a first link. */
export const CreatePersonInput = z.strictObject({
  orgUnitId: RecordId.describe('the unit responsible for this identity'),
  identity: PersonIdentity,
  link: PersonLinkInput.optional(),
}).meta({ examples: [{ orgUnitId: 'beta-tijuana', identity: { givenNames: 'María José', firstSurname: 'Ejemplo', secondSurname: 'Prueba', sex: 'female', approximateAge: 30, languages: ['es'] } }] })
export type CreatePersonInput = z.infer<typeof CreatePersonInput>

/** A name search: sent in a body, never in a URL, and matched through keyed hashes only. */
export const PersonSearchInput = z.strictObject({
  name: text(200).optional(),
  phone: text(40).optional(),
})

export const PersonStatus = z.enum(['active', 'blocked', 'shredded'])
export type PersonStatus = z.infer<typeof PersonStatus>

/** What a reader sees without revealing: no identifying value, only which fields are filled. */
export const MaskedPerson = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  status: PersonStatus,
  createdAt: IsoDateTime,
  present: z.array(z.string()).describe('names of the identity fields that hold a value'),
  links: z.array(z.object({ recordType: z.string(), recordId: z.string(), legalBasis: LegalBasis, purpose: Purpose })),
})
export type MaskedPerson = z.infer<typeof MaskedPerson>
