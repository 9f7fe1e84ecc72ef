import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { apiSession } from './api-session.ts'
import { DEMO_PASSWORD, OUTPUT_DIR, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { PHONE, signIn } from './pages.ts'

const DESKTOP = { width: 1280, height: 900 }
const NAME = 'Torre de orientación Cañón del Matadero (e2e)'
// A code of a closed list shown as it is stored (needs_repair, orientation_tower…) instead of in words.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b/

function fill(template: string, values: Record<string, string>): string {
  return Object.entries(values).reduce((text, [key, value]) => text.replace(`{${key}}`, value), template)
}

describe.skipIf(SKIP_BROWSER_TESTS)('registering and changing places from the staff app, in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
  })
  afterAll(() => closeAll(contexts, browser, faro))

  async function openPlaces(username: string, viewport: { width: number; height: number }): Promise<Page> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto('/app/')
    await signIn(page, username)
    await page.locator('[data-testid^="home-"]').first().waitFor()
    await page.goto('/app/places')
    await page.getByTestId('place-list').locator('li').first().waitFor()
    return page
  }

  async function expectAccessible(page: Page): Promise<void> {
    const result = await new AxeBuilder({ page }).analyze()
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }

  async function expectNoOverflow(page: Page): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
  }

  it('lets a coordinator register a place, find it, and change its hours, on a phone', async () => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const page = await openPlaces('coordinador.tijuana', PHONE)
    await page.getByRole('button', { name: es['places.new'] }).click()
    const create = page.getByTestId('place-create')
    await create.waitFor()
    // Nothing chosen for the person: sent empty, the kind and the name say what they need.
    expect(await create.getByLabel(es['places.field.kind'], { exact: true }).inputValue()).toBe('')
    await create.getByRole('button', { name: es['places.create.submit'] }).click()
    await create.getByText(es['form.error.required']).first().waitFor()
    await create.getByText(es['form.error.choose']).first().waitFor()
    expect(await create.getByLabel(es['places.field.name'], { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await create.screenshot({ path: path.join(OUTPUT_DIR, 'places-create-errors-360.png') })
    await expectAccessible(page)
    await expectNoOverflow(page)

    await create.getByLabel(es['places.field.kind'], { exact: true }).selectOption('orientation_tower')
    await create.getByLabel(es['places.field.name'], { exact: true }).fill(NAME)
    await create.getByLabel(es['places.field.unit'], { exact: true }).selectOption('beta-tijuana')
    // A tap on the map fills the coordinates; typed ones (with a decimal comma) then refine them.
    await create.getByRole('button', { name: es['places.pick.open'] }).click()
    const map = create.getByTestId('field-map')
    await map.waitFor()
    await map.click({ position: { x: 160, y: 140 } })
    await create.getByText(es['places.pick.done'].split(':')[0] ?? 'Punto elegido').waitFor()
    const picked = Number(await create.getByLabel(es['places.field.lat'], { exact: true }).inputValue())
    expect(picked).toBeGreaterThan(10)
    expect(picked).toBeLessThan(40)
    await create.screenshot({ path: path.join(OUTPUT_DIR, 'places-create-map-360.png') })
    await create.getByLabel(es['places.field.lat'], { exact: true }).fill('32,4931')
    await create.getByLabel(es['places.field.lon'], { exact: true }).fill('-116.8762')
    await create.getByLabel(es['places.field.phone'], { exact: true }).fill('800 004 6264')
    await create.getByLabel(es['places.field.address'], { exact: true }).fill('Km 14 del camino al Cañón del Matadero')
    await create.getByLabel(es['places.field.hours'], { exact: true }).fill('Todos los días, 24 h')
    await create.getByLabel(es['places.field.description'], { exact: true }).fill('Torre con luz, agua y botón de auxilio')
    await create.getByRole('button', { name: es['places.create.submit'] }).click()
    await page.getByTestId('place-saved').getByText(fill(es['places.createdDone'], { name: NAME })).waitFor()
    expect(await create.count()).toBe(0)
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'places-saved-360.png') })

    // The list was refreshed: the new place is found by a search without accents.
    await page.getByLabel(es['places.search'], { exact: true }).fill('canon del matadero')
    const cards = page.getByTestId('place-list').locator('li')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="place-list"] li').length === 1)
    const card = cards.first()
    expect(await card.textContent()).toContain(fill(es['places.hours'], { hours: 'Todos los días, 24 h' }))
    expect(await card.textContent()).toContain(fill(es['places.position'], { lat: '32.4931', lon: '-116.8762' }))

    await card.getByRole('button', { name: fill(es['places.editLabel'], { name: NAME }) }).click()
    const edit = card.getByTestId('place-edit')
    await edit.waitFor()
    expect(await edit.getByLabel(es['places.field.hours'], { exact: true }).inputValue()).toBe('Todos los días, 24 h')
    await edit.getByLabel(es['places.field.hours'], { exact: true }).fill('Lunes a sábado, de 8 a 20 h')
    await card.screenshot({ path: path.join(OUTPUT_DIR, 'places-edit-360.png') })
    await expectAccessible(page)
    await expectNoOverflow(page)
    await edit.getByRole('button', { name: es['places.edit.save'] }).click()
    await page.getByTestId('place-saved').getByText(`Se guardó 1 cambio de ${NAME}.`).waitFor()
    await card.getByText(fill(es['places.hours'], { hours: 'Lunes a sábado, de 8 a 20 h' })).waitFor()

    // Only the hours went to the server, as a change of the version the form showed.
    const href = (await card.getByRole('link', { name: NAME }).getAttribute('href')) ?? ''
    const recordId = decodeURIComponent(href.split('/').at(-1) ?? '')
    const coordinator = await apiSession(faro.baseUrl, 'coordinador.tijuana', DEMO_PASSWORD)
    const history = (await (await coordinator.request('GET', `/api/records/place/${encodeURIComponent(recordId)}/history`)).json()) as { items: { seq: number; type: string; payload: Record<string, unknown>; baseVersion: number | null }[] }
    expect(history.items.map((a) => a.type)).toEqual(['PlaceRegistered', 'PlaceUpdated'])
    expect(history.items[1]).toMatchObject({ payload: { hours: 'Lunes a sábado, de 8 a 20 h' }, baseVersion: history.items[0]?.seq })
    expect(Object.keys(history.items[1]?.payload ?? {})).toEqual(['hours'])
    expect(history.items[0]?.payload).toMatchObject({ orgUnitId: 'beta-tijuana', kind: 'orientation_tower', status: 'active', location: { lat: 32.4931, lon: -116.8762 }, phone: '800 004 6264' })

    // The card's title opens the place's record, in words.
    await card.getByRole('link', { name: NAME }).click()
    await page.getByTestId('record-page').waitFor()
    await page.getByTestId('record-history-list').locator('li').nth(1).waitFor()
    expect((await page.getByTestId('record-page').textContent()) ?? '').not.toMatch(RAW_CODE)
  })

  it('shows the forms well on a desktop', async () => {
    const page = await openPlaces('coordinador.tijuana', DESKTOP)
    await page.getByRole('button', { name: es['places.new'] }).click()
    const create = page.getByTestId('place-create')
    await create.waitFor()
    await create.getByRole('button', { name: es['places.pick.open'] }).click()
    await create.getByTestId('field-map').waitFor()
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'places-top-1280.png') })
    await create.screenshot({ path: path.join(OUTPUT_DIR, 'places-create-1280.png') })
    await expectAccessible(page)
    await create.getByRole('button', { name: es['staff.edit.cancel'] }).click()
    const first = page.getByTestId('place-list').locator('li').first()
    await first.getByRole('button', { name: es['places.edit'] }).click()
    await first.getByTestId('place-edit').waitFor()
    await first.screenshot({ path: path.join(OUTPUT_DIR, 'places-edit-1280.png') })
    await expectAccessible(page)
    // Saving what was not changed sends nothing and says so.
    await first.getByRole('button', { name: es['places.edit.save'] }).click()
    await first.getByText(es['places.noChanges']).waitFor()
  })

  it('gives a field agent no way to register places, and says so in words when a place is not theirs to change', async () => {
    const page = await openPlaces('agente.tijuana', PHONE)
    expect(await page.getByRole('button', { name: es['places.new'] }).count()).toBe(0)
    await page.getByLabel(es['places.search'], { exact: true }).fill('aeropuerto de tijuana')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="place-list"] li').length === 1)
    const card = page.getByTestId('place-list').locator('li').first()
    await card.getByRole('button', { name: es['places.edit'] }).click()
    const edit = card.getByTestId('place-edit')
    await edit.getByLabel(es['places.field.status'], { exact: true }).selectOption('needs_repair')
    await edit.getByRole('button', { name: es['places.edit.save'] }).click()
    await edit.getByTestId('place-forbidden').getByText(es['places.forbidden.update']).waitFor()
    await card.screenshot({ path: path.join(OUTPUT_DIR, 'places-forbidden-360.png') })
    await expectAccessible(page)
  })
})
