import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { apiSession } from './api-session.ts'
import { DEMO_PASSWORD, OUTPUT_DIR, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { PHONE, PHONE_PIN, setPin, signIn, waitForServiceWorker } from './pages.ts'

// Near the rail tracks in Tijuana: where the demo field agent works.
const TIJUANA = { latitude: 32.5149, longitude: -117.0382, accuracy: 12 }

describe.skipIf(SKIP_BROWSER_TESTS)('field mode offline in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  const problems: string[] = []

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
  })

  beforeEach(() => {
    problems.length = 0
  })

  afterAll(() => closeAll(contexts, browser, faro))

  async function newPhone(): Promise<{ context: BrowserContext; page: Page }> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport: PHONE, geolocation: TIJUANA, permissions: ['geolocation'] })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message} ${error.stack ?? ''}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        problems.push(message.text())
      }
    })
    return { context, page }
  }

  it('records three actions offline, keeps them across an offline reload, syncs them and shows them to the coordinator', async () => {
    const startedAt = new Date(Date.now() - 1000).toISOString()
    const { context, page } = await newPhone()
    await page.goto('/app/')
    await signIn(page, 'agente.tijuana')
    await page.getByTestId('home-field_agent').waitFor()
    await waitForServiceWorker(page)

    await page.getByRole('navigation').getByRole('link', { name: es['nav.capture'] }).click()
    await setPin(page)
    await page.getByTestId('fm-quick').waitFor()
    await page.getByTestId('fm-gps').getByText(/±12 m/).waitFor()
    // Nothing scrolls sideways on a 360 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)

    await context.setOffline(true)
    const quick = page.getByTestId('fm-quick')
    const preset = 'Agua + Alimento + Orientación'
    // The common record in four taps: how many, which services, where, save; nothing is chosen for the agent.
    for (const [count, expected] of [
      ['3', 1],
      ['12', 2],
    ] as const) {
      await quick.getByRole('button', { name: count, exact: true }).click()
      await quick.getByRole('button', { name: preset }).click()
      expect(await page.getByTestId('fm-save').isDisabled()).toBe(true)
      // The save button is where the thumb is, on a 740 px screen, however long the form.
      const save = await page.getByTestId('fm-save').boundingBox()
      expect((save?.y ?? Infinity) + (save?.height ?? 0)).toBeLessThanOrEqual(PHONE.height)
      if (count === '12') {
        // Beyond the three taps: a family travelling with children makes the record a priority.
        await page.getByTestId('fm-people-details').locator('summary').click()
        await page.getByLabel(es['vulnerability.travelling_with_children'], { exact: true }).check()
        // And the orientation was written, in Haitian Creole, with the rights leaflet.
        const orientation = page.getByTestId('fm-orientation-detail')
        await orientation.locator('summary').click()
        await orientation.getByLabel(es['orientationMode.written'], { exact: true }).check()
        await orientation.getByLabel(es['fm.orientation.language'], { exact: true }).selectOption('ht')
        await orientation.getByLabel(es['orientationMaterial.rights_leaflet'], { exact: true }).check()
        await orientation.screenshot({ path: path.join(OUTPUT_DIR, 'field-mode-orientation.png') })
      }
      await page.getByTestId('fm-setting').getByRole('button', { name: es['setting.rail_tracks'] }).click()
      await page.getByTestId('fm-save').click()
      await page.locator(`[data-testid="fm-pending"][data-count="${expected}"]`).waitFor()
    }
    await page.getByRole('group', { name: es['fm.forms'] }).getByRole('button', { name: es['fm.form.rescue'] }).click()
    await page.getByLabel(es['fm.rescue.people'], { exact: true }).fill('2')
    await page.getByLabel(es['fm.rescue.outcome'], { exact: true }).selectOption('first_aid')
    await page.getByTestId('fm-rescue').getByRole('button', { name: es['fm.form.save'] }).click()
    await page.locator('[data-testid="fm-pending"][data-count="3"]').waitFor()
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'field-mode-offline-saved.png'), fullPage: true })

    // Still offline: the app starts from the service worker and the records are still pending.
    await page.reload()
    await page.getByTestId('field-mode').waitFor()
    await page.locator('[data-testid="fm-pending"][data-count="3"]').waitFor()
    await page.getByTestId('fm-pin-unlock').waitFor()
    await page.getByLabel(es['fm.pin.pin'], { exact: true }).fill(PHONE_PIN)
    await page.getByRole('button', { name: es['fm.pin.unlock'] }).click()
    await page.getByTestId('fm-quick').waitFor()
    await page.getByTestId('fm-sync').click()
    await page.getByTestId('fm-sync-result').getByText(es['fm.failure.network']).waitFor()
    expect(await page.getByTestId('fm-pending').getAttribute('data-count')).toBe('3')
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'field-mode-offline-reloaded.png'), fullPage: true })

    // Back online: the browser's online event may start a sync before the button is pressed; a
    // press during it joins that run, a press after it finds nothing left and says so.
    await context.setOffline(false)
    await page.getByTestId('fm-sync').click()
    await page.locator('[data-testid="fm-pending"][data-count="0"]').waitFor({ timeout: 30_000 })
    // One message, never a contradiction: "all sent", and what was sent when this press sent it.
    // The result of the press may be gone by now (nothing was left to send): read it only if it is there.
    const result = page.getByTestId('fm-sync-result')
    const said = (await result.count()) === 0 ? null : await result.textContent({ timeout: 1000 }).catch(() => null)
    expect([null, 'Se enviaron 3 registros.']).toContain(said)
    expect(await page.locator('.notice-error, .notice-warning').count()).toBe(0)
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'field-mode-synced.png'), fullPage: true })

    const coordinator = await newPhone()
    await coordinator.page.goto('/app/')
    await signIn(coordinator.page, 'coordinador.tijuana')
    await coordinator.page.getByTestId('home-group_coordinator').waitFor()
    const ids: string[] = []
    const orientations: unknown[] = []
    for (const type of ['attention', 'rescue']) {
      const response = await coordinator.page.request.get(`/api/records/${type}?updatedSince=${encodeURIComponent(startedAt)}`)
      const page: { items: { recordId: string; demo: boolean; state: { orientation?: unknown } }[] } = await response.json()
      // The demo seed's generated records are labelled; the three from the phone are not.
      const mine = page.items.filter((item) => !item.demo)
      ids.push(...mine.map((item) => item.recordId))
      if (type === 'attention') {
        orientations.push(...mine.map((item) => item.state.orientation))
      }
    }
    expect(ids).toHaveLength(3)
    // The detail reached the server only on the record where it was filled.
    expect(orientations).toEqual(expect.arrayContaining([undefined, { modes: ['written'], language: 'ht', materials: ['rights_leaflet'] }]))
    expect(orientations).toHaveLength(2)
    await coordinator.page.getByRole('navigation').getByRole('link', { name: es['nav.live'] }).click()
    await coordinator.page.getByTestId('live-total').waitFor()
    for (const id of ids) {
      await coordinator.page.locator(`[data-testid="live-records"] [data-record-id="${id}"]`).waitFor()
    }
    expect(await coordinator.page.locator(ids.map((id) => `[data-testid="live-records"] .list-item-priority[data-record-id="${id}"]`).join(', ')).count()).toBe(1)
    await coordinator.page.getByTestId('live-devices').getByText(/No faltan registros/).first().waitFor()
    await coordinator.page.getByTestId('field-map').locator('path.leaflet-interactive').first().waitFor()
    // With no tile server configured, the 32 states are drawn from the app's own file.
    await coordinator.page.getByTestId('field-map').locator('.leaflet-faro-outline-pane path').nth(31).waitFor({ state: 'attached' })
    expect(await coordinator.page.getByTestId('live-tiles').textContent()).toBe(es['live.tiles.none'])
    await coordinator.page.getByTestId('field-map').scrollIntoViewIfNeeded()
    await coordinator.page.screenshot({ path: path.join(OUTPUT_DIR, 'field-live-coordinator.png') })
    await coordinator.page.screenshot({ path: path.join(OUTPUT_DIR, 'field-live-coordinator-full.png'), fullPage: true })
    expect(problems).toEqual([])
  })

  it('refuses to sign out with unsent records until they are exported, and imports the file at the base', async () => {
    const { context, page } = await newPhone()
    await page.goto('/app/capture')
    await signIn(page, 'agente.tijuana')
    await setPin(page)
    await waitForServiceWorker(page)
    await context.setOffline(true)
    // The GPS fix can be corrected by tapping the map (Leaflet and the outline come from the cache).
    await page.getByRole('button', { name: es['fm.gps.correct'] }).click()
    await page.getByTestId('field-map').click()
    await page.getByTestId('fm-gps').getByText(/corregida en el mapa/).waitFor()
    const quick = page.getByTestId('fm-quick')
    await quick.getByRole('button', { name: '4', exact: true }).click()
    await quick.getByRole('button', { name: 'Primeros auxilios + Agua' }).click()
    await page.getByTestId('fm-setting').getByRole('button', { name: es['setting.rail_tracks'] }).click()
    await page.getByTestId('fm-save').click()
    await page.locator('[data-testid="fm-pending"][data-count="1"]').waitFor()

    // This phone never gets signal again: sign-out is refused until the record is exported.
    await page.getByRole('button', { name: es['shell.logout'] }).click()
    const blocked = page.getByTestId('fm-logout-blocked')
    await blocked.waitFor()
    expect(await blocked.getByRole('button', { name: es['fm.logout.afterExport'] }).isDisabled()).toBe(true)
    await blocked.locator('summary').click()
    const download = page.waitForEvent('download')
    await blocked.getByTestId('fm-export').click()
    const file = path.join(OUTPUT_DIR, (await download).suggestedFilename())
    await (await download).saveAs(file)
    await blocked.getByRole('button', { name: es['fm.logout.afterExport'] }).click()
    // Offline the server cannot end the session, and says so; the phone's field data is gone.
    await blocked.getByText(es['app.networkError']).waitFor()
    expect(await page.evaluate(async () => (await indexedDB.databases()).some((d) => (d.name ?? '').startsWith('faro-field-')))).toBe(false)
    await context.setOffline(false)

    const coordinator = await newPhone()
    await coordinator.page.goto('/app/import')
    await signIn(coordinator.page, 'coordinador.tijuana')
    await coordinator.page.getByLabel(es['imp.file'], { exact: true }).setInputFiles(file)
    await coordinator.page.getByTestId('imp-summary').waitFor()
    await coordinator.page.getByRole('button', { name: es['imp.send'] }).click()
    await coordinator.page.getByTestId('imp-result').getByText('Se envió 1 registro.').waitFor()
    await coordinator.page.screenshot({ path: path.join(OUTPUT_DIR, 'field-import.png') })
    expect(problems).toEqual([])
  })

  it('keeps records queued through an expired session and sends them after signing in again', async () => {
    const { page } = await newPhone()
    await page.goto('/app/capture')
    await signIn(page, 'agente.tijuana')
    await setPin(page)
    await page.getByTestId('fm-quick').waitFor()
    await page.waitForLoadState('networkidle')
    // The session ends elsewhere (expiry, or signed out on another tab).
    const me: { csrfToken: string } = await (await page.request.get('/api/auth/me')).json()
    expect((await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': me.csrfToken } })).status()).toBe(204)

    const quick = page.getByTestId('fm-quick')
    await quick.getByRole('button', { name: '5', exact: true }).click()
    await quick.getByRole('button', { name: 'Agua + Orientación' }).click()
    await page.getByTestId('fm-setting').getByRole('button', { name: es['setting.rail_tracks'] }).click()
    await page.getByTestId('fm-save').click()
    await page.getByTestId('fm-sync-result').getByText(es['fm.failure.unauthenticated']).waitFor()
    expect(await page.getByTestId('fm-pending').getAttribute('data-count')).toBe('1')
    await page.getByRole('button', { name: es['fm.signInAgain'] }).click()
    await signIn(page, 'agente.tijuana')
    // Same tab, so the PHONE_PIN key is still in memory: opening field mode again sends the record.
    await page.getByTestId('field-mode').waitFor()
    await page.locator('[data-testid="fm-pending"][data-count="0"]').waitFor()
    expect(problems).toEqual([])
  })

  it('shows the national office the field work of both borders', async () => {
    const { page } = await newPhone()
    await page.goto('/app/live')
    await signIn(page, 'analista.nacional')
    await page.getByTestId('live-total').waitFor()
    // The last seven days: just after midnight in Mexico, "today" may hold one border's work only.
    await page.getByRole('group', { name: es['live.period'] }).getByRole('button', { name: es['live.period.week'] }).click()
    await page.getByTestId('live-border-north').waitFor()
    await page.getByTestId('live-border-south').waitFor()
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'field-live-national.png') })
    expect(problems).toEqual([])
  })

  it('wipes the phone and signs out when its device was revoked', async () => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const { page } = await newPhone()
    await page.goto('/app/capture')
    await signIn(page, 'agente.tijuana')
    await setPin(page)
    const quick = page.getByTestId('fm-quick')
    await quick.getByRole('button', { name: '2', exact: true }).click()
    await quick.getByRole('button', { name: 'Agua + Orientación' }).click()
    await page.getByTestId('fm-setting').getByRole('button', { name: es['setting.rail_tracks'] }).click()
    await page.getByTestId('fm-save').click()
    // Saving starts a sync on its own: the device registers and sends the record.
    await page.locator('[data-testid="fm-pending"][data-count="0"]').waitFor()
    // An inspection of one of the group's towers or signs, from the places kept on the phone.
    await page.getByRole('group', { name: es['fm.forms'] }).getByRole('button', { name: es['fm.form.inspection'] }).click()
    await page.getByLabel(es['fm.inspection.tank'], { exact: true }).selectOption('low')
    await page.getByTestId('fm-inspection').getByRole('button', { name: es['fm.form.save'] }).click()
    await page.locator('[data-testid="fm-pending"][data-count="0"]').waitFor()
    await page.getByRole('group', { name: es['fm.forms'] }).getByRole('button', { name: es['fm.form.attention'] }).click()
    const dbName = await fieldDatabaseName(page)
    expect(dbName).not.toBe('')

    await revokeNewestDevice(faro.baseUrl)

    await quick.getByRole('button', { name: '1', exact: true }).click()
    await quick.getByRole('button', { name: 'Agua + Orientación' }).click()
    await page.getByTestId('fm-setting').getByRole('button', { name: es['setting.rail_tracks'] }).click()
    await page.getByTestId('fm-save').click()
    await page.getByLabel(es['login.username'], { exact: true }).waitFor()
    const left = await page.evaluate(async (name) => (await indexedDB.databases()).some((d) => d.name === name), dbName)
    expect(left).toBe(false)
    expect(problems).toEqual([])
  })

  it('wipes an idle phone whose device was revoked when field mode next opens', async () => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const { page } = await newPhone()
    await page.goto('/app/capture')
    await signIn(page, 'agente.tijuana')
    await setPin(page)
    const quick = page.getByTestId('fm-quick')
    await quick.getByRole('button', { name: '3', exact: true }).click()
    await quick.getByRole('button', { name: 'Agua + Orientación' }).click()
    await page.getByTestId('fm-setting').getByRole('button', { name: es['setting.rail_tracks'] }).click()
    await page.getByTestId('fm-save').click()
    await page.locator('[data-testid="fm-pending"][data-count="0"]').waitFor()
    const dbName = await fieldDatabaseName(page)

    await revokeNewestDevice(faro.baseUrl)

    // Nothing left to send: opening field mode again is the phone's next contact.
    await page.reload()
    await page.getByLabel(es['login.username'], { exact: true }).waitFor()
    expect(await page.evaluate(async (name) => (await indexedDB.databases()).some((d) => d.name === name), dbName)).toBe(false)
    expect(problems).toEqual([])
  })
})


/** The name of the phone's field-mode IndexedDB database, or '' when there is none. */
async function fieldDatabaseName(page: Page): Promise<string> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('faro-field-')) ?? '')
}

/** The coordinator revokes the most recently registered device still in use. */
async function revokeNewestDevice(baseUrl: string): Promise<void> {
  const coordinator = await apiSession(baseUrl, 'coordinador.tijuana', DEMO_PASSWORD)
  const devices: { items: { deviceId: string; registeredAt: string; revokedAt: string | null }[] } = await (await coordinator.request('GET', '/api/sync/devices')).json()
  const newest = devices.items.filter((d) => d.revokedAt === null).sort((a, b) => b.registeredAt.localeCompare(a.registeredAt))[0]
  expect(newest).toBeDefined()
  expect((await coordinator.request('POST', `/api/sync/devices/${newest?.deviceId ?? ''}/revoke`)).status).toBe(200)
}
