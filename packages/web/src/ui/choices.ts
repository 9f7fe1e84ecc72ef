import type { Lang } from '@faro/core'

/** A choice of a list: the value sent, the words shown. */
export interface Choice {
  value: string
  label: string
}

/** Lower case without accents, so "querétaro" and "queretaro" both find "Querétaro". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Org units as choices in tree order, each indented under its parent. */
export function unitChoices(units: readonly { id: string; name: string; path: readonly string[] }[]): Choice[] {
  return [...units].sort((a, b) => a.path.join('/').localeCompare(b.path.join('/'))).map((u) => ({ value: u.id, label: `${'\u2003'.repeat(Math.max(0, u.path.length - 1))}${u.name}` }))
}

// The countries the programmes' people and consulates come from most often: the Americas, and the
// countries of the extra-continental migrants seen at the southern border.
const COUNTRIES = ['MX', 'GT', 'HN', 'SV', 'NI', 'CR', 'PA', 'BZ', 'HT', 'CU', 'DO', 'VE', 'CO', 'EC', 'PE', 'BO', 'BR', 'CL', 'AR', 'US', 'CA', 'IN', 'CN', 'BD', 'NP', 'CM', 'CD', 'SN', 'AO', 'GH', 'AF'] as const

/** Those countries as choices, named in the reader's language and sorted by name. */
export function countryChoices(lang: Lang): Choice[] {
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' })
  return COUNTRIES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label, lang))
}
