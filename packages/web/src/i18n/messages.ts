import { IntlMessageFormat } from 'intl-messageformat'
import type { Lang } from '@faro/core'
import type es from './es.json'

/** Every message id; Spanish is the reference catalog. */
export type MessageKey = keyof typeof es
export type MessageValues = Record<string, string | number>
type Catalog = Record<MessageKey, string>

/** Languages offered by the switch, Spanish first. */
export const LANGS = ['es', 'en'] as const satisfies readonly Lang[]

/**
 * The catalogs loaded so far. Each language is a chunk of its own, loaded before the app first
 * draws and when the language changes: a visitor downloads the words of their language only, and
 * they stay out of the shell's first script (the service worker still precaches both, for
 * offline use).
 */
const CATALOGS: Partial<Record<Lang, Catalog>> = {}

/** Loads a language's catalog (once). */
export async function loadCatalog(lang: Lang): Promise<void> {
  if (CATALOGS[lang] !== undefined) {
    return
  }
  // Typed against the Spanish keys: a key missing in English is a compile error.
  const catalog: Catalog = lang === 'en' ? (await import('./en.json')).default : (await import('./es.json')).default
  CATALOGS[lang] = catalog
}

function catalogOf(lang: Lang): Catalog {
  const catalog = CATALOGS[lang] ?? CATALOGS.es ?? CATALOGS.en
  if (catalog === undefined) {
    throw new Error('no message catalog loaded: call loadCatalog first')
  }
  return catalog
}
const LANG_STORAGE_KEY = 'faro.lang'
const formatters = new Map<string, IntlMessageFormat>()

/** Formats one catalog message as ICU MessageFormat in a language. */
export function translate(lang: Lang, key: MessageKey, values?: MessageValues): string {
  const id = `${lang}\u0000${key}`
  let formatter = formatters.get(id)
  if (!formatter) {
    formatter = new IntlMessageFormat(catalogOf(lang)[key], lang)
    formatters.set(id, formatter)
  }
  const out = formatter.format(values)
  return Array.isArray(out) ? out.join('') : String(out)
}

/** True when a text from the server (an enum value, a kind) has a catalog entry under a prefix. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogOf('es'), key)
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
