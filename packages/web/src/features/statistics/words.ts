import type { Lang } from '@faro/core'
import { isMessageKey, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import type { Breakdown } from './drill.ts'
import type { PeriodChoice } from './period.ts'
import type { BookFact, Dim, OperationItem, StatFact, UnitLabel } from './types.ts'

/**
 * The words of the statistics pages: every value a table gives (a sex, an age band, a country, a
 * service, a border, a month) in the reader's language from the catalogues or Intl, never as its
 * code; numbers as Mexico writes them in Spanish (`12,345`) and as English does.
 */

export type T = (key: MessageKey, values?: MessageValues) => string

/** What a value needs besides the catalogues: the units and operations the page knows. */
export interface Names {
  units?: Readonly<Record<string, Pick<UnitLabel, 'name'>>>
  operations?: readonly (Pick<OperationItem, 'recordId' | 'name'> & Partial<Pick<OperationItem, 'startsOn'>>)[]
}

/** The locale of numbers and dates. */
export function locale(lang: Lang): string {
  return lang === 'es' ? 'es-MX' : 'en'
}

/** A count: `12,345`. */
export function formatCount(lang: Lang, n: number): string {
  return new Intl.NumberFormat(locale(lang)).format(n)
}

/** A share: `12.5 %` (one decimal at most). */
export function formatShare(lang: Lang, share: number): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share)
}

/** A fact's name: "Personas atendidas". */
export function factName(t: T, fact: StatFact): string {
  return t(`stats.fact.${fact}`)
}

/** A fact's count in words, in its plural: "1 persona atendida", "12,345 personas atendidas". */
export function factCount(t: T, lang: Lang, fact: StatFact, n: number): string {
  return t(`stats.count.${fact}`, { count: n, n: formatCount(lang, n) })
}

/** A breakdown's name in the picker, which for `kind` depends on the fact: "Por servicio". */
export function breakdownName(t: T, fact: StatFact, b: Breakdown): string {
  if (b === 'kind') {
    return t(`stats.by.kind.${fact}`)
  }
  return t(`stats.by.${b}`)
}

/** The heading of a table's first column: "Frontera", "Estado", "Mes", "Servicio". */
export function dimName(t: T, fact: BookFact, dim: Dim): string {
  if (dim === 'kind') {
    return t(`stats.dim.kind.${fact}`)
  }
  return t(`stats.dim.${dim}`)
}

// The catalogue prefix of a fact's kinds.
const KIND_PREFIX: Record<BookFact, string> = {
  attended: '',
  attended_vulnerable: 'vulnerability.',
  service: 'service.',
  rescued: 'emergency.',
  patrol: 'patrolKind.',
  patrol_encountered: 'patrolKind.',
  remains: 'remainsCondition.',
  tally: 'tally.count.',
  case: 'case.category.',
}

/** One value of a dimension in words. */
export function valueName(t: T, lang: Lang, fact: BookFact, dim: Dim, value: string, names: Names = {}): string {
  if (value === 'unknown') {
    return t('breakdown.unknown')
  }
  switch (dim) {
    case 'border':
      return value === 'north' || value === 'south' || value === 'central' ? t(`stats.border.${value}`) : t('stats.border.none')
    case 'state':
      return value === '' ? t('stats.state.none') : value
    case 'unit':
    case 'body':
      return value === '' ? t('stats.body.none') : (names.units?.[value]?.name ?? t('stats.unit.unknown'))
    case 'operation':
      return value === '' ? t('stats.operation.none') : (names.operations?.find((o) => o.recordId === value)?.name ?? t('stats.operation.unknown'))
    case 'year':
      return value
    case 'half':
      return /^\d{4}-H[12]$/.test(value) ? t('stats.half', { half: Number(value.slice(6)), year: value.slice(0, 4) }) : t('breakdown.unknown')
    case 'quarter':
      return /^\d{4}-Q[1-4]$/.test(value) ? t('stats.quarter', { quarter: Number(value.slice(6)), year: value.slice(0, 4) }) : t('breakdown.unknown')
    case 'month':
      return monthName(lang, value)
    case 'week':
      return /^\d{4}-W\d{2}$/.test(value) ? t('stats.week', { week: Number(value.slice(6)), year: value.slice(0, 4) }) : t('breakdown.unknown')
    case 'day':
      return dayName(lang, value)
    case 'sex':
      return known(t, `sex.${value}`)
    case 'ageBand':
      return value === '' ? t('breakdown.unknown') : t('fm.people.ageBand', { band: value })
    case 'nationality':
      return countryName(lang, value) || t('breakdown.unknown')
    case 'kind':
      return KIND_PREFIX[fact] === '' ? t('breakdown.unknown') : capitalise(lang, known(t, `${KIND_PREFIX[fact]}${value}`))
    case 'outcome':
      return capitalise(lang, known(t, fact === 'case' ? `case.status.${value}` : `outcome.${value}`))
    case 'channel':
      return known(t, `case.channel.${value}`)
    case 'timing':
      return known(t, `stats.timing.${value}`)
  }
}

/** A month (`2026-11`) in words: "noviembre de 2026", "November 2026". */
export function monthName(lang: Lang, month: string, short = false): string {
  if (!/^\d{4}-\d{2}$/.test(month)) {
    return month
  }
  const at = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 15))
  return new Intl.DateTimeFormat(locale(lang), short ? { month: 'short', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at)
}

/** A period's short name under a line chart's x axis: "nov", "S48", "T4 2026". */
export function tickName(t: T, lang: Lang, dim: 'month' | 'week' | 'quarter', value: string): string {
  if (dim === 'month') {
    return monthName(lang, value, true)
  }
  if (dim === 'week') {
    return t('stats.weekShort', { week: Number(value.slice(6)) })
  }
  return t('stats.quarterShort', { quarter: Number(value.slice(6)), year: value.slice(0, 4) })
}

/** A day (`2026-11-05`) in words: "5 nov 2026". */
export function dayName(lang: Lang, day: string): string {
  const ms = Date.parse(`${day}T12:00:00Z`)
  if (Number.isNaN(ms)) {
    return day
  }
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(ms))
}

/** A country by its code in the reader's language; empty when Intl does not know it. */
export function countryName(lang: Lang, code: string): string {
  // ZZ is CLDR's "unknown region": for a count, that is no data.
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') {
    return ''
  }
  return new Intl.DisplayNames([locale(lang)], { type: 'region', fallback: 'none' }).of(code) ?? ''
}

/** A period in words: "2026", "Operativo Invierno 2026", "4.º trimestre de 2026", two days. */
export function periodName(t: T, lang: Lang, p: PeriodChoice, operations: readonly Pick<OperationItem, 'recordId' | 'name'>[] = []): string {
  switch (p.kind) {
    case 'year':
      return String(p.year)
    case 'operation':
      return operations.find((o) => o.recordId === p.id)?.name ?? t('stats.operation.unknown')
    case 'half':
      return t('stats.half', { half: p.half, year: String(p.year) })
    case 'quarter':
      return t('stats.quarter', { quarter: p.quarter, year: String(p.year) })
    case 'month':
      return monthName(lang, `${p.year}-${String(p.month).padStart(2, '0')}`)
    case 'days':
      return t('stats.days', { from: dayName(lang, p.from), to: dayName(lang, p.to) })
  }
}

/** The change from a year earlier, as a direction and a share (none when there was nothing). */
export interface Change {
  direction: 'up' | 'down' | 'same' | 'new' | 'none'
  share: number
}

export function changeOf(n: number, previous: number): Change {
  if (previous === 0) {
    return { direction: n === 0 ? 'none' : 'new', share: 0 }
  }
  const share = (n - previous) / previous
  return { direction: n === previous ? 'same' : n > previous ? 'up' : 'down', share: Math.abs(share) }
}

/** The change in a few characters for a table cell: "▲ 12 %", "▼ 3.5 %", "=", "—". */
export function changeMark(lang: Lang, c: Change): string {
  switch (c.direction) {
    case 'up':
      return `▲ ${formatShare(lang, c.share)}`
    case 'down':
      return `▼ ${formatShare(lang, c.share)}`
    case 'same':
      return '='
    default:
      return '—'
  }
}

/** The change in words, for a screen reader and the summary: "12 % más que un año antes". */
export function changeWords(t: T, lang: Lang, c: Change, previous: number): string {
  const before = formatCount(lang, previous)
  switch (c.direction) {
    case 'up':
      return t('stats.change.up', { share: formatShare(lang, c.share), before })
    case 'down':
      return t('stats.change.down', { share: formatShare(lang, c.share), before })
    case 'same':
      return t('stats.change.same', { before })
    case 'new':
      return t('stats.change.new')
    case 'none':
      return t('stats.change.none')
  }
}

function capitalise(lang: Lang, text: string): string {
  return text.charAt(0).toLocaleUpperCase(locale(lang)) + text.slice(1)
}

// A value the catalogue does not know (a newer server) is "no data" rather than its code.
function known(t: T, key: string): string {
  return isMessageKey(key) ? t(key) : t('breakdown.unknown')
}
