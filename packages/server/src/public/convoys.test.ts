import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, newActionId, signIn, type Session, type TestEnv } from '../test/harness.ts'
import { convoyPage } from './convoys.ts'
import { CONVOY_MESSAGES } from './convoy-messages.ts'
import { LANG_INFO, PUBLIC_LANGS } from './languages.ts'
import { PUBLIC_CSP, renderFrame } from './layout.ts'

// The first round trip carries about 14 KB: a page that fits arrives whole in it.
const FIRST_ROUND_TRIP = 14 * 1024
const DAY = 24 * 60 * 60 * 1000

const CONVOY = {
  orgUnitId: 'paisano',
  departurePoint: 'Garita de Otay',
  departureState: 'Baja California',
  // 07:00 in Tijuana (UTC−8 in November), 09:00 in Mexico City.
  departsAt: '2026-11-25T15:00:00Z',
  route: 'Tijuana – Mexicali – San Luis Río Colorado – Hermosillo',
  destinationStates: ['Sonora', 'Sinaloa'],
  vehicles: 987,
  people: 4321,
  escortId: 'agency-pf',
  published: true,
  notes: 'Reunión a las 6:00 en el estacionamiento de la garita.',
}

describe('GET /<lang>/convoys', () => {
  let env: TestEnv
  let paisano: Session

  const get = (url: string, headers: Record<string, string> = {}) => env.app.request(url, { headers })
  const schedule = async (fields: Record<string, unknown>) => {
    const id = newActionId()
    expect((await call(env, 'POST', '/api/convoys', { as: paisano, body: { ...CONVOY, id, ...fields } })).status).toBe(201)
    return id
  }
  const change = async (convoyId: string, fields: Record<string, unknown>) => expect((await call(env, 'PATCH', `/api/convoys/${convoyId}`, { as: paisano, body: { id: newActionId(), ...fields } })).status).toBe(200)

  beforeAll(async () => {
    // Today is 21 November 2026, 10:00 UTC (the test clock).
    env = await makeTestEnv('sqlite')
    paisano = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
    await schedule({})
    await schedule({ departurePoint: 'Puente sin publicar', departsAt: '2026-11-24T13:00:00Z', published: false })
    await schedule({ departurePoint: 'Puente Internacional Nuevo Laredo II', departureState: 'Tamaulipas', departsAt: '2026-11-20T13:00:00Z', status: 'departed', notes: '' })
    await schedule({ departurePoint: 'Salida de ayer que nadie movió', departsAt: '2026-11-19T15:00:00Z' })
    await change(await schedule({ departurePoint: 'Puente Internacional Colombia', departureState: 'Nuevo León', departsAt: '2026-11-15T13:00:00Z', status: 'departed' }), { status: 'arrived' })
    await change(await schedule({ departurePoint: 'Garita de Nogales', departureState: 'Sonora', departsAt: '2026-12-01T14:00:00Z' }), { status: 'cancelled' })
  })
  afterAll(async () => env?.close())

  it('lists a published convoy in its departure state\'s own time, with its route, destinations, escort and notes, and no counts', async () => {
    const res = await get('/es/convoys')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h2>Garita de Otay, Baja California</h2>')
    expect(html).toContain('<strong>miércoles, 25 de noviembre de 2026</strong>, 07:00 (hora de Baja California)')
    expect(html).toContain('Tijuana – Mexicali – San Luis Río Colorado – Hermosillo')
    expect(html).toContain('<dd>Sonora, Sinaloa</dd>')
    expect(html).toContain('Reunión a las 6:00 en el estacionamiento de la garita.')
    expect(html).toContain('<span class="status-word st-scheduled">Programada</span>')
    expect(html).toMatch(/<dt>Escolta<\/dt><dd>[^<]*Polic[^<]*<\/dd>/)
    expect(html).not.toMatch(/4321|4,321|987/)
  })

  it('lists those on the road and those just arrived or cancelled, earliest first; hides unpublished and past ones', async () => {
    const html = await (await get('/es/convoys')).text()
    const order = [...html.matchAll(/<h2>([^<]+)<\/h2><dl>/g)].map((m) => m[1])
    expect(order).toEqual(['Puente Internacional Colombia, Nuevo León', 'Puente Internacional Nuevo Laredo II, Tamaulipas', 'Garita de Otay, Baja California', 'Garita de Nogales, Sonora'])
    expect(html).toContain('<span class="status-word st-departed">En camino</span>')
    expect(html).toContain('<span class="status-word st-arrived">Ya llegó</span>')
    expect(html).toContain('<span class="status-word st-cancelled">Cancelada</span>')
    expect(html).not.toContain('Puente sin publicar')
    expect(html).not.toContain('Salida de ayer que nadie movió')
    // An empty note gives no "for travellers" line.
    expect(html.split('<h2>Puente Internacional Nuevo Laredo II')[1]?.split('</li>')[0]).not.toContain('Para los viajeros')
  })

  it('drops an arrival a day after it, and keeps a cancellation until its day', async () => {
    env.clock.advance(2 * DAY)
    try {
      const html = await (await get('/es/convoys')).text()
      expect(html).not.toContain('Puente Internacional Colombia')
      expect(html).toContain('Garita de Nogales, Sonora')
      expect(html).toContain('Garita de Otay, Baja California')
    } finally {
      env.clock.advance(-2 * DAY)
    }
  })

  it('speaks every language, within the first round trip, under the public policy with an ETag and no cookie', async () => {
    for (const lang of PUBLIC_LANGS) {
      const url = `/${lang}/convoys`
      const res = await get(url, { 'accept-encoding': 'gzip' })
      expect(res.status, url).toBe(200)
      expect(res.headers.get('content-encoding'), url).toBe('gzip')
      expect(res.headers.get('content-security-policy'), url).toBe(PUBLIC_CSP)
      expect(res.headers.get('set-cookie'), url).toBeNull()
      expect(res.headers.get('content-language'), url).toBe(lang)
      const tag = res.headers.get('etag')
      expect(tag, url).toBeTruthy()
      expect((await res.arrayBuffer()).byteLength, url).toBeLessThanOrEqual(FIRST_ROUND_TRIP)
      expect((await get(url, { 'if-none-match': tag ?? '' })).status, url).toBe(304)
      const html = await (await get(url)).text()
      expect(html, url).toContain(`<html lang="${LANG_INFO[lang].tag}"`)
      expect(html, url).toContain(`<h1>${CONVOY_MESSAGES[lang].title}</h1>`)
      expect(html, url).toContain(CONVOY_MESSAGES[lang].statuses.departed)
      expect(html, url).not.toMatch(/<script|<link[^>]+stylesheet|<img|<iframe|https?:\/\/|style=/i)
    }
    expect(await (await get('/en/convoys')).text()).toContain('<strong>Wednesday, November 25, 2026</strong>, 07:00 (Baja California time)')
    expect(await (await get('/ht/convoys')).text()).toContain('<strong>mèkredi 25 novanm 2026</strong>')
  })

  it('is in the site map, on the home page\'s Paisano section and linked from the guide\'s safe travel page', async () => {
    const sitemap = await (await get('/sitemap.xml')).text()
    for (const lang of PUBLIC_LANGS) {
      expect(sitemap).toContain(`<loc>/${lang}/convoys</loc>`)
    }
    const home = await (await get('/es/')).text()
    const paisano = home.slice(home.indexOf('id="paisano"'))
    expect(paisano).toContain('<a href="/es/convoys">')
    expect(home.slice(0, home.indexOf('id="paisano"'))).not.toContain('/es/convoys')
    expect(await (await get('/fr/safe-travel')).text()).toContain('href="/fr/convoys"')
  })
})

describe('the convoy schedule with none published', () => {
  let env: TestEnv

  beforeAll(async () => {
    env = await makeTestEnv('sqlite')
  })
  afterAll(async () => env?.close())

  it('says so in words, in every language', async () => {
    for (const lang of PUBLIC_LANGS) {
      const res = await env.app.request(`/${lang}/convoys`)
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html, lang).toContain(`<p class="notice">${CONVOY_MESSAGES[lang].none.replace(/'/g, '&#39;')}</p>`)
      expect(html, lang).not.toContain('<ul class="convoys">')
      expect(renderFrame(convoyPage(lang, []))).toBe(html)
    }
  })
})
