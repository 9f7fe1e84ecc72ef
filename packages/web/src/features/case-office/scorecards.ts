import type { Lang, Scorecard } from '@faro/core'

/**
 * Scorecards in the order the national office reads them: the most late cases first, then the
 * most open, then the most received, then by name.
 */
export function scorecardOrder(cards: readonly Scorecard[], name: (bodyId: string) => string, lang: Lang): Scorecard[] {
  return [...cards].sort((a, b) => b.overdue - a.overdue || b.open - a.open || b.received - a.received || name(a.bodyId).localeCompare(name(b.bodyId), lang))
}

/** A share as a whole percent in the reader's language: 0.875 is "88%". */
export function percent(lang: Lang, share: number): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share)
}

/** A count with the reader's digit grouping: 12,345. */
export function count(lang: Lang, n: number): string {
  return new Intl.NumberFormat(locale(lang)).format(n)
}

/** A number to one decimal as Mexico writes it (4.5), for the catalogue to put before its unit. */
export function decimal(lang: Lang, n: number): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(n)
}

/** Days to one decimal, as a number the catalogue's plural takes. */
export function roundDays(days: number): number {
  return Math.round(days * 10) / 10
}

function locale(lang: Lang): string {
  return lang === 'es' ? 'es-MX' : 'en-US'
}
