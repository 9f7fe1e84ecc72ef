import type { CertificateRecorded, EquipmentRegistered, Expiring, OverdueInspection, Renewal, StaffProfileRecorded } from '@faro/core'

// The answers of the registries' endpoints (docs/registries.md), as the screens read them.

/** A certificate as GET /api/staff lists it: its record id beside its fields. */
export type Certificate = CertificateRecorded & { recordId: string; revoked?: boolean }

/** GET /api/staff: an account of the unit with its profile (none yet: null) and its certificates. */
export interface StaffMember {
  userId: string
  displayName: string
  role: string
  orgUnitId: string
  profile: StaffProfileRecorded | null
  certificates: Certificate[]
}

/** GET /api/staff/alerts. */
export type Alert = Expiring & { displayName: string | null }

/** GET /api/staff/coverage. */
export interface Holder {
  userId: string
  displayName: string | null
  orgUnitId: string
  expiresOn: string | null
}

/** GET /api/trainings: a built-in course (named in the catalogues) or one the national office added (named in it). */
export interface Course {
  code: string
  kind: 'rescue' | 'humanitarian'
  validityMonths: number | null
  builtIn: boolean
  name?: { es: string; en: string }
}

/** GET /api/equipment. */
export type Equipment = EquipmentRegistered & { recordId: string }

export type { Renewal, OverdueInspection }

/** A place of GET /api/places/inspections, with its latest inspection's fields. */
export interface InspectedPlaceView {
  recordId: string
  orgUnitId: string
  name: string
  kind: string
  status?: string
  inspectedAt?: string
  damage?: string
  waterTankLevel?: string
  strobeWorking?: boolean
  inspectionNotes?: string
}

/** GET /api/places/inspections. */
export interface Inspections {
  overdue: OverdueInspection[]
  needsRepair: InspectedPlaceView[]
}

/** GET /api/registries/attention. */
export interface AttentionCounts {
  expiring: number
  expired: number
  renewals: number
  overdueInspections: number
  needsRepair: number
  rosterGaps: number
}
