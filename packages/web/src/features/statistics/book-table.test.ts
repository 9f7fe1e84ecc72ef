import { describe, expect, it } from 'vitest'
import { crossTab } from './book-table.tsx'
import type { TableRow } from './types.ts'

const row = (r: Record<string, string | number>): TableRow => ({ n: 0, ...r }) as TableRow

describe('the yearly report\'s tables', () => {
  it('lays out borders as the book does, north then south, women before men, with every total', () => {
    const tab = crossTab({ rows: [row({ border: 'south', sex: 'male', n: 5 }), row({ border: 'north', sex: 'male', n: 9 }), row({ border: 'north', sex: 'female', n: 4 }), row({ border: 'south', sex: 'unknown', n: 1 })] }, { fact: 'attended', rows: 'border', cols: 'sex' })
    expect(tab.rows).toEqual(['north', 'south'])
    expect(tab.cols).toEqual(['female', 'male', 'unknown'])
    expect(tab.cell('north', 'male')).toBe(9)
    expect(tab.cell('south', 'female')).toBe(0)
    expect(tab.rowTotal('north')).toBe(13)
    expect(tab.colTotal('male')).toBe(14)
    expect(tab.total).toBe(19)
  })

  it('keeps only the cells of one value of a third dimension: first aid among the services, by month', () => {
    const tab = crossTab(
      { rows: [row({ month: '2025-02', border: 'north', kind: 'first_aid', n: 3 }), row({ month: '2025-01', border: 'north', kind: 'first_aid', n: 2 }), row({ month: '2025-01', border: 'north', kind: 'water', n: 50 })] },
      { fact: 'service', rows: 'month', cols: 'border', only: { dim: 'kind', value: 'first_aid' } },
    )
    expect(tab.rows).toEqual(['2025-01', '2025-02'])
    expect(tab.total).toBe(5)
  })

  it('puts operations in the order they ran, the days outside any operation last', () => {
    const operations = [
      { recordId: 'winter', name: 'Invierno', startsOn: '2025-11-15' },
      { recordId: 'easter', name: 'Semana Santa', startsOn: '2025-03-20' },
    ]
    const tab = crossTab({ rows: [row({ kind: 'guides', operation: 'winter', n: 90 }), row({ kind: 'guides', operation: '', n: 1 }), row({ kind: 'guides', operation: 'easter', n: 10 })] }, { fact: 'tally', rows: 'kind', cols: 'operation' }, operations)
    expect(tab.cols).toEqual(['easter', 'winter', ''])
  })
})
