import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestEnv, type TestEnv } from '../test/harness.ts'
import { PublicContent, shippedSections } from './content.ts'
import { LANG_INFO, negotiateLang, PUBLIC_LANGS } from './languages.ts'
import { renderMarkdown } from './markdown.ts'
import { PUBLIC_CSP } from './layout.ts'
import { OFFLINE_CSP, OFFLINE_SRC } from './offline.ts'
import { publicRoutes } from './public-routes.ts'

// The first round trip carries about 14 KB: a page that fits arrives whole in it.
const FIRST_ROUND_TRIP = 14 * 1024

describe('the public site as Faro serves it', () => {
  let env: TestEnv
  const site = new PublicContent()

  beforeAll(async () => {
    env = await makeTestEnv('sqlite')
  })
  afterAll(async () => env?.close())

  const get = (url: string, headers: Record<string, string> = {}) => env.app.request(url, { headers })

  it('answers / in the visitor\'s language, Spanish when it speaks none of the site\'s', async () => {
    const french = await get('/', { 'accept-language': 'de-DE,fr-CA;q=0.9,en;q=0.8' })
    expect(french.status).toBe(200)
    expect(french.headers.get('content-language')).toBe('fr')
    expect(french.headers.get('vary')).toContain('Accept-Language')
    expect(await french.text()).toContain('<html lang="fr"')
    expect(await (await get('/', { 'accept-language': 'de, ru;q=0.5' })).text()).toContain('<html lang="es-MX"')
    expect(await (await get('/')).text()).toContain('<html lang="es-MX"')
    expect((await get('/en')).headers.get('location')).toBe('/en/')
  })

  it('serves every page of the site map in every language within the first round trip, with no script but "read without signal" on the guide\'s, no cookie or other origin', async () => {
    const paths = site.paths()
    expect(paths.length).toBe(PUBLIC_LANGS.length * (site.pages().length + 1))
    const guide = new Set(site.pages().filter((p) => p.audience === 'paisano').map((p) => p.slug))
    for (const url of paths) {
      const res = await get(url, { 'accept-encoding': 'gzip' })
      const saving = guide.has(url.split('/')[2] ?? '')
      expect(res.status, url).toBe(200)
      expect(res.headers.get('content-encoding'), url).toBe('gzip')
      expect(res.headers.get('content-security-policy'), url).toBe(saving ? OFFLINE_CSP : PUBLIC_CSP)
      expect(res.headers.get('set-cookie'), url).toBeNull()
      expect(res.headers.get('etag'), url).toBeTruthy()
      const wire = (await res.arrayBuffer()).byteLength
      expect(wire, url).toBeLessThanOrEqual(FIRST_ROUND_TRIP)
      const html = await (await get(url)).text()
      const lang = url.split('/')[1] as (typeof PUBLIC_LANGS)[number]
      expect(html, url).toContain(`<html lang="${LANG_INFO[lang].tag}"`)
      // The Paisano guide's pages load one script, the site's own (offline.ts); the others none.
      expect(html.match(/<script[^>]*>/g) ?? [], url).toEqual(saving ? [`<script src="${OFFLINE_SRC}" defer>`] : [])
      expect(html.replace(`<script src="${OFFLINE_SRC}" defer></script>`, ''), url).not.toMatch(/<script|<link[^>]+stylesheet|<img|<iframe|https?:\/\//i)
      // Every language's version of the same page is one link away, named in its own language.
      const rest = url.split('/').slice(2).join('/')
      for (const other of PUBLIC_LANGS) {
        const info = LANG_INFO[other]
        expect(html, url).toContain(`<link rel="alternate" hreflang="${info.tag}" href="/${other}/${rest}">`)
        expect(html, url).toContain(`<a href="/${other}/${rest}" lang="${info.tag}" hreflang="${info.tag}"`)
      }
    }
  })

  it('prints the guide and each page as a PDF in the visitor\'s language, linked from the home and from the page', async () => {
    const home = await (await get('/pt/')).text()
    expect(home).toContain('<a href="/pt/guide.pdf" type="application/pdf">Baixar o Guia Paisano completo (PDF)</a>')
    const page = await (await get('/ht/rights')).text()
    expect(page).toContain('<a href="/ht/leaflets/rights.pdf" type="application/pdf">')
    for (const url of ['/pt/guide.pdf', '/ht/leaflets/rights.pdf', '/es/leaflets/vehicle-import.pdf']) {
      const res = await get(url)
      expect(res.status, url).toBe(200)
      expect(res.headers.get('content-type'), url).toBe('application/pdf')
      expect(res.headers.get('set-cookie'), url).toBeNull()
      const bytes = Buffer.from(await res.arrayBuffer())
      expect(bytes.subarray(0, 5).toString(), url).toBe('%PDF-')
    }
    // A leaflet is one sheet: pdfkit writes one /Type /Page per page.
    const leaflet = Buffer.from(await (await get('/es/leaflets/rights.pdf')).arrayBuffer()).toString('latin1')
    expect(leaflet.match(/\/Type \/Page\b/g)?.length).toBe(1)
    const guide = Buffer.from(await (await get('/es/guide.pdf')).arrayBuffer()).toString('latin1')
    expect(guide.match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(1 + site.pages().filter((p) => p.audience === 'paisano').length)
    expect((await get('/es/leaflets/no-such-page.pdf')).status).toBe(404)
  })

  it('lets a browser keep a page and revalidate it', async () => {
    const first = await get('/es/rights')
    const again = await get('/es/rights', { 'if-none-match': first.headers.get('etag') ?? '' })
    expect(again.status).toBe(304)
    expect(first.headers.get('cache-control')).toBe('public, max-age=300')
  })

  it('says a page does not exist in the visitor\'s language, as a page', async () => {
    const res = await get('/ht/paj-ki-pa-egziste')
    expect(res.status).toBe(404)
    const html = await res.text()
    expect(html).toContain('<html lang="ht"')
    expect(html).toContain('Nou pa jwenn paj sa a')
  })

  it('leaves the staff app under /app and the API under /api to their own policy', async () => {
    for (const url of ['/api/openapi.json', '/app/', '/api/auth/me']) {
      const res = await get(url)
      expect(res.headers.get('content-security-policy'), url).not.toBe(PUBLIC_CSP)
      expect(res.headers.get('etag'), url).toBeNull()
    }
  })
})

describe('a page not yet translated', () => {
  let dir: string
  let app: Hono

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-public-'))
    fs.writeFileSync(path.join(dir, 'pages.json'), JSON.stringify([{ slug: 'water', audience: 'transit', pictogram: 'water', reviewed: { es: true, en: true, ht: false } }]))
    for (const [lang, text] of [
      ['es', '# Agua\n\nLleve agua.\n\n[!water] Tome agua cada hora. Vuelva a [esta página](water). Vea los [riesgos](risks).'],
      ['en', '# Water\n\nCarry water.\n\n[!water] Drink every hour.'],
      ['ht', '# Dlo\n\nPote dlo.'],
    ] as const) {
      fs.mkdirSync(path.join(dir, lang), { recursive: true })
      fs.writeFileSync(path.join(dir, lang, 'water.md'), text)
    }
    app = new Hono()
    app.use(compress())
    app.route('/', publicRoutes(new PublicContent(shippedSections(dir))) as unknown as Hono)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('shows the Spanish text, marked as Spanish, with a notice in the visitor\'s language; a reviewed one in its own', async () => {
    const creole = await (await app.request('/ht/water')).text()
    expect(creole).toContain('<html lang="ht"')
    expect(creole).toContain('Paj sa a poko nan lang ou. Men li an panyòl.')
    expect(creole).toContain('<div lang="es-MX">')
    expect(creole).toContain('Tome agua cada hora')
    // Its links stay in the visitor's language; its pictograms speak the text's.
    expect(creole).toContain('href="/ht/water"')
    // A page not built yet is not linked: its words stay.
    expect(creole).toContain('Vea los riesgos.')
    expect(creole).toContain('<span class="pict-label">Agua</span>')
    const english = await (await app.request('/en/water')).text()
    expect(english).toContain('Drink every hour')
    expect(english).not.toContain('class="notice"')
    // French is not written at all: Spanish, with the notice.
    expect(await (await app.request('/fr/water')).text()).toContain('Cette page n’est pas encore dans votre langue.')
  })
})

describe('the public pages\' markup', () => {
  it('keeps an editor\'s HTML as text and its links to the site, phones and https', () => {
    const { title, summary, html } = renderMarkdown('# Título <b>x</b>\n\nResumen con <script>alert(1)</script>.\n\n[ir](rights) [llamar](tel:911) [fuera](javascript:alert(1)) [sitio](https://www.gob.mx/inm) [otro](http://ejemplo.mx)\n\n- [!danger] Río crecido\n- [!nada] sin icono', 'es')
    expect(title).toBe('Título <b>x</b>')
    expect(summary).toBe('Resumen con <script>alert(1)</script>.')
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('<a href="/es/rights">ir</a>')
    expect(html).toContain('<a href="tel:911">llamar</a>')
    expect(html).not.toMatch(/href="(javascript|http:)/)
    expect(html).toContain('<a href="https://www.gob.mx/inm" rel="noopener noreferrer">sitio</a>')
    expect(html).toContain('<span class="pict-label">Peligro</span>')
    expect(html).toContain('[!nada] sin icono')
  })

  it('reads the visitor\'s language from Accept-Language by weight', () => {
    expect(negotiateLang('pt-BR,pt;q=0.9')).toBe('pt')
    expect(negotiateLang('en;q=0.2, ht;q=0.8')).toBe('ht')
    expect(negotiateLang('fr;q=0, en')).toBe('en')
    expect(negotiateLang('*')).toBe('es')
    expect(negotiateLang(undefined)).toBe('es')
  })
})
