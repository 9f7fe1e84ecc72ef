import type { TableAnswer } from '../query.ts'
import { AGE_ATTRIBUTE, AGE_ORDER, countTag as countTagOf, dimensionColumns, factLabel, SEX_ATTRIBUTE, SEX_ORDER } from './hxl.ts'
import type { StatColumn, StatRow, StatTable } from './stat-table.ts'

/**
 * A table question's answer as an exportable table, in HXL's shape: each row names the period
 * (`#date+start`, `#date+end`), the indicator and the programme's sector, then its breakdowns, then
 * its counts. Sex and age band, when asked for, become the counts' columns rather than rows
 * (`#reached+ind+f+adults+age_18_29`, then the row's total), as HXL disaggregates with attributes;
 * the other breakdowns stay rows, in the answer's order (largest first).
 */
export function statTableOf(answer: TableAnswer): StatTable {
  const across = answer.by.filter((b) => b === 'sex' || b === 'ageBand')
  const down = answer.by.filter((b): b is Exclude<typeof b, 'sex' | 'ageBand'> => b !== 'sex' && b !== 'ageBand')
  const countTag = countTagOf(answer.fact)
  const columns: StatColumn[] = [
    { key: 'indicator', label: { es: 'Indicador', en: 'Indicator' }, hxl: '#indicator+code', constant: true },
    { key: 'sector', label: { es: 'Sector', en: 'Sector' }, hxl: '#sector', constant: true },
    { key: 'from', label: { es: 'Desde', en: 'From' }, hxl: '#date+start', constant: true },
    { key: 'to', label: { es: 'Hasta', en: 'To' }, hxl: '#date+end', constant: true },
    ...down.flatMap((b) => dimensionColumns(b, answer.fact)),
  ]
  const fixed = { indicator: answer.fact, sector: 'protection', from: answer.from, to: answer.to }
  if (across.length === 0) {
    columns.push({ key: 'n', label: factLabel(answer.fact), hxl: countTag })
    const rows = answer.rows.map((r) => ({ ...fixed, ...namesOf(r, answer), n: Number(r.n) }))
    return { title: factLabel(answer.fact), columns, rows, rowCount: rows.length }
  }

  // One column per sex × age band present, in the catalogue's order, then the row's total.
  const present = new Map<string, { sex?: string; ageBand?: string }>()
  for (const r of answer.rows) {
    const cell = { sex: across.includes('sex') ? String(r.sex) : undefined, ageBand: across.includes('ageBand') ? String(r.ageBand) : undefined }
    present.set(countKey(cell), cell)
  }
  const rank = (order: string[], v: string | undefined) => (v === undefined ? 0 : order.includes(v) ? order.indexOf(v) : order.length)
  const counts = [...present.entries()].sort(([ka, a], [kb, b]) => rank(SEX_ORDER, a.sex) - rank(SEX_ORDER, b.sex) || rank(AGE_ORDER, a.ageBand) - rank(AGE_ORDER, b.ageBand) || ka.localeCompare(kb))
  for (const [key, cell] of counts) {
    const sex = cell.sex === undefined ? undefined : (SEX_ATTRIBUTE[cell.sex] ?? { hxl: '', label: { es: cell.sex, en: cell.sex } })
    const age = cell.ageBand === undefined ? undefined : (AGE_ATTRIBUTE[cell.ageBand] ?? { hxl: '', label: { es: cell.ageBand, en: cell.ageBand } })
    const parts = [sex, age].filter((p) => p !== undefined)
    columns.push({ key, label: { es: parts.map((p) => p.label.es).join(', '), en: parts.map((p) => p.label.en).join(', ') }, hxl: countTag + parts.map((p) => p.hxl).join('') })
  }
  columns.push({ key: 'total', label: { es: 'Total', en: 'Total' }, hxl: `${countTag}+total` })

  const rows = new Map<string, Record<string, string | number | null>>()
  for (const r of answer.rows) {
    const rowKey = down.map((b) => String(r[b])).join('\u0000')
    let row = rows.get(rowKey)
    if (row === undefined) {
      row = { ...fixed, ...namesOf(r, answer), ...Object.fromEntries(counts.map(([k]) => [k, 0])), total: 0 }
      rows.set(rowKey, row)
    }
    const key = countKey({ sex: across.includes('sex') ? String(r.sex) : undefined, ageBand: across.includes('ageBand') ? String(r.ageBand) : undefined })
    row[key] = Number(row[key] ?? 0) + Number(r.n)
    row.total = Number(row.total ?? 0) + Number(r.n)
  }
  const list: StatRow[] = [...rows.values()]
  return { title: factLabel(answer.fact), columns, rows: list, rowCount: list.length }
}

function countKey(cell: { sex?: string; ageBand?: string }): string {
  return ['n', cell.sex, cell.ageBand].filter((p) => p !== undefined).join('_')
}

/** A row's breakdowns, with the unit's name beside its id. */
function namesOf(r: TableAnswer['rows'][number], answer: TableAnswer): Record<string, string> {
  const out: Record<string, string> = {}
  for (const b of answer.by) {
    if (b === 'sex' || b === 'ageBand') {
      continue
    }
    out[b] = String(r[b] ?? '')
    if (b === 'unit') {
      out.unitName = answer.units[String(r.unit)]?.name ?? ''
    }
  }
  return out
}
