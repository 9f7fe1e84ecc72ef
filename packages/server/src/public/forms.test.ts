import { Writable } from 'node:stream'
import { formatFolio } from '@faro/core'
import pino from 'pino'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../http/app.ts'
import { makeTestEnv, testAppConfig, type TestEnv } from '../test/harness.ts'
import { FORM_MESSAGES } from './form-messages.ts'
import { FORM_TOKEN_TTL_MS } from './form-token.ts'
import { FORM_PATHS } from './forms.ts'
import { esc, PUBLIC_CSP } from './layout.ts'
import { OFFLINE_CSP } from './offline.ts'

const es = FORM_MESSAGES.es
const en = FORM_MESSAGES.en
const fr = FORM_MESSAGES.fr
const pt = FORM_MESSAGES.pt
/** A sought person's field as the error summary names it: "Persona 2 · Nombre". */
const ofPerson = (n: 1 | 2, label: string) => `${es.missing.person.replace('{n}', String(n))} · ${label}`

// The first round trip carries about 14 KB: a page that fits arrives whole in it.
const FIRST_ROUND_TRIP = 14 * 1024
const DAY = 86_400_000

const complaint = { category: 'extortion', description: 'En la revisión me pidieron 500 pesos para dejarme pasar.', city: 'Nuevo Laredo', state: 'Tamaulipas', date: '2026-11-20', badge: 'A-1234' }
const helpRequest = { category: 'recover_seized_vehicle_or_goods', description: 'En la garita retuvieron mi camioneta y no sé qué papeles llevar.', city: 'Reynosa', state: 'Tamaulipas', transit: 'yes', name: 'Rosa Elvira Campos', phone: '+52 899 555 0101' }
const missing = {
  'p1-given': 'José Ángel',
  'p1-surname1': 'Maldonado',
  'p1-surname2': 'Reyes',
  'p1-sex': 'male',
  'p1-age': '19',
  'p1-nationality': 'HN',
  'p1-place': 'Altar, Sonora',
  'p1-date': '2026-10-28',
  'p1-marks': 'Tatuaje de una rosa en el antebrazo izquierdo',
  'p2-given': 'Kevin',
  'p2-surname1': 'Reyes',
  'p2-birth': '2009-03-14',
  story: 'Salieron juntos de Tegucigalpa en octubre. La última llamada fue desde Altar.',
  name: 'Marta Lidia Reyes',
  relationship: 'parent',
  phone: '+504 9999 0000',
  consent: 'yes',
}

describe('the public forms: a complaint, a request for help, asking for a missing person, and following them, with no script and no cookie', () => {
  let env: TestEnv
  const answers: { url: string; res: Response }[] = []

  beforeAll(async () => {
    env = await makeTestEnv('sqlite')
  })
  afterAll(async () => env?.close())
  // A new day for each test: the per-address limits are tested on their own.
  beforeEach(() => env.clock.advance(DAY + 1000))

  const keep = (url: string, res: Response) => {
    answers.push({ url, res })
    return res
  }
  const get = async (url: string, headers: Record<string, string> = {}) => keep(url, await env.app.request(url, { headers }))
  const post = async (url: string, fields: Record<string, string>) =>
    keep(url, await env.app.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }))
  const postRaw = async (url: string, type: string, body: string | Uint8Array<ArrayBuffer>) => keep(url, await env.app.request(url, { method: 'POST', headers: { 'content-type': type }, body }))

  const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1] ?? ''
  const freshToken = async (url: string) => tokenOf(await (await get(url)).text())
  const receiptOf = (html: string) => {
    const codes = [...html.matchAll(/<dd class="code">([^<]+)<\/dd>/g)].map((m) => m[1] ?? '')
    return { folio: codes[0] ?? '', pin: codes[1] ?? '' }
  }
  const count = async (table: 'caseFolios' | 'actions' | 'records' | 'people' | 'personLinks' | 'consents' | 'mailOutbox' | 'auditEvents') =>
    Number((await env.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const caseCount = () => count('caseFolios')
  /** Everything a filing or a lookup could write: rows of each table, and the wrong PINs counted. */
  const writes = async () => {
    const counts = {
      caseFolios: await count('caseFolios'),
      actions: await count('actions'),
      records: await count('records'),
      people: await count('people'),
      personLinks: await count('personLinks'),
      consents: await count('consents'),
      mailOutbox: await count('mailOutbox'),
      auditEvents: await count('auditEvents'),
    }
    const pins = await env.db.db.selectFrom('caseFolios').select(['folio', 'pinFailures', 'pinLockedUntil']).orderBy('folio').execute()
    return { counts, pins }
  }
  const linksOf = (html: string) => [...html.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => m[1] ?? '')

  async function file(url: string, fields: Record<string, string>) {
    const token = await freshToken(url)
    const res = await post(url, { ...fields, token })
    return { res, html: await res.text(), token }
  }

  describe('a complaint', () => {
    it('files a complaint and answers its folio and PIN in the body, never in a URL', async () => {
      const before = await caseCount()
      const form = await (await get('/es/complaint')).text()
      const token = tokenOf(form)
      const res = await post('/es/complaint', { ...complaint, token })
      const html = await res.text()
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
      for (const link of linksOf(html)) {
        expect(link).not.toContain(folio)
        expect(link).not.toContain(pin)
      }
    })

    it('files once when the same form is sent twice: the same folio and PIN, one case', async () => {
      const token = await freshToken('/es/complaint')
      const before = await caseCount()
      const first = await post('/es/complaint', { ...complaint, token })
      const second = await post('/es/complaint', { ...complaint, description: 'Otra vez', token })
      expect(first.status).toBe(201)
      expect(second.status).toBe(201)
      expect(receiptOf(await second.text())).toEqual(receiptOf(await first.text()))
      expect(await caseCount()).toBe(before + 1)
    })

    it('refuses a forged or expired token with a 400 that keeps the form, writing nothing', async () => {
      const before = await writes()
      const token = await freshToken('/es/complaint')
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
      expect(await writes()).toEqual(before)
    })
  })

  describe('a request for help', () => {
    it('files a help request with its contact in the vault, answers folio and PIN, and follows it', async () => {
      const before = { people: await count('people'), cases: await caseCount() }
      const { res, html } = await file('/es/help-request', helpRequest)
      expect(res.status, html).toBe(201)
      const { folio, pin } = receiptOf(html)
      expect(folio).toMatch(/^PA-\d{2}-[0-9A-Z]{4}-[0-9A-Z]$/)
      expect(html).toContain(esc(es.help.doneTitle))
      expect(html).toContain(es.keep)
      expect(await caseCount()).toBe(before.cases + 1)
      expect(await count('people')).toBe(before.people + 1)
      const row = await env.db.db.selectFrom('caseFolios').select('recordId').where('folio', '=', folio).executeTakeFirstOrThrow()
      const state = await env.db.db.selectFrom('records').select('state').where('recordId', '=', row.recordId).executeTakeFirstOrThrow()
      expect(JSON.parse(state.state)).toMatchObject({ kind: 'help_request', category: 'recover_seized_vehicle_or_goods', channel: 'web', inTransit: true, contactChannel: 'phone', language: 'es' })
      expect(state.state).not.toMatch(/Rosa Elvira|899 555/)
      for (const link of linksOf(html)) {
        expect(link).not.toContain(folio)
        expect(link).not.toContain(pin)
      }
      const found = await post('/es/follow', { folio, pin })
      expect(found.status).toBe(200)
      const status = await found.text()
      expect(status).toContain(`${es.kinds.help_request}: ${es.help.categories.recover_seized_vehicle_or_goods}`)
    })

    it('files once when the same form is sent twice', async () => {
      const token = await freshToken('/en/help-request')
      const before = await writes()
      const first = await post('/en/help-request', { ...helpRequest, token })
      const second = await post('/en/help-request', { ...helpRequest, token })
      expect(first.status).toBe(201)
      expect(second.status).toBe(201)
      expect(receiptOf(await second.text())).toEqual(receiptOf(await first.text()))
      const after = await writes()
      expect(after.counts.caseFolios).toBe(before.counts.caseFolios + 1)
      expect(after.counts.people).toBe(before.counts.people + 1)
      expect(await writes()).toEqual(after)
    })
  })

  describe('asking for a missing person', () => {
    it('files a location request for two people, each in the vault and only references in the case, and follows it', async () => {
      const before = await writes()
      const { res, html } = await file('/es/missing', missing)
      expect(res.status, html).toBe(201)
      const { folio, pin } = receiptOf(html)
      expect(folio).toMatch(/^LB-\d{2}-[0-9A-Z]{4}-[0-9A-Z]$/)
      expect(pin).toMatch(/^\d{6}$/)
      expect(html).toContain(esc(es.missing.doneTitle))
      expect(html).toContain('Vamos a buscar a 2 personas.')
      const after = await writes()
      expect(after.counts.caseFolios).toBe(before.counts.caseFolios + 1)
      // The two people sought and the requester.
      expect(after.counts.people).toBe(before.counts.people + 3)
      const row = await env.db.db.selectFrom('caseFolios').select('recordId').where('folio', '=', folio).executeTakeFirstOrThrow()
      const links = await env.db.db.selectFrom('personLinks').select(['legalBasis', 'purpose']).where('recordId', '=', row.recordId).execute()
      expect(links.filter((l) => l.legalBasis === 'vital_interest' && l.purpose === 'family_tracing')).toHaveLength(2)
      expect(links.filter((l) => l.legalBasis === 'consent' && l.purpose === 'family_tracing')).toHaveLength(1)
      const record = await env.db.db.selectFrom('records').select('state').where('recordId', '=', row.recordId).executeTakeFirstOrThrow()
      const state = JSON.parse(record.state) as { kind: string; channel: string; relationship: string; sought: { lastContact?: unknown }[]; hops: { bodyId: string }[] }
      expect(state).toMatchObject({ kind: 'location_request', channel: 'web', relationship: 'parent', contactChannel: 'phone' })
      // Not filed by a Grupo Beta: to the groups' national coordination.
      expect(state.hops.map((h) => h.bodyId)).toEqual(['beta'])
      expect(state.sought).toHaveLength(2)
      expect(state.sought[0]?.lastContact).toEqual({ date: '2026-10-28', place: 'Altar, Sonora' })
      const log = await env.db.db.selectFrom('actions').select('payload').where('recordId', '=', row.recordId).execute()
      for (const text of [record.state, ...log.map((a) => a.payload)]) {
        expect(text).not.toMatch(/José|Maldonado|Kevin|rosa en el|Marta|9999 0000|2009-03-14/)
      }
      for (const link of linksOf(html)) {
        expect(link).not.toContain(folio)
        expect(link).not.toContain(pin)
      }
      const found = await post('/es/follow', { folio, pin })
      expect(found.status).toBe(200)
      const status = await found.text()
      expect(status).toContain(folio)
      expect(status).toContain(es.kinds.location_request)
    })

    it('says one person in the singular, and files once when sent twice', async () => {
      const one = Object.fromEntries(Object.entries(missing).filter(([k]) => !k.startsWith('p2-')))
      const token = await freshToken('/en/missing')
      const before = await writes()
      const first = await post('/en/missing', { ...one, token })
      const html = await first.text()
      expect(first.status, html).toBe(201)
      expect(html).toContain('We will look for 1 person.')
      const second = await post('/en/missing', { ...one, token })
      expect(second.status).toBe(201)
      expect(receiptOf(await second.text())).toEqual(receiptOf(html))
      const after = await writes()
      expect(after.counts.caseFolios).toBe(before.counts.caseFolios + 1)
      expect(after.counts.people).toBe(before.counts.people + 2)
    })

    it('offers two person blocks, the second optional, and says how to ask for more', async () => {
      const html = await (await get('/es/missing')).text()
      expect(html).toContain('id="f-p1-given"')
      expect(html).toContain('id="f-p2-given"')
      expect(html).not.toContain('id="f-p3-given"')
      expect(html).toContain(`${esc(es.missing.person.replace('{n}', '2'))} (${es.optional})`)
      expect(html).toContain(esc(es.missing.more))
      expect(html).toContain('href="/es/help"')
      expect(html).toContain('name="consent" type="checkbox" value="yes"')
    })
  })

  it('writes no name, PIN, folio or contact to the log: the log has the route and the status only', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'))
        done()
      },
    })
    const app = createApp({ db: env.db, clock: env.clock, config: testAppConfig(), logger: pino({ level: 'info' }, sink), ...(env.protection ? { protection: env.protection } : {}) })
    const filed: string[] = []
    for (const [url, fields] of [['/es/missing', missing], ['/es/help-request', helpRequest]] as const) {
      const token = tokenOf(await (await app.request(url)).text())
      const res = await app.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...fields, token }).toString() })
      expect(res.status).toBe(201)
      const { folio, pin } = receiptOf(await res.text())
      filed.push(folio, pin)
      expect((await app.request('/es/follow', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ folio, pin }).toString() })).status).toBe(200)
    }
    const log = lines.join('')
    expect(log).toContain('"route":"/es/missing"')
    for (const secret of [...filed, 'José', 'Maldonado', 'Kevin', 'Marta', '9999', 'Rosa Elvira', '899 555', 'rosa en el']) {
      expect(log).not.toContain(secret)
    }
  })

  describe('a forged or expired token on the new forms', () => {
    for (const [url, fields] of [['/es/help-request', helpRequest], ['/es/missing', missing]] as const) {
      it(`${url}: answers 400 with the form as typed and writes nothing`, async () => {
        const before = await writes()
        const token = await freshToken(url)
        const forged = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21)
        for (const bad of [forged, 'f1.AAAA.BBBB', '', await freshToken('/es/complaint'), await freshToken(url.replace('/es/', '/pt/'))]) {
          const res = await post(url, { ...fields, token: bad })
          expect(res.status).toBe(400)
          const html = await res.text()
          expect(html).toContain(es.expired)
          expect(html).toContain(`value="${esc(fields.name)}"`)
          expect(tokenOf(html)).not.toBe('')
        }
        env.clock.advance(FORM_TOKEN_TTL_MS + 60_000)
        const late = await post(url, { ...fields, token })
        expect(late.status).toBe(400)
        expect(await late.text()).toContain(es.expired)
        expect(await writes()).toEqual(before)
      })
    }
  })

  // Every public form, bad input of every kind: a 400 in the visitor's language naming each
  // wrong field (in the summary, by its label, and on the field), what was typed kept, nothing written.
  describe('bad input on every public form', () => {
    type Case = {
      name: string
      fields?: Record<string, string>
      raw?: { type: string; body: string | Uint8Array<ArrayBuffer> }
      token?: 'fresh' | 'used' | 'none'
      errors: Record<string, string>
      kept?: string[]
      expired?: boolean
    }
    const garbage: Uint8Array<ArrayBuffer> = new Uint8Array([0, 255, 37, 37, 61, 38, 38, 0xc3, 0x28, 10, 13, 0])
    const garbageCases = (required: Record<string, string>): Case[] => [
      { name: 'a body of random bytes', raw: { type: 'application/x-www-form-urlencoded', body: garbage }, errors: required, expired: true },
      { name: 'a multipart body with no boundary', raw: { type: 'multipart/form-data', body: 'not multipart at all' }, errors: required, expired: true },
      { name: 'a JSON body', raw: { type: 'application/json', body: '{"category":1,"description":["a"],"token":null}' }, errors: required, expired: true },
      { name: 'an empty body', raw: { type: 'application/x-www-form-urlencoded', body: '' }, errors: required, expired: true },
      { name: 'a plain text body', raw: { type: 'text/plain', body: Object.keys(required).map((k) => `${k}=a`).join('&') }, errors: required, expired: true },
    ]
    const forms: { url: string; lang: 'es' | 'en' | 'fr' | 'pt'; valid: Record<string, string>; cases: Case[] }[] = [
      {
        url: '/fr/complaint',
        lang: 'fr',
        valid: complaint,
        cases: [
          { name: 'the required fields left out', fields: { category: '', description: '   ' }, errors: { category: fr.category, description: fr.description }, kept: ['value="Nuevo Laredo"'] },
          { name: 'over-long text', fields: { description: 'x'.repeat(4001), badge: 'B'.repeat(41) }, errors: { description: fr.description, badge: fr.badge }, kept: ['value="Tamaulipas"'] },
          { name: 'a category and an agency that do not exist', fields: { category: 'bribery', agency: 'agency-nope' }, errors: { category: fr.category, agency: fr.agency } },
          { name: 'a help category on a complaint', fields: { category: 'obtain_documents' }, errors: { category: fr.category } },
          { name: 'text where a date, an e-mail and a phone go', fields: { date: '20/11/2026', email: 'pas-un-courriel', phone: 'appelez-moi' }, errors: { date: fr.date, email: fr.email, phone: fr.phone }, kept: ['value="pas-un-courriel"', 'value="appelez-moi"'] },
          { name: 'a day that does not exist', fields: { date: '2026-02-30' }, errors: { date: fr.date } },
          { name: 'a day to come', fields: { date: '2031-01-01' }, errors: { date: fr.date }, kept: ['value="2031-01-01"'] },
          { name: 'a replayed token with bad fields', token: 'used', fields: { description: '' }, errors: { description: fr.description } },
          ...garbageCases({ category: fr.category, description: fr.description }),
        ],
      },
      {
        url: '/en/help-request',
        lang: 'en',
        valid: helpRequest,
        cases: [
          { name: 'the required fields left out', fields: { category: '', description: '', phone: '', email: '' }, errors: { category: en.help.category, description: en.help.description, phone: en.phone }, kept: ['value="Reynosa"', 'value="Rosa Elvira Campos"'] },
          { name: 'over-long text', fields: { description: 'x'.repeat(4001), city: 'c'.repeat(121), name: 'n'.repeat(301) }, errors: { description: en.help.description, city: en.city, name: en.name } },
          { name: 'looking for a person, which has its own form', fields: { category: 'locate_migrant' }, errors: { category: en.help.category } },
          { name: 'a complaint category and a box with another value', fields: { category: 'extortion', transit: 'no' }, errors: { category: en.help.category, transit: en.help.inTransit } },
          { name: 'text where an e-mail and a phone go', fields: { phone: 'call me', email: 'not-an-email' }, errors: { phone: en.phone, email: en.email }, kept: ['value="call me"', 'value="not-an-email"'] },
          { name: 'a replayed token with bad fields', token: 'used', fields: { category: '' }, errors: { category: en.help.category } },
          ...garbageCases({ category: en.help.category, description: en.help.description, phone: en.phone }),
        ],
      },
      {
        url: '/es/missing',
        lang: 'es',
        valid: missing,
        cases: [
          {
            name: 'the required fields left out',
            fields: { 'p1-given': '', 'p1-surname1': '', 'p1-surname2': '', 'p1-marks': '', story: '', name: '', relationship: '', phone: '', email: '', consent: '' },
            errors: { 'p1-given': ofPerson(1, es.missing.given), story: es.missing.story, name: es.missing.requesterName, relationship: es.missing.relationship, phone: es.phone, consent: es.missing.consentShort },
            kept: ['value="Altar, Sonora"', 'value="Kevin"', '<option value="HN" selected>'],
          },
          { name: 'over-long text', fields: { 'p1-marks': 'm'.repeat(1001), 'p2-given': 'g'.repeat(121), story: 's'.repeat(4001) }, errors: { 'p1-marks': ofPerson(1, es.missing.marks), 'p2-given': ofPerson(2, es.missing.given), story: es.missing.story } },
          { name: 'values that are not on the lists', fields: { 'p1-sex': 'robot', 'p1-nationality': 'XX', relationship: 'consulate', consent: 'maybe' }, errors: { 'p1-sex': ofPerson(1, es.missing.sex), 'p1-nationality': ofPerson(1, es.missing.nationality), relationship: es.missing.relationship, consent: es.missing.consentShort } },
          { name: 'ages that are not an age', fields: { 'p1-age': 'diecinueve', 'p2-age': '200' }, errors: { 'p1-age': ofPerson(1, es.missing.age), 'p2-age': ofPerson(2, es.missing.age) }, kept: ['value="diecinueve"', 'value="200"'] },
          { name: 'days that are not days, or are to come', fields: { 'p1-birth': '2026-13-01', 'p1-date': '2099-01-01', 'p2-birth': 'ayer' }, errors: { 'p1-birth': ofPerson(1, es.missing.birthDate), 'p1-date': ofPerson(1, es.missing.lastDate), 'p2-birth': ofPerson(2, es.missing.birthDate) }, kept: ['value="ayer"'] },
          { name: 'a second person with no name', fields: { 'p2-given': '', 'p2-surname1': '', 'p2-birth': '', 'p2-age': '30' }, errors: { 'p2-given': ofPerson(2, es.missing.given) }, kept: ['value="30"'] },
          { name: 'text where an e-mail and a phone go', fields: { phone: 'llámame', email: 'sin-arroba' }, errors: { phone: es.phone, email: es.email } },
          { name: 'a replayed token with bad fields', token: 'used', fields: { consent: '' }, errors: { consent: es.missing.consentShort } },
          ...garbageCases({ 'p1-given': ofPerson(1, es.missing.given), story: es.missing.story, name: es.missing.requesterName, relationship: es.missing.relationship, phone: es.phone, consent: es.missing.consentShort }),
        ],
      },
      {
        url: '/pt/follow',
        lang: 'pt',
        valid: {},
        cases: [
          { name: 'the folio and the PIN left out', fields: { folio: '', pin: '' }, errors: { folio: pt.folio, pin: pt.pin }, token: 'none' },
          { name: 'an over-long folio', fields: { folio: `PA-${'9'.repeat(200)}`, pin: '123456' }, errors: { folio: pt.folio }, token: 'none' },
          { name: 'a folio whose check does not match, and a PIN of letters', fields: { folio: 'PA-26-4K7Q-A', pin: 'abcdef' }, errors: { folio: pt.folio, pin: pt.pin }, kept: ['value="PA-26-4K7Q-A"'], token: 'none' },
          { name: 'a PIN of seven digits', fields: { folio: 'nada', pin: '1234567' }, errors: { folio: pt.folio, pin: pt.pin }, kept: ['value="nada"'], token: 'none' },
          ...garbageCases({ folio: pt.folio, pin: pt.pin }).map((c) => ({ ...c, token: 'none' as const, expired: false })),
        ],
      },
    ]

    for (const form of forms) {
      const m = FORM_MESSAGES[form.lang]
      for (const bad of form.cases) {
        it(`${form.url}: ${bad.name}`, async () => {
          env.clock.advance(DAY + 1000)
          let token = ''
          if (bad.token === 'used') {
            token = await freshToken(form.url)
            expect((await post(form.url, { ...form.valid, token })).status).toBe(201)
          } else if (bad.token !== 'none') {
            token = await freshToken(form.url)
          }
          const before = await writes()
          const res = bad.raw === undefined ? await post(form.url, { ...form.valid, ...bad.fields, ...(token === '' ? {} : { token }) }) : await postRaw(form.url, bad.raw.type, bad.raw.body)
          const html = await res.text()
          expect(res.status, html.slice(0, 300)).toBe(400)
          expect(res.headers.get('content-type')).toContain('text/html')
          expect(html).toContain(`<html lang="${form.lang === 'es' ? 'es-MX' : form.lang === 'pt' ? 'pt-BR' : form.lang}"`)
          expect(html).toContain(`<h2 id="error-summary-title">${esc(m.errorSummary)}</h2>`)
          const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? ''
          for (const [name, label] of Object.entries(bad.errors)) {
            const item = new RegExp(`<li><a href="#f-${name}">([^<]*)</a></li>`).exec(summary)?.[1]
            expect(item, name).toContain(esc(label))
            expect(html, name).toMatch(new RegExp(`id="f-${name}" name="${name}"[^>]*aria-invalid="true"`))
            expect(html, name).toContain(`id="f-${name}-error"`)
          }
          expect([...summary.matchAll(/<li>/g)].length).toBe(Object.keys(bad.errors).length)
          if (bad.expired === true) {
            expect(html).toContain(esc(m.expired))
          }
          for (const kept of bad.kept ?? []) {
            expect(html).toContain(kept)
          }
          expect(await writes()).toEqual(before)
        })
      }
    }
  })

  describe('following a case', () => {
    it('follows a case with its folio and PIN; a wrong PIN and an unknown folio get the same message', async () => {
      const { folio, pin } = receiptOf((await file('/es/complaint', complaint)).html)
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
      for (const link of linksOf(html)) {
        expect(link).not.toContain(folio)
        expect(link).not.toContain(pin)
      }
      const wrongPin = await post('/es/follow', { folio, pin: pin === '000000' ? '111111' : '000000' })
      const unknown = await post('/es/follow', { folio: formatFolio({ prefix: 'PA', year: 26, body: '0000' }), pin })
      expect(wrongPin.status).toBe(404)
      expect(unknown.status).toBe(404)
      const notice = (text: string) => /<p class="notice" role="alert">([^<]*)<\/p>/.exec(text)?.[1]
      expect(notice(await wrongPin.text())).toBe(notice(await unknown.text()))
    })
  })

  describe('the forms on the site', () => {
    it('serves the forms on the home page, in the site map, and linked from the content pages', async () => {
      const home = await (await get('/es/')).text()
      for (const slug of ['complaint', 'help-request', 'missing', 'follow']) {
        expect(home.match(new RegExp(`href="/es/${slug}"`, 'g'))?.length, slug).toBe(2)
      }
      expect(home).toContain(es.complaintTitle)
      expect(home).toContain(esc(es.help.title))
      expect(home).toContain(esc(es.missing.title))
      const sitemap = await (await env.app.request('/sitemap.xml')).text()
      for (const path of ['/ht/complaint', '/pt/follow', '/fr/help-request', '/en/missing']) {
        expect(sitemap).toContain(`<loc>${path}</loc>`)
      }
      const complain = await (await get('/es/complain')).text()
      expect(complain).toMatch(/href="\/es\/complaint"/)
    })

    it('serves every form of the site map, and the longest error state, within the first round trip', async () => {
      expect(FORM_PATHS).toHaveLength(20)
      for (const url of FORM_PATHS) {
        const res = await get(url, { 'accept-encoding': 'gzip' })
        expect(res.status, url).toBe(200)
        expect(res.headers.get('content-encoding'), url).toBe('gzip')
        expect((await res.arrayBuffer()).byteLength, url).toBeLessThanOrEqual(FIRST_ROUND_TRIP)
      }
      const token = await freshToken('/fr/missing')
      const res = await env.app.request('/fr/missing', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-encoding': 'gzip' },
        body: new URLSearchParams({ token, 'p1-age': 'x', 'p1-birth': 'x', 'p1-date': 'x', 'p1-sex': 'x', 'p1-nationality': 'x', 'p2-age': 'x', 'p2-birth': 'x', 'p2-date': 'x', consent: 'x', email: 'x' }).toString(),
      })
      expect(res.status).toBe(400)
      expect((await res.arrayBuffer()).byteLength).toBeLessThanOrEqual(FIRST_ROUND_TRIP)
    })

    it('answers 429 in the visitor\'s language past 5 a minute and past 30 a day from one address, each form counting its own', async () => {
      const bad = { category: '', description: '', token: await freshToken('/pt/complaint') }
      const before = await caseCount()
      for (let i = 0; i < 3; i++) {
        expect((await post('/pt/complaint', bad)).status).toBe(400)
      }
      // Another language is the same form.
      expect((await post('/en/complaint', bad)).status).toBe(400)
      expect((await post('/fr/complaint', bad)).status).toBe(400)
      const refused = await post('/pt/complaint', bad)
      expect(refused.status).toBe(429)
      expect(await refused.text()).toContain(pt.tooManyTitle)
      // The other forms keep their own counts, and following has the lookup's own throttle.
      expect((await post('/pt/help-request', bad)).status).toBe(400)
      expect((await post('/pt/missing', bad)).status).toBe(400)
      expect((await post('/pt/follow', { folio: '', pin: '' })).status).toBe(400)
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
      expect(answers.length).toBeGreaterThan(100)
      for (const { url, res } of answers) {
        expect(res.headers.get('set-cookie'), url).toBeNull()
        // The Paisano guide's "how to complain" offers reading without signal (offline.ts).
        expect(res.headers.get('content-security-policy'), url).toBe(/\/complain$/.test(url) ? OFFLINE_CSP : PUBLIC_CSP)
        if (/\/(complaint|help-request|missing|follow)$/.test(url)) {
          expect(res.headers.get('cache-control'), url).toBe('no-store')
        }
      }
    })
  })
})
