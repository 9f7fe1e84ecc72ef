import { z } from 'zod'
import { Latitude, Longitude } from '../org-units/schemas.ts'
import { RecordId } from '../util/ids.ts'

/** A point on the ground: with the accuracy of the fix, in metres, when it came from GPS. */
export const GeoPoint = z.strictObject({
  lat: Latitude,
  lon: Longitude,
  accuracyM: z.number().min(0).max(100_000).optional(),
})
export type GeoPoint = z.infer<typeof GeoPoint>

export const PlaceKind = z.enum([
  'group_base',
  'module',
  'observation_point',
  'shelter',
  'hospital',
  'consulate',
  'orientation_tower',
  'warning_sign',
  'other_help_point',
])
export type PlaceKind = z.infer<typeof PlaceKind>

export const PlaceStatus = z.enum(['active', 'needs_repair', 'out_of_service', 'closed'])

/** Payload of PlaceRegistered: a help point, tower or sign on the map. */
export const PlaceRegistered = z.strictObject({
  orgUnitId: RecordId.describe('the unit responsible for the place'),
  kind: PlaceKind,
  name: z.string().min(1).max(200),
  location: GeoPoint,
  status: PlaceStatus.default('active'),
  description: z.string().max(2000).optional(),
  phone: z.string().max(40).optional().describe('public phone of the help point; never a person\'s'),
  address: z.string().max(300).optional().describe('street address or directions a traveller can follow'),
  hours: z.string().max(200).optional().describe('when it is open, as the place states it'),
  inspectionEveryDays: z.number().int().min(1).max(365).optional().describe('towers and signs: inspect every this many days'),
})
export type PlaceRegistered = z.infer<typeof PlaceRegistered>

/** Payload of PlaceUpdated: the fields that changed. */
export const PlaceUpdated = PlaceRegistered.omit({ orgUnitId: true }).partial().strict()
