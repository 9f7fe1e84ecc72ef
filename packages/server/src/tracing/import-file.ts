import { IMPORT_COLUMNS, message, MatchRecordKind, type ImportField, type ImportIssue, type ImportSource, type Lang, type PersonIdentity } from '@faro/core'
import { csvTable, jsonlTable, mapColumns, show, text, type Cell } from '../http/tables.ts'

/** One row of a partner's list, read and checked: an identity for the vault and the entry's facts. */
export interface ImportRow {
  line: number
  sourceRef?: string
  identity: PersonIdentity
  kind: MatchRecordKind
  /** YYYY-MM-DD */
  eventDate: string
  place?: string
}

/** A list read whole: its columns and what each maps to, its rows, and every problem by line. */
export interface ReadList {
  columns: { name: string; field: ImportField | null }[]
  /** Each row's values as written, by column, for the preview. */
  raw: { line: number; values: Record<string, string> }[]
  /** The rows without a problem. */
  rows: ImportRow[]
  issues: ImportIssue[]
  /** Rows read, good or bad, the header aside. */
  total: number
}

const SPANISH_KINDS: Readonly<Record<string, MatchRecordKind>> = { atendido: 'attended', atendida: 'attended', rescatado: 'rescued', rescatada: 'rescued', hospitalizado: 'hospitalised', hospitalizada: 'hospitalised', hospitalized: 'hospitalised', fallecido: 'deceased', fallecida: 'deceased' }
const SEXES: Readonly<Record<string, 'male' | 'female'>> = { m: 'male', h: 'male', hombre: 'male', masculino: 'male', male: 'male', man: 'male', f: 'female', mujer: 'female', femenino: 'female', female: 'female', woman: 'female' }
/** In a list that writes H for hombre, M is mujer. */
const SEXES_HM: Readonly<Record<string, 'male' | 'female'>> = { ...SEXES, m: 'female' }
const LIMITS = { given_names: 120, surname1: 80, surname2: 80, full_name: 300, event_place: 200, id: 80 } as const

/**
 * Reads a partner's list (CSV with a header row, or JSONL), maps its columns by name and checks
 * every row, reporting each problem with the line of the file and the column as the file names
 * it, in the caller's language. Nothing is stored here.
 */
export function readList(source: Pick<ImportSource, 'format' | 'content' | 'kind' | 'eventDate'>, lang: Lang): ReadList {
  const table = source.format === 'csv' ? csvTable(source.content, lang) : jsonlTable(source.content, lang)
  const columns = mapColumns(table.header, IMPORT_COLUMNS)
  const out: ReadList = { columns, raw: [], rows: [], issues: [...table.issues], total: table.rows.length + table.issues.length }
  if (table.rows.length === 0 && table.issues.length === 0) {
    out.issues.push({ line: 1, column: '', message: message('faro.import_empty', lang) })
    return out
  }
  const named = columns.some((c) => c.field === 'given_names' || c.field === 'surname1' || c.field === 'full_name' || c.field === 'aliases')
  if (!named && table.header.length > 0) {
    out.issues.push({ line: 1, column: '', message: message('faro.import_no_name_column', lang) })
  }
  const columnOf = new Map<ImportField, string>()
  for (const c of columns) {
    if (c.field !== null) {
      columnOf.set(c.field, c.name)
    }
  }
  const sexColumn = columnOf.get('sex')
  const sexes = sexColumn !== undefined && table.rows.some((r) => /^h(ombre)?$/i.test(show(r.cells.get(sexColumn)).trim())) ? SEXES_HM : SEXES
  for (const { line, cells } of table.rows) {
    out.raw.push({ line, values: Object.fromEntries(table.header.map((h) => [h, show(cells.get(h))])) })
    const row = readRow(line, (field) => {
      const column = columnOf.get(field)
      return column === undefined ? null : (cells.get(column) ?? null)
    }, (field) => columnOf.get(field) ?? field, { ...source, sexes }, lang)
    if ('issues' in row) {
      out.issues.push(...row.issues)
    } else if (named) {
      out.rows.push(row)
    }
  }
  return out
}


/** One row, read field by field: the row, or every problem it has. */
function readRow(
  line: number,
  cell: (field: ImportField) => Cell | null,
  column: (field: ImportField) => string,
  source: Pick<ImportSource, 'kind' | 'eventDate'> & { sexes: Readonly<Record<string, 'male' | 'female'>> },
  lang: Lang,
): ImportRow | { issues: ImportIssue[] } {
  const issues: ImportIssue[] = []
  const fail = (field: ImportField, key: string, params: Record<string, string | number> = {}) => {
    issues.push({ line, column: column(field), message: message(key, lang, params) })
  }
  const limited = (field: keyof typeof LIMITS): string | undefined => {
    const value = text(cell(field))
    if (value !== undefined && value.length > LIMITS[field]) {
      fail(field, 'faro.import_too_long', { max: LIMITS[field] })
      return undefined
    }
    return value
  }
  const identity: PersonIdentity = { aliases: [], languages: [], phones: [], idDocuments: [], relatives: [] }
  const assign = <K extends keyof PersonIdentity>(key: K, value: PersonIdentity[K] | undefined) => {
    if (value !== undefined) {
      identity[key] = value
    }
  }
  assign('givenNames', limited('given_names'))
  assign('firstSurname', limited('surname1'))
  assign('secondSurname', limited('surname2'))
  assign('fullName', limited('full_name'))
  const aliasCell = cell('aliases')
  const aliases = (Array.isArray(aliasCell) ? aliasCell.map((a) => show(a as Cell)) : (text(aliasCell) ?? '').split(/[;|]/)).map((a) => a.trim()).filter((a) => a !== '')
  if (aliases.some((a) => a.length > 120)) {
    fail('aliases', 'faro.import_too_long', { max: 120 })
  }
  identity.aliases = aliases.slice(0, 10)
  if (identity.givenNames === undefined && identity.firstSurname === undefined && identity.fullName === undefined && identity.aliases.length === 0 && !issues.some((i) => i.column === column('given_names') || i.column === column('surname1') || i.column === column('full_name'))) {
    fail('given_names', 'faro.import_no_name')
  }
  const sex = text(cell('sex'))?.toLowerCase()
  if (sex !== undefined) {
    const read = source.sexes[sex]
    if (read === undefined) {
      fail('sex', 'faro.import_sex')
    }
    assign('sex', read)
  }
  const nationality = text(cell('nationality'))?.toUpperCase()
  if (nationality !== undefined) {
    if (/^[A-Z]{2}$/.test(nationality)) {
      identity.nationality = nationality
    } else {
      fail('nationality', 'faro.import_nationality')
    }
  }
  const birth = text(cell('birth_date'))
  if (birth !== undefined) {
    const date = readDate(birth)
    if (date === undefined) {
      fail('birth_date', 'faro.import_date')
    }
    assign('birthDate', date)
  }
  const age = text(cell('age_years'))
  if (age !== undefined) {
    const n = Number(age)
    if (!Number.isInteger(n) || n < 0 || n > 120) {
      fail('age_years', 'faro.import_age')
    } else {
      identity.approximateAge = n
    }
  }
  const eventText = text(cell('event_date'))
  const eventDate = eventText === undefined ? source.eventDate : readDate(eventText)
  if (eventText !== undefined && eventDate === undefined) {
    fail('event_date', 'faro.import_date')
  } else if (eventDate === undefined) {
    fail('event_date', 'faro.import_no_date')
  }
  const kindText = text(cell('kind'))?.toLowerCase()
  const kind = kindText === undefined ? source.kind : (MatchRecordKind.safeParse(kindText).data ?? SPANISH_KINDS[kindText])
  if (kindText !== undefined && kind === undefined) {
    fail('kind', 'faro.import_kind')
  } else if (kind === undefined) {
    fail('kind', 'faro.import_no_kind')
  }
  const place = limited('event_place')
  const sourceRef = limited('id')
  if (issues.length > 0 || kind === undefined || eventDate === undefined) {
    return { issues }
  }
  return { line, identity, kind, eventDate, ...(place ? { place } : {}), ...(sourceRef ? { sourceRef } : {}) }
}

/**
 * A date as lists write it: YYYY-MM-DD, or DD/MM/YYYY and DD-MM-YYYY as in Mexico. A month over
 * twelve with a day of twelve or less is read swapped; an impossible date is refused.
 */
export function readDate(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  const parts = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : undefined
  if (parts === undefined) {
    return undefined
  }
  const [year, written, writtenDay] = parts.map(Number) as [number, number, number]
  const [month, day] = written > 12 && writtenDay <= 12 ? [writtenDay, written] : [written, writtenDay]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900) {
    return undefined
  }
  return date.toISOString().slice(0, 10)
}
