import { Hono, type Context } from 'hono'
import { etag } from 'hono/etag'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { AppEnv } from '../http/env.ts'
import { PublicContent } from './content.ts'
import { convoyCard, CONVOY_PATHS } from './convoys.ts'
import { OPEN_DATA_SLUG, openDataPaths } from './open-data.ts'
import { OPEN_DATA_MESSAGES } from './open-data-messages.ts'
import { formCards, FORM_PATHS } from './forms.ts'
import { helpIndex, helpSlugs, helpState, readHelpPoints } from './help.ts'
import { pictogramSvg } from './icons.ts'
import { LANG_INFO, negotiateLang, PUBLIC_LANGS, type PublicLang } from './languages.ts'
import { esc, PUBLIC_CSP, renderFrame, titleWithPictogram } from './layout.ts'
import { PUBLIC_MESSAGES } from './messages.ts'
import { isGuidePage, offerSaving } from './offline.ts'
import { editionPdf, leafletPdf } from '../guide/pdf.ts'

/**
 * The public site: `/` in the visitor's language (Accept-Language, Spanish by default) and
 * `/<lang>/…` in each language, rendered on the server, with no script, no cookie and nothing from
 * another origin. Pages are cached by browsers and proxies for five minutes and revalidated with
 * their ETag; they are compressed like every answer (the app's `compress`).
 */
/** Where the site's pages come from: the current edition (guide/editions.ts) or fixed sections. */
export interface ContentSource {
  current(): Promise<PublicContent>
}

export function publicRoutes(source: ContentSource | PublicContent = new PublicContent(), deps?: { db: Db; clock: Clock }) {
  const site = source instanceof PublicContent ? { current: () => Promise.resolve(source) } : source
  const pdfs = new PrintCache(() => deps?.clock.now() ?? new Date())
  const app = new Hono<AppEnv>()
  const helped = deps !== undefined
  // Only the site's own paths: the staff app under /app and the API keep their own policy.
  for (const path of ['/', '/sitemap.xml', ...PUBLIC_LANGS.flatMap((lang) => [`/${lang}`, `/${lang}/*`])]) {
    app.use(path, async (c, next) => {
      c.set('ownCsp', PUBLIC_CSP)
      await next()
    })
    app.use(path, etag())
  }

  app.get('/', async (c) => {
    const lang = negotiateLang(c.req.header('accept-language'))
    c.header('vary', 'Accept-Language')
    return page(c, lang, home(await site.current(), lang, helped))
  })
  app.get('/sitemap.xml', async (c) => {
    // The help pages: the country's, and each state's that has help points today.
    const help = deps === undefined ? [] : helpSlugs(await readHelpPoints(deps))
    const paths = [...(await site.current()).paths(), ...(deps === undefined ? [] : PUBLIC_LANGS.flatMap((lang) => [`/${lang}/help`, ...help.map((slug) => `/${lang}/help/${slug}`)])), ...(deps === undefined ? [] : FORM_PATHS), ...(deps === undefined ? [] : CONVOY_PATHS), ...(deps === undefined ? [] : await openDataPaths(deps.db.db))]
    const urls = paths.map((p) => `<url><loc>${esc(p)}</loc></url>`).join('')
    c.header('cache-control', 'public, max-age=300')
    return c.body(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`, 200, { 'content-type': 'application/xml; charset=utf-8' })
  })
  for (const lang of PUBLIC_LANGS) {
    app.get(`/${lang}`, (c) => c.redirect(`/${lang}/`, 301))
    app.get(`/${lang}/`, async (c) => page(c, lang, home(await site.current(), lang, helped)))
    if (deps !== undefined) {
      app.get(`/${lang}/help`, async (c) => page(c, lang, helpIndex(lang, await readHelpPoints(deps))))
      app.get(`/${lang}/help/:state{[a-z0-9][a-z0-9-]{0,63}}`, async (c) => {
        const found = helpState(lang, c.req.param('state'), await readHelpPoints(deps))
        return found === undefined ? page(c, lang, notFound(lang), 404) : page(c, lang, offerSaving(c, await site.current(), found, helped, c.req.param('state')))
      })
    }
    app.get(`/${lang}/guide.pdf`, async (c) => pdf(c, await pdfs.guide(await site.current(), lang)))
    app.get(`/${lang}/leaflets/:file{[a-z0-9][a-z0-9-]{0,63}\\.pdf}`, async (c) => {
      const found = await pdfs.leaflet(await site.current(), c.req.param('file').slice(0, -'.pdf'.length), lang)
      return found === undefined ? page(c, lang, notFound(lang), 404) : pdf(c, found)
    })
    app.get(`/${lang}/:slug{[a-z0-9][a-z0-9-]{0,63}}`, async (c) => {
      const current = await site.current()
      const found = contentFrame(current, lang, c.req.param('slug'))
      if (found === undefined) {
        return page(c, lang, notFound(lang), 404)
      }
      // The Paisano guide's pages offer "read without signal" (offline.ts); the others keep no script.
      return page(c, lang, isGuidePage(current, found.path) ? offerSaving(c, current, found, helped) : found)
    })
  }
  return app
}

export type Rendered = Parameters<typeof renderFrame>[0]

function pdf(c: Context<AppEnv>, body: Buffer) {
  c.header('cache-control', 'public, max-age=300')
  return c.body(new Uint8Array(body), 200, { 'content-type': 'application/pdf' })
}

/**
 * The printed guide and the leaflets, drawn once per edition, language and page: drawing the
 * whole guide takes a tenth of a second, which a page of the site must not cost each visitor.
 */
class PrintCache {
  private readonly drawn = new Map<string, Promise<Buffer | undefined>>()
  constructor(private readonly now: () => Date) {}

  guide(site: PublicContent, lang: PublicLang): Promise<Buffer> {
    return this.keep(`${site.edition?.id ?? 'shipped'}|${lang}|guide`, () => editionPdf(site, lang, 'paisano', this.now().getUTCFullYear())) as Promise<Buffer>
  }

  leaflet(site: PublicContent, slug: string, lang: PublicLang): Promise<Buffer | undefined> {
    return this.keep(`${site.edition?.id ?? 'shipped'}|${lang}|${slug}`, () => leafletPdf(site, slug, lang, site.edition?.year ?? this.now().getUTCFullYear()))
  }

  private keep(key: string, draw: () => Promise<Buffer | undefined>): Promise<Buffer | undefined> {
    let held = this.drawn.get(key)
    if (held === undefined) {
      // An edition replaced leaves its prints behind: start again rather than grow for ever.
      if (this.drawn.size >= 400) {
        this.drawn.clear()
      }
      held = draw()
      this.drawn.set(key, held)
    }
    return held
  }
}

function page(c: Context<AppEnv>, lang: PublicLang, frame: Rendered, status: 200 | 404 = 200) {
  c.header('content-language', lang)
  c.header('cache-control', status === 200 ? 'public, max-age=300' : 'no-cache')
  return c.html(renderFrame(frame), status)
}

function home(site: PublicContent, lang: PublicLang, helped: boolean): Rendered {
  const m = PUBLIC_MESSAGES[lang]
  const section = (audience: 'transit' | 'paisano', title: string, intro: string) => {
    const cards = site
      .pages()
      .filter((p) => p.audience === audience)
      .map((entry) => {
        const shown = site.page(entry.slug, lang)
        const other = shown === undefined || shown.lang === lang ? '' : ` lang="${LANG_INFO[shown.lang].tag}"`
        return shown === undefined ? '' : `<li><a href="/${lang}/${entry.slug}">${pictogramSvg(entry.pictogram)}<span><strong${other}>${esc(shown.title)}</strong><span class="sum"${other}>${esc(shown.summary)}</span></span></a></li>`
      })
      .join('')
    const guide = audience === 'paisano' ? `<p><a href="/${lang}/guide.pdf" type="application/pdf">${esc(m.guidePdf)}</a></p>` : ''
    return `<section aria-labelledby="${audience}"><h2 id="${audience}">${esc(title)}</h2><p>${esc(intro)}</p>${guide}<ul class="cards">${cards}${helped && audience === 'paisano' ? convoyCard(lang) : ''}${helped ? formCards(lang) : ''}</ul></section>`
  }
  return {
    lang,
    title: m.tagline,
    description: m.transitIntro,
    path: '',
    body: `<h1>${esc(m.tagline)}</h1>\n${helped ? helpCard(lang) : ''}${section('transit', m.transitTitle, m.transitIntro)}\n${section('paisano', m.paisanoTitle, m.paisanoIntro)}${helped ? `\n<p><a href="/${lang}/${OPEN_DATA_SLUG}">${esc(OPEN_DATA_MESSAGES[lang].title)}</a>: ${esc(OPEN_DATA_MESSAGES[lang].summary)}</p>` : ''}`,
  }
}

/** The way to "find help near you", first on the home page. */
function helpCard(lang: PublicLang): string {
  const m = PUBLIC_MESSAGES[lang].help
  return `<p class="help-card"><a href="/${lang}/help">${pictogramSvg('help')}<span><strong>${esc(m.title)}</strong><span class="sum">${esc(m.summary)}</span></span></a></p>\n`
}

/**
 * A section's page in a language, as the site frames it; undefined when there is no such section.
 * `audioSrc` says where its recording is fetched from (an editor's preview fetches a draft's).
 */
export function contentFrame(site: PublicContent, lang: PublicLang, slug: string, audioSrc: (audioId: string) => string = (id) => `/media/${id}`): Rendered | undefined {
  const shown = site.page(slug, lang)
  if (shown === undefined) {
    return undefined
  }
  // In the text's language, like the text it reads; loaded only when played.
  const textLang = shown.lang === lang ? '' : ` lang="${LANG_INFO[shown.lang].tag}"`
  const listen = shown.audioId === undefined ? '' : `<figure class="listen"${textLang}><figcaption>${esc(PUBLIC_MESSAGES[shown.lang].listen)}</figcaption><audio controls preload="none" src="${esc(audioSrc(shown.audioId))}"></audio></figure>\n`
  return {
    lang,
    ...(shown.lang === lang ? {} : { textLang: shown.lang, notice: PUBLIC_MESSAGES[lang].notTranslated }),
    title: shown.title,
    description: shown.summary,
    path: slug,
    crumbs: true,
    body: `${titleWithPictogram(shown.title, shown.entry.pictogram)}\n${listen}${shown.html}\n<p class="print"><a href="/${lang}/leaflets/${slug}.pdf" type="application/pdf">${esc(PUBLIC_MESSAGES[lang].leaflet)}</a></p>`,
  }
}

function notFound(lang: PublicLang): Rendered {
  const m = PUBLIC_MESSAGES[lang]
  return { lang, title: m.notFoundTitle, description: m.notFoundBody, path: '', body: `<h1>${esc(m.notFoundTitle)}</h1><p>${esc(m.notFoundBody)}</p><p><a href="/${lang}/">${esc(m.backHome)}</a></p>` }
}
