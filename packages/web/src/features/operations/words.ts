import type { Lang } from '@faro/core'
import type { MessageKey, MessageValues } from '../../i18n/messages.ts'
import type { PreviewIssue } from './types.ts'

/**
 * The words of the operations' screens: every closed list (kind, reason, setting, status, the
 * columns a volunteer list is read as) by the catalogue, never as its code; days and numbers in
 * the person's language.
 */

type T = (key: MessageKey, values?: MessageValues) => string

/** The column fields of a volunteer list, as the server reads them. */
const COLUMN_FIELDS = ['name', 'email', 'site', 'institution', 'social_service', 'languages', 'days', 'day_parts', 'trained_guide', 'trained_rights', 'trained_complaints'] as const
type ColumnField = (typeof COLUMN_FIELDS)[number]

/** What a column of a volunteer list is read as, in words; a column read as nothing is left out. */
export function columnText(t: T, field: string | null): string {
  const known = COLUMN_FIELDS.find((f) => f === field)
  return known === undefined ? t('ops.import.column.ignored') : t(COLUMN_KEYS[known])
}

/** A bad row of a volunteer list, by line and column, in words. The server's message is already in the person's language. */
export function issueText(t: T, issue: PreviewIssue): string {
  return issue.column === '' ? t('ops.import.issue.line', { line: issue.line, message: issue.message }) : t('ops.import.issue.cell', { line: issue.line, column: issue.column, message: issue.message })
}

/** A number as the person's language writes it (12,345 in both of ours, as Mexico writes it). */
export function numberText(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es-MX' : 'en-US').format(n)
}

/** A calendar day (`2026-12-05`) in a short form: "5 dic 2026". */
export function dayText(lang: Lang, day: string): string {
  return format(lang, day, { dateStyle: 'medium' })
}

/** A calendar day with its weekday: "sábado, 5 de diciembre". */
export function weekdayText(lang: Lang, day: string): string {
  return format(lang, day, { weekday: 'long', day: 'numeric', month: 'long' })
}

function format(lang: Lang, day: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(`${day}T12:00:00Z`)
  if (Number.isNaN(date.getTime())) {
    return day
  }
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { ...options, timeZone: 'UTC' }).format(date)
}

const COLUMN_KEYS: Record<ColumnField, MessageKey> = {
  name: 'ops.import.column.name',
  email: 'ops.import.column.email',
  site: 'ops.import.column.site',
  institution: 'ops.import.column.institution',
  social_service: 'ops.import.column.socialService',
  languages: 'ops.import.column.languages',
  days: 'ops.import.column.days',
  day_parts: 'ops.import.column.dayParts',
  trained_guide: 'ops.import.column.trainedGuide',
  trained_rights: 'ops.import.column.trainedRights',
  trained_complaints: 'ops.import.column.trainedComplaints',
}

/** An activation code in groups of four (`ABCD-EFGH-JK`), easier to copy; the server ignores the dashes. */
export function codeText(code: string): string {
  return (code.match(/.{1,4}/g) ?? [code]).join('-')
}
