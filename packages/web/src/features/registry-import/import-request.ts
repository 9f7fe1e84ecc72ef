import { ImportSource, MatchRecordKind, type ImportField, type ImportInput, type ImportIssue } from '@faro/core'
import { z } from 'zod'
import { ApiError } from '../../api/client.ts'

/** How a list is written: CSV or JSON Lines (core declares the schema without its type). */
export type ListFormat = ImportSource['format']

/** The kinds of list offered, in the order a coordinator meets them. */
export const LIST_KINDS = MatchRecordKind.options

/** The file types the picker offers: CSV, JSON Lines, and text files holding either. */
export const ACCEPTED_FILES = '.csv,.jsonl,.ndjson,.txt,text/csv,text/plain'

/**
 * The server's body limit by default (FARO_MAX_BODY_BYTES). A list whose request would pass it is
 * refused here, before reading it into a request, and sent to `faro match import` instead.
 */
export const MAX_BODY_BYTES = 1024 * 1024

/** What the form holds besides the file: the list's source, its kind and its date, "" for none. */
export const ImportForm = z.object({
  source: ImportSource.shape.source,
  kind: z.union([MatchRecordKind, z.literal('')]),
  eventDate: z.union([z.iso.date(), z.literal('')]),
})
export type ImportFormValues = z.input<typeof ImportForm>

/** A file chosen and read in the browser, ready to be sent. */
export interface ChosenFile {
  name: string
  format: ListFormat
  content: string
}

/** Why a chosen file cannot be sent, before asking the server. */
export type FileProblem = 'missing' | 'empty' | 'not_utf8' | 'too_large' | 'unreadable'

/** The format a file is read as: JSON Lines by its extension, CSV otherwise. */
export function formatOf(fileName: string): ListFormat {
  return /\.(jsonl|ndjson)$/i.test(fileName.trim()) ? 'jsonl' : 'csv'
}

/**
 * The file as it will be sent, or why it cannot be: empty, not UTF-8 (a spreadsheet saved in its
 * old encoding loses every accent, read here as replacement characters), or too large for a request.
 */
export function checkFile(name: string, content: string): ChosenFile | FileProblem {
  if (content.trim() === '') {
    return 'empty'
  }
  if (content.includes('\uFFFD')) {
    return 'not_utf8'
  }
  if (bodyBytes(content) > MAX_BODY_BYTES) {
    return 'too_large'
  }
  return { name, format: formatOf(name), content }
}

/** The request's size in bytes once the content is written into its JSON body, with room for the other fields. */
export function bodyBytes(content: string): number {
  return new TextEncoder().encode(JSON.stringify(content)).length + ENVELOPE_BYTES
}

/** What preview and import are sent: the form's values, trimmed, without the fields left empty. */
export function importSource(values: ImportFormValues, file: ChosenFile): ImportSource {
  return {
    source: values.source.trim(),
    format: file.format,
    ...(values.kind === '' ? {} : { kind: values.kind }),
    ...(values.eventDate === '' ? {} : { eventDate: values.eventDate }),
    content: file.content,
  }
}

/** True when two requests would read the same list the same way. */
export function sameSource(a: ImportSource, b: ImportSource): boolean {
  return a.source === b.source && a.format === b.format && a.kind === b.kind && a.eventDate === b.eventDate && a.orgUnitId === b.orgUnitId && a.content === b.content
}

/**
 * The import to send. After an attempt that was not confirmed (a lost answer, a dropped line), the
 * same list keeps its id, so the server answers "duplicate" rather than importing it twice; any
 * change to the file or the fields makes a new import with a new id.
 */
export function importFor(previous: ImportInput | undefined, source: ImportSource, makeId: () => string): ImportInput {
  if (previous !== undefined && sameSource(previous, source)) {
    return previous
  }
  return { ...source, id: makeId() }
}

/**
 * The bad rows of a refused import, as the preview lists them: the server names each one
 * `line.<N>.<column>` (the column may hold dots; a problem of the whole list has none).
 * Undefined when the refusal is of another kind.
 */
export function refusedRows(error: unknown): ImportIssue[] | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) {
    return undefined
  }
  const issues: ImportIssue[] = []
  for (const e of error.problem?.errors ?? []) {
    const where = e.code === 'bad_row' ? /^line\.(\d+)(?:\.([\s\S]*))?$/.exec(e.field) : null
    if (where?.[1] !== undefined) {
      issues.push({ line: Number(where[1]), column: where[2] ?? '', message: e.message })
    }
  }
  return issues.length > 0 ? issues : undefined
}

/** True when the server refused the request for its size (its limit may be set lower than ours). */
export function isTooLarge(error: unknown): boolean {
  return error instanceof ApiError && error.status === 413
}

/** The catalogue key naming a field a column is read as, or that it is ignored. */
export function fieldKey(field: ImportField | null): `regimp.field.${ImportField}` | 'regimp.ignored' {
  return field === null ? 'regimp.ignored' : `regimp.field.${field}`
}

// The JSON body's other fields: the source (80 characters, up to 4 bytes each), id, format, kind, date.
const ENVELOPE_BYTES = 512
