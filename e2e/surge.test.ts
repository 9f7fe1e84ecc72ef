import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { closeAll, SKIP_BROWSER_TESTS, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { PHONE, setPin, signIn, waitForServiceWorker } from './pages.ts'
import { DESKTOP, expectAccessible, settle, shoot } from './screens.ts'

// A field agent of the Grupo Beta in Tapachula, one of the caravan's groups in the demo.
const OPERATOR = 'personal2.tapachula'
// The groups' national coordination: reads every group's sheets, and its home leads to the dashboard.
const READER = 'coordinacion.beta'
const BRIDGE = 'Puente Rodolfo Robles'
// Tapachula keeps Mexico's central time, as the demo's sheets do.
const TIMEZONE = 'America/Mexico_City'
// What a person must never read: a closed list's code, a unit's id, a record's id, raw JSON, a country's code.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b|[{}]|"\w+":|beta-|[0-9a-f]{8}-[0-9a-f]{4}-|\b(HN|GT|SV|NI|VE|HT|CU|MX)\b/

/**
 * The caravan reaching Tapachula: an operator at the bridge counts twelve people offline on a
 * phone in a few taps each, and once synced the groups' coordination sees the bridge's count grow
 * by exactly those twelve on the dashboard.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('the surge tally of a special operation in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  let problems: string[] = []

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
  })

  afterEach(() => {
    const seen = problems
    problems = []
    expect(seen).toEqual([])
  })

  afterAll(() => closeAll(contexts, browser, faro))

  async function open(viewport: { width: number; height: number }): Promise<{ page: Page; context: BrowserContext }> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', timezoneId: TIMEZONE, viewport })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        problems.push(message.text())
      }
    })
    return { page, context }
  }

  /** The bridge's arrivals on the dashboard as it stands, after a refresh. */
  async function bridgeTotal(page: Page): Promise<number> {
    const card = page.locator(`[data-testid="surge-point-card"][data-point="${BRIDGE}"]`)
    await card.waitFor()
    return Number(await card.getAttribute('data-people'))
  }

  it('counts twelve arrivals offline at the bridge and the dashboard grows by exactly twelve', async () => {
    // The coordination's home leads to the dashboard of the operation open now.
    const { page: dash } = await open(DESKTOP)
    await dash.goto('/app/')
    await signIn(dash, READER)
    await dash.getByTestId('home-group_coordinator').getByTestId('home-surge').click()
    await dash.getByTestId('surge-dashboard').waitFor()
    expect(await dash.getByLabel(es['surge.operation'], { exact: true }).locator('option:checked').textContent()).toBe('Caravana en Tapachula (En curso)')
    const before = await bridgeTotal(dash)
    expect(before).toBeGreaterThan(0)
    expect(await dash.locator('[data-testid="surge-point-card"][data-point="Albergue temporal Tapachula"]').count()).toBe(1)

    const { page, context } = await open(PHONE)
    await page.goto('/app/capture')
    await signIn(page, OPERATOR)
    await setPin(page)
    await waitForServiceWorker(page)
    const tab = page.getByRole('group', { name: es['fm.forms'] }).getByRole('button', { name: es['surge.tab'], exact: true })
    // Shown once the operations are kept on the phone, so it works with no signal from here on.
    await tab.waitFor()

    await context.setOffline(true)
    await tab.click()
    const panel = page.getByTestId('surge-panel')
    await panel.getByLabel(es['surge.point.label'], { exact: true }).fill(BRIDGE)
    await panel.getByRole('button', { name: es['surge.point.start'] }).click()
    await panel.getByTestId('surge-point').waitFor()

    const choose = async (group: string, name: string) => {
      await panel.getByTestId(group).getByRole('button', { name, exact: true }).click()
    }
    const started = Date.now()
    // Water and guidance for everyone: chosen once, they stay.
    await choose('surge-services', es['service.water'])
    await choose('surge-services', es['service.orientation'])
    // A mother from Guatemala with three children: one tap of four.
    await choose('surge-sex', es['sex.female'])
    await choose('surge-age', '30-44 años')
    await choose('surge-nationality', 'Guatemala')
    await choose('surge-vulnerabilities', es['vulnerability.travelling_with_children'])
    for (let i = 0; i < 3; i += 1) {
      await panel.getByRole('button', { name: es['surge.count.more'] }).click()
    }
    await panel.getByTestId('surge-record').click()
    await panel.locator('[data-testid="surge-today"][data-people="4"]').waitFor()
    // The number and the vulnerabilities went back; the rest stays chosen.
    expect(await panel.getByTestId('surge-count').inputValue()).toBe('1')
    expect(await panel.getByTestId('surge-vulnerabilities').locator('[aria-pressed="true"]').count()).toBe(0)
    expect(await panel.getByTestId('surge-services').locator('[aria-pressed="true"]').count()).toBe(2)
    // Seven young men from Honduras, one tap each.
    await choose('surge-sex', es['sex.male'])
    await choose('surge-age', '18-29 años')
    await choose('surge-nationality', 'Honduras')
    for (let i = 0; i < 7; i += 1) {
      await panel.getByTestId('surge-record').click()
    }
    await panel.locator('[data-testid="surge-today"][data-people="11"]').waitFor()
    // A boy travelling alone.
    await choose('surge-age', '12-17 años')
    await choose('surge-vulnerabilities', es['vulnerability.unaccompanied_child'])
    await panel.getByTestId('surge-record').click()
    await panel.locator('[data-testid="surge-today"][data-people="12"]').waitFor()
    // Nine taps and a dozen choices: well within a minute, offline.
    expect(Date.now() - started).toBeLessThan(60_000)
    // The first tap opened the sheet: ten actions wait for nine taps.
    await page.locator('[data-testid="fm-pending"][data-count="10"]').waitFor()
    expect(await panel.getByTestId('surge-saved').textContent()).toBe('Registrada una persona. Hoy en este punto: 12.')
    expect(await panel.textContent()).not.toMatch(RAW_CODE)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.setViewportSize(DESKTOP)
    await shoot(page, 'surge-field')
    await expectAccessible(page)
    await page.setViewportSize(PHONE)

    await context.setOffline(false)
    await page.getByTestId('fm-sync').click()
    await page.locator('[data-testid="fm-pending"][data-count="0"]').waitFor({ timeout: 30_000 })

    await dash.getByTestId('surge-refresh').click()
    await dash.locator(`[data-testid="surge-point-card"][data-point="${BRIDGE}"][data-people="${before + 12}"]`).waitFor()
    expect(await bridgeTotal(dash)).toBe(before + 12)
    await settle(dash)
    const board = dash.getByTestId('surge-dashboard')
    expect(await board.getByTestId('surge-by-nationality').textContent()).toContain('Honduras')
    expect(await board.getByTestId('surge-by-vulnerability').textContent()).toContain(es['vulnerability.unaccompanied_child'])
    expect(await board.textContent()).not.toMatch(RAW_CODE)
    await shoot(dash, 'surge-dashboard')
    await expectAccessible(dash)
  })
})
