import { diffWordsWithSpace } from 'diff'
import { editionLangs, TranslationStatus } from '@faro/core'
import { z } from 'zod'
import type { StoredEdition } from './editions.ts'

const Part = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })

export const EditionDiff = z.object({
  from: z.string().describe('the older edition compared'),
  to: z.string(),
  sections: z.array(
    z.object({
      slug: z.string(),
      change: z.enum(['added', 'removed', 'changed', 'same']),
      langs: z.array(
        z.object({
          lang: z.string(),
          change: z.enum(['added', 'removed', 'changed', 'same']),
          from: TranslationStatus.optional(),
          to: TranslationStatus.optional(),
          parts: z.array(Part).describe('the text, word by word: kept, added, removed; only for a changed text'),
        }),
      ),
    }),
  ),
})
export type EditionDiff = z.infer<typeof EditionDiff>
type Change = EditionDiff['sections'][number]['change']

/** Word-level changes from one edition to another, per section and language, in the newer one's order (removed sections last). */
export function editionDiff(from: StoredEdition, to: StoredEdition, onlyLang?: string): EditionDiff {
  const before = new Map(from.state.sections.map((s) => [s.slug, s]))
  const after = new Map(to.state.sections.map((s) => [s.slug, s]))
  const slugs = [...after.keys(), ...[...before.keys()].filter((slug) => !after.has(slug))]
  const sections = slugs.map((slug) => {
    const a = before.get(slug)
    const b = after.get(slug)
    const langs = editionLangs([...(a ? [a] : []), ...(b ? [b] : [])])
      .filter((lang) => onlyLang === undefined || lang === onlyLang)
      .map((lang) => {
        const x = a?.texts[lang]
        const y = b?.texts[lang]
        const change: Change = x === undefined ? 'added' : y === undefined ? 'removed' : x.markdown === y.markdown ? 'same' : 'changed'
        const parts = change === 'changed' ? diffWordsWithSpace(x?.markdown ?? '', y?.markdown ?? '').map((p) => ({ kind: p.added ? ('added' as const) : p.removed ? ('removed' as const) : ('same' as const), text: p.value })) : []
        return { lang, change, ...(x === undefined ? {} : { from: x.status }), ...(y === undefined ? {} : { to: y.status }), parts }
      })
    const change: Change = a === undefined ? 'added' : b === undefined ? 'removed' : langs.every((l) => l.change === 'same') && a.pictogram === b.pictogram && a.audience === b.audience ? 'same' : 'changed'
    return { slug, change, langs }
  })
  return { from: from.recordId, to: to.recordId, sections }
}
