import { CertificateFields, EquipmentCondition, EquipmentRegistered, EquipmentStatus, EquipmentType, GovernmentLevel, StaffFunction } from '@faro/core'
import { z } from 'zod'
import type { Equipment, StaffMember } from './types.ts'

/**
 * What the registries' forms hold, checked with core's own fields, and the bodies they send. A
 * date left empty is "" in a form and absent in a body. The certificate's form does not check
 * its expiry against its issue: the server does, and its refusal is shown on the field in its
 * own words.
 */

const OptionalDay = z.union([z.iso.date(), z.literal('')])

/** The languages offered as boxes to tick: those the groups meet most (a profile keeps any other it has). */
export const LANGUAGES = ['es', 'en', 'fr', 'pt', 'ht'] as const

export const ProfileForm = z.object({
  function: StaffFunction,
  governmentLevel: GovernmentLevel,
  startDate: z.iso.date(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(10),
  fitUntil: OptionalDay,
})
export type ProfileFormValues = z.input<typeof ProfileForm>

/** The form's values for a person: their profile, or nothing chosen yet. */
export function profileValues(member: StaffMember): Partial<ProfileFormValues> {
  const p = member.profile
  return { function: p?.function, governmentLevel: p?.governmentLevel, startDate: p?.startDate ?? '', languages: p?.languages ?? [], fitUntil: p?.fitUntil ?? '' }
}

/** PUT /api/staff/:userId/profile's body. */
export function profileBody(values: z.output<typeof ProfileForm>, id: string): Record<string, unknown> {
  const { fitUntil, languages, ...rest } = values
  return { id, ...rest, languages: [...new Set(languages)], ...(fitUntil === '' ? {} : { fitUntil }) }
}

export const CertificateForm = z.object({
  course: CertificateFields.shape.course,
  issuer: CertificateFields.shape.issuer,
  issuerName: z.string().trim().max(120),
  issuedOn: z.iso.date(),
  expiresOn: OptionalDay,
})
export type CertificateFormValues = z.input<typeof CertificateForm>

/** POST /api/staff/:userId/certificates's body. */
export function certificateBody(values: z.output<typeof CertificateForm>, id: string): Record<string, unknown> {
  const { issuerName, expiresOn, ...rest } = values
  return { id, ...rest, ...(issuerName === '' ? {} : { issuerName }), ...(expiresOn === '' ? {} : { expiresOn }) }
}

export const RegisterForm = z.object({
  orgUnitId: z.string().min(1),
  type: EquipmentType,
  identifier: EquipmentRegistered.shape.identifier,
  quantity: z.coerce.number<string>().int().min(1).max(1000),
  acquiredOn: OptionalDay,
  nextServiceOn: OptionalDay,
})
export type RegisterFormValues = z.input<typeof RegisterForm>

/** POST /api/equipment's body. */
export function registerBody(values: z.output<typeof RegisterForm>, id: string): Record<string, unknown> {
  const { acquiredOn, nextServiceOn, ...rest } = values
  return { id, ...rest, ...(acquiredOn === '' ? {} : { acquiredOn }), ...(nextServiceOn === '' ? {} : { nextServiceOn }) }
}

export const ChangeForm = z.object({
  status: EquipmentStatus,
  condition: EquipmentCondition,
  usage: z.union([z.literal(''), z.coerce.number<string>().int().min(0).max(10_000_000)]),
  note: z.string().trim().max(1000),
})
export type ChangeFormValues = z.input<typeof ChangeForm>

/** The change form's values for an item: as it stands. */
export function changeValues(item: Equipment): ChangeFormValues {
  return { status: item.status, condition: item.condition, usage: item.usage === undefined ? '' : String(item.usage), note: '' }
}

/**
 * PATCH /api/equipment/:id's body: what changed and the note, or null when nothing did (the
 * server checks the change against the item's current version itself). The status, condition,
 * quantity and crew always go as they stand: the server fills those left out with a new item's
 * defaults (in service, good, one, nobody), which would undo them.
 */
export function changeBody(item: Equipment, values: z.output<typeof ChangeForm>, id: string): Record<string, unknown> | null {
  const changed = values.status !== item.status || values.condition !== item.condition || (values.usage !== '' && values.usage !== item.usage) || values.note !== ''
  if (!changed) {
    return null
  }
  return {
    id,
    status: values.status,
    condition: values.condition,
    quantity: item.quantity,
    crew: item.crew,
    ...(values.usage !== '' && values.usage !== item.usage ? { usage: values.usage } : {}),
    ...(values.note !== '' ? { note: values.note } : {}),
  }
}
