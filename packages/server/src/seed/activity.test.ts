import { describe, expect, it } from 'vitest'
import { generateActivity } from './activity.ts'
import { stateAreas } from './areas.ts'
import { readCsv, SAMPLE_MODULES, slug } from './org-tree.ts'
import { SeededRandom } from './random.ts'

describe('generated demo activity', () => {
  const areas = stateAreas()
  const groups = readCsv('grupos-beta-2011.csv').filter((r) => r.border === 'north' || r.border === 'south')
  const actions = generateActivity({ groups, modules: SAMPLE_MODULES, now: new Date('2026-12-01T12:00:00Z'), random: new SeededRandom(2026), areas })

  it('puts every point of every group inside its own state: none at sea, none across the border', () => {
    const stateOf = new Map(groups.map((g) => [`beta-${slug(g.city ?? '')}`, g.state ?? '']))
    let checked = 0
    const outside: string[] = []
    for (const action of actions) {
      const state = stateOf.get(String(action.payload.orgUnitId))
      const area = state === undefined ? undefined : areas.get(state)
      // A group's base is where the programme says it is: towns on the border line itself fall a
      // hair outside an outline drawn at 1:10m. The points generated around it must not.
      if (area === undefined || action.recordId.startsWith('demo-base-')) {
        continue
      }
      const points = [action.payload.location, ...(Array.isArray(action.payload.route) ? action.payload.route : [])]
      for (const p of points) {
        if (typeof p === 'object' && p !== null && 'lat' in p && 'lon' in p && typeof p.lat === 'number' && typeof p.lon === 'number') {
          checked += 1
          if (!area(p.lat, p.lon)) {
            outside.push(`${action.recordId} ${p.lat},${p.lon} not in ${state}`)
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000)
    expect(outside.slice(0, 5)).toEqual([])
  })

  it('knows the states of every group in the seed data', () => {
    expect(groups.filter((g) => !areas.has(g.state ?? '')).map((g) => g.state)).toEqual([])
    // Tijuana's base is in Baja California; a point in the Pacific off it, and one in San Diego, are not.
    const bc = areas.get('Baja California')
    expect(bc?.(32.5149, -117.0382)).toBe(true)
    expect(bc?.(32.4, -117.5)).toBe(false)
    expect(bc?.(32.72, -117.16)).toBe(false)
  })
})
