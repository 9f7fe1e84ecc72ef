import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, SKIP_BROWSER_TESTS, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { DESKTOP, expectAccessible, PHONE_WIDTH, shoot } from './screens.ts'

/**
 * The public forms in Chromium as a visitor on a phone uses them: with JavaScript off, a complaint
 * and a search for two missing people filed in Spanish answer their folio and PIN, and following
 * them shows their status; a request for help is filed in English. Each form, its error state and
 * its answer pass axe (which needs script: a second context has it on) and are photographed at
 * 360 px and on a desktop.
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

  async function fillMissing(page: Page): Promise<void> {
    await page.locator('#f-p1-given').fill('José Ángel')
    await page.locator('#f-p1-surname1').fill('Maldonado')
    await page.locator('#f-p1-sex').selectOption('male')
    await page.locator('#f-p1-age').fill('19')
    await page.locator('#f-p1-nationality').selectOption('HN')
    await page.locator('#f-p1-place').fill('Altar, Sonora')
    await page.locator('#f-p1-date').fill('2026-10-28')
    await page.locator('#f-p1-marks').fill('Tatuaje de una rosa en el antebrazo izquierdo.')
    await page.locator('#f-p2-given').fill('Kevin')
    await page.locator('#f-p2-surname1').fill('Reyes')
    await page.locator('#f-p2-age').fill('17')
    await page.locator('#f-story').fill('Salieron juntos de Tegucigalpa en octubre. La última llamada fue desde Altar.')
    await page.locator('#f-name').fill('Marta Lidia Reyes')
    await page.locator('#f-relationship').selectOption('parent')
    await page.locator('#f-phone').fill('+504 9999 0000')
    await page.locator('#f-consent').check()
  }

  async function fillHelp(page: Page): Promise<void> {
    await page.locator('#f-category').selectOption('recover_seized_vehicle_or_goods')
    await page.locator('#f-description').fill('At the border they kept my pickup truck. I do not know which papers to bring.')
    await page.locator('#f-city').fill('Reynosa')
    await page.locator('#f-state').fill('Tamaulipas')
    await page.locator('#f-transit').check()
    await page.locator('#f-phone').fill('+1 956 555 0101')
  }

  it('asks for two missing people in Spanish at 360 px with JavaScript off, and follows the request', async () => {
    const page = await visitor(false)
    await page.goto('/es/')
    await page.getByRole('link', { name: /Buscar a una persona desaparecida/ }).first().click()
    await page.waitForURL('**/es/missing')

    // Nothing but the first person's name: the rest comes back named, the name kept.
    await page.locator('#f-p1-given').fill('José Ángel')
    expect(await send(page, 'Enviar la búsqueda')).toBe(400)
    await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true)
    expect(await page.locator('#f-story').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#f-consent').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#f-p1-given').inputValue()).toBe('José Ángel')

    await fillMissing(page)
    expect(await send(page, 'Enviar la búsqueda')).toBe(201)
    const [folio = '', pin = ''] = await page.locator('.receipt .code').allTextContents()
    expect(folio).toMatch(/^LB-\d{2}-[0-9A-Z]{4}-[0-9A-Z]$/)
    expect(pin).toMatch(/^\d{6}$/)
    expect(await page.locator('main').textContent()).toContain('Vamos a buscar a 2 personas.')
    expect(page.url()).not.toContain(folio)

    await page.getByRole('link', { name: 'Seguir mi queja o solicitud' }).first().click()
    await page.waitForURL('**/es/follow')
    await page.locator('#f-folio').fill(folio)
    await page.locator('#f-pin').fill(pin)
    expect(await send(page, 'Ver cómo va')).toBe(200)
    expect(await page.locator('h1').textContent()).toContain(folio)
    expect(await page.locator('dl.status').textContent()).toContain('Búsqueda de una persona')
    expect(page.url()).not.toContain(pin)
  })

  it('asks for help in English at 360 px with JavaScript off', async () => {
    const page = await visitor(false)
    await page.goto('/en/')
    await page.getByRole('link', { name: /Ask for help/ }).first().click()
    await page.waitForURL('**/en/help-request')
    await page.locator('#f-description').fill('They kept my truck.')
    expect(await send(page, 'Ask for help')).toBe(400)
    expect(await page.locator('#f-category').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#f-phone').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#f-description').inputValue()).toBe('They kept my truck.')
    await fillHelp(page)
    expect(await send(page, 'Ask for help')).toBe(201)
    const [folio = '', pin = ''] = await page.locator('.receipt .code').allTextContents()
    expect(folio).toMatch(/^PA-\d{2}-[0-9A-Z]{4}-[0-9A-Z]$/)
    expect(pin).toMatch(/^\d{6}$/)
    expect(await page.locator('h1').textContent()).toBe('We received your request for help')
  })

  it('passes axe on the new forms, their error states and answers at 360 px, and lays them out at both widths', async () => {
    const page = await visitor(true)
    const forms = [
      { path: '/es/missing', button: 'Enviar la búsqueda', fill: fillMissing, name: 'public-missing-es' },
      { path: '/en/help-request', button: 'Ask for help', fill: fillHelp, name: 'public-help-request-en' },
    ]
    // axe at 360 px; each state then photographed on a desktop and at 360 px.
    const check = async (name: string) => {
      await expectAccessible(page)
      await page.setViewportSize(DESKTOP)
      await shoot(page, name)
      await page.setViewportSize({ width: PHONE_WIDTH, height: 800 })
    }
    for (const form of forms) {
      await page.goto(form.path)
      await check(`${form.name}-form`)
      expect(await send(page, form.button)).toBe(400)
      await check(`${form.name}-errors`)
      await form.fill(page)
      expect(await send(page, form.button)).toBe(201)
      await check(`${form.name}-answer`)
    }
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
