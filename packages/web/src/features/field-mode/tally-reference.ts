import { api } from '../../api/client.ts'
import type { FieldStore } from '../../outbox/store.ts'
import type { MyShift } from './shift-time.ts'

/**
 * What a volunteer's phone keeps to place its taps offline: their shifts from today on and the
 * operation their site is open in. Nothing here is personal; it is only what the volunteer may
 * read (their own shifts, the open sites), never the crew or the group's places.
 */
export interface VolunteerReference {
  shifts: MyShift[]
  siteOperationId: string | undefined
}

const KEY = 'volunteer'

/** Downloads the volunteer's shifts and their site's operation while the network is there. */
export async function refreshVolunteerReference(store: FieldStore, unitId: string): Promise<void> {
  // A background refresh must not sign the volunteer out in the middle of counting.
  const [mine, sites] = await Promise.all([
    api<{ items: unknown[] }>('/api/shifts/mine', { expectUnauthenticated: true }),
    api<{ items: unknown[] }>('/api/sites?open=true', { expectUnauthenticated: true }),
  ])
  const site = sites.items.filter(isSite).find((s) => s.orgUnitId === unitId)
  // Only what places a tap: who else is on a shift stays off the phone.
  const shifts = mine.items.filter(isShift).map(({ recordId, orgUnitId, operationId, date, starts, ends }) => ({ recordId, orgUnitId, operationId, date, starts, ends }))
  const value: VolunteerReference = { shifts, siteOperationId: site?.operationId }
  await store.putReference(KEY, value)
}

/** The last copy kept on the phone; empty before the first download. */
export async function cachedVolunteerReference(store: FieldStore): Promise<VolunteerReference> {
  const value = await store.getReference(KEY)
  if (typeof value !== 'object' || value === null || !('shifts' in value) || !Array.isArray(value.shifts)) {
    return { shifts: [], siteOperationId: undefined }
  }
  const operation = 'siteOperationId' in value && typeof value.siteOperationId === 'string' ? value.siteOperationId : undefined
  return { shifts: value.shifts.filter(isShift), siteOperationId: operation }
}

function isShift(value: unknown): value is MyShift {
  if (typeof value !== 'object' || value === null) {
    return false
  }
  const s: Record<string, unknown> = { ...value }
  return ['recordId', 'orgUnitId', 'operationId', 'date', 'starts', 'ends'].every((k) => typeof s[k] === 'string')
}

function isSite(value: unknown): value is { orgUnitId: string; operationId: string } {
  return typeof value === 'object' && value !== null && 'orgUnitId' in value && 'operationId' in value && typeof value.orgUnitId === 'string' && typeof value.operationId === 'string'
}
