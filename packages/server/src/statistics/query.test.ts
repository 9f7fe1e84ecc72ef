import { describe, expect, it } from 'vitest'
import { isoWeek, partsOf, yearEarlier } from './query.ts'

describe('where a period\'s counts are read', () => {
  it('reads whole months from the month cells and the days around them from the day cells', () => {
    expect(partsOf('2025-01-01', '2025-12-31', false)).toEqual([{ table: 'stat_months', from: '2025-01', to: '2025-12' }])
    // A winter operation: the second half of November and the first days of January by day.
    expect(partsOf('2025-11-15', '2026-01-08', false)).toEqual([
      { table: 'stat_cells', from: '2025-11-15', to: '2025-11-30' },
      { table: 'stat_months', from: '2025-12', to: '2025-12' },
      { table: 'stat_cells', from: '2026-01-01', to: '2026-01-08' },
    ])
    expect(partsOf('2024-02-01', '2024-02-29', false)).toEqual([{ table: 'stat_months', from: '2024-02', to: '2024-02' }])
    expect(partsOf('2025-03-05', '2025-03-20', false)).toEqual([{ table: 'stat_cells', from: '2025-03-05', to: '2025-03-20' }])
    expect(partsOf('2025-01-01', '2025-12-31', true)).toEqual([{ table: 'stat_cells', from: '2025-01-01', to: '2025-12-31' }])
  })

  it('names ISO weeks by the year of their Thursday, and a day a year earlier', () => {
    expect(isoWeek('2026-11-20')).toBe('2026-W47')
    expect(isoWeek('2027-01-01')).toBe('2026-W53')
    expect(isoWeek('2024-12-30')).toBe('2025-W01')
    expect(yearEarlier('2024-02-29')).toBe('2023-02-28')
  })
})
