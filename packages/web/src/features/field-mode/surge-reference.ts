import { api } from '../../api/client.ts'
import type { FieldStore } from '../../outbox/store.ts'
import type { SurgeOperation } from './surge.ts'

/**
 * What a phone keeps to count arrivals offline: the special operations not yet ended and the
 * ancestry of their groups (so a coordination above a group finds it). Nothing here is personal:
 * operations and the org tree are public to every account.
 */
export interface SurgeReference {
  operations: SurgeOperation[]
  paths: Record<string, string[]>
}

const KEY = 'surge'
// Once per app start and store, apart from the field reference's own once (they are different downloads).
const refreshed = new WeakMap<FieldStore, Promise<void>>()

/** Downloads the special operations once per app start while the network is there; offline, the copy kept serves. */
export function refreshSurgeReferenceOnce(store: FieldStore): Promise<void> {
  let running = refreshed.get(store)
  if (!running) {
    running = refreshSurgeReference(store).catch((error: unknown) => {
      refreshed.delete(store)
      throw error
    })
    refreshed.set(store, running)
  }
  return running
}

async function refreshSurgeReference(store: FieldStore): Promise<void> {
  // A background refresh must not sign the operator out in the middle of counting.
  const [operations, units] = await Promise.all([
    api<{ items: unknown[] }>('/api/operations', { expectUnauthenticated: true }),
    api<{ items: unknown[] }>('/api/org-units', { expectUnauthenticated: true }),
  ])
  const special = operations.items.flatMap(toOperation)
  const wanted = new Set(special.flatMap((o) => o.units))
  const paths: Record<string, string[]> = {}
  for (const unit of units.items) {
    if (isUnit(unit) && wanted.has(unit.id)) {
      paths[unit.id] = unit.path
    }
  }
  const value: SurgeReference = { operations: special, paths }
  await store.putReference(KEY, value)
}

/** The last copy kept on the phone; empty before the first download. */
export async function cachedSurgeReference(store: FieldStore): Promise<SurgeReference> {
  const value = await store.getReference(KEY)
  if (typeof value !== 'object' || value === null || !('operations' in value) || !Array.isArray(value.operations)) {
    return { operations: [], paths: {} }
  }
  const paths: Record<string, string[]> = {}
  if ('paths' in value && typeof value.paths === 'object' && value.paths !== null) {
    for (const [id, path] of Object.entries(value.paths)) {
      if (Array.isArray(path)) {
        paths[id] = path.filter((p): p is string => typeof p === 'string')
      }
    }
  }
  return { operations: value.operations.flatMap(toOperation), paths }
}

/** A special operation not ended, as the phone keeps it; anything else is left out. */
function toOperation(value: unknown): SurgeOperation[] {
  if (typeof value !== 'object' || value === null) {
    return []
  }
  const o: Record<string, unknown> = { ...value }
  if (o.kind !== undefined && o.kind !== 'special') {
    return []
  }
  if (o.status === 'ended' || typeof o.recordId !== 'string' || typeof o.name !== 'string' || typeof o.startsOn !== 'string' || typeof o.endsOn !== 'string' || !Array.isArray(o.units)) {
    return []
  }
  const units = o.units.filter((u): u is string => typeof u === 'string')
  return [{ recordId: o.recordId, name: o.name, reason: typeof o.reason === 'string' ? o.reason : undefined, startsOn: o.startsOn, endsOn: o.endsOn, units }]
}

function isUnit(value: unknown): value is { id: string; path: string[] } {
  return typeof value === 'object' && value !== null && 'id' in value && 'path' in value && typeof value.id === 'string' && Array.isArray(value.path)
}
