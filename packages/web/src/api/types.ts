import type {
  AttentionRecorded,
  OrgUnit,
  PatrolRecorded,
  PlaceRegistered,
  PolicyAction,
  RecordView as CoreRecordView,
  RescueRecorded,
  Role,
  User,
} from '@faro/core'

export type { HistoryEntry } from '@faro/core'

// Only types come from core: its zod schemas would add their weight to the shell for data that
// our own server has already validated.

/** GET /api/config: what the app needs to know about this deployment. */
export interface AppConfig {
  /** FARO_MAP_TILE_URL: a template with {z}, {x} and {y}, or null for the bundled outlines only. */
  mapTileUrl: string | null
  /** FARO_MAP_TILE_ATTRIBUTION: plain text crediting the tiles or the map file, or null. */
  mapTileAttribution: string | null
  /** FARO_MAP_PMTILES: where this server serves its vector map file, or null when it has none. */
  mapPmtilesUrl: string | null
}

/** GET /api/auth/me and POST /api/auth/login. */
export interface Me {
  user: User
  orgUnit: { id: string; name: string; kind: string; path: string[] }
  permissions: PolicyAction[]
  csrfToken?: string
}

/** One record as GET /api/records/:type lists it, with its `state` typed for its record type. */
export type RecordView<State> = Omit<CoreRecordView, 'state'> & { state: State }

export interface RecordPage<State> {
  items: RecordView<State>[]
  next: string | null
}

export type AttentionState = AttentionRecorded
export type RescueState = RescueRecorded
export type PatrolState = PatrolRecorded
export type PlaceState = PlaceRegistered


export interface FieldStates {
  attention: AttentionState
  rescue: RescueState
  patrol: PatrolState
}
export type FieldRecordType = keyof FieldStates

export interface Items<T> {
  items: T[]
}

export type { OrgUnit, PolicyAction, Role, User }

/** GET /api/audit. */
export interface AuditEvent {
  seq: number
  at: string
  actorId: string
  role: string
  orgUnitId: string
  action: string
  recordType: string | null
  recordId: string | null
  decision: 'allowed' | 'denied'
}

/** GET /api/audit/verify. */
export interface AuditVerification {
  ok: boolean
  rows: number
  firstBad?: { seq: number; problem: 'altered' | 'removed' | 'reordered' | 'truncated' }
}

/** GET /api/tokens; `token` is present only in the answer to POST. */
export interface ApiToken {
  id: string
  userId: string
  name: string
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
  token?: string
}
