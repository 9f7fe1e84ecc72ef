/**
 * The public site's languages: Spanish, English, French, Haitian Creole and Portuguese in full
 * (the languages most people in transit through Mexico read, after research A6). Each has its
 * own URL prefix (`/es/…`); the `lang` attribute says which variety a page is written in.
 */
export const PUBLIC_LANGS = ['es', 'en', 'fr', 'ht', 'pt'] as const
export type PublicLang = (typeof PUBLIC_LANGS)[number]

/** How each language names itself, and its tag in the page's `lang`. */
export const LANG_INFO: Readonly<Record<PublicLang, { name: string; tag: string }>> = {
  es: { name: 'Español', tag: 'es-MX' },
  en: { name: 'English', tag: 'en' },
  fr: { name: 'Français', tag: 'fr' },
  ht: { name: 'Kreyòl ayisyen', tag: 'ht' },
  pt: { name: 'Português', tag: 'pt-BR' },
}

export function isPublicLang(value: string | undefined): value is PublicLang {
  return value !== undefined && (PUBLIC_LANGS as readonly string[]).includes(value)
}

/**
 * The visitor's language from Accept-Language: the first listed, by weight, that the site
 * speaks (`fr-CA` counts as French); Spanish when none is.
 */
export function negotiateLang(header: string | undefined): PublicLang {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const weight = q === undefined ? 1 : Number(q.slice(2))
      return { base: range.trim().toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index }
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  return ranked.map((r) => r.base).find(isPublicLang) ?? 'es'
}
