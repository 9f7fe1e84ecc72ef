import { z } from 'zod'
import { MatchRecordKind } from '../matching/schemas.ts'
import { RecordId, UuidV7 } from '../util/ids.ts'

/**
 * Partners' lists brought into the registry (`POST /api/tracing/imports`, `faro match import`):
 * hospital admissions, shelter registries, forensic services' lists, lists from the US side, as
 * CSV (comma or semicolon, a header row) or JSONL (one object per line). Columns are recognised
 * by name, in English or Spanish (see IMPORT_COLUMNS); a preview shows the mapping and every bad
 * row by its line number before anything is stored, and an import is all or nothing.
 */

/** The fields a list's columns map to, with the column names each is recognised by. */
export const IMPORT_COLUMNS = {
  id: ['id', 'folio', 'clave', 'registro', 'expediente', 'record_id'],
  given_names: ['given_names', 'given_name', 'first_name', 'first_names', 'nombre', 'nombres', 'nombre_s'],
  surname1: ['surname1', 'surname', 'last_name', 'apellido', 'apellido1', 'primer_apellido', 'apellido_paterno', 'paterno'],
  surname2: ['surname2', 'apellido2', 'segundo_apellido', 'apellido_materno', 'materno'],
  full_name: ['full_name', 'name', 'nombre_completo'],
  aliases: ['aliases', 'alias', 'apodo', 'apodos', 'nickname', 'nicknames'],
  sex: ['sex', 'sexo', 'gender', 'genero'],
  nationality: ['nationality', 'nacionalidad', 'country', 'pais'],
  birth_date: ['birth_date', 'dob', 'date_of_birth', 'fecha_nacimiento', 'fecha_de_nacimiento'],
  age_years: ['age_years', 'age', 'edad'],
  event_date: ['event_date', 'date', 'fecha', 'fecha_evento', 'fecha_ingreso', 'admission_date', 'fecha_hallazgo'],
  event_place: ['event_place', 'place', 'lugar', 'municipio', 'location'],
  kind: ['kind', 'tipo'],
} as const
export type ImportField = keyof typeof IMPORT_COLUMNS
export const ImportField = z.enum(Object.keys(IMPORT_COLUMNS) as [ImportField, ...ImportField[]])

export const ImportFormat = z.enum(['csv', 'jsonl'])
export type ImportFormat = z.infer<typeof ImportFormat>

/** What a preview or an import is given: the file's text and what the whole list is. */
export const ImportSource = z.strictObject({
  source: z.string().trim().min(1).max(80).describe('whose list: "Hospital General de Caborca", "SEMEFO Sonora"'),
  format: ImportFormat,
  kind: MatchRecordKind.optional().describe('for rows without a kind column: hospitalised for a hospital list, deceased for a forensic one'),
  eventDate: z.iso.date().optional().describe('for rows without a date: the day the list was drawn up'),
  orgUnitId: RecordId.optional().describe('the unit that imports it; default: the caller\'s'),
  content: z.string().min(1).describe('the file\'s text (UTF-8), within the server\'s body limit (FARO_MAX_BODY_BYTES, 1 MB by default: 413 beyond); larger lists go through `faro match import`'),
})
export type ImportSource = z.infer<typeof ImportSource>

/** An import: the list, under an id kept for retries. */
export const ImportInput = ImportSource.extend({ id: UuidV7.describe('a new UUID per import, kept for retries') })
export type ImportInput = z.infer<typeof ImportInput>

/** A bad value in a row, by the line of the file it is on. */
export const ImportIssue = z.object({
  line: z.number().int(),
  column: z.string().describe('the column as the file names it'),
  message: z.string(),
})
export type ImportIssue = z.infer<typeof ImportIssue>

/** What the preview shows before anything is stored. */
export const ImportPreview = z.object({
  rows: z.number().int().describe('rows read, the header aside'),
  columns: z.array(z.object({ name: z.string(), field: ImportField.nullable().describe('null: ignored') })),
  sample: z.array(z.object({ line: z.number().int(), values: z.record(z.string(), z.string()) })).describe('the first rows as they will be read'),
  issues: z.array(ImportIssue).describe('the first hundred'),
  issueCount: z.number().int(),
})
export type ImportPreview = z.infer<typeof ImportPreview>

export const ImportResult = z.object({
  status: z.enum(['imported', 'duplicate']),
  importId: z.string(),
  rows: z.number().int(),
})
export type ImportResult = z.infer<typeof ImportResult>
