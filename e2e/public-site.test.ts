import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, SKIP_BROWSER_TESTS, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { axeSweepContext, DESKTOP, expectAccessibleSwept, PHONE_WIDTH, shoot } from './screens.ts'

const LANGS = { es: { tag: 'es-MX', name: 'Español' }, en: { tag: 'en', name: 'English' }, fr: { tag: 'fr', name: 'Français' }, ht: { tag: 'ht', name: 'Kreyòl ayisyen' }, pt: { tag: 'pt-BR', name: 'Português' } } as const
type Lang = keyof typeof LANGS

/**
 * The public site in Chromium, as a visitor reads it: every page of the site map in every
 * language passes axe at 360 px and on a desktop with nothing scrolling sideways, and with
 * JavaScript off every page switches language by its links.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('the public site in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  let problems: string[] = []
  let paths: string[] = []

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
    const sitemap = await (await fetch(`${faro.baseUrl}/sitemap.xml`)).text()
    paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '')
  })

  afterEach(() => {
    const seen = problems
    problems = []
    expect(seen).toEqual([])
  })

  afterAll(() => closeAll(contexts, browser, faro))

  async function visitor(opts: { javaScript: boolean; width: number }): Promise<Page> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, javaScriptEnabled: opts.javaScript, viewport: { width: opts.width, height: 800 } })
    contexts.push(context)
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error') {
        problems.push(message.text())
      }
    })
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`))
    return page
  }

  // The pages come from the site map, so a new page is checked without editing this test. Every
  // page is checked whole on a phone; on a desktop every page is checked for width, and axe runs on
  // all but the states' help pages, where it runs on the first state of each language: the other
  // thirty are the same page with other help points, already checked on the phone.
  it('passes axe on every page of the site map in every language, on a phone and on a desktop', async () => {
    expect(paths.length).toBeGreaterThanOrEqual(30)
    expect(paths).toContain('/ht/help')
    for (const width of [PHONE_WIDTH, DESKTOP.width]) {
      if (!browser || !faro) {
        throw new Error('the browser or the server did not start')
      }
      const context = await axeSweepContext(browser, { baseURL: faro.baseUrl, width })
      contexts.push(context)
      const page = await context.newPage()
      const statePageChecked = new Set<string>()
      for (const path of paths) {
        const res = await page.goto(path)
        expect(res?.status(), path).toBe(200)
        const statePageLang = /^\/(\w+)\/help\/[^/]+$/.exec(path)?.[1]
        if (width === PHONE_WIDTH || statePageLang === undefined || !statePageChecked.has(statePageLang)) {
          await expectAccessibleSwept(page)
        }
        if (statePageLang !== undefined) {
          statePageChecked.add(statePageLang)
        }
        expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0), `${path} at ${width} px`).toBeLessThanOrEqual(width)
      }
    }
  }, 600_000)

  // From each page in one language its link to the next language is followed, round to Spanish
  // again: every page's link is followed once in every language, under the site's own policy.
  it('switches language on every page with JavaScript off, keeping the page', async () => {
    const page = await visitor({ javaScript: false, width: PHONE_WIDTH })
    const order = Object.keys(LANGS) as Lang[]
    for (const path of paths.filter((p) => p.startsWith('/es/'))) {
      const rest = path.slice('/es/'.length)
      await page.goto(path)
      for (const [i, from] of order.entries()) {
        const to = order[(i + 1) % order.length] ?? 'es'
        await page.getByRole('navigation').getByRole('link', { name: LANGS[to].name, exact: true }).click()
        await page.waitForURL(`**/${to}/${rest}`)
        expect(await page.getAttribute('html', 'lang'), `${from}/${rest} → ${to}`).toBe(LANGS[to].tag)
      }
    }
    // The home page answers in the language the browser asks for.
    const french = await visitor({ javaScript: false, width: PHONE_WIDTH })
    await french.setExtraHTTPHeaders({ 'accept-language': 'fr-FR,fr;q=0.9' })
    await french.goto('/')
    expect(await french.getAttribute('html', 'lang')).toBe('fr')
  }, 600_000)

  it('lays the home and a page out on a phone and a desktop', async () => {
    const page = await visitor({ javaScript: true, width: DESKTOP.width })
    await page.goto('/es/')
    await shoot(page, 'public-home-es')
    await page.goto('/pt/risks')
    await shoot(page, 'public-risks-pt')
    await page.goto('/ht/grupos-beta')
    await shoot(page, 'public-grupos-beta-ht')
    // Find help near you: the country's map and a state's, on a desktop and on a phone.
    const helpState = paths.find((p) => p.startsWith('/es/help/')) ?? '/es/help/baja-california'
    for (const [url, name] of [['/es/help', 'public-help-es'], [helpState, 'public-help-state-es']] as const) {
      await page.setViewportSize(DESKTOP)
      await page.goto(url)
      await shoot(page, name)
    }
  })
})
