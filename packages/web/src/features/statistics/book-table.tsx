import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import type { BookFact, Dim, TableAnswer } from './types.ts'
import { dimName, formatCount, valueName, type Names } from './words.ts'

/** One of the yearly report's tables: a fact in a year, rows by one dimension, columns by another. */
export interface BookQuestion {
  fact: BookFact
  rows: Dim
  cols?: Dim
  /** Only the cells with this value of a third dimension (first aid among the services). */
  only?: { dim: Dim; value: string }
}

// The order the report gives some values in; any other comes after them, largest first.
const ORDERS: Partial<Record<Dim, readonly string[]>> = {
  border: ['north', 'south', 'central', ''],
  sex: ['female', 'male', 'other', 'unknown'],
  ageBand: ['0-5', '6-11', '12-17', '18-29', '30-44', '45-59', '60+', 'unknown'],
  timing: ['on_time', 'late', 'pending'],
}

/** A table's rows and columns in the report's order, with every cell's count. */
export function crossTab(answer: Pick<TableAnswer, 'rows'>, q: BookQuestion, operations: Names['operations'] = []): { rows: string[]; cols: string[]; cell(r: string, c: string): number; rowTotal(r: string): number; colTotal(c: string): number; total: number } {
  const cells = new Map<string, number>()
  const rowSums = new Map<string, number>()
  const colSums = new Map<string, number>()
  let total = 0
  for (const r of answer.rows) {
    if (q.only !== undefined && String(r[q.only.dim]) !== q.only.value) {
      continue
    }
    const row = String(r[q.rows] ?? '')
    const col = q.cols === undefined ? '' : String(r[q.cols] ?? '')
    const n = Number(r.n)
    cells.set(`${row}\u0000${col}`, (cells.get(`${row}\u0000${col}`) ?? 0) + n)
    rowSums.set(row, (rowSums.get(row) ?? 0) + n)
    colSums.set(col, (colSums.get(col) ?? 0) + n)
    total += n
  }
  return {
    rows: ordered(q.rows, rowSums, operations),
    cols: q.cols === undefined ? [] : ordered(q.cols, colSums, operations),
    cell: (r, c) => cells.get(`${r}\u0000${c}`) ?? 0,
    rowTotal: (r) => rowSums.get(r) ?? 0,
    colTotal: (c) => colSums.get(c) ?? 0,
    total,
  }
}

/** A table of the yearly report, asked of the API and laid out as the book lays it out. */
export function BookTable({ title, q, year, names, testId }: { title: string; q: BookQuestion; year: number; names: Names; testId: string }) {
  const { t, lang } = useI18n()
  const by = [q.rows, ...(q.cols === undefined ? [] : [q.cols]), ...(q.only === undefined ? [] : [q.only.dim])]
  const answer = useFetch<TableAnswer>(`/api/statistics/table?fact=${q.fact}&year=${year}&by=${by.join(',')}`)
  const label = (dim: Dim, value: string) => {
    // The book heads its columns and rows "Norte" and "Sur" under "Frontera": short enough for a phone.
    if (dim === 'border') {
      return value === 'north' || value === 'south' || value === 'central' ? t(`stats.border.short.${value}`) : t('stats.border.short.none')
    }
    return valueName(t, lang, q.fact, dim, value, { ...names, units: { ...names.units, ...(answer.status === 'ok' ? answer.data.units : {}) } })
  }
  return (
    <section className="stats-book-table" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h3 id={`${testId}-title`}>{title}</h3>
      {answer.status === 'loading' ? <Loading /> : null}
      {answer.status === 'error' ? <ErrorNotice error={answer.error} onRetry={() => void answer.reload()} /> : null}
      {answer.status === 'ok' ? <Cross answer={answer.data} q={q} label={label} title={title} year={year} testId={testId} operations={names.operations} /> : null}
    </section>
  )
}

function Cross({ answer, q, label, title, year, testId, operations }: { answer: TableAnswer; q: BookQuestion; label(dim: Dim, value: string): string; title: string; year: number; testId: string; operations: Names['operations'] }) {
  const { t, lang } = useI18n()
  const tab = crossTab(answer, q, operations)
  if (tab.total === 0) {
    return <p className="muted">{t('stats.year.nothing', { year: String(year) })}</p>
  }
  const cols = q.cols
  return (
    <div className="stats-scroll" tabIndex={0} role="group" aria-label={title}>
      <table className="stats-table stats-book">
        <thead>
          <tr>
            <th scope="col">{dimName(t, q.fact, q.rows)}</th>
            {cols === undefined
              ? null
              : tab.cols.map((c) => (
                  <th key={c} scope="col" className="stats-num">
                    {label(cols, c)}
                  </th>
                ))}
            <th scope="col" className="stats-num">
              {t('stats.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {tab.rows.map((r) => (
            <tr key={r}>
              <th scope="row">{label(q.rows, r)}</th>
              {tab.cols.map((c) => (
                <td key={c} className="stats-num">
                  {formatCount(lang, tab.cell(r, c))}
                </td>
              ))}
              <td className="stats-num stats-strong">{formatCount(lang, tab.rowTotal(r))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('stats.total')}</th>
            {tab.cols.map((c) => (
              <td key={c} className="stats-num">
                {formatCount(lang, tab.colTotal(c))}
              </td>
            ))}
            <td className="stats-num stats-strong" data-testid={`${testId}-total`}>
              {formatCount(lang, tab.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}

function ordered(dim: Dim, sums: ReadonlyMap<string, number>, operations: Names['operations'] = []): string[] {
  const order = ORDERS[dim]
  const values = [...sums.keys()]
  if (dim === 'month' || dim === 'quarter' || dim === 'week' || dim === 'half') {
    return values.sort()
  }
  if (dim === 'operation') {
    // The year's operations in the order they ran; days outside any operation last.
    const start = (id: string) => (id === '' ? '9999' : (operations.find((o) => o.recordId === id)?.startsOn ?? '9998'))
    return values.sort((a, b) => start(a).localeCompare(start(b)) || a.localeCompare(b))
  }
  return values.sort((a, b) => {
    const ia = order?.indexOf(a) ?? -1
    const ib = order?.indexOf(b) ?? -1
    if (ia !== -1 || ib !== -1) {
      return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib)
    }
    return (sums.get(b) ?? 0) - (sums.get(a) ?? 0) || a.localeCompare(b)
  })
}
