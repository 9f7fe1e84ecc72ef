import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, SKIP_BROWSER_TESTS, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { expectAccessible, PHONE_WIDTH, shoot } from './screens.ts'

/**
 * The public forms in Chromium as a visitor on a phone uses them: with JavaScript off, a complaint
 * filed in Spanish answers its folio and PIN, and following it shows its status; the form, its
 * error state and the answer pass axe (which needs script: a second context has it on).
 */
describe.skipIf(SKIP_BROWSER_TESTS)('the public forms in Chromium', () => {
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

  async function visitor(javaScript: boolean): Promise<Page> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, javaScriptEnabled: javaScript, viewport: { width: PHONE_WIDTH, height: 800 } })
    contexts.push(context)
    const page = await context.newPage()
    page.on('console', (message) => {
      // The error state is a 400 page on purpose: the browser reports it as a failed load.
      if (message.type() === 'error' && !/status of 400/.test(message.text())) {
        problems.push(message.text())
      }
    })
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`))
    return page
  }

  /** Presses the form's button and waits for the POST's answer. */
  async function send(page: Page, button: string): Promise<number> {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: button }).click()])
    await page.waitForLoadState()
    return response.status()
  }

  async function fillComplaint(page: Page): Promise<void> {
    await page.locator('#f-category').selectOption('extortion')
    await page.locator('#f-description').fill('En la garita me pidieron 500 pesos para dejarme pasar con mi camioneta.')
    await page.locator('#f-city').fill('Nuevo Laredo')
    await page.locator('#f-state').fill('Tamaulipas')
    await page.locator('#f-badge').fill('A-1234')
  }

  it('files a complaint in Spanish at 360 px with JavaScript off, and follows it', async () => {
    const page = await visitor(false)
    await page.goto('/es/')
    await page.getByRole('link', { name: /Presentar una queja/ }).first().click()
    await page.waitForURL('**/es/complaint')
    expect(await page.getAttribute('html', 'lang')).toBe('es-MX')

    // A missing description: the form comes back with the error and what was typed.
    await page.locator('#f-city').fill('Nuevo Laredo')
    expect(await send(page, 'Enviar la queja')).toBe(400)
    await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true)
    expect(await page.locator('#f-description').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#f-city').inputValue()).toBe('Nuevo Laredo')

    await fillComplaint(page)
    expect(await send(page, 'Enviar la queja')).toBe(201)
    const codes = await page.locator('.receipt .code').allTextContents()
    const [folio = '', pin = ''] = codes
    expect(folio).toMatch(/^PA-\d{2}-[0-9A-Z]{4}-[0-9A-Z]$/)
    expect(pin).toMatch(/^\d{6}$/)
    expect(page.url()).not.toContain(folio)
    await shoot(page, 'public-complaint-answer-es')

    await page.getByRole('link', { name: 'Seguir mi queja' }).first().click()
    await page.waitForURL('**/es/follow')
    await page.locator('#f-folio').fill(folio)
    await page.locator('#f-pin').fill(pin)
    expect(await send(page, 'Ver cómo va')).toBe(200)
    expect(await page.locator('h1').textContent()).toContain(folio)
    expect(await page.locator('dl.status').textContent()).toContain('Cómo va')
    expect(page.url()).not.toContain(pin)
  })

  it('passes axe on the form, its error state and the answer, on a phone', async () => {
    const page = await visitor(true)
    await page.goto('/es/complaint')
    await expectAccessible(page)
    expect(await send(page, 'Enviar la queja')).toBe(400)
    await expectAccessible(page)
    await fillComplaint(page)
    expect(await send(page, 'Enviar la queja')).toBe(201)
    await expectAccessible(page)
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(PHONE_WIDTH)
    const [folio = '', pin = ''] = await page.locator('.receipt .code').allTextContents()
    await page.goto('/es/follow')
    await expectAccessible(page)
    await page.locator('#f-folio').fill(folio)
    await page.locator('#f-pin').fill(pin)
    expect(await send(page, 'Ver cómo va')).toBe(200)
    await expectAccessible(page)
  })
})
