import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { OUTPUT_DIR, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { PHONE, PHONE_PIN, setPin, signIn, waitForServiceWorker } from './pages.ts'

// Near the rail tracks in Tijuana, where the demo field agent works.
const START = { latitude: 32.5149, longitude: -117.0382 }
// A patrol walking north: a fix about every 200 m.
const STEP_DEG = 200 / 111_195
// What the patrol card says for each answer to the screen wake lock.
const SCREEN_MESSAGE = { held: 'fm.live.screenOn', refused: 'fm.live.screenRefused', unsupported: 'fm.live.screenUnsupported' } as const

describe.skipIf(SKIP_BROWSER_TESTS)('live patrol in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  let context: BrowserContext | undefined
  const problems: string[] = []

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
  })

  afterAll(() => closeAll([context], browser, faro))

  it('records a patrol offline from start to end, its route surviving a reload, and syncs it', async () => {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport: PHONE, geolocation: { ...START, accuracy: 12 }, permissions: ['geolocation'] })
    const page = await context.newPage()
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message} ${error.stack ?? ''}`))
    const startedAt = new Date(Date.now() - 1000).toISOString()
    await page.goto('/app/capture')
    await signIn(page, 'agente.tijuana')
    await setPin(page)
    await waitForServiceWorker(page)
    await page.getByTestId('fm-gps').getByText(/±12 m/).waitFor()

    await context.setOffline(true)
    await page.getByRole('group', { name: es['fm.forms'] }).getByRole('button', { name: es['fm.form.patrol'] }).click()
    const start = page.getByTestId('fm-patrol-start')
    await start.getByLabel(es['fm.patrol.kind'], { exact: true }).selectOption('reconnaissance')
    await start.getByLabel(es['fm.patrol.vehicle'], { exact: true }).fill('Camioneta 3')
    await start.getByRole('button', { name: es['fm.live.start'] }).click()
    const live = page.getByTestId('fm-patrol-live')
    await page.locator('[data-testid="fm-patrol-live"][data-points="1"]').waitFor()
    await page.locator('[data-testid="fm-pending"][data-count="1"]').waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)

    // Headless Chromium may grant the screen wake lock or refuse it (a context that grants only
    // geolocation refuses the rest); either way the card says which, and the patrol records on.
    await expectScreenStatus(page)

    const moveTo = async (step: number, points: number) => {
      await context?.setGeolocation({ latitude: START.latitude + step * STEP_DEG, longitude: START.longitude, accuracy: 12 })
      await page.locator(`[data-testid="fm-patrol-live"][data-points="${points}"]`).waitFor()
    }
    await moveTo(1, 2)
    await moveTo(2, 3)
    await moveTo(3, 4)
    expect(await live.getByTestId('fm-patrol-distance').textContent()).toBe('Distancia: 0.60 km')
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'field-patrol-live.png'), fullPage: true })

    // Still offline, the app restarts from the service worker: the open patrol and its points are kept.
    // Allowed the wake lock now, the reopened patrol asks for it again.
    await context.grantPermissions(['geolocation', 'screen-wake-lock'])
    await page.reload()
    await page.getByTestId('fm-pin-unlock').waitFor()
    await page.getByLabel(es['fm.pin.pin'], { exact: true }).fill(PHONE_PIN)
    await page.getByRole('button', { name: es['fm.pin.unlock'] }).click()
    await page.getByTestId('fm-patrol-banner').getByRole('button', { name: es['fm.live.show'] }).click()
    await page.locator('[data-testid="fm-patrol-live"][data-points="4"]').waitFor()
    await expectScreenStatus(page)
    await moveTo(4, 5)

    const end = page.getByTestId('fm-patrol-end')
    await end.getByLabel(es['fm.patrol.encountered'], { exact: true }).fill('7')
    await end.getByLabel(es['fm.patrol.vehicle'], { exact: true }).fill('Camioneta 4')
    await end.getByRole('button', { name: es['fm.live.end'] }).click()
    await page.getByTestId('fm-patrol-ended').waitFor()
    await page.locator('[data-testid="fm-pending"][data-count="2"]').waitFor()
    await page.getByTestId('fm-patrol-start').waitFor()

    await context.setOffline(false)
    await page.getByTestId('fm-sync').click()
    await page.locator('[data-testid="fm-pending"][data-count="0"]').waitFor({ timeout: 30_000 })

    const list: { items: { recordId: string; demo: boolean }[] } = await (await page.request.get(`/api/records/patrol?updatedSince=${encodeURIComponent(startedAt)}`)).json()
    const mine = list.items.filter((item) => !item.demo)
    expect(mine).toHaveLength(1)
    const response = await page.request.get(`/api/records/patrol/${mine[0]?.recordId ?? ''}`)
    expect(response.status()).toBe(200)
    const record: { state: { kind: string; startedAt: string; endedAt?: string; vehicle: string; peopleEncountered: number; distanceKm: number; route: { lat: number; lon: number }[] } } = await response.json()
    const { state } = record
    expect(state.kind).toBe('reconnaissance')
    expect(state.vehicle).toBe('Camioneta 4')
    expect(state.peopleEncountered).toBe(7)
    expect(Date.parse(state.endedAt ?? '')).toBeGreaterThan(Date.parse(state.startedAt))
    expect(state.route).toHaveLength(5)
    expect(state.route[0]).toMatchObject({ lat: START.latitude, lon: START.longitude })
    let metres = 0
    for (let i = 1; i < state.route.length; i += 1) {
      metres += haversineM(state.route[i - 1], state.route[i])
    }
    expect(metres).toBeGreaterThan(790)
    expect(metres).toBeLessThan(810)
    expect(Math.abs(state.distanceKm - metres / 1000)).toBeLessThan(0.002)
    expect(problems).toEqual([])
  })
})

/** Checks that the patrol card shows the status matching Chromium's own answer to a wake-lock request. */
async function expectScreenStatus(page: Page): Promise<void> {
  const screen = page.getByTestId('fm-patrol-live').getByTestId('fm-wake-lock')
  await screen.waitFor()
  const answer = await page.evaluate(async (): Promise<keyof typeof SCREEN_MESSAGE> => {
    if (!('wakeLock' in navigator)) {
      return 'unsupported'
    }
    try {
      await (await navigator.wakeLock.request('screen')).release()
      return 'held'
    } catch {
      return 'refused'
    }
  })
  await page.locator(`[data-testid="fm-wake-lock"][data-state="${answer}"]`).waitFor()
  expect(await screen.textContent()).toBe(es[SCREEN_MESSAGE[answer]])
}

/** Great-circle distance in metres, written out here so the test does not trust the app's own. */
function haversineM(a: { lat: number; lon: number } | undefined, b: { lat: number; lon: number } | undefined): number {
  if (!a || !b) {
    throw new Error('a point is missing')
  }
  const rad = Math.PI / 180
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}



