import { z } from 'zod'
import { GeoPoint } from '../places/schemas.ts'
import { LanguageCode } from '../protection/identity.ts'
import { RecordId } from '../util/ids.ts'
import { patchOf } from '../util/patch.ts'

/**
 * Operations: Programa Paisano's three seasons a year (Easter, summer, winter), when its fixed
 * modules and observation points open and its volunteers staff them, and the special operations
 * Grupos Beta set in motion in extreme heat or cold, floods and caravans. Each is a record of the
 * action log, like its sites, volunteers, shifts and tallies.
 */

const Day = z.iso.date()
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'faro.time_hhmm' })
const Name = z.string().trim().min(1).max(120)

export const OperationKind = z.enum(['easter', 'summer', 'winter', 'special'])
export type OperationKind = z.infer<typeof OperationKind>

export const SpecialReason = z.enum(['heat_wave', 'cold', 'flood', 'caravan', 'other'])
export type SpecialReason = z.infer<typeof SpecialReason>

/** An operation ends on or after the day it starts. */
export function endsAfterStart(o: { startsOn?: string | undefined; endsOn?: string | undefined }): boolean {
  return o.startsOn === undefined || o.endsOn === undefined || o.endsOn >= o.startsOn
}
export const ENDS_AFTER_START: { path: PropertyKey[]; message: string } = { path: ['endsOn'], message: 'faro.operation_ends_before_start' }

/** The fields of an operation; OperationOpened adds the checks across them. */
export const OperationFields = z.strictObject({
  orgUnitId: RecordId.describe('the office that runs it: Paisano\'s national office for a season, the Grupos Beta coordination or a group for a special operation'),
  kind: OperationKind,
  name: Name.describe('e.g. "Operativo Invierno 2026"'),
  startsOn: Day,
  endsOn: Day.describe('its last day: the volunteer accounts created for it stop working the day after'),
  reason: SpecialReason.optional().describe('a special operation: why it was opened'),
  units: z.array(RecordId).max(100).default([]).describe('a special operation: the groups in it'),
})

/** Payload of OperationOpened. */
export const OperationOpened = OperationFields.refine(endsAfterStart, ENDS_AFTER_START).refine((o) => o.kind !== 'special' || o.reason !== undefined, { path: ['reason'], message: 'faro.operation_reason_needed' })
export type OperationOpened = z.infer<typeof OperationOpened>

/** Payload of OperationChanged: new dates, name or groups (the server checks the dates against the ones kept). */
export const OperationChanges = patchOf(OperationFields.omit({ orgUnitId: true, kind: true }))
export const OperationChanged = OperationChanges.refine(endsAfterStart, ENDS_AFTER_START)

/** Where a site stands: at an airport, a bus terminal, a toll booth, a highway, a square, a crossing. */
export const SiteSetting = z.enum(['airport', 'bus_terminal', 'toll_booth', 'highway', 'square', 'border_crossing', 'other'])
export type SiteSetting = z.infer<typeof SiteSetting>

/**
 * Payload of SiteOpened: a module or observation point open in an operation. The record's unit is
 * the site's own (a `module` or `observation_point` unit); it is open from the operation's first
 * day to its last unless closed earlier.
 */
export const SiteOpened = z.strictObject({
  orgUnitId: RecordId.describe('the module or observation point'),
  operationId: RecordId,
  setting: SiteSetting,
  hours: z.string().trim().min(1).max(200).describe('when it is open, as a traveller reads it: "8:00–20:00 todos los días"'),
  location: GeoPoint.optional(),
  placeId: RecordId.optional().describe('the place on the public map, when it has one'),
  closed: z.boolean().optional().describe('closed before the operation ends'),
})
export type SiteOpened = z.infer<typeof SiteOpened>
export const SiteChanged = patchOf(SiteOpened.omit({ orgUnitId: true, operationId: true }))

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
export type Weekday = z.infer<typeof Weekday>
export const DayPart = z.enum(['morning', 'afternoon', 'night'])
export type DayPart = z.infer<typeof DayPart>
export const VolunteerTopic = z.enum(['guide', 'rights', 'complaints_intake'])
export type VolunteerTopic = z.infer<typeof VolunteerTopic>

/**
 * Payload of VolunteerRecruited: a civil-society volunteer of an operation (the record id is their
 * account's id, the unit their site's): where they come from, when they can serve, what they were
 * trained in before it.
 */
export const VolunteerRecruited = z.strictObject({
  orgUnitId: RecordId.describe('the site they serve at'),
  userId: RecordId,
  operationId: RecordId,
  institution: z.string().trim().min(1).max(160).describe('university, school or organisation'),
  socialService: z.boolean().describe('serving as their social service'),
  languages: z.array(LanguageCode).max(10).default([]),
  days: z.array(Weekday).max(7).default([]),
  dayParts: z.array(DayPart).max(3).default([]),
  trainings: z.array(z.strictObject({ topic: VolunteerTopic, completedOn: Day })).max(10).default([]),
})
export type VolunteerRecruited = z.infer<typeof VolunteerRecruited>
export const VolunteerChanged = patchOf(VolunteerRecruited.omit({ orgUnitId: true, userId: true, operationId: true }))

/** The fields of a shift; ShiftPlanned adds the check of its times. */
export const ShiftFields = z.strictObject({
  orgUnitId: RecordId.describe('the site, or the group whose duty roster it is'),
  operationId: RecordId.optional().describe('the operation it belongs to; a group\'s duty roster has none'),
  date: Day,
  starts: Time,
  ends: Time.describe('earlier than `starts`: the shift ends the next day'),
  needed: z.number().int().min(1).max(50).describe('volunteers the site needs on it'),
  volunteers: z.array(RecordId).max(50).default([]).describe('accounts assigned to it'),
})

/** Payload of ShiftPlanned: one shift at a site on a day, with who is on it. */
export const ShiftPlanned = ShiftFields.refine((s) => s.starts !== s.ends, { path: ['ends'], message: 'faro.shift_no_length' })
export type ShiftPlanned = z.infer<typeof ShiftPlanned>

/** Payload of ShiftChanged: who is on it (a volunteer moved), how many are needed, its times. */
export const ShiftChanged = patchOf(ShiftFields.pick({ volunteers: true, needed: true, starts: true, ends: true }))

/**
 * True when a shift covers a wall-clock moment at its place (date and HH:MM there): from its start
 * to its end on its day, or past midnight into the next when it ends earlier than it starts.
 */
export function shiftCovers(shift: Pick<ShiftPlanned, 'date' | 'starts' | 'ends'>, at: { date: string; time: string }): boolean {
  const overnight = shift.ends <= shift.starts
  if (at.date === shift.date) {
    return at.time >= shift.starts && (overnight || at.time < shift.ends)
  }
  const next = new Date(Date.parse(`${shift.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  return overnight && at.date === next && at.time < shift.ends
}

/** Payload of ShiftAttended: who came (the rest of those assigned did not). */
export const ShiftAttended = z.strictObject({ attended: z.array(RecordId).max(50) })

/** What a site counts, one tap each. */
export const TALLY_COUNTS = ['guidance', 'guides', 'complaintReferrals', 'helpReferrals', 'otherReferrals'] as const
export type TallyCount = (typeof TALLY_COUNTS)[number]
const Counts = Object.fromEntries(TALLY_COUNTS.map((k) => [k, z.number().int().min(0).max(10_000).optional()])) as Record<TallyCount, z.ZodOptional<z.ZodNumber>>

/**
 * Payload of TallyOpened: one volunteer's count at a site on a day (and shift). The counts are
 * anonymous, like the field's attentions; each tap adds to them (TallyCounted), offline, and the
 * record's fold adds the taps up, so two taps never overwrite each other.
 */
export const TallyOpened = z.strictObject({
  orgUnitId: RecordId.describe('the site'),
  operationId: RecordId.optional(),
  shiftId: RecordId.optional(),
  day: Day,
  ...Counts,
})
export type TallyOpened = z.infer<typeof TallyOpened>

/** Payload of TallyCounted: what one or a few taps add. */
export const TallyCounted = z.strictObject({ at: z.iso.datetime({ offset: true }), ...Counts }).refine((t) => TALLY_COUNTS.some((k) => (t[k] ?? 0) > 0), { message: 'faro.tally_nothing' })

/** A tally's state: the opening's fields with every count summed. */
export type TallyState = Omit<TallyOpened, TallyCount> & Record<TallyCount, number> & { lastTapAt?: string }

/** Folds a tally: counts add up; nothing else changes after it is opened. */
export function reduceTally(state: TallyState | undefined, action: { type: string; payload: Record<string, unknown> }): TallyState {
  const counts = (p: Record<string, unknown>) => Object.fromEntries(TALLY_COUNTS.map((k) => [k, typeof p[k] === 'number' ? p[k] : 0])) as Record<TallyCount, number>
  if (action.type === 'TallyOpened') {
    return { ...(action.payload as TallyOpened), ...counts(action.payload) }
  }
  if (state === undefined) {
    return { orgUnitId: '', day: '', ...counts({}) }
  }
  const add = counts(action.payload)
  const next = { ...state }
  for (const k of TALLY_COUNTS) {
    next[k] = state[k] + add[k]
  }
  return typeof action.payload.at === 'string' ? { ...next, lastTapAt: action.payload.at } : next
}
