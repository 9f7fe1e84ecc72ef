import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { landAndSeaTile, pmtilesArchive } from '../packages/server/src/test/pmtiles-file.ts'
import { OUTPUT_DIR, SKIP_BROWSER_TESTS, closeAll, launchBrowser, requireBuiltApp, requireChromium, startFaro, type RunningFaro } from './harness.ts'
import { PHONE, signIn } from './pages.ts'

const DESKTOP = { width: 1280, height: 900 }
// The land colour of the Protomaps "light" style, which the map file is drawn in.
const STYLE_EARTH = [0xe2, 0xdf, 0xda]

/**
 * The live page's map as the national office sees it: without a base map, the bundled outlines
 * with the border and the main towns' names; with the server's map file, that map drawn from range
 * requests. The caption says which, in words, never with a setting's name.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('the live map in Chromium', () => {
  let browser: Browser | undefined
  const servers: RunningFaro[] = []
  const contexts: BrowserContext[] = []
  let dir = ''

  beforeAll(async () => {
    requireChromium()
    requireBuiltApp()
    fs.mkdirSync(OUTPUT_DIR, { recursive: true })
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-e2e-map-'))
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await closeAll(contexts, browser, undefined)
    await Promise.all(servers.map((s) => s.stop()))
    fs.rmSync(dir, { recursive: true, force: true })
  })

  async function liveMap(faro: RunningFaro, viewport: { width: number; height: number }, mapFile: number[] = []): Promise<Page> {
    if (!browser) {
      throw new Error('the browser did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport })
    contexts.push(context)
    const page = await context.newPage()
    page.on('response', (res) => {
      if (new URL(res.url()).pathname === '/map/basemap.pmtiles') {
        mapFile.push(res.status())
      }
    })
    await page.goto('/app/')
    await signIn(page, 'analista.nacional')
    await page.getByTestId('home-national_analyst').waitFor()
    await page.goto('/app/live')
    await page.getByTestId('field-map').waitFor()
    // The last seven days, which always hold both borders' work: just after midnight in Mexico,
    // "today" may hold a record or two, and the map would fit itself to them.
    await page.getByRole('group', { name: es['live.period'] }).getByRole('button', { name: es['live.period.week'] }).click()
    return page
  }

  it('draws the states, the border and the main towns\' names when there is no base map', async () => {
    const faro = await startFaro()
    servers.push(faro)
    for (const [name, viewport] of [['360', PHONE], ['1280', DESKTOP]] as const) {
      const page = await liveMap(faro, viewport)
      const map = page.getByTestId('field-map')
      await map.locator('.faro-town-name', { hasText: 'Ciudad de México' }).waitFor()
      const towns = await map.locator('.faro-town-name').allTextContents()
      expect(towns.length, name).toBeGreaterThanOrEqual(4)
      // Only the main towns at the country view: no small crossing yet.
      expect(towns, name).not.toContain('Sásabe')
      // The 32 states, the neighbours and the two lines of the border (each over its casing).
      expect(await map.locator('.leaflet-faro-outline-pane path').count(), name).toBeGreaterThanOrEqual(32 + 4)
      expect(await map.locator('.leaflet-faro-land-pane path').count(), name).toBeGreaterThan(0)
      const caption = await page.getByTestId('live-tiles').textContent()
      expect(caption).toBe(es['live.tiles.none'])
      const axe = await new AxeBuilder({ page }).include('[data-testid="field-map"]').analyze()
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([])
      await map.scrollIntoViewIfNeeded()
      await map.screenshot({ path: path.join(OUTPUT_DIR, `live-map-outlines-${name}.png`) })
    }
  })

  it('draws the server\'s map file, read by ranges, under the states and the border', async () => {
    const file = path.join(dir, 'mexico.pmtiles')
    fs.writeFileSync(file, pmtilesArchive(landAndSeaTile()))
    // startFaro passes this process's environment on to the server.
    process.env.FARO_MAP_PMTILES = file
    let faro: RunningFaro
    try {
      faro = await startFaro()
    } finally {
      delete process.env.FARO_MAP_PMTILES
    }
    servers.push(faro)
    for (const [name, viewport] of [['360', PHONE], ['1280', DESKTOP]] as const) {
      const statuses: number[] = []
      const page = await liveMap(faro, viewport, statuses)
      const map = page.getByTestId('field-map')
      await map.locator('.leaflet-tile-pane canvas.leaflet-tile-loaded').first().waitFor()
      expect(await page.getByTestId('live-tiles').textContent()).toBe(es['live.tiles.pmtiles'])
      // Drawn on the device from the vector tile, in the style's colours.
      const colour = await map.locator('.leaflet-tile-pane canvas.leaflet-tile-loaded').first().evaluate((canvas: HTMLCanvasElement) => [...(canvas.getContext('2d')?.getImageData(2, 2, 1, 1).data ?? [])].slice(0, 3))
      expect(colour).toEqual(STYLE_EARTH)
      // The base map has its own place names: the bundled ones are not written over them.
      expect(await map.locator('.faro-town').count()).toBe(0)
      expect(await map.locator('.leaflet-faro-outline-pane path').count()).toBeGreaterThanOrEqual(32)
      expect(statuses.length).toBeGreaterThan(0)
      expect(statuses.every((status) => status === 206)).toBe(true)
      await map.scrollIntoViewIfNeeded()
      await map.screenshot({ path: path.join(OUTPUT_DIR, `live-map-pmtiles-${name}.png`) })
    }
  })
})
