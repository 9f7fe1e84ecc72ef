import { z } from 'zod'
import { LanguageCode } from '../protection/identity.ts'
import { RecordId } from '../util/ids.ts'
import { patchOf } from '../util/patch.ts'

/**
 * What lets the groups work: their staff and what each is trained in, and their vehicles and
 * equipment. Each is a record of the action log (`staff_profile`, `certificate`,
 * `training_course`, `equipment`) under a group's unit, read and changed through the policy
 * table like every record; the lists, alerts and the renewal list are folded from them.
 */

const Day = z.iso.date()
const Note = z.string().trim().max(1000)

/** What a member of staff does in the group. */
export const StaffFunction = z.enum(['rescuer', 'paramedic', 'doctor', 'nurse', 'driver', 'coordinator', 'liaison', 'lawyer', 'administrative', 'other'])
export type StaffFunction = z.infer<typeof StaffFunction>

/** The groups are mixed: federal, state and municipal staff work side by side. */
export const GovernmentLevel = z.enum(['federal', 'state', 'municipal'])
export type GovernmentLevel = z.infer<typeof GovernmentLevel>

/**
 * Payload of StaffProfileRecorded: the working side of an account (the record id is the account's
 * id). No health detail beyond the date the medical fitness check holds until.
 */
export const StaffProfileRecorded = z.strictObject({
  orgUnitId: RecordId.describe('the group the person works in'),
  userId: RecordId.describe('the account'),
  function: StaffFunction,
  governmentLevel: GovernmentLevel,
  startDate: Day.describe('when they joined the group'),
  languages: z.array(LanguageCode).max(10).default([]),
  fitUntil: Day.optional().describe('the medical fitness check holds until this day'),
})
export type StaffProfileRecorded = z.infer<typeof StaffProfileRecorded>

export const TrainingKind = z.enum(['rescue', 'humanitarian'])
export type TrainingKind = z.infer<typeof TrainingKind>

/**
 * The courses Grupos Beta staff take (the IOM book's table, and the drones and airboats of the
 * GCM practice sheet), with how many months a certificate usually holds when it expires.
 * Their names are in the staff app's catalogues; the national office adds more as records.
 */
export const TRAINING_CATALOGUE = {
  land_water_rescue: { kind: 'rescue', validityMonths: 24 },
  first_aid: { kind: 'rescue', validityMonths: 24 },
  rappel: { kind: 'rescue', validityMonths: 24 },
  crisis_management: { kind: 'rescue', validityMonths: null },
  search_rescue: { kind: 'rescue', validityMonths: 36 },
  rope_systems: { kind: 'rescue', validityMonths: 24 },
  pre_hospital_care: { kind: 'rescue', validityMonths: 24 },
  defensive_driving: { kind: 'rescue', validityMonths: 36 },
  cpr: { kind: 'rescue', validityMonths: 24 },
  swimming: { kind: 'rescue', validityMonths: 12 },
  gps: { kind: 'rescue', validityMonths: null },
  drones: { kind: 'rescue', validityMonths: 24 },
  airboats: { kind: 'rescue', validityMonths: 24 },
  legal_procedures: { kind: 'humanitarian', validityMonths: null },
  trafficking_women_children: { kind: 'humanitarian', validityMonths: null },
  trafficking_victims: { kind: 'humanitarian', validityMonths: null },
  human_rights_migration: { kind: 'humanitarian', validityMonths: null },
} as const satisfies Record<string, { kind: TrainingKind; validityMonths: number | null }>
export type CatalogueCourse = keyof typeof TRAINING_CATALOGUE
export const CatalogueCourse = z.enum(Object.keys(TRAINING_CATALOGUE) as [CatalogueCourse, ...CatalogueCourse[]])

/** Payload of TrainingCourseAdded: a course the national office adds to the catalogue (the record id is its code). */
export const TrainingCourseAdded = z.strictObject({
  orgUnitId: RecordId.describe('the national office that keeps the catalogue'),
  kind: TrainingKind,
  name: z.strictObject({ es: z.string().trim().min(1).max(120), en: z.string().trim().min(1).max(120) }),
  validityMonths: z.number().int().min(1).max(120).optional().describe('how long a certificate usually holds; absent: it does not expire'),
})
export type TrainingCourseAdded = z.infer<typeof TrainingCourseAdded>

/** Who trained them. */
export const Issuer = z.enum(['red_cross', 'civil_protection', 'icrc', 'iom', 'us_trainers', 'inm', 'other'])
export type Issuer = z.infer<typeof Issuer>

/** The fields of a certificate; see CertificateRecorded for the check across them. */
export const CertificateFields = z.strictObject({
  orgUnitId: RecordId.describe('the holder\'s group'),
  userId: RecordId.describe('the holder\'s account'),
  course: z.string().min(1).max(64).describe('a catalogue code (first_aid, cpr…) or the id of a course the national office added'),
  issuer: Issuer,
  issuerName: z.string().trim().max(120).optional().describe('for `other`, or to name the branch'),
  issuedOn: Day,
  expiresOn: Day.optional().describe('absent: it does not expire'),
})

/** A certificate never expires before it was issued. */
export function expiresAfterIssue(c: { issuedOn?: string | undefined; expiresOn?: string | undefined }): boolean {
  return c.expiresOn === undefined || c.issuedOn === undefined || c.expiresOn >= c.issuedOn
}
export const EXPIRES_AFTER_ISSUE: { path: PropertyKey[]; message: string } = { path: ['expiresOn'], message: 'faro.certificate_expires_before_issued' }

/** Payload of CertificateRecorded: one person's certificate of one course. */
export const CertificateRecorded = CertificateFields.refine(expiresAfterIssue, EXPIRES_AFTER_ISSUE)
export type CertificateRecorded = z.infer<typeof CertificateRecorded>

/** A correction of a certificate: any field but the holder's unit, with the same check of dates. */
export const CertificateCorrected = z
  .strictObject({ issuer: Issuer.optional(), issuerName: z.string().trim().max(120).optional(), issuedOn: Day.optional(), expiresOn: Day.optional(), revoked: z.boolean().optional().describe('entered by mistake, or withdrawn by the issuer') })
  .refine(expiresAfterIssue, EXPIRES_AFTER_ISSUE)

/** The seed's lists of vehicles and equipment, for everyday work, water rescue and land rescue. */
export const EquipmentType = z.enum([
  'jeep',
  'pickup',
  'four_wheeler',
  'car',
  'trailer',
  'outboard_motor',
  'ambulance',
  'inflatable_raft',
  'boat',
  'airboat',
  'drone',
  'lifejackets',
  'wetsuits',
  'waterproof_flashlights',
  'ropes',
  'stretchers',
  'first_aid_kits',
  'gps',
  'rappel_gear',
  'radio',
  'other',
])
export type EquipmentType = z.infer<typeof EquipmentType>

/** Vehicles and boats, whose service is counted in engine hours or kilometres as well as dates. */
export const VEHICLES: readonly EquipmentType[] = ['jeep', 'pickup', 'four_wheeler', 'car', 'trailer', 'outboard_motor', 'ambulance', 'inflatable_raft', 'boat', 'airboat']

export const EquipmentStatus = z.enum(['in_service', 'in_repair', 'out_of_service', 'lost'])
export type EquipmentStatus = z.infer<typeof EquipmentStatus>

export const EquipmentCondition = z.enum(['good', 'fair', 'poor'])
export type EquipmentCondition = z.infer<typeof EquipmentCondition>

/** Payload of EquipmentRegistered: one vehicle or item of a group. */
export const EquipmentRegistered = z.strictObject({
  orgUnitId: RecordId.describe('the group that holds it'),
  type: EquipmentType,
  identifier: z.string().trim().min(1).max(80).describe('plate, serial or inventory number'),
  description: z.string().trim().max(200).optional(),
  quantity: z.number().int().min(1).max(1000).default(1).describe('for items kept as a lot: 12 lifejackets'),
  status: EquipmentStatus.default('in_service'),
  condition: EquipmentCondition.default('good'),
  acquiredOn: Day.optional(),
  crew: z.array(RecordId).max(20).default([]).describe('accounts assigned to it'),
  nextServiceOn: Day.optional(),
  nextServiceAt: z.number().int().min(0).max(10_000_000).optional().describe('engine hours or kilometres at the next service'),
  usage: z.number().int().min(0).max(10_000_000).optional().describe('engine hours or kilometres now'),
  note: Note.optional().describe('what was found or done: the condition history is the record\'s history'),
})
export type EquipmentRegistered = z.infer<typeof EquipmentRegistered>

/** Payload of EquipmentUpdated: what changed (a repair, a new condition, a service done). */
export const EquipmentUpdated = patchOf(EquipmentRegistered.omit({ orgUnitId: true, type: true }))
