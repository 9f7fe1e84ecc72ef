import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { GuideAudience, PICTOGRAMS, SectionSlug, type GuideSeason, type GuideSection, type SectionText } from '@faro/core'
import { PUBLIC_LANGS, type PublicLang } from './languages.ts'
import { renderMarkdown, type RenderedMarkdown } from './markdown.ts'

/**
 * The public site's information pages. Faro ships them in content/: `pages.json` lists them in
 * order (slug, audience, pictogram, and per language whether its translation was reviewed), and
 * `content/<lang>/<slug>.md` holds each translation. Once the national office publishes an edition
 * of the guide (guide/), the site shows that edition's sections instead (editions.ts).
 */

export const CONTENT_DIR = path.join(import.meta.dirname, 'content')

const PageEntry = z.strictObject({
  slug: SectionSlug,
  audience: GuideAudience,
  pictogram: z.enum(PICTOGRAMS),
  reviewed: z.record(z.string(), z.boolean()),
})

/**
 * The sections shipped in a content folder, as an edition's: a translation marked reviewed in
 * `pages.json` is reviewed, one written but not marked is a draft. The site shows them until an
 * edition is published, and a new installation's first edition starts from them.
 */
export function shippedSections(dir: string = CONTENT_DIR): GuideSection[] {
  const entries = z.array(PageEntry).parse(JSON.parse(fs.readFileSync(path.join(dir, 'pages.json'), 'utf8')))
  return entries.map((entry) => {
    const texts: Record<string, SectionText> = {}
    for (const lang of fs.readdirSync(dir).filter((name) => /^[a-z]{2,3}$/.test(name))) {
      const file = path.join(dir, lang, `${entry.slug}.md`)
      if (fs.existsSync(file)) {
        texts[lang] = { markdown: fs.readFileSync(file, 'utf8'), status: entry.reviewed[lang] === true ? 'reviewed' : 'draft' }
      }
    }
    return { slug: entry.slug, audience: entry.audience, pictogram: entry.pictogram, texts }
  })
}

export interface PublicPage extends RenderedMarkdown {
  slug: string
  /** The language the text is in: the one asked for, or Spanish when it is not published in it. */
  lang: PublicLang
  entry: GuideSection
  /** The recording of the text read aloud, in the language it is in. */
  audioId?: string
}

/** Slugs the site answers besides the sections: links to them are kept. */
const SITE_SLUGS = new Set(['help', 'complaint', 'follow', 'help-request', 'missing', 'convoys'])

/**
 * The sections of one edition (or of the shipped folder), rendered once per language. A section
 * is published in a language only when its translation there is reviewed; otherwise the Spanish
 * one is shown with a notice.
 */
export class PublicContent {
  private readonly rendered = new Map<string, PublicPage>()

  /** `edition` is undefined for the shipped sections. */
  constructor(
    private readonly sections: readonly GuideSection[] = shippedSections(),
    readonly edition?: { id: string; season: GuideSeason; year: number },
  ) {}

  /** The pages, in the order the site lists them. */
  pages(): readonly GuideSection[] {
    return this.sections
  }

  /** True when the page is published in the language: written and reviewed. */
  publishedIn(entry: GuideSection, lang: string): boolean {
    const text = entry.texts[lang]
    return text?.status === 'reviewed' && text.markdown.trim() !== ''
  }

  /** A page in a language, or in Spanish when it is not published in that one; undefined when there is no such page. */
  page(slug: string, lang: PublicLang): PublicPage | undefined {
    const entry = this.sections.find((p) => p.slug === slug)
    if (entry === undefined) {
      return undefined
    }
    const textLang = this.publishedIn(entry, lang) ? lang : 'es'
    const key = `${textLang}/${slug}/${lang}`
    let page = this.rendered.get(key)
    if (page === undefined) {
      // Links inside point to the visitor's language, whatever language the text is in.
      const text = entry.texts[textLang]
      const audioId = text?.audioId
      page = { ...renderMarkdown(text?.markdown ?? '', textLang, lang, (s) => SITE_SLUGS.has(s) || this.sections.some((p) => p.slug === s)), slug, lang: textLang, entry, ...(audioId === undefined ? {} : { audioId }) }
      this.rendered.set(key, page)
    }
    return page
  }

  /** Every page of every language: the site map. */
  paths(): string[] {
    return PUBLIC_LANGS.flatMap((lang) => [`/${lang}/`, ...this.sections.map((p) => `/${lang}/${p.slug}`)])
  }
}
