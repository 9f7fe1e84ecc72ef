import type { ConvoyIncidentKind, ConvoyStatus } from '@faro/core'

/** GET /api/convoys: one convoy as last changed, with its escort's name and its incidents. */
export interface Convoy {
  recordId: string
  version: number
  orgUnitId: string
  operationId?: string
  departurePoint: string
  departureState: string
  departsAt: string
  route: string
  destinationStates: string[]
  vehicles: number
  people: number
  escortId: string
  escortName: string
  status: ConvoyStatus
  published: boolean
  notes?: string
  /** Absent on a convoy the server has no incident for (the demo's, loaded in bulk). */
  incidents?: ConvoyIncident[]
}

/** What happened on a convoy's road. */
export interface ConvoyIncident {
  at: string
  kind: ConvoyIncidentKind
  place: string
  description: string
}

/** GET /api/operations: the little of an operation this screen reads. */
export interface OperationChoice {
  recordId: string
  orgUnitId: string
  name: string
  status: 'upcoming' | 'open' | 'ended'
}
