import type { PlaceState, RecordPage } from '../../api/types.ts'
import { api } from '../../api/client.ts'
import type { FieldStore } from '../../outbox/store.ts'

/** A tower, sign or help point as the inspection form and the map need it offline. */
export interface ReferencePlace {
  recordId: string
  name: string
  kind: PlaceState['kind']
  lat: number
  lon: number
}

const PLACES = 'places'
const REFERENCE = 'reference'

/**
 * Refreshes the reference data kept on the device (the group's places and, from /api/sync/reference,
 * the catalogues and the crew) while the network is there; offline, the last copy stays.
 */
export async function refreshReference(store: FieldStore, unitId: string): Promise<void> {
  // A background refresh must not throw the agent out of a half-filled form on an expired session.
  const page = await api<RecordPage<PlaceState>>(`/api/records/place?limit=500&unit=${encodeURIComponent(unitId)}`, { expectUnauthenticated: true })
  const places: ReferencePlace[] = page.items.map((p) => ({ recordId: p.recordId, name: p.state.name, kind: p.state.kind, lat: p.state.location.lat, lon: p.state.location.lon }))
  await store.putReference(PLACES, places)
  try {
    await store.putReference(REFERENCE, await api<unknown>('/api/sync/reference', { expectUnauthenticated: true }))
  } catch {
    // Older servers lack the endpoint; the places alone keep the forms usable.
  }
}

/** A member of the agent's unit, to pick a patrol crew offline. */
export interface CrewMember {
  id: string
  displayName: string
}

export async function cachedCrew(store: FieldStore): Promise<CrewMember[]> {
  const value = await store.getReference(REFERENCE)
  if (typeof value !== 'object' || value === null || !('crew' in value) || !Array.isArray(value.crew)) {
    return []
  }
  return value.crew.flatMap((c: unknown): CrewMember[] =>
    typeof c === 'object' && c !== null && 'id' in c && 'displayName' in c && typeof c.id === 'string' && typeof c.displayName === 'string' ? [{ id: c.id, displayName: c.displayName }] : [],
  )
}

export async function cachedPlaces(store: FieldStore): Promise<ReferencePlace[]> {
  const value = await store.getReference(PLACES)
  return Array.isArray(value) ? value.filter(isPlace) : []
}

function isPlace(value: unknown): value is ReferencePlace {
  return typeof value === 'object' && value !== null && 'recordId' in value && 'name' in value && 'kind' in value && 'lat' in value && 'lon' in value
}
