import { z } from 'zod'
import { GeoPoint } from '../places/schemas.ts'
import { PeopleCount } from '../people/counts.ts'
import { IsoDateTime, RecordId } from '../util/ids.ts'
import { Service } from './services.ts'

export const AttentionSetting = z.enum(['rail_tracks', 'base', 'patrol', 'shelter', 'bus_terminal', 'other'])

/** Payload of AttentionRecorded: people attended at one time and place, and what they got. */
export const AttentionRecorded = z.strictObject({
  orgUnitId: RecordId.describe('the group that gave the attention'),
  at: IsoDateTime,
  location: GeoPoint.optional(),
  setting: AttentionSetting,
  people: z.array(PeopleCount).min(1).max(50),
  services: z.array(Service).min(1).max(Service.options.length),
  notes: z.string().max(2000).optional().describe('no names: identity goes to the vault only'),
})
export type AttentionRecorded = z.infer<typeof AttentionRecorded>

export const EmergencyType = z.enum([
  'lost_in_desert',
  'heat_stroke',
  'dehydration',
  'hypothermia',
  'drowning_river',
  'train_accident',
  'fall_injury',
  'crime_victim',
  'other',
])

export const RescueOutcome = z.enum(['unharmed', 'first_aid', 'transferred_to_hospital', 'deceased'])

export const RescuePartner = z.enum(['civil_protection', 'red_cross', 'municipal_services', 'us_border_patrol_sar', 'other'])

/** Payload of RescueRecorded. */
export const RescueRecorded = z.strictObject({
  orgUnitId: RecordId,
  at: IsoDateTime,
  location: GeoPoint.optional(),
  emergencyType: EmergencyType,
  people: z.array(PeopleCount).min(1).max(50),
  outcome: RescueOutcome,
  partners: z.array(RescuePartner).max(RescuePartner.options.length).default([]),
  equipment: z.array(z.string().min(1).max(80)).max(20).default([]),
  notes: z.string().max(2000).optional(),
})
export type RescueRecorded = z.infer<typeof RescueRecorded>

export const PatrolKind = z.enum(['preventive', 'reconnaissance'])

/** Payload of PatrolRecorded. */
export const PatrolRecorded = z.strictObject({
  orgUnitId: RecordId,
  kind: PatrolKind,
  startedAt: IsoDateTime,
  endedAt: IsoDateTime.optional(),
  crew: z.array(RecordId).max(20).default([]).describe('user ids of the crew'),
  vehicle: z.string().max(80).optional(),
  route: z.array(GeoPoint).max(2000).default([]),
  distanceKm: z.number().min(0).max(5000).optional(),
  peopleEncountered: z.number().int().min(0).max(100_000).default(0),
})
export type PatrolRecorded = z.infer<typeof PatrolRecorded>
