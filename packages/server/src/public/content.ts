import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { PICTOGRAMS } from './icons.ts'
import { PUBLIC_LANGS, type PublicLang } from './languages.ts'
import { renderMarkdown, type RenderedMarkdown } from './markdown.ts'

/**
 * The public site's information pages, shipped with Faro in content/: `pages.json` lists them in
 * order (slug, audience, pictogram, and per language whether its translation was reviewed), and
 * `content/<lang>/<slug>.md` holds each translation. A page is published in a language only when
 * its translation exists and is marked reviewed; otherwise the Spanish one is shown with a notice.
 */

export const CONTENT_DIR = path.join(import.meta.dirname, 'content')

const PageEntry = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  audience: z.enum(['transit', 'paisano']),
  pictogram: z.enum(PICTOGRAMS),
  reviewed: z.record(z.string(), z.boolean()),
})
export type PageEntry = z.infer<typeof PageEntry>

export interface PublicPage extends RenderedMarkdown {
  slug: string
  /** The language the text is in: the one asked for, or Spanish when it is not published in it. */
  lang: PublicLang
  entry: PageEntry
}

/** The pages of one content folder, read once and rendered once per language. */
export class PublicContent {
  private listed: readonly PageEntry[] | undefined
  private readonly rendered = new Map<string, PublicPage>()

  constructor(private readonly dir: string = CONTENT_DIR) {}

  /** The pages, in the order the site lists them. */
  pages(): readonly PageEntry[] {
    this.listed ??= z.array(PageEntry).parse(JSON.parse(fs.readFileSync(path.join(this.dir, 'pages.json'), 'utf8')))
    return this.listed
  }

  /** True when the page is published in the language: written and reviewed. */
  publishedIn(entry: PageEntry, lang: PublicLang): boolean {
    return entry.reviewed[lang] === true && fs.existsSync(path.join(this.dir, lang, `${entry.slug}.md`))
  }

  /** A page in a language, or in Spanish when it is not published in that one; undefined when there is no such page. */
  page(slug: string, lang: PublicLang): PublicPage | undefined {
    const entry = this.pages().find((p) => p.slug === slug)
    if (entry === undefined) {
      return undefined
    }
    const textLang = this.publishedIn(entry, lang) ? lang : 'es'
    const key = `${textLang}/${slug}/${lang}`
    let page = this.rendered.get(key)
    if (page === undefined) {
      // Links inside point to the visitor's language, whatever language the text is in; `help` is "find help near you", `complaint` and `follow` the public forms (forms.ts).
      const source = fs.readFileSync(path.join(this.dir, textLang, `${slug}.md`), 'utf8')
      page = { ...renderMarkdown(source, textLang, lang, (s) => s === 'help' || s === 'complaint' || s === 'follow' || this.pages().some((p) => p.slug === s)), slug, lang: textLang, entry }
      this.rendered.set(key, page)
    }
    return page
  }

  /** Every page of every language: the site map. */
  paths(): string[] {
    return PUBLIC_LANGS.flatMap((lang) => [`/${lang}/`, ...this.pages().map((p) => `/${lang}/${p.slug}`)])
  }
}
