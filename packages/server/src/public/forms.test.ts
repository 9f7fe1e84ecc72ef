import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makeTestEnv, type TestEnv } from '../test/harness.ts'
import { FORM_MESSAGES } from './form-messages.ts'
import { FORM_TOKEN_TTL_MS } from './form-token.ts'
import { esc, PUBLIC_CSP } from './layout.ts'

const es = FORM_MESSAGES.es

describe('the public forms: a complaint and following it, with no script and no cookie', () => {
  let env: TestEnv
  const answers: { url: string; res: Response }[] = []

  beforeAll(async () => {
    env = await makeTestEnv('sqlite')
  })
  afterAll(async () => env?.close())
  // A new minute for each test: the per-address limit is tested on its own.
  beforeEach(() => env.clock.advance(61_000))

  const keep = (url: string, res: Response) => {
    answers.push({ url, res })
    return res
  }
  const get = async (url: string) => keep(url, await env.app.request(url))
  const post = async (url: string, fields: Record<string, string>) =>
    keep(url, await env.app.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }))

  const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1] ?? ''
  const receiptOf = (html: string) => {
    const codes = [...html.matchAll(/<dd class="code">([^<]+)<\/dd>/g)].map((m) => m[1] ?? '')
    return { folio: codes[0] ?? '', pin: codes[1] ?? '' }
  }
  const caseCount = async () => Number((await env.db.db.selectFrom('caseFolios').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const complaint = { category: 'extortion', description: 'En la revisión me pidieron 500 pesos para dejarme pasar.', city: 'Nuevo Laredo', state: 'Tamaulipas', date: '2026-11-20', badge: 'A-1234' }

  async function file(fields: Record<string, string> = complaint) {
    const form = await (await get('/es/complaint')).text()
    const token = tokenOf(form)
    const res = await post('/es/complaint', { ...fields, token })
    return { res, html: await res.text(), token, form }
  }

  it('files a complaint and answers its folio and PIN in the body, never in a URL', async () => {
    const before = await caseCount()
    const { res, html, token, form } = await file()
    expect(res.status).toBe(201)
    const { folio, pin } = receiptOf(html)
    expect(folio).toMatch(/^PA-\d{2}-[0-9A-Z]{4}-[0-9A-Z]$/)
    expect(pin).toMatch(/^\d{6}$/)
    expect(html).toContain(es.keep)
    expect(html).toContain('href="/es/follow"')
    expect(res.headers.get('location')).toBeNull()
    expect(await caseCount()).toBe(before + 1)
    // The PIN was chosen with the form, yet cannot be read in it.
    expect(token).not.toContain(pin)
    expect(form).not.toContain(pin)
    for (const attr of [...html.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => m[1] ?? '')) {
      expect(attr).not.toContain(folio)
      expect(attr).not.toContain(pin)
    }
  })

  it('files once when the same form is sent twice: the same folio and PIN, one case', async () => {
    const form = await (await get('/es/complaint')).text()
    const token = tokenOf(form)
    const before = await caseCount()
    const first = await post('/es/complaint', { ...complaint, token })
    const second = await post('/es/complaint', { ...complaint, description: 'Otra vez', token })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(receiptOf(await second.text())).toEqual(receiptOf(await first.text()))
    expect(await caseCount()).toBe(before + 1)
  })

  it('refuses a forged or expired token with a 400 that keeps the form, writing nothing', async () => {
    const before = await caseCount()
    const form = await (await get('/es/complaint')).text()
    const token = tokenOf(form)
    const forged = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21)
    for (const bad of [forged, 'f1.AAAA.BBBB', '']) {
      const res = await post('/es/complaint', { ...complaint, token: bad })
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(html).toContain(es.expired)
      expect(html).toContain('value="Nuevo Laredo"')
      expect(tokenOf(html)).not.toBe('')
    }
    env.clock.advance(FORM_TOKEN_TTL_MS + 60_000)
    const late = await post('/es/complaint', { ...complaint, token })
    expect(late.status).toBe(400)
    expect(await late.text()).toContain(es.expired)
    expect(await caseCount()).toBe(before)
  })

  it('names a missing field in the visitor\'s language and keeps what was typed, writing nothing', async () => {
    const before = await caseCount()
    const form = await (await get('/fr/complaint')).text()
    const res = await post('/fr/complaint', { category: 'theft', description: '  ', city: 'Tapachula', email: 'pas-un-courriel', token: tokenOf(form) })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<html lang="fr"')
    expect(html).toContain(esc(FORM_MESSAGES.fr.errDescription))
    expect(html).toContain(esc(FORM_MESSAGES.fr.errEmail))
    expect(html).toMatch(/id="f-description" name="description" aria-required="true" aria-invalid="true" aria-describedby="f-description-hint f-description-error"/)
    expect(html).toContain('href="#f-description"')
    expect(html).toContain('href="#f-email"')
    expect(html).toContain('value="Tapachula"')
    expect(html).toContain('value="pas-un-courriel"')
    expect(html).toContain('<option value="theft" selected>')
    expect(await caseCount()).toBe(before)
  })

  it('follows a case with its folio and PIN; a wrong PIN and an unknown folio get the same message', async () => {
    const { folio, pin } = receiptOf((await file()).html)
    const form = await get('/es/follow')
    expect(form.status).toBe(200)
    expect(await form.text()).toContain('action="/es/follow"')
    const found = await post('/es/follow', { folio: folio.toLowerCase(), pin })
    expect(found.status).toBe(200)
    const html = await found.text()
    expect(html).toContain(folio)
    expect(html).toContain(es.statusLabel)
    expect(Object.values(es.statuses).some((s) => html.includes(s))).toBe(true)
    expect(html).toContain(es.categories.extortion)
    for (const attr of [...html.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => m[1] ?? '')) {
      expect(attr).not.toContain(folio)
      expect(attr).not.toContain(pin)
    }
    const wrongPin = await post('/es/follow', { folio, pin: pin === '000000' ? '111111' : '000000' })
    const unknown = await post('/es/follow', { folio: 'PA-26-0000-0', pin })
    expect(wrongPin.status).toBe(404)
    expect(unknown.status).toBe(404)
    const notice = (text: string) => /<p class="notice" role="alert">([^<]*)<\/p>/.exec(text)?.[1]
    expect(notice(await wrongPin.text())).toBe(notice(await unknown.text()))
    const empty = await post('/es/follow', { folio: '', pin: '' })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('href="#f-folio"')
  })

  it('serves the forms on the home page, in the site map, and linked from the content pages', async () => {
    const home = await (await get('/es/')).text()
    expect(home.match(/href="\/es\/complaint"/g)?.length).toBe(2)
    expect(home.match(/href="\/es\/follow"/g)?.length).toBe(2)
    expect(home).toContain(es.complaintTitle)
    const sitemap = await (await env.app.request('/sitemap.xml')).text()
    expect(sitemap).toContain('<loc>/ht/complaint</loc>')
    expect(sitemap).toContain('<loc>/pt/follow</loc>')
    const complain = await (await get('/es/complain')).text()
    expect(complain).toMatch(/href="\/es\/complaint"/)
  })

  it('answers 429 in the visitor\'s language past 5 a minute and past 30 a day from one address', async () => {
    const form = await (await get('/pt/complaint')).text()
    const bad = { category: '', description: '', token: tokenOf(form) }
    const before = await caseCount()
    for (let i = 0; i < 5; i++) {
      expect((await post('/pt/complaint', bad)).status).toBe(400)
    }
    const refused = await post('/pt/complaint', bad)
    expect(refused.status).toBe(429)
    expect(await refused.text()).toContain(FORM_MESSAGES.pt.tooManyTitle)
    // One a quarter of an hour: within the minute's limit, until the day's is reached.
    let sent = 0
    let status = 400
    while (status !== 429 && sent < 40) {
      env.clock.advance(15 * 60_000)
      status = (await post('/pt/complaint', bad)).status
      sent++
    }
    expect(status).toBe(429)
    expect(sent).toBeLessThanOrEqual(26)
    expect(await caseCount()).toBe(before)
  })

  it('sets no cookie and the public policy on every answer, and stores nothing in caches', () => {
    expect(answers.length).toBeGreaterThan(30)
    for (const { url, res } of answers) {
      expect(res.headers.get('set-cookie'), url).toBeNull()
      expect(res.headers.get('content-security-policy'), url).toBe(PUBLIC_CSP)
      if (/\/(complaint|follow)$/.test(url)) {
        expect(res.headers.get('cache-control'), url).toBe('no-store')
      }
    }
  })
})
