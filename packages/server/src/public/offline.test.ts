import vm from 'node:vm'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestEnv, type TestEnv } from '../test/harness.ts'
import { PublicContent } from './content.ts'
import { PUBLIC_LANGS } from './languages.ts'
import { PUBLIC_CSP } from './layout.ts'
import { HELP_CSP, NEAR_ME_SRC } from './near-me.ts'
import { OFFLINE_CSP, OFFLINE_JS, OFFLINE_MESSAGES, OFFLINE_SRC, OFFLINE_SW_JS, OFFLINE_SW_PATH } from './offline.ts'

const KB = 1024

describe('read without signal', () => {
  let env: TestEnv
  const site = new PublicContent()
  const guide = site.pages().filter((p) => p.audience === 'paisano').map((p) => p.slug)
  const transit = site.pages().filter((p) => p.audience === 'transit').map((p) => p.slug)

  beforeAll(async () => {
    env = await makeTestEnv('sqlite')
  })
  afterAll(async () => env?.close())

  const get = (url: string, headers: Record<string, string> = {}) => env.app.request(url, { headers })
  const box = (html: string) => html.match(/<section class="offline"[^>]*>/)?.[0] ?? ''
  const data = (tag: string, name: string) => tag.match(new RegExp(` data-${name}="([^"]*)"`))?.[1]

  it('serves the worker at the root, always revalidated by its ETag, small, with a policy that only lets it fetch from the site', async () => {
    const res = await get(OFFLINE_SW_PATH, { 'accept-encoding': 'gzip' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; connect-src 'self'")
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(res.headers.get('service-worker-allowed')).toBeNull()
    expect((await res.arrayBuffer()).byteLength).toBeLessThanOrEqual(2 * KB)
    expect(gzipSync(OFFLINE_SW_JS).byteLength).toBeLessThanOrEqual(2 * KB)
    const tag = res.headers.get('etag')
    expect(tag).toBeTruthy()
    expect((await get(OFFLINE_SW_PATH, { 'if-none-match': tag ?? '' })).status).toBe(304)
  })

  it('serves the page script small, cached for a year at its versioned address and revalidated by its ETag', async () => {
    const res = await get(OFFLINE_SRC, { 'accept-encoding': 'gzip' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('set-cookie')).toBeNull()
    expect((await res.arrayBuffer()).byteLength).toBeLessThanOrEqual(2 * KB)
    expect(gzipSync(OFFLINE_JS).byteLength).toBeLessThanOrEqual(2 * KB)
    const tag = res.headers.get('etag')
    expect((await get(OFFLINE_SRC, { 'if-none-match': tag ?? '' })).status).toBe(304)
    expect((await get('/public/offline.js')).headers.get('cache-control')).toBe('public, max-age=300')
    // The script and the worker name the same cache; the script registers the worker for one language's folder.
    expect(OFFLINE_JS).toContain("'faro-site-v1-' + d.lang")
    expect(OFFLINE_SW_JS).toContain("var VERSION = 'v1'")
    expect(OFFLINE_JS).toContain(".register('/sw.js', { scope: scope })")
  })

  it('offers saving on every page of the Paisano guide, in every language, hidden until the script runs, with the paths to keep', async () => {
    for (const lang of PUBLIC_LANGS) {
      for (const slug of guide) {
        const url = `/${lang}/${slug}`
        const res = await get(url, { 'accept-encoding': 'gzip' })
        expect(res.headers.get('content-security-policy'), url).toBe(OFFLINE_CSP)
        expect((await res.arrayBuffer()).byteLength, url).toBeLessThanOrEqual(14 * KB)
        const html = await (await get(url)).text()
        expect(html.match(/<script[^>]*>/g), url).toEqual([`<script src="${OFFLINE_SRC}" defer>`])
        const tag = box(html)
        expect(tag, url).toContain(' hidden ')
        expect(data(tag, 'paths')?.split(' '), url).toEqual([`/${lang}/`, ...guide.map((s) => `/${lang}/${s}`), `/${lang}/help`, NEAR_ME_SRC, `/${lang}/offline`, OFFLINE_SRC])
        expect(data(tag, 'guide')?.split(' '), url).toEqual(guide.map((s) => `/${lang}/${s}`))
        expect(data(tag, 'state'), url).toBeUndefined()
        expect(html, url).toContain(`<button type="button" data-save>${OFFLINE_MESSAGES[lang].save}</button>`)
        // Deleting is offered once something is kept.
        expect(html, url).toMatch(/<button type="button" class="quiet" data-clear hidden>/)
        expect(html, url).toContain(`<a href="/${lang}/help">`)
      }
    }
    const es = box(await (await get('/es/paisano')).text())
    expect(data(es, 'saved-guide')).toBe('Guardado: la Guía Paisano ({pages}). Puedes leerla sin señal.')
    expect(data(es, 'pages-one')).toBe('{n} página')
    expect(data(es, 'pages-other')).toBe('{n} páginas')
    expect(data(es, 'more-other')).toBe('También tienes guardada la ayuda de {n} estados.')
    expect(data(box(await (await get('/ht/paisano')).text()), 'pages-other')).toBe('{n} paj')
  })

  it('offers saving on each state\'s help page, naming the state, with a policy that lets the worker register; not on the country\'s', async () => {
    const sonora = await get('/es/help/sonora')
    expect(sonora.headers.get('content-security-policy')).toBe(OFFLINE_CSP)
    const html = await sonora.text()
    expect(html).toContain(`<script src="${OFFLINE_SRC}" defer>`)
    const tag = box(html)
    expect(data(tag, 'state')).toBe('/es/help/sonora')
    expect(data(tag, 'saved-state')).toBe('Guardado: la Guía Paisano ({pages}) y la ayuda en Sonora. Puedes leerlas sin señal.')
    expect(data(tag, 'more-one')).toBe('También tienes guardada la ayuda de otro estado.')
    expect(html).toContain('<p>Guarda la Guía Paisano y la ayuda en Sonora en este teléfono para leerlas cuando no tengas señal.</p>')
    expect(data(box(await (await get('/fr/help/ciudad-de-mexico')).text()), 'saved-state')).toBe('Enregistré : le Guide Paisano ({pages}) et l’aide dans l’État Ciudad de México. Vous pouvez les lire sans réseau.')
    const national = await get('/es/help')
    expect(national.headers.get('content-security-policy')).toBe(HELP_CSP)
    const nationalHtml = await national.text()
    expect(nationalHtml).not.toContain('class="offline"')
    expect(nationalHtml).not.toContain(OFFLINE_SRC)
    // An unknown state is the 404 page, which offers nothing.
    const unknown = await get('/es/help/atlantida')
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).not.toContain('class="offline"')
  })

  it('keeps every other page without script, under the policy that allows none', async () => {
    for (const url of ['/es/', '/', ...transit.map((s) => `/pt/${s}`), '/es/complaint', '/en/follow', '/es/convoys', '/es/offline']) {
      const res = await get(url)
      expect(res.status, url).toBe(200)
      expect(res.headers.get('content-security-policy'), url).toBe(PUBLIC_CSP)
      expect(await res.text(), url).not.toContain('<script')
    }
  })

  it('serves the "no signal" page in every language, with the way to what can be read', async () => {
    for (const lang of PUBLIC_LANGS) {
      const res = await get(`/${lang}/offline`)
      expect(res.status).toBe(200)
      expect(res.headers.get('etag')).toBeTruthy()
      const html = await res.text()
      expect(html).toContain(`<h1>${OFFLINE_MESSAGES[lang].offlineTitle}</h1>`)
      expect(html).toContain(`<a href="/${lang}/">`)
      expect(html).toContain(`<a href="/${lang}/help">`)
    }
  })
})

/**
 * The worker run in a sandbox with a fake network and Cache Storage, as a browser runs it for the
 * Spanish folder: what it answers online, offline, and what it leaves alone.
 */
describe('the public site\'s service worker', () => {
  const ORIGIN = 'https://faro.example'
  type Req = { url: string; method: string; mode: string }

  class FakeCache {
    readonly entries = new Map<string, Response>()
    match(req: string | Req) {
      const hit = this.entries.get(new URL(typeof req === 'string' ? req : req.url, ORIGIN).href)
      return Promise.resolve(hit?.clone())
    }
    put(req: string | Req, res: Response) {
      this.entries.set(new URL(typeof req === 'string' ? req : req.url, ORIGIN).href, res)
      return Promise.resolve()
    }
    keys() {
      return Promise.resolve([...this.entries.keys()].map((url) => ({ url })))
    }
    delete(req: string | Req) {
      return Promise.resolve(this.entries.delete(new URL(typeof req === 'string' ? req : req.url, ORIGIN).href))
    }
    fetchWith: (req: Req) => Promise<Response> = () => Promise.reject(new Error('no network'))
    async add(req: Req) {
      const res = await this.fetchWith(req)
      if (!res.ok) {
        throw new TypeError(`${res.status}`)
      }
      await this.put(req, res)
    }
    async addAll(reqs: Req[]) {
      const answers = await Promise.all(reqs.map((r) => this.fetchWith(r)))
      if (answers.some((a) => !a.ok)) {
        throw new TypeError('not ok')
      }
      await Promise.all(reqs.map((r, i) => this.put(r, answers[i] as Response)))
    }
  }

  function worker(online: { value: boolean }) {
    const stores = new Map<string, FakeCache>()
    const missing = new Set<string>()
    const listeners = new Map<string, (event: unknown) => void>()
    const fetched: string[] = []
    const caches = {
      open: (name: string) => Promise.resolve(stores.get(name) ?? stores.set(name, new FakeCache()).get(name)),
      keys: () => Promise.resolve([...stores.keys()]),
      delete: (name: string) => Promise.resolve(stores.delete(name)),
      match: (req: Req, opts: { cacheName: string }) => stores.get(opts.cacheName)?.match(req) ?? Promise.resolve(undefined),
    }
    const sandbox: Record<string, unknown> = {
      URL,
      Response,
      Promise,
      caches,
      location: new URL(ORIGIN),
      registration: { scope: `${ORIGIN}/es/` },
      clients: { claim: () => Promise.resolve() },
      skipWaiting: () => undefined,
      addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
      Request: class {
        readonly url: string
        readonly method = 'GET'
        readonly mode = 'cors'
        constructor(path: string) {
          this.url = new URL(path, ORIGIN).href
        }
      },
      fetch: (req: Req) => network(req),
    }
    function network(req: Req): Promise<Response> {
      fetched.push(req.url)
      const path = new URL(req.url).pathname
      return online.value ? Promise.resolve(new Response(`fresh ${path}`, { status: missing.has(path) ? 404 : 200 })) : Promise.reject(new TypeError('Failed to fetch'))
    }
    const open = caches.open
    caches.open = async (name: string) => {
      const cache = await open(name)
      if (cache !== undefined) {
        cache.fetchWith = network
      }
      return cache
    }
    sandbox.self = sandbox
    vm.runInNewContext(OFFLINE_SW_JS, sandbox)
    async function request(path: string, init: { method?: string; mode?: string } = {}): Promise<string | undefined> {
      let answer: Promise<Response> | undefined
      const waits: Promise<unknown>[] = []
      listeners.get('fetch')?.({ request: { url: new URL(path, ORIGIN).href, method: init.method ?? 'GET', mode: init.mode ?? 'navigate' }, respondWith: (p: Promise<Response>) => (answer = p), waitUntil: (p: Promise<unknown>) => waits.push(p) })
      const res = await answer
      await Promise.all(waits)
      return res === undefined ? undefined : res.type === 'error' ? 'error' : await res.text()
    }
    async function activate() {
      const waits: Promise<unknown>[] = []
      listeners.get('activate')?.({ waitUntil: (p: Promise<unknown>) => waits.push(p) })
      await Promise.all(waits)
    }
    async function message(data: unknown): Promise<unknown> {
      const waits: Promise<unknown>[] = []
      let answer: unknown
      listeners.get('message')?.({ data, ports: [{ postMessage: (value: unknown) => (answer = value) }], waitUntil: (p: Promise<unknown>) => waits.push(p) })
      await Promise.all(waits)
      return answer
    }
    return { stores, fetched, missing, request, activate, message }
  }

  it('answers navigations from the network when there is one, and keeps only what was saved up to date', async () => {
    const online = { value: true }
    const sw = worker(online)
    const saved = new FakeCache()
    sw.stores.set('faro-site-v1-es', saved)
    await saved.put('/es/paisano', new Response('old paisano'))
    expect(await sw.request('/es/paisano')).toBe('fresh /es/paisano')
    expect(await sw.request('/es/rights')).toBe('fresh /es/rights')
    expect([...saved.entries.keys()]).toEqual([`${ORIGIN}/es/paisano`])
    expect(await (await saved.match('/es/paisano'))?.text()).toBe('fresh /es/paisano')
  })

  it('answers the saved copy offline, and the saved "no signal" page for a page not saved', async () => {
    const online = { value: false }
    const sw = worker(online)
    const saved = new FakeCache()
    sw.stores.set('faro-site-v1-es', saved)
    expect(await sw.request('/es/paisano')).toBe('error')
    await saved.put('/es/paisano', new Response('saved paisano'))
    await saved.put('/es/offline', new Response('sin señal'))
    await saved.put(NEAR_ME_SRC, new Response('near me'))
    expect(await sw.request('/es/paisano')).toBe('saved paisano')
    expect(await sw.request('/es/rights')).toBe('sin señal')
    expect(await sw.request(NEAR_ME_SRC, { mode: 'no-cors' })).toBe('near me')
  })

  it('keeps what a page asks to save, brings states saved before up to date, and lets go of what the site no longer has', async () => {
    const sw = worker({ value: true })
    const saved = new FakeCache()
    sw.stores.set('faro-site-v1-es', saved)
    await saved.put('/es/help/sonora', new Response('old sonora'))
    await saved.put('/es/help/colima', new Response('old colima'))
    await saved.put('/es/old-section', new Response('a section since removed'))
    sw.missing.add('/es/help/colima')
    expect(await sw.message({ save: ['/es/', '/es/paisano', '/es/offline', NEAR_ME_SRC] })).toBe(true)
    expect([...saved.entries.keys()].map((u) => u.slice(ORIGIN.length)).sort()).toEqual([NEAR_ME_SRC, '/es/', '/es/help/sonora', '/es/offline', '/es/paisano'].sort())
    expect(await (await saved.match('/es/help/sonora'))?.text()).toBe('fresh /es/help/sonora')
  })

  it('keeps nothing when a page is missing, offline, or when asked for what is not this folder\'s', async () => {
    const online = { value: true }
    const sw = worker(online)
    sw.missing.add('/es/gone')
    expect(await sw.message({ save: ['/es/', '/es/gone'] })).toBe(false)
    for (const path of ['/api/cases', '/app/', '/en/paisano', '//elsewhere.example/es/']) {
      expect(await sw.message({ save: ['/es/', path] }), path).toBe(false)
    }
    online.value = false
    expect(await sw.message({ save: ['/es/'] })).toBe(false)
    expect([...(sw.stores.get('faro-site-v1-es')?.entries.keys() ?? [])]).toEqual([])
  })

  it('leaves forms\' answers, the API, the staff app and other sites\' files alone', async () => {
    const sw = worker({ value: false })
    sw.stores.set('faro-site-v1-es', new FakeCache())
    expect(await sw.request('/es/complaint', { method: 'POST' })).toBeUndefined()
    expect(await sw.request('/api/cases/lookup', { mode: 'cors' })).toBeUndefined()
    expect(await sw.request('/app/', { mode: 'navigate' })).toBeUndefined()
    expect(await sw.request('/app/sw.js', { mode: 'same-origin' })).toBeUndefined()
    expect(await sw.request('https://elsewhere.example/es/paisano')).toBeUndefined()
    expect(await sw.request('/media/abc', { mode: 'no-cors' })).toBeUndefined()
    expect(sw.fetched).toEqual([])
  })

  it('drops this site\'s caches of an older version when it takes over, and never the staff app\'s', async () => {
    const sw = worker({ value: true })
    for (const name of ['faro-site-v0-es', 'faro-site-v0-en', 'faro-site-v1-es', 'faro-site-v1-en', 'faro-shell-abc', 'faro-prefs']) {
      sw.stores.set(name, new FakeCache())
    }
    await sw.activate()
    expect([...sw.stores.keys()].sort()).toEqual(['faro-prefs', 'faro-shell-abc', 'faro-site-v1-en', 'faro-site-v1-es'])
  })
})
