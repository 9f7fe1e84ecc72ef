import type { Cluster } from '@faro/core'

/** Complaints that point the same way, with everything they share: a place, badges, plates. */
export interface ClusterGroup {
  count: number
  place: string | undefined
  badges: string[]
  plates: string[]
  agencyId: string | null
  folios: string[]
  from: string
  to: string
}

/**
 * Puts together the clusters made of the very same complaints: seven people naming one checkpoint,
 * one badge and one plate are one finding, read in one line, not three. Clusters that share only
 * some complaints stay apart. Those naming a badge or a plate come first, largest first: many
 * complaints in a busy border city are expected, the same officer named by several people is not.
 * @example groupClusters([{ by: 'place', value: 'México 57, km 25', folios: ['A', 'B', 'C'], … }, { by: 'badge', value: 'INM-0417', folios: ['A', 'B', 'C'], … }])
 *   // [{ count: 3, place: 'México 57, km 25', badges: ['INM-0417'], plates: [], folios: ['A', 'B', 'C'], … }]
 */
export function groupClusters(clusters: readonly Cluster[]): ClusterGroup[] {
  const groups = new Map<string, ClusterGroup>()
  for (const c of clusters) {
    const folios = [...c.folios].sort()
    const key = folios.join(' ')
    const group = groups.get(key) ?? { count: c.count, place: undefined, badges: [], plates: [], agencyId: c.agencyId, folios, from: c.from, to: c.to }
    if (c.by === 'place' && group.place === undefined) {
      group.place = c.value
    } else if (c.by === 'badge') {
      group.badges.push(c.value)
    } else if (c.by === 'plate') {
      group.plates.push(c.value)
    }
    group.agencyId ??= c.agencyId
    groups.set(key, group)
  }
  const named = (g: ClusterGroup) => (g.badges.length > 0 || g.plates.length > 0 ? 1 : 0)
  return [...groups.values()].sort((a, b) => named(b) - named(a) || b.count - a.count)
}

/** What a cluster's headline names. */
export type ClusterLead = 'place' | 'badge' | 'plate'

/** The place when the complaints share one (where it happens is what the office acts on), else the badge, else the plate. */
export function clusterLead(group: ClusterGroup): ClusterLead {
  if (group.place !== undefined) {
    return 'place'
  }
  return group.badges.length > 0 ? 'badge' : 'plate'
}
