import fs from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeAll, SKIP_BROWSER_TESTS, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { DESKTOP, expectAccessible, PHONE_WIDTH, shoot } from './screens.ts'

/**
 * The public open-data page as a visitor reads it, with JavaScript off: the approved tables of
 * both programmes in Spanish and English, where every figure is 0, at least the table's k, or the
 * one mark of a withheld cell; a table's CSV downloads with its HXL row under the header.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('the open data in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    // Last year's history: the demo approves last year and last winter for publication.
    ;({ faro, browser } = await startBrowserAndFaro({ FARO_DEMO_HISTORY: 'true' }))
  }, 240_000)

  afterAll(() => closeAll(contexts, browser, faro))

  async function visitor(width: number, javaScript = false): Promise<Page> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, javaScriptEnabled: javaScript, viewport: { width, height: 900 }, acceptDownloads: true })
    contexts.push(context)
    return context.newPage()
  }

  /** Every table on the page: its caption, its k (from its legend) and the text of every cell. */
  async function tables(page: Page): Promise<{ caption: string; k: number; cells: string[] }[]> {
    const regions = page.locator('.data')
    const out: { caption: string; k: number; cells: string[] }[] = []
    for (let i = 0; i < (await regions.count()); i++) {
      const region = regions.nth(i)
      const legend = (await region.locator('xpath=following-sibling::p[contains(@class, "legend")][1]').textContent()) ?? ''
      const k = Number(/(\d+)/.exec(legend)?.[1])
      out.push({ caption: (await region.locator('caption').textContent()) ?? '', k, cells: (await region.locator('td').allTextContents()).map((t) => t.trim()) })
    }
    return out
  }

  for (const lang of ['es', 'en'] as const) {
    it(`shows ${lang === 'es' ? 'Spanish' : 'English'} tables without script, each figure 0, at least k, or withheld`, async () => {
      const page = await visitor(PHONE_WIDTH)
      const response = await page.goto(`/${lang}/datos`)
      expect(response?.status()).toBe(200)
      expect(await page.locator('script').count()).toBe(0)
      const found = await tables(page)
      // Grupos Beta's seven tables and Paisano's tallies.
      expect(found.length).toBeGreaterThanOrEqual(8)
      let withheld = 0
      for (const table of found) {
        expect([5, 10], table.caption).toContain(table.k)
        for (const cell of table.cells) {
          if (cell === 'x') {
            withheld++
            continue
          }
          // Grouped as the language writes numbers: 1,234 in both.
          const n = Number(cell.replace(/[,\s\u00a0\u202f]/g, ''))
          expect(Number.isInteger(n), `${table.caption}: ${cell}`).toBe(true)
          expect(n === 0 || n >= table.k, `${table.caption}: ${cell}`).toBe(true)
        }
      }
      expect(withheld).toBeGreaterThan(0)
      await shoot(page, `open-data-${lang}`)
    })
  }

  it('downloads a table as CSV with its HXL row, and passes axe on a desktop', async () => {
    const page = await visitor(DESKTOP.width)
    await page.goto('/es/datos')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).first().click()])
    const text = fs.readFileSync((await download.path()) ?? '', 'utf8')
    const [header, hxl, first] = text.split(/\r?\n/)
    expect(header?.split(',').length).toBeGreaterThan(2)
    expect(hxl?.split(',').every((tag) => tag.startsWith('#'))).toBe(true)
    expect(first?.length).toBeGreaterThan(0)
    await shoot(page, 'open-data-download')
    const checked = await visitor(DESKTOP.width, true)
    await checked.goto('/es/datos')
    await expectAccessible(checked)
  })
})
