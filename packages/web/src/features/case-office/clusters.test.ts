import type { Cluster } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { clusterLead, groupClusters } from './clusters.ts'

const cluster = (by: Cluster['by'], value: string, folios: string[], agencyId: string | null = 'agency-inm'): Cluster => ({ by, value, agencyId, count: folios.length, folios, from: '2026-11-03T10:00:00.000Z', to: '2026-12-01T10:00:00.000Z' })

describe('groupClusters', () => {
  it('puts together the place, badge and plate clusters made of the same complaints', () => {
    const groups = groupClusters([cluster('place', 'México 57, km 25, San Luis Potosí', ['C', 'A', 'B']), cluster('badge', 'INM-0417', ['A', 'B', 'C']), cluster('plate', 'SLP-31-22', ['B', 'C', 'A'])])
    expect(groups).toEqual([{ count: 3, place: 'México 57, km 25, San Luis Potosí', badges: ['INM-0417'], plates: ['SLP-31-22'], agencyId: 'agency-inm', folios: ['A', 'B', 'C'], from: '2026-11-03T10:00:00.000Z', to: '2026-12-01T10:00:00.000Z' }])
    expect(groups.map(clusterLead)).toEqual(['place'])
  })

  it('keeps apart clusters that share only some complaints, those naming a badge or a plate first, then the largest', () => {
    const groups = groupClusters([cluster('place', 'Nuevo Laredo, Tamaulipas', ['E', 'F', 'G', 'H', 'I'], null), cluster('place', 'México 15, km 21, Sonora', ['A', 'B', 'C', 'D']), cluster('badge', 'AD-2280', ['A', 'B', 'C']), cluster('place', 'Reynosa, Tamaulipas', ['J', 'K', 'L', 'M'])])
    expect(groups.map((g) => g.count)).toEqual([3, 5, 4, 4])
    expect(groups.map(clusterLead)).toEqual(['badge', 'place', 'place', 'place'])
    expect(groups[1]?.agencyId).toBeNull()
  })

  it('leads with the plate when the complaints share nothing else', () => {
    expect(groupClusters([cluster('plate', 'SON-88-10', ['A', 'B'])]).map(clusterLead)).toEqual(['plate'])
  })
})
