import { describe, expect, it } from 'vitest'
import { cellsOf, type StatCell } from '../statistics/cells.ts'
import { DailyReportFiled } from './daily-report.ts'

describe('a group\'s daily report', () => {
  it('counts in the statistics as the day\'s attentions, rescues, patrols and remains would, on the day it names', () => {
    const report = DailyReportFiled.parse({
      orgUnitId: 'beta-sasabe',
      day: '2025-07-14',
      attended: [{ count: 5, sex: 'male', ageBand: '18-29', nationality: 'GT' }, { count: 2, sex: 'female', ageBand: '30-44', nationality: 'HN', vulnerabilities: ['pregnant'] }],
      services: { water: 7, orientation: 6 },
      patrols: { preventive: 2 },
      peopleEncountered: 9,
      rescues: [{ emergencyType: 'dehydration', outcome: 'first_aid', people: [{ count: 3, sex: 'male' }] }],
      remains: 1,
      source: 'paper',
    })
    const short = (c: StatCell) => [c.fact, c.day, c.sex, c.kind, c.outcome, c.n].join(' ')
    const cells = cellsOf('daily_report', report as unknown as Record<string, unknown>, { timeZone: 'America/Hermosillo' })
    expect(cells.map(short)).toEqual([
      'attended 2025-07-14 male   5',
      'attended 2025-07-14 female   2',
      'attended_vulnerable 2025-07-14 female pregnant  2',
      'service 2025-07-14  water  7',
      'service 2025-07-14  orientation  6',
      'patrol 2025-07-14  preventive  2',
      'patrol_encountered 2025-07-14    9',
      'rescued 2025-07-14 male dehydration first_aid 3',
      'remains 2025-07-14  unknown  1',
      'records 2025-07-14  daily_report  1',
    ])
  })

  it('refuses a report with no source or a negative count, naming the field', () => {
    const bad = DailyReportFiled.safeParse({ orgUnitId: 'beta-sasabe', day: '2025-07-14', services: { water: -1 } })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['services.water', 'source'])
  })
})
