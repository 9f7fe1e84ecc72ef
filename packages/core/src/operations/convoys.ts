import { z } from 'zod'
import { MexicanState } from '../places/states.ts'
import { IsoDateTime, RecordId } from '../util/ids.ts'
import { patchOf } from '../util/patch.ts'

/**
 * Convoys: during Paisano's operations, nationals driving home from the United States travel in
 * convoys escorted by a federal police force, from a crossing or a gathering point along a set
 * route. A convoy is a record of the action log; its published schedule is what the public site
 * shows, and what happened on the road is added as incidents, never overwritten.
 */

export const ConvoyStatus = z.enum(['scheduled', 'departed', 'arrived', 'cancelled'])
export type ConvoyStatus = z.infer<typeof ConvoyStatus>

/** The fields of a convoy; ConvoyScheduled adds nothing but its name. */
export const ConvoyFields = z.strictObject({
  orgUnitId: RecordId.describe('the office that organises it: Paisano\'s national office or a state committee'),
  operationId: RecordId.optional().describe('the operation it travels in'),
  departurePoint: z.string().trim().min(1).max(160).describe('where it gathers: "Puente Internacional Colombia, Nuevo León"'),
  departureState: MexicanState,
  departsAt: IsoDateTime,
  route: z.string().trim().min(1).max(300).describe('the roads and towns, as a traveller reads them'),
  destinationStates: z.array(MexicanState).min(1).max(32),
  vehicles: z.number().int().min(1).max(5000).describe('vehicles travelling, counted at departure (or expected)'),
  people: z.number().int().min(0).max(50_000).describe('people travelling, counted at departure (or expected); no names'),
  escortId: RecordId.describe('the escorting agency\'s unit, e.g. agency-pf'),
  status: ConvoyStatus.default('scheduled'),
  published: z.boolean().default(false).describe('shown in the public schedule'),
  notes: z.string().trim().max(1000).optional().describe('for the travellers: where to gather, what to bring; no names'),
})

/** Payload of ConvoyScheduled. */
export const ConvoyScheduled = ConvoyFields
export type ConvoyScheduled = z.infer<typeof ConvoyScheduled>

/** Payload of ConvoyChanged: new times, counts, status, or publication. */
export const ConvoyChanged = patchOf(ConvoyFields.omit({ orgUnitId: true }))

export const ConvoyIncidentKind = z.enum(['breakdown', 'accident', 'medical', 'extortion_attempt', 'robbery', 'road_closure', 'delay', 'other'])
export type ConvoyIncidentKind = z.infer<typeof ConvoyIncidentKind>

/** Payload of ConvoyIncidentReported: something that happened on the road; added, never replaced. */
export const ConvoyIncidentReported = z.strictObject({
  at: IsoDateTime,
  kind: ConvoyIncidentKind,
  place: z.string().trim().min(1).max(160).describe('where: a town, a kilometre of a road'),
  description: z.string().trim().max(1000).default('').describe('what happened and what was done; no names'),
})
export type ConvoyIncidentReported = z.infer<typeof ConvoyIncidentReported>

/** A convoy's state: its fields as last changed, and its incidents in the order they were reported. */
export type ConvoyState = ConvoyScheduled & { incidents: ConvoyIncidentReported[] }

/** Folds a convoy: changes merge, incidents add up. */
export function reduceConvoy(state: ConvoyState | undefined, action: { type: string; payload: Record<string, unknown> }): ConvoyState {
  if (action.type === 'ConvoyScheduled') {
    return { ...(action.payload as ConvoyScheduled), incidents: [] }
  }
  if (state === undefined) {
    throw new Error(`${action.type} before the convoy exists`)
  }
  if (action.type === 'ConvoyIncidentReported') {
    return { ...state, incidents: [...(state.incidents ?? []), action.payload as ConvoyIncidentReported] }
  }
  return { ...state, ...(action.payload as Partial<ConvoyScheduled>), orgUnitId: state.orgUnitId }
}
