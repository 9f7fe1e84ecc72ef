import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page, Request } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { OUTPUT_DIR, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { PHONE, signIn } from './pages.ts'

const DESKTOP = { width: 1280, height: 900 }
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
// A code of a closed list shown as it is stored (vehicle_import, case_opened…) instead of in words.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b/
const FOLIO_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY'

interface SentCall {
  id: string
  recordType: string
  recordId: string
  type: string
  payload: Record<string, unknown>
}

/**
 * The call centre logs every call: an information-only call about vehicle import taken by
 * keyboard, a call that opened a case with its folio (a mistyped one refused on its field before
 * anything is sent), today's list with its counts by topic, one call opened in words. The Paisano
 * coordination reads the list; a module volunteer sees none of it.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('the call centre\'s call log in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  let pageProblems: string[] = []
  // What one test leaves for the next: the tests run in order, as an operator's shift goes.
  const logged = { infoId: '', caseId: '', folio: '' }

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
  })

  afterEach(() => {
    const problems = pageProblems
    pageProblems = []
    expect(problems).toEqual([])
  })

  afterAll(() => closeAll(contexts, browser, faro))

  async function openAs(username: string, viewport = DESKTOP): Promise<Page> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport })
    contexts.push(context)
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        pageProblems.push(message.text())
      }
    })
    page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`))
    await page.goto('/app/')
    await signIn(page, username)
    await page.getByTestId('account-name').waitFor()
    return page
  }

  async function expectAccessible(page: Page): Promise<void> {
    const result = await new AxeBuilder({ page }).analyze()
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }

  function sentCalls(page: Page): SentCall[] {
    const sent: SentCall[] = []
    page.on('request', (request: Request) => {
      if (request.url().endsWith('/api/records/actions') && request.method() === 'POST') {
        sent.push(request.postDataJSON() as SentCall)
      }
    })
    return sent
  }

  it('lets the operator log an information-only call about vehicle import by keyboard, then a call that opened a case with its folio', async () => {
    const page = await openAs('operador.centro')
    const sent = sentCalls(page)
    await page.getByRole('navigation').getByRole('link', { name: es['nav.call'] }).click()
    const form = page.getByTestId('call-form')
    await form.waitFor()

    // Information only: the topic by arrow keys, the rest as it came, Enter to save.
    const topics = form.getByRole('group', { name: es['call.topic'] })
    await topics.getByRole('radio').first().focus()
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('ArrowDown')
    }
    expect(await form.getByRole('radio', { name: new RegExp(`^${es['call.topic.vehicle_import']}`) }).isChecked()).toBe(true)
    expect(await form.getByRole('radio', { name: es['call.outcome.informed'] }).isChecked()).toBe(true)
    await form.getByLabel(es['call.minutes'], { exact: true }).fill('3')
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'call-log-1280.png'), fullPage: true })
    await expectAccessible(page)
    await page.keyboard.press('Enter')
    const saved = page.getByTestId('call-saved')
    await saved.waitFor()
    expect(await saved.textContent()).toContain(es['call.topic.vehicle_import'])
    expect(sent).toHaveLength(1)
    const info = sent[0]
    expect(info?.id).toMatch(UUID_V7)
    expect(info?.recordId).toMatch(UUID_V7)
    expect(info).toMatchObject({ recordType: 'call', type: 'CallLogged', payload: { topic: 'vehicle_import', outcome: 'informed', fromCountry: 'MX', language: 'es', minutes: 3 } })
    expect(info?.payload).not.toHaveProperty('folio')
    logged.infoId = info?.recordId ?? ''

    // The form is empty again, ready for the next call with the keyboard on its first choice.
    expect(await form.getByRole('radio', { checked: true }).count()).toBe(3)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('radio')
    expect(await form.getByLabel(es['call.minutes'], { exact: true }).inputValue()).toBe('')

    // A call that opened a case: the form asks for the folio, and refuses a mistyped one before sending.
    const cases = await page.request.get('/api/cases?limit=1')
    expect(cases.status()).toBe(200)
    const folio = ((await cases.json()) as { items: { folio: string }[] }).items[0]?.folio ?? ''
    expect(folio).toMatch(/^(PA|LB)-\d{2}-[0-9A-Z]{4}-[0-9A-Z]$/)
    logged.folio = folio
    await form.getByRole('radio', { name: new RegExp(`^${es['call.topic.passports_and_documents']}`) }).check()
    await form.getByRole('radio', { name: es['call.outcome.case_opened'] }).check()
    await form.getByRole('radio', { name: es['call.from.US'] }).check()
    await page.getByTestId('call-folio-suggest').waitFor()
    const folioField = form.getByLabel(es['call.folio'], { exact: true })
    await folioField.fill(mistype(folio))
    await form.getByRole('button', { name: es['call.save'] }).click()
    await form.getByText(es['form.error.folio']).waitFor()
    expect(await folioField.getAttribute('aria-invalid')).toBe('true')
    expect(sent).toHaveLength(1)
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'call-log-folio-refused-1280.png'), fullPage: true })
    await expectAccessible(page)

    // As read over the phone: lower case, spaces for hyphens.
    await folioField.fill(folio.toLowerCase().replaceAll('-', ' '))
    await form.getByLabel(es['call.notes'], { exact: true }).fill('Pidió la lista de documentos para su hijo menor de edad.')
    await form.getByRole('button', { name: es['call.save'] }).click()
    await expect.poll(() => sent.length).toBe(2)
    await saved.filter({ hasText: es['call.topic.passports_and_documents'] }).waitFor()
    const opened = sent[1]
    expect(opened).toMatchObject({ recordType: 'call', type: 'CallLogged', payload: { topic: 'passports_and_documents', outcome: 'case_opened', fromCountry: 'US', folio } })
    expect(opened?.recordId).not.toBe(logged.infoId)
    logged.caseId = opened?.recordId ?? ''
    expect(await page.getByTestId('call-folio-suggest').count()).toBe(0)
  })

  it('lays the form out on a phone at 360 px', async () => {
    const page = await openAs('operador.centro', PHONE)
    await page.goto('/app/call')
    const form = page.getByTestId('call-form')
    await form.waitFor()
    await form.getByRole('radio', { name: new RegExp(`^${es['call.topic.goods_allowed']}`) }).check()
    await form.getByRole('radio', { name: es['call.outcome.case_followed_up'] }).check()
    await page.getByTestId('call-folio-suggest').waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'call-log-360.png'), fullPage: true })
    await expectAccessible(page)
  })

  it('shows both calls first in today\'s list, with the counts by topic, and opens one in words', async () => {
    for (const [viewport, name] of [
      [DESKTOP, '1280'],
      [PHONE, '360'],
    ] as const) {
      const page = await openAs('operador.centro', viewport)
      await page.goto('/app/calls')
      const list = page.getByTestId('call-list')
      await list.locator('li').first().waitFor()
      const items = list.locator('li')
      expect(await items.nth(0).getAttribute('data-record-id')).toBe(logged.caseId)
      expect(await items.nth(1).getAttribute('data-record-id')).toBe(logged.infoId)
      expect(await items.nth(0).textContent()).toContain(logged.folio)
      expect(await items.nth(1).textContent()).toContain(es['call.topic.vehicle_import'])

      // The counts are those of every call of today the operator may read.
      const today = await todaysTopics(page)
      const counts = page.getByTestId('call-counts')
      expect(await counts.getByRole('heading').textContent()).toBe(`${today.total} llamadas hoy`)
      expect(today.byTopic.vehicle_import).toBeGreaterThanOrEqual(1)
      for (const [topic, count] of Object.entries(today.byTopic)) {
        expect(await counts.locator(`[data-topic="${topic}"]`).textContent()).toContain(count === 1 ? '1 llamada' : `${count} llamadas`)
      }
      const text = (await page.getByTestId('calls-page').textContent()) ?? ''
      expect(text).not.toMatch(RAW_CODE)
      expect(text).not.toContain('{')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)
      await page.screenshot({ path: path.join(OUTPUT_DIR, `calls-today-${name}.png`) })
      await expectAccessible(page)

      await items.nth(1).getByRole('link').click()
      const record = page.getByTestId('record-page')
      await record.waitFor()
      await page.getByTestId('record-history-list').locator('li').first().waitFor()
      await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0)
      const words = (await record.textContent()) ?? ''
      for (const expected of [es['record.type.call'], es['call.topic.vehicle_import'], es['call.outcome.informed'], es['call.from.MX'], es['review.field.topic']]) {
        expect(words).toContain(expected)
      }
      expect(words).not.toMatch(RAW_CODE)
      expect(words).not.toContain('{')
      await page.screenshot({ path: path.join(OUTPUT_DIR, `call-record-${name}.png`), fullPage: true })
      await expectAccessible(page)
    }
  })

  it('gives the Paisano coordination today\'s calls to read, without the form', async () => {
    const page = await openAs('coordinacion.paisano')
    const nav = page.getByRole('navigation')
    await nav.getByRole('link', { name: es['nav.calls'] }).click()
    await page.getByTestId('call-list').locator(`li[data-record-id="${logged.infoId}"]`).waitFor()
    expect(await nav.getByRole('link', { name: es['nav.call'] }).count()).toBe(0)
    expect(await page.getByTestId('calls-log').count()).toBe(0)
    await page.goto('/app/call')
    await page.getByRole('heading', { name: es['app.noAccess'] }).waitFor()
  })

  it('shows a module volunteer no call screens', async () => {
    const page = await openAs('voluntario.tijuana')
    await page.getByTestId('home-module_volunteer').waitFor()
    const nav = page.getByRole('navigation')
    expect(await nav.getByRole('link', { name: es['nav.call'] }).count()).toBe(0)
    expect(await nav.getByRole('link', { name: es['nav.calls'] }).count()).toBe(0)
    for (const address of ['/app/call', '/app/calls', `/app/records/call/${logged.infoId}`]) {
      await page.goto(address)
      await page.getByRole('heading', { name: es['app.noAccess'] }).waitFor()
      expect(await page.getByTestId('call-form').count()).toBe(0)
      expect(await page.getByTestId('call-list').count()).toBe(0)
    }
    const refused = await page.request.get('/api/records/call?order=occurred&limit=50')
    expect(refused.status()).toBe(403)
  })
})

/** The folio with its check character changed: the kind of slip the check catches. */
function mistype(folio: string): string {
  const check = folio.at(-1) ?? '0'
  const other = FOLIO_ALPHABET[(FOLIO_ALPHABET.indexOf(check) + 1) % FOLIO_ALPHABET.length] ?? '0'
  return `${folio.slice(0, -1)}${other}`
}

/** Today's calls as the API lists them to the page's account, counted by topic, in the browser's day. */
async function todaysTopics(page: Page): Promise<{ total: number; byTopic: Record<string, number> }> {
  const since = await page.evaluate(() => {
    const day = new Date()
    day.setHours(0, 0, 0, 0)
    return day.getTime()
  })
  const answer = await page.request.get('/api/records/call?order=occurred&limit=500')
  const { items } = (await answer.json()) as { items: { occurredAt: string; state: { topic: string } }[] }
  const today = items.filter((c) => Date.parse(c.occurredAt) >= since)
  expect(today.length).toBeLessThan(items.length)
  const byTopic: Record<string, number> = {}
  for (const call of today) {
    byTopic[call.state.topic] = (byTopic[call.state.topic] ?? 0) + 1
  }
  return { total: today.length, byTopic }
}
