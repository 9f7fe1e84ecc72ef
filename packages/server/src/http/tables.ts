import { message, type ImportIssue, type Lang } from '@faro/core'
import { CsvError, parse } from 'csv-parse/sync'

/**
 * Lists uploaded as text — a partner's list for the registry, an operation's volunteers — read
 * into rows of cells with the line of the file each starts on, and every unreadable line named.
 * CSV has a header row (comma or semicolon, whichever the header uses more; quoted values may span
 * lines); JSONL has one object per line.
 */

export type Cell = string | number | boolean | null | readonly unknown[] | Record<string, unknown>

/** A table of cells, each row with the line of the file it starts on. */
export interface Table {
  header: string[]
  rows: { line: number; cells: Map<string, Cell> }[]
  issues: ImportIssue[]
}

export function csvTable(content: string, lang: Lang): Table {
  const firstLine = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(content, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[]
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as unknown as { lines: number }).lines : 1
      return { header: [], rows: [], issues: [{ line, column: '', message: message('faro.import_bad_csv', lang, { line }) }] }
    }
    throw error
  }
  const [head, ...body] = records
  const header = (head?.record ?? []).map((h) => h.trim())
  const table: Table = { header, rows: [], issues: [] }
  for (const { record, info } of body) {
    // A quoted value may span lines: the row starts where it ends less its own line breaks.
    const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0)
    if (record.length !== header.length) {
      table.issues.push({ line, column: '', message: message('faro.import_columns', lang, { found: record.length, expected: header.length }) })
      continue
    }
    table.rows.push({ line, cells: new Map(header.map((h, i) => [h, record[i] ?? ''])) })
  }
  return table
}

export function jsonlTable(content: string, lang: Lang): Table {
  const table: Table = { header: [], rows: [], issues: [] }
  const seen = new Set<string>()
  for (const [index, text] of content.replace(/^\uFEFF/, '').split(/\r?\n/).entries()) {
    const line = index + 1
    if (text.trim() === '') {
      continue
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      value = undefined
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      table.issues.push({ line, column: '', message: message('faro.import_bad_line', lang) })
      continue
    }
    for (const key of Object.keys(value)) {
      if (!seen.has(key)) {
        seen.add(key)
        table.header.push(key)
      }
    }
    table.rows.push({ line, cells: new Map(Object.entries(value as Record<string, Cell>)) })
  }
  return table
}

export function show(cell: Cell | undefined): string {
  if (cell === undefined || cell === null) {
    return ''
  }
  return typeof cell === 'string' ? cell : Array.isArray(cell) ? cell.map(String).join('; ') : String(cell as string | number | boolean)
}

export function text(cell: Cell | null): string | undefined {
  const s = show(cell ?? undefined).trim()
  return s === '' ? undefined : s
}


/**
 * Maps a column name to a field: accents, case, separators and little words (de, del, la, of)
 * do not matter, so "Fecha de ingreso" is `fecha_ingreso`; the first column of a field wins.
 */
export function mapColumns<F extends string>(header: readonly string[], columns: Readonly<Record<F, readonly string[]>>): { name: string; field: F | null }[] {
  const taken = new Set<F>()
  return header.map((name) => {
    const key = columnKey(name)
    const field = (Object.keys(columns) as F[]).find((f) => columns[f].some((synonym) => columnKey(synonym) === key))
    if (field === undefined || taken.has(field)) {
      return { name, field: null }
    }
    taken.add(field)
    return { name, field }
  })
}

const LITTLE_WORDS = new Set(['de', 'del', 'la', 'el', 'of', 'the'])

function columnKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !LITTLE_WORDS.has(w))
    .join('_')
}
