import { z } from 'zod'

/** Every staff role. Its value is stored in the database and named in the policy table. */
export const Role = z.enum([
  'field_agent',
  'group_coordinator',
  'national_analyst',
  'module_volunteer',
  'call_centre_operator',
  'paisano_coordinator',
  'agency_liaison',
  'guide_editor',
  'consulate_officer',
  'data_protection_officer',
  'administrator',
])
export type Role = z.infer<typeof Role>

/** All roles, in the order they are shown. */
export const ROLES: readonly Role[] = Role.options
