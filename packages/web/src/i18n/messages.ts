import { IntlMessageFormat } from 'intl-messageformat'
import type { Lang } from '@faro/core'
import en from './en.json'
import es from './es.json'

/** Every message id; Spanish is the reference catalog. */
export type MessageKey = keyof typeof es
export type MessageValues = Record<string, string | number>

/** Languages offered by the switch, Spanish first. */
export const LANGS = ['es', 'en'] as const satisfies readonly Lang[]

// Typing both catalogs against the Spanish keys makes a key missing in English a compile error.
const CATALOGS: Record<Lang, Record<MessageKey, string>> = { es, en }
const LANG_STORAGE_KEY = 'faro.lang'
const formatters = new Map<string, IntlMessageFormat>()

/** Formats one catalog message as ICU MessageFormat in a language. */
export function translate(lang: Lang, key: MessageKey, values?: MessageValues): string {
  const id = `${lang}\u0000${key}`
  let formatter = formatters.get(id)
  if (!formatter) {
    formatter = new IntlMessageFormat(CATALOGS[lang][key], lang)
    formatters.set(id, formatter)
  }
  const out = formatter.format(values)
  return Array.isArray(out) ? out.join('') : String(out)
}

/** True when a text from the server (an enum value, a kind) has a catalog entry under a prefix. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGS.es, key)
}

/** The saved choice if any, else the first supported browser language, else Spanish. */
export function detectLang(saved: string | null, browserLanguages: readonly string[]): Lang {
  const known = (value: string | null | undefined): Lang | undefined => LANGS.find((l) => l === value)
  const fromSaved = known(saved)
  if (fromSaved) {
    return fromSaved
  }
  for (const tag of browserLanguages) {
    const fromBrowser = known(tag.toLowerCase().split('-')[0])
    if (fromBrowser) {
      return fromBrowser
    }
  }
  return 'es'
}

export function loadLang(): Lang {
  let saved: string | null = null
  try {
    saved = localStorage.getItem(LANG_STORAGE_KEY)
  } catch {
    // Storage can be disabled (private mode, policy); the browser language still applies.
  }
  const browser = navigator.languages.length > 0 ? navigator.languages : [navigator.language]
  return detectLang(saved, browser)
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang)
  } catch {
    // Not remembered this time; nothing else depends on it.
  }
}

/** A server timestamp as a short local date and time in the UI language. */
export function formatDateTime(lang: Lang, iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) {
    return iso
  }
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}
