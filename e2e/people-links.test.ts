import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { IntlMessageFormat } from 'intl-messageformat'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { apiSession } from './api-session.ts'
import { DEMO_PASSWORD, OUTPUT_DIR, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { PHONE, signIn } from './pages.ts'

const DESKTOP = { width: 1280, height: 900 }
// A code of a closed list shown as it is stored (referral_services, vital_interest…) instead of in words.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b/
// A record id (UUIDv7 or a seeded id) shown instead of words.
const RAW_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}|\b(att|res|pat)-[\w-]{6,}/

function message(key: keyof typeof es, values: Record<string, string | number>): string {
  const out = new IntlMessageFormat(es[key], 'es').format(values)
  return Array.isArray(out) ? out.join('') : String(out)
}

describe.skipIf(SKIP_BROWSER_TESTS)('linking people to records and running retention, in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  let cancelledId = ''
  const blockingDays = process.env.FARO_BLOCKING_DAYS

  beforeAll(async () => {
    // A cancelled identity is due for erasure at once, so the officer has something to run on.
    process.env.FARO_BLOCKING_DAYS = '0'
    const started = await startBrowserAndFaro()
    ;({ faro, browser } = started)
    const coordinator = await apiSession(started.faro.baseUrl, 'coordinador.tijuana', DEMO_PASSWORD)
    const created = await coordinator.request('POST', '/api/people', { orgUnitId: 'beta-tijuana', identity: { givenNames: 'Cancelada', firstSurname: 'Prueba' } })
    expect(created.status).toBe(201)
    cancelledId = ((await created.json()) as { id: string }).id
    // One already linked to an attention, for the officer to look at.
    const attentions = (await (await coordinator.request('GET', '/api/records/attention?order=occurred&limit=1')).json()) as { items: { recordId: string }[] }
    const link = { recordType: 'attention', recordId: attentions.items[0]?.recordId ?? '', legalBasis: 'consent', purpose: 'family_tracing' }
    expect((await coordinator.request('POST', '/api/people', { orgUnitId: 'beta-tijuana', identity: { givenNames: 'Rosendo', firstSurname: 'Tlapanco' }, link })).status).toBe(201)
    const dpo = await apiSession(started.faro.baseUrl, 'proteccion.datos', DEMO_PASSWORD)
    const request = await dpo.request('POST', '/api/rights-requests', { personId: cancelledId, kind: 'cancellation', channel: 'in_person' })
    expect(request.status).toBe(201)
    const requestId = ((await request.json()) as { id: string }).id
    expect((await dpo.request('POST', `/api/rights-requests/${requestId}/cancel`)).status).toBe(200)
  })

  afterAll(async () => {
    if (blockingDays === undefined) {
      delete process.env.FARO_BLOCKING_DAYS
    } else {
      process.env.FARO_BLOCKING_DAYS = blockingDays
    }
    await closeAll(contexts, browser, faro)
  })

  async function signedIn(username: string, viewport = DESKTOP): Promise<Page> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto('/app/')
    await signIn(page, username)
    return page
  }

  async function expectAccessible(page: Page): Promise<void> {
    const result = await new AxeBuilder({ page }).analyze()
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.setViewportSize(PHONE)
    await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}-360.png`), fullPage: true })
    await page.setViewportSize(DESKTOP)
    await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}-1280.png`), fullPage: true })
  }

  it('lets a coordinator link a person to a record chosen from the latest, shown in words, and open it', async () => {
    const page = await signedIn('coordinador.tijuana')
    await page.getByRole('link', { name: es['nav.people'] }).click()
    await page.getByRole('button', { name: es['people.register.open'] }).click()
    const register = page.getByTestId('person-register')
    await register.getByLabel(es['people.field.givenNames'], { exact: true }).fill('Zoraida')
    await register.getByLabel(es['people.field.firstSurname'], { exact: true }).fill('Ixtlahuaca')
    await register.getByRole('button', { name: es['people.register.submit'] }).click()
    await page.getByText(es['people.register.done']).waitFor()
    const links = page.getByTestId('person-links')
    await links.getByText(es['people.links.none']).waitFor()

    await links.getByRole('button', { name: es['people.links.open'] }).click()
    const form = page.getByTestId('link-form')
    // Nothing is chosen for the person: sending at once names each missing choice.
    await form.getByRole('button', { name: es['people.links.submit'] }).click()
    await expect.poll(() => form.getByText(es['form.error.choose']).count()).toBe(3)

    await form.getByLabel(es['people.links.type'], { exact: true }).selectOption('attention')
    const choices = form.getByTestId('link-record-choices')
    await choices.getByRole('radio').first().waitFor()
    expect(await choices.getByRole('radio').count()).toBeGreaterThan(1)
    const first = choices.locator('.link-choice').first()
    const title = (await first.locator('.link-choice-title').textContent()) ?? ''
    const meta = (await first.locator('.link-choice-meta').textContent()) ?? ''
    // In words: what happened, when, which unit, how many people; never an id or a code.
    expect(meta).toMatch(/\d{4}.*·.*·\s*\d+ personas?$/)
    expect(`${title} ${meta}`).not.toMatch(RAW_CODE)
    expect(`${title} ${meta}`).not.toMatch(RAW_ID)
    await first.click()
    await form.getByLabel(es['people.purpose'], { exact: true }).selectOption('referral_services')
    await form.getByLabel(es['consent.basis'], { exact: true }).selectOption('consent')
    await shoot(page, 'person-link-form')
    await expectAccessible(page)

    await form.getByRole('button', { name: es['people.links.submit'] }).click()
    const done = links.getByTestId('link-done')
    await done.waitFor()
    expect(await done.textContent()).toContain(`${es['record.type.attention']}: ${title}`)
    const linked = links.getByTestId('link-list').getByRole('link', { name: `${es['record.type.attention']}: ${title}` })
    await linked.waitFor()
    const listText = (await links.getByTestId('link-list').textContent()) ?? ''
    expect(listText).toContain(es['purpose.referral_services'])
    expect(listText).toContain(es['consent.basis.consent'])
    expect(listText).not.toMatch(RAW_CODE)
    expect(listText).not.toMatch(RAW_ID)
    expect(await page.getByTestId('link-form').count()).toBe(0)
    await shoot(page, 'person-linked')
    await expectAccessible(page)

    await linked.click()
    await page.getByTestId('record-page').waitFor()
    expect(page.url()).toMatch(/\/app\/records\/attention\/[^/]+$/)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(es['record.type.attention'])
    await page.getByTestId('record-page').getByText(title, { exact: true }).first().waitFor()
  })

  it('lets the data-protection officer erase the due identities, only after confirming, and says how many', async () => {
    const page = await signedIn('proteccion.datos')
    let runs = 0
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/retention/run')) {
        runs += 1
      }
    })
    await page.getByRole('link', { name: es['nav.rights'] }).click()
    const run = page.getByTestId('retention-run')
    const due = run.getByTestId('retention-due')
    await due.waitFor()
    expect(await page.getByTestId('retention-report').textContent()).toContain(cancelledId.slice(-8))
    const count = Number(/\d+/.exec((await due.textContent()) ?? '')?.[0] ?? '0')
    expect(count).toBeGreaterThanOrEqual(1)
    expect(await due.textContent()).toBe(message('retention.dueNow', { count }))

    await run.getByRole('button', { name: es['retention.run'] }).click()
    // The first click only asks: nothing is erased yet.
    const question = run.getByText(message('retention.confirmText', { count }))
    await question.waitFor()
    expect(runs).toBe(0)
    await shoot(page, 'retention-confirm')
    await expectAccessible(page)
    await run.getByRole('button', { name: es['retention.cancel'] }).click()
    await question.waitFor({ state: 'detached' })
    expect(runs).toBe(0)

    await run.getByRole('button', { name: es['retention.run'] }).click()
    await run.getByRole('button', { name: message('retention.confirm', { count }) }).click()
    const done = run.getByTestId('retention-done')
    await done.waitFor()
    expect(runs).toBe(1)
    expect(await done.textContent()).toBe(message('retention.done', { count }))
    // The report is read again: the erased identity is gone and nothing is due any more.
    await expect.poll(async () => (await page.getByTestId('retention-report').textContent()) ?? '').not.toContain(cancelledId.slice(-8))
    expect(await due.textContent()).toBe(message('retention.dueNow', { count: 0 }))
    expect(await run.getByRole('button', { name: es['retention.run'] }).count()).toBe(0)
    await shoot(page, 'retention-done')
    await expectAccessible(page)
  })

  it('shows the officer, who may not link nor read field records, the links by type only', async () => {
    const page = await signedIn('proteccion.datos')
    await page.getByRole('link', { name: es['nav.people'] }).click()
    await page.getByLabel(es['people.searchName']).fill('rosendo tlapanco')
    await page.getByRole('button', { name: es['people.search'] }).click()
    await page.getByTestId('people-results').getByRole('button').first().click()
    const links = page.getByTestId('person-links')
    await links.getByTestId('link-list').getByText(es['record.type.attention'], { exact: true }).waitFor()
    expect(await links.getByRole('link').count()).toBe(0)
    expect(await links.getByRole('button', { name: es['people.links.open'] }).count()).toBe(0)
    const text = (await links.textContent()) ?? ''
    expect(text).toContain(es['purpose.family_tracing'])
    expect(text).not.toMatch(RAW_ID)
  })
})
