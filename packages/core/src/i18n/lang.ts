import { z } from 'zod'

/** Languages of the staff UI and API messages; Spanish first. */
export const Lang = z.enum(['es', 'en'])
export type Lang = z.infer<typeof Lang>

/**
 * Picks the best supported language from an Accept-Language header; Spanish by default.
 * @example pickLang('en-US,en;q=0.9,es;q=0.5') // 'en'
 */
export function pickLang(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) {
    return 'es'
  }
  const ranked = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const weight = q === undefined ? 1 : Number(q.slice(2))
      return { base: tag.toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, i }
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
  for (const r of ranked) {
    const parsed = Lang.safeParse(r.base)
    if (parsed.success) {
      return parsed.data
    }
  }
  return 'es'
}
