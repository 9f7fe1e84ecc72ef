import MarkdownIt, { type Token } from 'markdown-it'
import { isPictogram, pictogramSvg } from './icons.ts'
import type { PublicLang } from './languages.ts'
import { PUBLIC_MESSAGES } from './messages.ts'

/**
 * The public pages' small safe markup: Markdown with no raw HTML (an editor's `<script>` is shown
 * as text), links only to the site's own pages (a bare slug becomes `/<lang>/<slug>`), to phones
 * (`tel:`) and to https addresses; and a paragraph or list item may open with a pictogram marker
 * (`[!water] `, `[!danger] `, `[!emergency] `, `[!help] `, `[!phone] `), drawn as its icon with
 * its word in the page's language.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}(#[a-z0-9-]+)?$/
const MARKER = /^\[!([a-z]+)\]\s+/
/** The pictogram marker that may open a paragraph or a list item: `[!water] `. */
export const PICTOGRAM_MARKER = MARKER

export interface RenderedMarkdown {
  /** The first level-one heading's text. */
  title: string
  /** The first paragraph's text: the page's description. */
  summary: string
  /** The body without its title. */
  html: string
}

/** The markup's tokens, for another way of drawing it (a PDF). */
export function markdownTokens(source: string): Token[] {
  return md.parse(source, {})
}

/**
 * `lang` is the text's language (its pictograms' words); `linkLang` the visitor's, whose pages its
 * links open; `exists` says which slugs are pages (a link to one not built yet keeps its words).
 */
export function renderMarkdown(source: string, lang: PublicLang, linkLang: PublicLang = lang, exists: (slug: string) => boolean = () => true): RenderedMarkdown {
  const tokens = md.parse(source, {})
  let title = ''
  let summary = ''
  // The title is the page's h1, drawn by the layout: it is taken out of the body.
  const h1 = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1')
  if (h1 >= 0) {
    title = tokens[h1 + 1]?.content ?? ''
    tokens.splice(h1, 3)
  }
  for (const [i, token] of tokens.entries()) {
    if (token.type === 'paragraph_open' && summary === '') {
      summary = plain(tokens[i + 1])
    }
    if (token.type === 'inline') {
      rewrite(token, lang, linkLang, exists)
    }
  }
  return { title, summary, html: md.renderer.render(tokens, md.options, {}) }
}

function plain(token: Token | undefined): string {
  return (token?.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('').replace(MARKER, '').trim()
}

function rewrite(inline: Token, lang: PublicLang, linkLang: PublicLang, exists: (slug: string) => boolean): void {
  const children = inline.children ?? []
  for (const child of children) {
    if (child.type === 'link_open') {
      const href = String(child.attrGet('href') ?? '')
      if (SLUG.test(href) && exists(href.split('#')[0] ?? '')) {
        child.attrSet('href', `/${linkLang}/${href}`)
      } else if (href.startsWith('https://')) {
        child.attrSet('rel', 'noopener noreferrer')
      } else if (!href.startsWith('tel:')) {
        // Anything else is not a link the public site makes: its words stay, as text.
        child.type = 'text'
        child.tag = ''
        child.content = ''
        const close = children.find((c, j) => j > children.indexOf(child) && c.type === 'link_close')
        if (close) {
          close.type = 'text'
          close.tag = ''
          close.content = ''
        }
      }
    }
  }
  const first = children[0]
  const marker = first?.type === 'text' ? MARKER.exec(first.content) : null
  if (first && marker && isPictogram(marker[1] ?? '')) {
    const name = marker[1] as Parameters<typeof pictogramSvg>[0]
    first.content = first.content.slice(marker[0].length)
    const icon = new (first.constructor as typeof Token)('html_inline', '', 0)
    icon.content = `<span class="pict pict-${name}">${pictogramSvg(name)}<span class="pict-label">${PUBLIC_MESSAGES[lang].pictogram[name]}</span></span> `
    children.unshift(icon)
  }
}
