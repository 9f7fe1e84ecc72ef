import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { apiSession } from './api-session.ts'
import { DEMO_PASSWORD, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { signIn } from './pages.ts'
import { DESKTOP, expectAccessible, shoot } from './screens.ts'


/**
 * A module's tablet loses its connection while a person is at the counter: the complaint is taken
 * all the same, the person leaves with a folio reserved on the device and the PIN, and the case
 * reaches the server by itself when the connection is back, under that folio.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('a case taken offline in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  let context: BrowserContext | undefined

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
  })
  afterAll(() => closeAll([context], browser, faro))

  it('gives the person a reserved folio and PIN offline, and files the case under it when the connection is back', async () => {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport: DESKTOP })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    await page.goto('/app/')
    await signIn(page, 'voluntario.tijuana')
    await page.getByTestId('account-name').waitFor()
    // Online, the app keeps a block of folios on the device.
    const held = async () => page.evaluate(async () => ((await (await fetch('/api/cases/folio-blocks')).json()) as { items: { folio: string }[] }).items.map((i) => i.folio))
    await expect.poll(async () => (await held()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(5)
    const reserved = await held()

    await page.getByRole('navigation').getByRole('link', { name: es['nav.intake'] }).click()
    const form = page.getByTestId('intake-form')
    await form.waitFor()
    await context.setOffline(true)
    await form.getByRole('radio', { name: new RegExp(`^${es['case.kind.complaint']}`) }).check()
    await form.getByRole('radio', { name: es['case.category.mistreatment'] }).check()
    await form.getByLabel(es['case.intake.description'], { exact: true }).fill('En la revisión del aeropuerto le gritaron y le tiraron sus cosas.')
    await form.getByLabel(es['case.intake.placeKind'], { exact: true }).selectOption('airport')
    await form.getByRole('radio', { name: es['case.intake.when.today'], exact: true }).check()
    await form.getByLabel(es['case.intake.contactChannel'], { exact: true }).selectOption('phone')
    await form.getByLabel(es['case.intake.phone'], { exact: true }).fill('+1 956 555 0199')
    await form.getByRole('button', { name: es['case.intake.submitComplaint'] }).click()

    const readback = page.getByTestId('readback')
    await readback.getByTestId('readback-offline').waitFor()
    const folio = (await readback.getByTestId('readback-folio').textContent()) ?? ''
    const pin = (await readback.getByTestId('readback-pin').textContent()) ?? ''
    expect(reserved).toContain(folio)
    expect(pin).toMatch(/^\d{6}$/)
    // Nothing to open yet: the case is not on the server.
    expect(await readback.getByRole('link', { name: es['case.readback.open'] }).count()).toBe(0)
    await shoot(page, 'case-offline-readback')
    await expectAccessible(page)
    await readback.getByRole('button', { name: es['case.readback.next'] }).click()
    await page.getByTestId('intake-waiting').waitFor()
    expect(await page.getByTestId('intake-waiting').textContent()).toContain('1 caso tomado sin conexión')

    // Back online: it goes by itself, and the person's folio and PIN find it.
    await context.setOffline(false)
    await page.getByTestId('intake-waiting').waitFor({ state: 'detached', timeout: 40_000 })
    const coordinator = await apiSession(faro.baseUrl, 'coordinacion.paisano', DEMO_PASSWORD)
    const found = (await (await coordinator.request('GET', `/api/cases?folio=${folio}`)).json()) as { items: { folio: string; state: { category: string; channel: string } }[] }
    expect(found.items).toMatchObject([{ folio, state: { category: 'mistreatment', channel: 'module' } }])
    const lookup = await fetch(`${faro.baseUrl}/api/cases/lookup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ folio, pin }) })
    expect(lookup.status).toBe(200)
    expect(problems).toEqual([])
  })
})
