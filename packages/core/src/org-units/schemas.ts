import { z } from 'zod'
import { RecordId } from '../util/ids.ts'

/** What an org unit is; the tree mixes both programmes, their offices and partner agencies. */
export const OrgUnitKind = z.enum([
  'national_office',
  'beta_coordination',
  'beta_group',
  'paisano_office',
  'state_committee',
  'module',
  'observation_point',
  'us_office',
  'partner_network',
  'agency',
  'internal_control',
  'consulate',
])
export type OrgUnitKind = z.infer<typeof OrgUnitKind>

export const Border = z.enum(['north', 'south', 'central'])
export type Border = z.infer<typeof Border>

export const Latitude = z.number().min(-90).max(90)
export const Longitude = z.number().min(-180).max(180)

/** Body of POST /api/org-units. */
export const CreateOrgUnitInput = z.strictObject({
  id: RecordId.describe('stable identifier, e.g. beta-tijuana'),
  parentId: RecordId.nullable().describe('null only for a root of the tree'),
  kind: OrgUnitKind,
  name: z.string().min(1).max(200),
  code: z.string().max(32).optional().describe('public acronym, for agencies'),
  state: z.string().max(80).optional(),
  city: z.string().max(120).optional(),
  border: Border.optional(),
  lat: Latitude.optional(),
  lon: Longitude.optional(),
})
export type CreateOrgUnitInput = z.infer<typeof CreateOrgUnitInput>

/** An org unit as stored and shown. `path` lists its ancestors and itself, root first. */
export const OrgUnit = CreateOrgUnitInput.extend({
  path: z.array(z.string()),
  demo: z.boolean(),
})
export type OrgUnit = z.infer<typeof OrgUnit>

/**
 * True when `unitPath` (root-first ancestry of a unit, itself last) lies inside the subtree of
 * `ancestorId`.
 * @example isInSubtree(['inm', 'beta', 'beta-tijuana'], 'beta') // true
 */
export function isInSubtree(unitPath: readonly string[], ancestorId: string): boolean {
  return unitPath.includes(ancestorId)
}
