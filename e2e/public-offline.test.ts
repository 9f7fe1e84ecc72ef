import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, OUTPUT_DIR, SKIP_BROWSER_TESTS, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { DESKTOP, expectAccessible, PHONE_WIDTH, shoot } from './screens.ts'

/**
 * "Read without signal" in Chromium, as a traveller on a phone uses it: the guide saved from its
 * first page, a state's help saved from its page, then with the network cut the saved pages open
 * and a page not saved says so; back online the site is the network's again, and what was saved
 * can be deleted. Without script there is no button. The box passes axe; screenshots at 360 px
 * and desktop.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('reading the guide and a state\'s help without signal, in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  let problems: string[] = []
  let offline = false

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
  })

  afterEach(() => {
    const seen = problems
    problems = []
    expect(seen).toEqual([])
  })

  afterAll(() => closeAll(contexts, browser, faro))

  async function visitor(opts: { javaScript: boolean }): Promise<{ context: BrowserContext; page: Page }> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, javaScriptEnabled: opts.javaScript, viewport: { width: PHONE_WIDTH, height: 800 }, locale: 'es-MX' })
    contexts.push(context)
    const page = await context.newPage()
    page.on('console', (message) => {
      // With no network, Chromium logs the failed revalidation of a saved script; that is expected.
      if (message.type() === 'error' && !offline) {
        problems.push(message.text())
      }
    })
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
    page.on('requestfailed', (request) => {
      if (!offline) {
        problems.push(`failed: ${request.url()}`)
      }
    })
    return { context, page }
  }

  const status = (page: Page) => page.locator('#offline [role=status]')

  it('saves the guide and a state\'s help, opens them with no network, says "no signal" for a page not saved, and deletes what was saved', async () => {
    const { context, page } = await visitor({ javaScript: true })
    await page.goto('/es/paisano')
    const save = page.getByRole('button', { name: 'Guardar para leer sin señal' })
    await save.waitFor()
    // Nothing is registered nor kept until the visitor asks.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0)
    expect(await page.getByRole('button', { name: 'Borrar lo guardado' }).isVisible()).toBe(false)
    await save.click()
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toMatch(/^Guardado: la Guía Paisano \(\d+ páginas\)\. Puedes leerla sin señal\.$/)
    const pages = Number((await status(page).textContent())?.match(/\((\d+) páginas\)/)?.[1])
    expect(pages).toBeGreaterThanOrEqual(6)
    // The worker covers the Spanish folder only: never the staff app's /app/.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.scope).pathname))).toEqual(['/es/'])
    await expectAccessible(page)
    await page.locator('#offline').screenshot({ path: path.join(OUTPUT_DIR, 'public-offline-guide-box-360.png') })
    await page.setViewportSize(DESKTOP)
    await shoot(page, 'public-offline-guide')

    await page.setViewportSize({ width: PHONE_WIDTH, height: 800 })
    await page.goto('/es/help/baja-california')
    await page.getByRole('button', { name: 'Guardar para leer sin señal' }).click()
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe(`Guardado: la Guía Paisano (${pages} páginas) y la ayuda en Baja California. Puedes leerlas sin señal.`)
    await expectAccessible(page)
    await page.locator('#offline').screenshot({ path: path.join(OUTPUT_DIR, 'public-offline-state-box-360.png') })
    await page.setViewportSize(DESKTOP)
    await shoot(page, 'public-offline-state')

    // No signal: what was saved opens, from the saved copy.
    offline = true
    await context.setOffline(true)
    await page.goto('/es/vehicle-import')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/importación|vehículo/i)
    await page.goto('/es/help/baja-california')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ayuda en Baja California')
    expect(await page.locator('.places li').count()).toBeGreaterThan(0)
    await page.goto('/es/')
    expect(await page.locator('.cards a').count()).toBeGreaterThan(pages)
    // A page not saved: the "no signal" page, in the visitor's language, at the address asked for.
    await page.goto('/es/rights')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sin señal')
    expect(page.url()).toMatch(/\/es\/rights$/)
    await expectAccessible(page)
    await page.setViewportSize(DESKTOP)
    await shoot(page, 'public-offline-notice')
    // Another language's folder was not saved and has no worker: the browser's own error.
    expect(await page.goto('/en/paisano').then(() => 'opened', () => 'failed')).toBe('failed')

    // Signal again: the network answers.
    await context.setOffline(false)
    offline = false
    await page.goto('/es/rights')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toBe('Sin señal')

    // Back on the guide, the box says what is kept, and deleting it leaves nothing behind.
    await page.goto('/es/uniforms')
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe(`Guardado: la Guía Paisano (${pages} páginas). Puedes leerla sin señal. También tienes guardada la ayuda de un estado.`)
    await page.getByRole('button', { name: 'Borrar lo guardado' }).click()
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe('Listo: se borró lo guardado en este teléfono.')
    expect(await page.getByRole('button', { name: 'Borrar lo guardado' }).isVisible()).toBe(false)
    expect(await page.evaluate(async () => ({ caches: await caches.keys(), workers: (await navigator.serviceWorker.getRegistrations()).length }))).toEqual({ caches: [], workers: 0 })
  })

  it('shows nothing of it without JavaScript, and the guide\'s page is whole', async () => {
    const { page } = await visitor({ javaScript: false })
    await page.goto('/es/paisano')
    expect(await page.locator('#offline').isVisible()).toBe(false)
    expect(await page.getByRole('button').count()).toBe(0)
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true)
  })

  it('speaks the visitor\'s language', async () => {
    const { page } = await visitor({ javaScript: true })
    await page.setViewportSize(DESKTOP)
    await page.goto('/fr/help/sonora')
    await page.getByRole('button', { name: 'Enregistrer pour lire sans réseau' }).click()
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toMatch(/^Enregistré : le Guide Paisano \(\d+ pages\) et l’aide dans l’État Sonora\. Vous pouvez les lire sans réseau\.$/)
  })
})
