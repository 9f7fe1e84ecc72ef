import { describe, expect, it } from 'vitest'
import { addCells, cellsOf, localDate, type StatCell } from './cells.ts'

const TIJUANA = 'America/Tijuana'
const CENTRE = 'America/Mexico_City'

describe('a record\'s summary cells', () => {
  it('dates a record on its own zone\'s day, summer time and winter time', () => {
    // Tijuana keeps the United States' summer time (UTC−7 in July, UTC−8 in November); the centre is UTC−6 all year.
    expect(localDate('2026-07-15T06:30:00.000Z', TIJUANA)).toBe('2026-07-14')
    expect(localDate('2026-07-15T07:30:00.000Z', TIJUANA)).toBe('2026-07-15')
    expect(localDate('2026-11-21T07:59:00.000Z', TIJUANA)).toBe('2026-11-20')
    expect(localDate('2026-11-21T08:00:00.000Z', TIJUANA)).toBe('2026-11-21')
    expect(localDate('2026-11-21T05:59:00.000Z', CENTRE)).toBe('2026-11-20')
    expect(localDate('2026-11-21T06:00:00.000Z', CENTRE)).toBe('2026-11-21')
  })

  it('counts an attention\'s people by sex, age and nationality, each vulnerability, and each service given to all of them', () => {
    const cells = cellsOf('attention', { orgUnitId: 'beta-tijuana', at: '2026-11-21T05:00:00.000Z', people: [{ count: 3, sex: 'female', ageBand: '18-29', nationality: 'HN', vulnerabilities: ['pregnant'] }, { count: 2, sex: 'male', ageBand: '30-44', nationality: 'GT', vulnerabilities: [] }], services: ['water', 'first_aid'] }, { timeZone: TIJUANA })
    const short = (c: StatCell) => [c.fact, c.day, c.sex, c.ageBand, c.nationality, c.kind, c.n].join(' ')
    expect(cells.map(short)).toEqual([
      'attended 2026-11-20 female 18-29 HN  3',
      'attended_vulnerable 2026-11-20 female 18-29 HN pregnant 3',
      'attended 2026-11-20 male 30-44 GT  2',
      'service 2026-11-20    water 5',
      'service 2026-11-20    first_aid 5',
      'records 2026-11-20    attention 1',
      'priority_records 2026-11-20    attention 1',
    ])
  })

  it('counts a tally on the day it names, and nothing for a record type that is not counted', () => {
    expect(cellsOf('tally', { orgUnitId: 'module-x', day: '2026-11-20', guidance: 12, guides: 0, complaintReferrals: 1 }, { timeZone: CENTRE }).map((c) => `${c.fact} ${c.day} ${c.kind} ${c.n}`)).toEqual(['tally 2026-11-20 guidance 12', 'tally 2026-11-20 complaintReferrals 1', 'records 2026-11-20 tally 1'])
    expect(cellsOf('place', { orgUnitId: 'beta', name: 'Torre' }, { timeZone: CENTRE })).toEqual([])
  })

  it('moves a corrected record\'s counts: its old cells out, its new ones in, nothing left at zero', () => {
    const before = cellsOf('rescue', { orgUnitId: 'beta-sasabe', at: '2026-11-20T18:00:00.000Z', emergencyType: 'dehydration', outcome: 'first_aid', people: [{ count: 3, sex: 'female' }] }, { timeZone: CENTRE })
    const after = cellsOf('rescue', { orgUnitId: 'beta-sasabe', at: '2026-11-20T18:00:00.000Z', emergencyType: 'dehydration', outcome: 'first_aid', people: [{ count: 2, sex: 'female' }, { count: 1, sex: 'male' }] }, { timeZone: CENTRE })
    const sum = addCells(addCells(addCells(new Map(), before), before, -1), after)
    expect([...sum.values()].filter((c) => c.fact === 'rescued').map((c) => `${c.sex} ${c.n}`).sort()).toEqual(['female 2', 'male 1'])
    // Still one record.
    expect([...sum.values()].filter((c) => c.fact === 'records').map((c) => c.n)).toEqual([1])
  })

  it('counts a rescue\'s vulnerable people, and each counted record once with the priority ones apart', () => {
    const cells = cellsOf('rescue', { orgUnitId: 'beta-sasabe', at: '2026-11-20T18:00:00.000Z', emergencyType: 'dehydration', outcome: 'first_aid', people: [{ count: 2, sex: 'female', vulnerabilities: ['pregnant'] }, { count: 1, sex: 'male', vulnerabilities: [] }] }, { timeZone: CENTRE })
    expect(cells.filter((c) => c.fact !== 'rescued').map((c) => `${c.fact} ${c.sex} ${c.kind} ${c.n}`)).toEqual(['rescued_vulnerable female pregnant 2', 'records  rescue 1', 'priority_records  rescue 1'])
    expect(cellsOf('patrol', { orgUnitId: 'beta-sasabe', kind: 'preventive', startedAt: '2026-11-20T18:00:00.000Z' }, { timeZone: CENTRE }).map((c) => `${c.fact} ${c.kind} ${c.n}`)).toEqual(['patrol preventive 1', 'records patrol 1'])
  })
})
