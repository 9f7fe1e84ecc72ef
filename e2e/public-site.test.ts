import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, SKIP_BROWSER_TESTS, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { DESKTOP, expectAccessible, PHONE_WIDTH, shoot } from './screens.ts'

const LANGS = { es: { tag: 'es-MX', name: 'Español' }, en: { tag: 'en', name: 'English' }, fr: { tag: 'fr', name: 'Français' }, ht: { tag: 'ht', name: 'Kreyòl ayisyen' }, pt: { tag: 'pt-BR', name: 'Português' } } as const
type Lang = keyof typeof LANGS

/**
 * The public site in Chromium, as a visitor reads it: its pages pass axe at 360 px and on a
 * desktop, nothing scrolls sideways on a phone, and with JavaScript off a page switches language
 * by its links.
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

  // Axe reads the markup and the styles, which are one template for every language and every
  // state: every page in Spanish (three of the states' help pages) is checked on a phone and a
  // desktop, and in each other language the home, a guide page and the help map on a phone. Every page in every language is checked for sideways scrolling on a
  // phone, where longer words could break the layout. That each page links every language's
  // version of itself is checked in-process (public-routes.test.ts), for every page.
  it('passes axe on the Spanish pages and a sample of every language, and nothing scrolls sideways on a phone', async () => {
    expect(paths.length).toBeGreaterThanOrEqual(30)
    const sample = ['', 'paisano', 'help']
    const states = paths.filter((p) => p.startsWith('/es/help/'))
    // The state with the most points, the one with the fewest, and one between.
    const lengths = await Promise.all(states.map(async (p) => ({ p, n: (await (await fetch(`${faro?.baseUrl}${p}`)).text()).length })))
    lengths.sort((a, b) => a.n - b.n)
    const someStates = [lengths[0], lengths[Math.floor(lengths.length / 2)], lengths.at(-1)].map((s) => s?.p)
    const spanish = paths.filter((p) => p.startsWith('/es/') && (!p.startsWith('/es/help/') || someStates.includes(p)))
    const others = paths.filter((p) => !p.startsWith('/es/') && sample.some((rest) => p.endsWith(`/${rest}`) && p.split('/').length === 3))
    expect(others).toContain('/ht/help')
    const checked = [...spanish, ...others]
    for (const width of [PHONE_WIDTH, DESKTOP.width]) {
      const page = await visitor({ javaScript: true, width })
      for (const path of width === PHONE_WIDTH ? checked : spanish) {
        const res = await page.goto(path)
        expect(res?.status(), path).toBe(200)
        await expectAccessible(page)
        expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0), `${path} at ${width} px`).toBeLessThanOrEqual(width)
      }
    }
    const phone = await visitor({ javaScript: false, width: PHONE_WIDTH })
    for (const path of paths.filter((p) => !checked.includes(p))) {
      const res = await phone.goto(path)
      expect(res?.status(), path).toBe(200)
      expect(await phone.evaluate(() => document.scrollingElement?.scrollWidth ?? 0), `${path} at ${PHONE_WIDTH} px`).toBeLessThanOrEqual(PHONE_WIDTH)
    }
  }, 600_000)

  it('switches language by its links with JavaScript off, keeping the page', async () => {
    const page = await visitor({ javaScript: false, width: PHONE_WIDTH })
    for (const path of ['/es/rights', '/es/help']) {
      const rest = path.slice('/es/'.length)
      for (const [lang, info] of Object.entries(LANGS) as [Lang, (typeof LANGS)[Lang]][]) {
        await page.goto(path)
        await page.getByRole('navigation').getByRole('link', { name: info.name, exact: true }).click()
        await page.waitForURL(`**/${lang}/${rest}`)
        expect(await page.getAttribute('html', 'lang'), `${path} → ${lang}`).toBe(info.tag)
      }
    }
    // The home page answers in the language the browser asks for.
    const french = await visitor({ javaScript: false, width: PHONE_WIDTH })
    await french.setExtraHTTPHeaders({ 'accept-language': 'fr-FR,fr;q=0.9' })
    await french.goto('/')
    expect(await french.getAttribute('html', 'lang')).toBe('fr')
  })

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
