import { z } from 'zod'
import { PersonIds } from '../field/schemas.ts'
import type { MatchInput, MatchRecordKind } from '../matching/schemas.ts'
import { MatchRecordKind as RecordKind } from '../matching/schemas.ts'
import type { PersonIdentity } from '../protection/identity.ts'
import { IsoDateTime, RecordId } from '../util/ids.ts'

/**
 * The registry the search for missing migrants looks in: every record that names a person in the
 * vault — an attention or a rescue of a group, and the entries of partners' lists (hospital
 * admissions, shelter registries, forensic services, lists from the US side) imported as records
 * of their own, `registry_entry`.
 */
export const REGISTRY_RECORD_TYPES = ['attention', 'rescue', 'registry_entry'] as const
export type RegistryRecordType = (typeof REGISTRY_RECORD_TYPES)[number]

/** Payload of RegistryEntryImported: one person of a partner's list, their identity in the vault. */
export const RegistryEntryImported = z.strictObject({
  orgUnitId: RecordId.describe('the unit that imported the list'),
  at: IsoDateTime.describe('when the event the list records happened (an admission, a finding)'),
  source: z.string().trim().min(1).max(80).describe('whose list: "Hospital General de Caborca", "SEMEFO Sonora"'),
  kind: RecordKind,
  place: z.string().trim().max(200).optional().describe('where the event happened, as the list says it'),
  sourceRef: z.string().trim().max(80).optional().describe('the entry\'s own id in the partner\'s list'),
  importId: RecordId.optional().describe('the import this entry came with'),
  personIds: PersonIds.max(1).optional().describe('the person of the entry in the vault; an import always names one'),
})
export type RegistryEntryImported = z.infer<typeof RegistryEntryImported>

/** What a registry record is of, for the engine: a rescue's outcome decides between three kinds. */
export function registryKindOf(recordType: string, state: Readonly<Record<string, unknown>>): MatchRecordKind | undefined {
  switch (recordType) {
    case 'attention':
      return 'attended'
    case 'rescue':
      return state.outcome === 'deceased' ? 'deceased' : state.outcome === 'transferred_to_hospital' ? 'hospitalised' : 'rescued'
    case 'registry_entry': {
      const kind = RecordKind.safeParse(state.kind)
      return kind.success ? kind.data : undefined
    }
    default:
      return undefined
  }
}

/**
 * A vault identity as the matching engine reads it: a sought person (`request`, read at the date
 * last seen) or a registry person (`record`, read at the date of the event, with its kind).
 */
export function identityMatchInput(identity: PersonIdentity, side: { role: 'request'; lastSeen?: string | undefined } | { role: 'record'; kind: MatchRecordKind; eventDate?: string | undefined }): MatchInput {
  const date = side.role === 'request' ? side.lastSeen : side.eventDate
  return {
    role: side.role,
    kind: side.role === 'record' ? side.kind : null,
    givenNames: identity.givenNames ?? null,
    surname1: identity.firstSurname ?? null,
    surname2: identity.secondSurname ?? null,
    fullName: identity.fullName ?? null,
    aliases: identity.aliases.slice(0, 20),
    sex: identity.sex === 'female' ? 'F' : identity.sex === 'male' ? 'M' : null,
    nationality: identity.nationality ?? null,
    birthDate: identity.birthDate ?? null,
    ageYears: identity.approximateAge ?? null,
    eventDate: date?.slice(0, 10) ?? null,
  }
}
