import { useMemo } from 'react'
import type { Items, OrgUnit } from '../../api/types.ts'
import { useFetch } from '../../ui/use-fetch.ts'

/**
 * Names of org units by id, for lists that only carry ids. Until the tree arrives (or if it
 * cannot be read) the lookup falls back to the id, so lists never wait for it.
 */
export function useUnitNames(): (id: string) => string {
  const units = useFetch<Items<OrgUnit>>('/api/org-units')
  const names = useMemo(() => new Map(units.status === 'ok' ? units.data.items.map((u) => [u.id, u.name]) : []), [units])
  return (id) => names.get(id) ?? id
}
