import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MEXICAN_STATES } from '@faro/core'
import { call, makePlaceAction, makeTestEnv, makeUser, newActionId, signIn, type Session, type TestEnv } from '../test/harness.ts'
import { plural, stateSlug } from './help.ts'
import { PUBLIC_CSP } from './layout.ts'
import { HELP_CSP, NEAR_ME_JS, NEAR_ME_SRC } from './near-me.ts'
import { OFFLINE_CSP, OFFLINE_SRC } from './offline.ts'
import { PUBLIC_LANGS } from './languages.ts'

const KB = 1024

describe('find help near you', () => {
  let env: TestEnv
  let admin: Session
  let paisano: Session

  const place = (orgUnitId: string, recordId: string, payload: Record<string, unknown>) =>
    call(env, 'POST', '/api/records/actions', { as: admin, body: makePlaceAction(orgUnitId, { recordId, payload: { orgUnitId, kind: 'shelter', name: recordId, location: { lat: 32.5, lon: -117 }, ...payload } }) })
  const get = (url: string, headers: Record<string, string> = {}) => env.app.request(url, { headers })

  beforeAll(async () => {
    // Today is 21 November 2026 (the test clock).
    env = await makeTestEnv('sqlite')
    admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
    paisano = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
    for (const [id, payload] of [
      ['Casa del Migrante Tijuana', { phone: '664 682 2296', address: 'Calle Galileo 239, Postal', hours: 'Todos los días, 24 horas', description: 'Albergue, comida, regaderas' }],
      ['Albergue Cerrado', { status: 'closed' }],
      ['Torre fuera de servicio', { kind: 'orientation_tower', status: 'out_of_service' }],
      ['Señal del cruce', { kind: 'warning_sign' }],
      ['Torre Altar', { kind: 'orientation_tower', status: 'needs_repair', location: { lat: 30.7, lon: -111.8 } }],
      // The module as a place of its own, which its site below does not name.
      ['Módulo Aeropuerto de Tijuana', { kind: 'module', phone: '664 607 8200', location: { lat: 32.541, lon: -116.97 } }],
    ] as const) {
      const unit = id === 'Torre Altar' ? 'beta-nogales' : id.startsWith('Módulo') ? 'module-tijuana-airport' : 'beta-tijuana'
      expect((await place(unit, id.replace(/\W+/g, '-').toLowerCase(), payload)).status, id).toBe(201)
    }
    const winter = newActionId()
    const summer = newActionId()
    expect((await call(env, 'POST', '/api/operations', { as: paisano, body: { id: winter, kind: 'winter', name: 'Operativo Invierno 2026', startsOn: '2026-11-01', endsOn: '2026-12-31', orgUnitId: 'paisano' } })).status).toBe(201)
    expect((await call(env, 'POST', '/api/operations', { as: paisano, body: { id: summer, kind: 'summer', name: 'Operativo Verano 2026', startsOn: '2026-06-01', endsOn: '2026-08-31', orgUnitId: 'paisano' } })).status).toBe(201)
    for (const [orgUnitId, operationId] of [['module-tijuana-airport', winter], ['module-gdl-airport', summer]] as const) {
      expect((await call(env, 'POST', '/api/sites', { as: paisano, body: { id: newActionId(), orgUnitId, operationId, setting: 'airport', hours: '8:00–20:00 todos los días' } })).status).toBe(201)
    }
  })
  afterAll(async () => env?.close())

  it('lists a shelter with its phone on its state\'s page and in the country\'s count; not a closed place, a sign or a site whose operation ended', async () => {
    const national = await (await get('/es/help')).text()
    expect(national).toContain('<a href="/es/help/baja-california"><strong>Baja California</strong> <span>2 puntos de ayuda</span></a>')
    expect(national).toContain('<a href="/es/help/sonora"><strong>Sonora</strong> <span>1 punto de ayuda</span></a>')
    expect(national).not.toContain('Jalisco')
    expect(await (await get('/en/help')).text()).toContain('<span>2 help points</span>')

    const state = await (await get('/es/help/baja-california')).text()
    expect(state).toContain('casa-del-migrante-tijuana')
    expect(state).toContain('<a class="tel" href="tel:6646822296">Llamar al 664 682 2296</a>')
    expect(state).toContain('Dirección: Calle Galileo 239, Postal')
    expect(state).toContain('Albergue, comida, regaderas')
    expect(state).toContain('Módulo Aeropuerto de Tijuana')
    expect(state).toContain('Abierto durante el Operativo Invierno 2026 hasta el 31 de diciembre de 2026.')
    // The module once, as the site of the open operation, with its place's phone.
    expect(state.match(/<strong>Módulo Aeropuerto de Tijuana<\/strong>/g)).toHaveLength(1)
    expect(state).toContain('<a class="tel" href="tel:6646078200">Llamar al 664 607 8200</a>')
    expect(await (await get('/ht/help/baja-california')).text()).toContain('jiska 31 desanm 2026')
    for (const hidden of ['albergue-cerrado', 'torre-fuera-de-servicio', 'señal-del-cruce', 'senal-del-cruce', 'Aeropuerto de Guadalajara']) {
      expect(state, hidden).not.toContain(hidden)
      expect(national, hidden).not.toContain(hidden)
    }
    expect((await get('/es/help/jalisco')).status).toBe(200)
    expect(await (await get('/es/help/jalisco')).text()).toContain('Por ahora no hay puntos de ayuda registrados aquí.')
  })

  it('draws one circle per point on the maps, numbered on a state\'s', async () => {
    const national = await (await get('/es/help')).text()
    const dots = (html: string) => html.match(/<svg class="map".*?<\/svg>/)?.[0].match(/<circle /g)?.length ?? 0
    expect(dots(national)).toBe(3)
    expect(national).toContain('role="img" aria-label="Mapa de México con los puntos de ayuda.')
    const state = await (await get('/fr/help/baja-california')).text()
    expect(dots(state)).toBe(2)
    // The legend names each kind on the map, in words.
    expect(state.match(/<ul class="legend">.*?<\/ul>/)?.[0]).toMatch(/Refuge.*Module Paisano|Module Paisano.*Refuge/)
    expect(state).toContain('<title>1. ')
    expect(state).toContain('<ol class="places" start="1">')
  })

  it('answers an unknown state with the site\'s page for a missing page', async () => {
    const res = await get('/pt/help/atlantida')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('Não encontramos esta página')
  })

  it('serves every help page within its budget, with no script but "near me" and nothing from another origin, and lists them in the site map', async () => {
    const sitemap = await (await get('/sitemap.xml')).text()
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '').filter((p) => /\/help(\/|$)/.test(p))
    expect(paths).toEqual(PUBLIC_LANGS.flatMap((l) => [`/${l}/help`, `/${l}/help/baja-california`, `/${l}/help/sonora`]))
    // Every state's page, whether it has points or not.
    const all = [...PUBLIC_LANGS.map((l) => `/${l}/help`), ...MEXICAN_STATES.map((s) => `/es/help/${stateSlug(s)}`)]
    for (const url of all) {
      const res = await get(url, { 'accept-encoding': 'gzip' })
      expect(res.status, url).toBe(200)
      expect(res.headers.get('content-encoding'), url).toBe('gzip')
      // A state's page also offers reading without signal (offline.ts), and its worker.
      const state = url.split('/').length > 3
      expect(res.headers.get('content-security-policy'), url).toBe(state ? OFFLINE_CSP : HELP_CSP)
      expect(res.headers.get('set-cookie'), url).toBeNull()
      const wire = (await res.arrayBuffer()).byteLength
      expect(wire, url).toBeLessThanOrEqual(url.split('/').length === 3 ? 14 * KB : 50 * KB)
      const html = await (await get(url)).text()
      // The scripts are "near me", where some point has coordinates, and "read without signal" on a state's page; nothing else loads.
      const withPoints = url.endsWith('/help') || url.endsWith('/baja-california') || url.endsWith('/sonora')
      expect(html.match(/<script[^>]*>/g) ?? [], url).toEqual([...(withPoints ? [NEAR_ME_SRC] : []), ...(state ? [OFFLINE_SRC] : [])].map((src) => `<script src="${src}" defer>`))
      expect(html.replace(/<script src="[^"]+" defer><\/script>/g, ''), url).not.toMatch(/<script|<link[^>]+stylesheet|<img|<iframe|https?:\/\/(?!www\.w3\.org)|style=/i)
    }
  })

  it('carries "near me" hidden until its script runs, with the points\' public coordinates in the list', async () => {
    const state = await (await get('/es/help/baja-california')).text()
    expect(state).toMatch(/<section class="near" id="near" hidden aria-labelledby="near-title"[^>]* data-found="Estos son los puntos de ayuda de Baja California más cercanos, en línea recta\."/)
    expect(state).toContain('<button type="button">Ayuda cerca de mí</button>')
    expect(state).toContain('<p role="status"></p><ol class="near-list"></ol>')
    expect(state).toContain('<li data-lat="32.5" data-lon="-117"><strong>casa-del-migrante-tijuana</strong>')
    // The country's page lists states, not points: they ride in an inert template.
    const national = await (await get('/fr/help')).text()
    expect(national).toContain('<button type="button">De l’aide près de moi</button>')
    const template = national.match(/<template id="near-points">(.*?)<\/template>/)?.[1] ?? ''
    expect(template.match(/<li data-lat=/g)?.length).toBe(3)
    expect(template).toContain('<li data-lat="32.5" data-lon="-117"><a href="/fr/help/baja-california"><strong>casa-del-migrante-tijuana</strong></a><span class="what">Refuge</span><a class="tel" href="tel:6646822296">Appeler le 664 682 2296</a></li>')
    // Other pages keep no script, and their policy allows none.
    const home = await get('/es/')
    expect(home.headers.get('content-security-policy')).toBe(PUBLIC_CSP)
    expect(await home.text()).not.toContain('<script')
  })

  it('serves the script small, same-origin, cached for a year at its versioned address and revalidated by its ETag; it sends nothing anywhere', async () => {
    const res = await get(NEAR_ME_SRC, { 'accept-encoding': 'gzip' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(gzipSync(NEAR_ME_JS).byteLength).toBeLessThanOrEqual(2 * KB)
    expect((await res.arrayBuffer()).byteLength).toBeLessThanOrEqual(2 * KB)
    const tag = res.headers.get('etag')
    expect(tag).toBeTruthy()
    expect((await get(NEAR_ME_SRC, { 'if-none-match': tag ?? '' })).status).toBe(304)
    expect((await get('/public/near-me.js')).headers.get('cache-control')).toBe('public, max-age=300')
    expect(NEAR_ME_JS).not.toMatch(/fetch|XMLHttpRequest|sendBeacon|WebSocket|EventSource|\.src\b|import\(|innerHTML|\blocation\b/)
  })

  it('shows the way to it first on the home page, and links the pages\' `help`', async () => {
    const home = await (await get('/es/')).text()
    expect(home).toContain('<p class="help-card"><a href="/es/help">')
    expect(home.indexOf('help-card')).toBeLessThan(home.indexOf('id="transit"'))
  })

  it('says counts in each language\'s plural', () => {
    const forms = { one: '{n} ponto', other: '{n} pontos' }
    expect(plural('pt', forms, 1)).toBe('1 ponto')
    expect(plural('pt', forms, 0)).toBe('0 ponto')
    expect(plural('pt', forms, 2)).toBe('2 pontos')
    expect(plural('fr', { one: '{n} point', other: '{n} points' }, 0)).toBe('0 point')
    expect(plural('es', { one: '{n} punto', other: '{n} puntos' }, 1200)).toBe('1,200 puntos')
  })
})

describe('the help pages\' weight with many points', () => {
  let env: TestEnv

  beforeAll(async () => {
    env = await makeTestEnv('sqlite')
    const admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
    // Three hundred towers in one state, with long descriptions: the heaviest state page likely.
    for (let i = 0; i < 300; i++) {
      const res = await call(env, 'POST', '/api/records/actions', { as: admin, body: makePlaceAction('beta-tijuana', { recordId: `tower-${i}`, payload: { orgUnitId: 'beta-tijuana', kind: i % 2 === 0 ? 'orientation_tower' : 'shelter', name: `Punto ${i} del desierto`, location: { lat: 32 + (i % 17) / 20, lon: -116.5 + (i % 23) / 10 }, description: 'Torre de 10 m con luz, agua y sombra', hours: 'Siempre' } }) })
      expect(res.status).toBe(201)
    }
  })
  afterAll(async () => env?.close())

  it('stays within 50 KB compressed, and the national page within the first round trip; drawn fast', async () => {
    const script = (await (await env.app.request(NEAR_ME_SRC, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer()).byteLength
    for (const url of ['/es/help', '/es/help/baja-california']) {
      const started = performance.now()
      const res = await env.app.request(url, { headers: { 'accept-encoding': 'gzip' } })
      const wire = (await res.arrayBuffer()).byteLength
      expect(wire, url).toBeLessThanOrEqual(url === '/es/help' ? 14 * KB : 50 * KB)
      // With everything it loads: its one script.
      expect(wire + script, url).toBeLessThanOrEqual(50 * KB)
      // What is seen comes before the points' data for "near me", and arrives in the first round trip.
      const html = await (await env.app.request(url)).text()
      expect(gzipSync(html.split('<template')[0] ?? '').byteLength, url).toBeLessThanOrEqual(14 * KB)
      expect(performance.now() - started, url).toBeLessThan(1000)
    }
    const html = await (await env.app.request('/es/help')).text()
    expect(html.indexOf('<template id="near-points">')).toBeGreaterThan(html.indexOf('</footer>'))
    // The country's outlines weigh little once rounded.
    const outlines = html.match(/<g fill="#eef2f6"[^]*?<\/g>/)?.[0] ?? ''
    expect(gzipSync(outlines).byteLength).toBeLessThan(8 * KB)
  })
})
