import { z } from 'zod'
import { GeoPoint } from '../places/schemas.ts'
import { PeopleCount } from '../people/counts.ts'
import { IsoDateTime, RecordId } from '../util/ids.ts'
import { Service } from './services.ts'

export const AttentionSetting = z.enum(['rail_tracks', 'base', 'patrol', 'shelter', 'bus_terminal', 'other'])

/** References to identity-vault entries; the server checks them against the vault (issue 3). */
export const PersonIds = z.array(RecordId).max(50).describe('ids of identity-vault entries; never names')

export const OrientationMode = z.enum(['verbal', 'written'])
export type OrientationMode = z.infer<typeof OrientationMode>
export const OrientationMaterial = z.enum(['rights_leaflet', 'route_map', 'risk_warning', 'shelter_directory', 'other'])
export type OrientationMaterial = z.infer<typeof OrientationMaterial>

/** How the orientation service was given: the programme reports it by mode, language and material. */
export const Orientation = z.strictObject({
  modes: z.array(OrientationMode).min(1).max(OrientationMode.options.length),
  language: z.string().regex(/^[a-z]{2,3}$/).default('es').describe('ISO 639 code, e.g. es, en, fr, ht, tzo'),
  materials: z.array(OrientationMaterial).max(OrientationMaterial.options.length).default([]),
})
export type Orientation = z.infer<typeof Orientation>

/**
 * The languages a field form offers for orientation, most often needed first: Spanish and English,
 * French, Haitian Creole and Portuguese for people arriving from Haiti, Africa and Brazil, and the
 * Mayan languages of the southern border (Mam, K'iche', Q'eqchi', Tsotsil, Tseltal). The schema
 * still accepts any ISO 639 code, so an import or an API client may name others.
 */
export const ORIENTATION_LANGUAGES = ['es', 'en', 'fr', 'ht', 'pt', 'mam', 'quc', 'kek', 'tzo', 'tzh'] as const

/** Payload of AttentionRecorded: people attended at one time and place, and what they got. */
export const AttentionRecorded = z.strictObject({
  orgUnitId: RecordId.describe('the group that gave the attention'),
  at: IsoDateTime,
  location: GeoPoint.optional(),
  setting: AttentionSetting,
  people: z.array(PeopleCount).min(1).max(50),
  services: z.array(Service).min(1).max(Service.options.length),
  orientation: Orientation.optional().describe('detail of the orientation service, when given'),
  personIds: PersonIds.optional(),
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

/** Equipment the field app offers to pick; free text stays allowed for what the list lacks. */
export const RescueEquipment = z.enum([
  'vehicle_4x4',
  'rope',
  'stretcher',
  'first_aid_kit',
  'oxygen',
  'life_jacket',
  'boat',
  'gps',
  'radio',
  'thermal_blanket',
  'other',
])

/** Payload of RescueRecorded. */
export const RescueRecorded = z.strictObject({
  orgUnitId: RecordId,
  at: IsoDateTime,
  location: GeoPoint.optional(),
  emergencyType: EmergencyType,
  people: z.array(PeopleCount).min(1).max(50),
  outcome: RescueOutcome,
  partners: z.array(RescuePartner).max(RescuePartner.options.length).default([]),
  equipment: z.array(z.string().min(1).max(80)).max(20).default([]).describe('catalogue values (RescueEquipment) or free text'),
  personIds: PersonIds.optional(),
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

export const RemainsCondition = z.enum(['recent', 'decomposed', 'skeletal', 'unknown'])
export const Authority = z.enum(['public_prosecutor', 'police', 'forensic_service', 'civil_protection', 'other'])

/**
 * Payload of RemainsFound: where and when human remains were found and who was told. No identity
 * guessing here: identification belongs to the forensic authority.
 */
export const RemainsFound = z.strictObject({
  orgUnitId: RecordId,
  foundAt: IsoDateTime,
  location: GeoPoint,
  placeDescription: z.string().max(500).optional(),
  count: z.number().int().min(1).max(50).default(1),
  condition: RemainsCondition,
  authorityNotified: Authority.optional().describe('absent while no authority has been told'),
  notifiedAt: IsoDateTime.optional(),
  notes: z.string().max(2000).optional(),
})
export type RemainsFound = z.infer<typeof RemainsFound>

export const WaterTankLevel = z.enum(['full', 'half', 'low', 'empty', 'no_tank'])
export const Damage = z.enum(['none', 'minor', 'severe', 'destroyed'])

/**
 * Payload of PlaceInspected: a visit to an orientation tower or warning sign. Its fields are named
 * so that, merged into the place, they read as the latest inspection.
 */
export const PlaceInspected = z.strictObject({
  inspectedAt: IsoDateTime,
  waterTankLevel: WaterTankLevel.optional(),
  strobeWorking: z.boolean().optional(),
  damage: Damage,
  inspectionNotes: z.string().max(2000).optional(),
})
export type PlaceInspected = z.infer<typeof PlaceInspected>
