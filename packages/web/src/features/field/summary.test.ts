import { describe, expect, it } from 'vitest'
import type { AttentionState, PatrolState, RecordView } from '../../api/types.ts'
import { summarize } from './summary.ts'

const since = new Date('2026-03-10T00:00:00Z')

function attention(at: string, count: number, priority = false, updatedAt = '2026-03-20T00:00:00Z'): RecordView<AttentionState> {
  return {
    recordType: 'attention',
    recordId: `a-${at}`,
    orgUnitId: 'beta-tijuana',
    ownerId: 'u1',
    state: {
      orgUnitId: 'beta-tijuana',
      at,
      setting: 'base',
      people: [{ count, sex: 'unknown', ageBand: 'unknown', nationality: 'unknown', vulnerabilities: [] }],
      services: ['water'],
    },
    priority,
    demo: true,
    version: 1,
    needsReview: false,
    createdAt: updatedAt,
    updatedAt,
  }
}

describe('summarize', () => {
  it('counts records, people and priorities inside the window only', () => {
    const page = { items: [attention('2026-03-15T10:00:00Z', 3, true), attention('2026-03-11T10:00:00Z', 2), attention('2026-03-01T10:00:00Z', 9)], next: null }
    expect(summarize('attention', page, since)).toEqual({ records: 2, people: 5, priority: 1, complete: true, latest: '2026-03-15T10:00:00Z' })
  })

  it('is incomplete when more pages may hold records of the window', () => {
    const page = { items: [attention('2026-03-15T10:00:00Z', 1)], next: 'cursor' }
    expect(summarize('attention', page, since).complete).toBe(false)
  })

  it('is complete when the page already reaches changes older than the window', () => {
    const page = { items: [attention('2026-03-15T10:00:00Z', 1), attention('2026-03-01T10:00:00Z', 1, false, '2026-03-02T00:00:00Z')], next: 'cursor' }
    expect(summarize('attention', page, since).complete).toBe(true)
  })

  it('dates patrols by their start and counts no people for them', () => {
    const patrol: RecordView<PatrolState> = {
      ...attention('2026-03-15T10:00:00Z', 1),
      recordType: 'patrol',
      state: { orgUnitId: 'beta-tijuana', kind: 'preventive', startedAt: '2026-03-12T08:00:00Z', crew: [], route: [], peopleEncountered: 4 },
    }
    expect(summarize('patrol', { items: [patrol], next: null }, since)).toMatchObject({ records: 1, people: 0 })
  })
})
