import type { OperationKind, SiteSetting, SpecialReason } from '@faro/core'

/** GET /api/operations: one operation, with where it stands today. */
export interface Operation {
  recordId: string
  orgUnitId: string
  kind: OperationKind
  name: string
  startsOn: string
  endsOn: string
  reason?: SpecialReason
  units?: string[]
  status: 'upcoming' | 'open' | 'ended'
}

/** GET /api/sites: a module or observation point open in an operation. */
export interface Site {
  recordId: string
  orgUnitId: string
  operationId: string
  setting: SiteSetting
  hours: string
  closed?: boolean
  name: string
  kind: string | null
  state: string | null
  city: string | null
  openNow: boolean
}

/** GET /api/volunteers: a volunteer with their account. */
export interface Volunteer {
  recordId: string
  orgUnitId: string
  userId: string
  operationId: string
  username: string | null
  displayName: string | null
  accountEndsAt: string | null
  activated: boolean
}

/** GET /api/shifts: a shift with who is on it and how many are missing. */
export interface Shift {
  recordId: string
  version: number
  orgUnitId: string
  operationId: string
  date: string
  starts: string
  ends: string
  needed: number
  volunteers: { userId: string; displayName: string | null }[]
  attended?: string[]
  missing: number
}

export interface Shifts {
  items: Shift[]
  gaps: number
}

/** POST /api/volunteers/import/preview. */
export interface VolunteerPreview {
  rows: number
  columns: { name: string; field: string | null }[]
  issues: PreviewIssue[]
  issueCount: number
}

export interface PreviewIssue {
  line: number
  column: string
  message: string
}

/** One account made by POST /api/volunteers/import, with its code shown once. */
export interface MadeAccount {
  line: number
  userId: string
  username: string
  displayName: string
  siteId: string
  code: string
}

export interface VolunteerImport {
  status: 'imported'
  rows: number
  accounts: MadeAccount[]
}

/** GET /api/tallies/totals. */
export type TallyBy = 'site' | 'state' | 'day'
export interface TallyRow {
  key: string
  name?: string
  guidance: number
  guides: number
  complaintReferrals: number
  helpReferrals: number
  otherReferrals: number
}
export interface TallyTotals {
  rows: TallyRow[]
  total: Omit<TallyRow, 'key' | 'name'>
}
