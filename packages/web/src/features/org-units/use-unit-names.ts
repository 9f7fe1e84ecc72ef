import { useMemo } from 'react'
import type { Items, OrgUnit } from '../../api/types.ts'
import { useFetch } from '../../ui/use-fetch.ts'

/** A lookup of unit names; `ready` once the tree has arrived. */
export interface UnitNames {
  (id: string): string
  readonly ready: boolean
}

/**
 * Names of org units by id, for lists that only carry ids. Until the tree arrives the lookup
 * answers an ellipsis, so lists never wait for it and never show an id; a screen whose words
 * are made of names (the routing rules) waits for `ready`. A unit the tree does not hold (it
 * cannot be read) still falls back to its id.
 */
export function useUnitNames(): UnitNames {
  const units = useFetch<Items<OrgUnit>>('/api/org-units')
  return useMemo(() => {
    const names = new Map(units.status === 'ok' ? units.data.items.map((u) => [u.id, u.name]) : [])
    const ready = units.status !== 'loading'
    return Object.assign((id: string) => names.get(id) ?? (ready ? id : '…'), { ready })
  }, [units])
}
