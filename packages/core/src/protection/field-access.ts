import { z } from 'zod'
import type { Role } from '../accounts/roles.ts'
import { IDENTITY_FIELD_SETS, type PersonIdentity } from './identity.ts'

/**
 * Field sets of a person: `identity` (names, age, nationality, documents), `contact` (phones,
 * e-mail, relatives), `health`, or only `counts` (the anonymous figures every record holds).
 */
export const FieldSet = z.enum(['identity', 'contact', 'health', 'counts'])
export type FieldSet = z.infer<typeof FieldSet>

/**
 * Which field sets each role may reveal, next to the policy table: whoever is not listed for a
 * set sees only that the field is filled. Revealing is always an explicit, audited action.
 */
export const FIELD_ACCESS: Readonly<Record<Role, readonly FieldSet[]>> = {
  field_agent: ['identity', 'contact', 'health', 'counts'],
  group_coordinator: ['identity', 'contact', 'health', 'counts'],
  call_centre_operator: ['identity', 'contact', 'counts'],
  paisano_coordinator: ['identity', 'contact', 'counts'],
  data_protection_officer: ['identity', 'contact', 'health', 'counts'],
  national_analyst: ['counts'],
  module_volunteer: ['counts'],
  agency_liaison: ['counts'],
  guide_editor: ['counts'],
  // A consulate learns a person's identity only through a disclosure the person's consent allows.
  consulate_officer: ['counts'],
  administrator: ['counts'],
}

/** The field sets a role may reveal. */
export function fieldSetsOf(role: Role): readonly FieldSet[] {
  return FIELD_ACCESS[role]
}

/**
 * Keeps only the fields of the given sets; everything else is left out, not blanked, so a
 * response never carries a value the caller may not see.
 * @example pickFields({ givenNames: 'Ana', phones: ['1'] }, ['identity']) // { givenNames: 'Ana' }
 */
export function pickFields(identity: Partial<PersonIdentity>, sets: readonly FieldSet[]): Partial<PersonIdentity> {
  const out: Record<string, unknown> = {}
  for (const set of sets) {
    if (set === 'counts') {
      continue
    }
    for (const field of IDENTITY_FIELD_SETS[set]) {
      const value = identity[field]
      if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
        out[field] = value
      }
    }
  }
  return out
}

/** Names of the identity fields that hold a value: what a masked view shows. */
export function presentFields(identity: Partial<PersonIdentity>): string[] {
  return Object.entries(identity)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k)
    .sort()
}
