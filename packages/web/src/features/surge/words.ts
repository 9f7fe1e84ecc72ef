import type { Lang } from '@faro/core'
import { isMessageKey, type MessageKey, type MessageValues } from '../../i18n/messages.ts'

/**
 * The words of the surge screens: hours in the reader's clock, every closed list (sex, age band,
 * nationality, vulnerability, service) in words from the catalogues, never as its code.
 */

type T = (key: MessageKey, values?: MessageValues) => string

/** A breakdown of the surge tally. */
export type SurgeDimension = 'sex' | 'age' | 'nationality' | 'vulnerability' | 'service'

/** The nationalities most seen in the groups' special operations, offered as quick buttons. */
export const QUICK_NATIONALITIES = ['HN', 'GT', 'SV', 'NI', 'VE', 'HT', 'CU', 'MX'] as const

/**
 * The start of an hour as the sheets key it (`2026-12-05T14`, UTC) in the reader's clock:
 * "08:00". `timeZone` is for tests; the screen uses the device's.
 */
export function hourLabel(lang: Lang, hour: string, timeZone?: string): string {
  const start = Date.parse(`${hour}:00:00Z`)
  if (Number.isNaN(start)) {
    return hour
  }
  return new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(new Date(start))
}

/** An hour as a range in the reader's clock: "08:00–09:00". */
export function hourRange(lang: Lang, hour: string, timeZone?: string): string {
  const start = Date.parse(`${hour}:00:00Z`)
  if (Number.isNaN(start)) {
    return hour
  }
  const next = new Date(start + 3_600_000).toISOString().slice(0, 13)
  return `${hourLabel(lang, hour, timeZone)}–${hourLabel(lang, next, timeZone)}`
}

/** A country by its code, named in the reader's language. */
export function countryName(lang: Lang, code: string): string {
  return new Intl.DisplayNames([locale(lang)], { type: 'region', fallback: 'none' }).of(code) ?? ''
}

/** One value of a breakdown in words; `unknown` is "no data". */
export function valueText(t: T, lang: Lang, dimension: SurgeDimension, value: string): string {
  if (value === 'unknown') {
    return t('breakdown.unknown')
  }
  switch (dimension) {
    case 'sex':
      return known(t, `sex.${value}`)
    case 'age':
      return t('fm.people.ageBand', { band: value })
    case 'nationality':
      return countryName(lang, value) || t('breakdown.unknown')
    case 'vulnerability':
      return known(t, `vulnerability.${value}`)
    case 'service':
      return known(t, `service.${value}`)
  }
}

/** A breakdown's counts as rows, most people first, ties by their words. */
export function breakdownRows(t: T, lang: Lang, dimension: SurgeDimension, counts: Readonly<Record<string, number>>): { value: string; label: string; people: number }[] {
  return Object.entries(counts)
    .filter(([, people]) => people > 0)
    .map(([value, people]) => ({ value, label: valueText(t, lang, dimension, value), people }))
    .sort((a, b) => b.people - a.people || a.label.localeCompare(b.label, lang))
}

/** The device's own calendar day (`2026-12-05`): a sheet is one operator's day where they stand. */
export function localDay(at: number): string {
  const d = new Date(at)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

function locale(lang: Lang): string {
  return lang === 'es' ? 'es-MX' : 'en-US'
}

// A value the catalogue does not know (a newer server) is "no data" rather than its code.
function known(t: T, key: string): string {
  return isMessageKey(key) ? t(key) : t('breakdown.unknown')
}
