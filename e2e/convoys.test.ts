import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { SKIP_BROWSER_TESTS } from './harness.ts'
import { DESKTOP, expectAccessible, PHONE_WIDTH, settle, shoot, signedInPages } from './screens.ts'

// A code of a closed list shown as it is stored (extortion_attempt, agency-pf…) instead of in words, or raw JSON.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b|\bagency-\w+|[{}]|"\w+":/
const FROM = 'Puente Internacional Zaragoza (e2e)'
const NAME = `${FROM}, Chihuahua`

/**
 * Paisano's national office keeps the convoys of the winter operation: the demo's four (one
 * arrived with a breakdown on the way, three ahead, two of them published), a new one from
 * Ciudad Juárez refused first for want of a destination state, then scheduled, published, with an
 * incident recorded and marked on the road; a field agent reads them by the address, with no menu
 * entry and nothing to change.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('The convoys screen in Chromium', () => {
  const { openAs } = signedInPages()

  async function expectWords(page: Page): Promise<void> {
    const shown = (await page.getByTestId('convoys-page').textContent()) ?? ''
    expect(shown).not.toMatch(RAW_CODE)
  }

  it('lets the national office schedule a convoy on a phone, publish it, record an incident and mark it on the road', async () => {
    const page = await openAs('coordinacion.paisano')
    expect(await page.getByRole('navigation').getByRole('link', { name: es['convoy.nav'], exact: true }).count()).toBe(1)
    await page.setViewportSize({ width: PHONE_WIDTH, height: 740 })
    await page.getByTestId('home-convoys').click()
    await page.getByTestId('convoys-page').waitFor()
    await settle(page)

    // The demo's convoys: three ahead, soonest first, two in the public schedule; one arrived, with its breakdown.
    const upcoming = page.getByTestId('convoys-upcoming').getByTestId('convoy')
    const past = page.getByTestId('convoys-past').getByTestId('convoy')
    expect(await upcoming.count()).toBe(3)
    expect(await upcoming.locator('h3').allTextContents()).toEqual(['Puente Internacional Nuevo Laredo II, Tamaulipas', 'Garita de Nogales, Sonora', 'Puente Internacional Paso del Norte, Chihuahua'])
    expect(await upcoming.getByTestId('convoy-published').allTextContents()).toEqual([es['convoy.published.yes'], es['convoy.published.yes'], es['convoy.published.no']])
    expect(await upcoming.getByTestId('convoy-status').allTextContents()).toEqual(['Programado', 'Programado', 'Programado'])
    expect(await past.count()).toBe(1)
    expect(await past.getByTestId('convoy-status').textContent()).toBe('Llegó a su destino')
    expect(await past.getByTestId('convoy-incident').textContent()).toMatch(/^Descompostura · Carretera 57, km 120 · .+Una camioneta con una llanta ponchada/)
    await expect.poll(() => past.textContent()).toContain('74 vehículos · 281 personas')
    expect(await past.textContent()).toContain('Policía Federal')
    await expectWords(page)
    await page.setViewportSize(DESKTOP)
    await shoot(page, 'convoys-office')
    await expectAccessible(page)

    // A new convoy from Ciudad Juárez, with no destination state first: the field says so, nothing is sent.
    await page.setViewportSize({ width: PHONE_WIDTH, height: 740 })
    await page.getByTestId('convoy-schedule-start').click()
    const form = page.getByTestId('convoy-form')
    await form.getByLabel(es['convoy.field.departurePoint'], { exact: true }).fill(FROM)
    await form.getByLabel(es['convoy.field.departureState'], { exact: true }).selectOption('Chihuahua')
    await form.getByLabel(es['convoy.field.departsAt'], { exact: true }).fill(localIn(12, 6, 30))
    await form.getByLabel(es['convoy.field.route'], { exact: true }).fill('Ciudad Juárez – Chihuahua – Parral – Durango – Zacatecas')
    await form.getByLabel(es['convoy.field.vehicles'], { exact: true }).fill('1200')
    await form.getByLabel(es['convoy.field.people'], { exact: true }).fill('4500')
    let posted = 0
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/convoys') {
        posted += 1
      }
    })
    await form.getByRole('button', { name: es['convoy.form.submit'] }).click()
    const destinations = form.getByRole('group', { name: es['convoy.field.destinationStates'] })
    await destinations.getByText(es['convoy.field.destinationsNeeded']).waitFor()
    expect(await destinations.getAttribute('aria-invalid')).toBe('true')
    expect(posted).toBe(0)
    expect(await form.getByLabel(es['convoy.field.escort'], { exact: true }).inputValue()).toBe('agency-pf')
    await form.screenshot({ path: `${import.meta.dirname}/output/convoys-refused-360.png` })
    await expectAccessible(page)

    await destinations.getByLabel('Durango', { exact: true }).check()
    await destinations.getByLabel('Zacatecas', { exact: true }).check()
    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/convoys')
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/convoys')
    await form.getByRole('button', { name: es['convoy.form.submit'] }).click()
    const body: Record<string, unknown> = (await sent).postDataJSON()
    expect((await answered).status()).toBe(201)
    expect(body).toMatchObject({ orgUnitId: 'paisano', departurePoint: FROM, departureState: 'Chihuahua', destinationStates: ['Durango', 'Zacatecas'], vehicles: 1200, people: 4500, escortId: 'agency-pf', published: false })
    expect(typeof body.operationId).toBe('string')
    expect(String(body.departsAt)).toMatch(/T06:30:00[+-]\d{2}:\d{2}$/)
    await page.getByTestId('convoy-done').getByText(`Se programó el convoy desde ${FROM}.`).waitFor()

    const card = upcoming.filter({ has: page.getByRole('heading', { name: NAME }) })
    await card.waitFor()
    expect(await card.textContent()).toContain('1,200 vehículos · 4,500 personas')
    expect(await card.textContent()).toContain('Durango, Zacatecas')
    expect(await card.getByTestId('convoy-published').textContent()).toBe(es['convoy.published.no'])

    // Published: the badge says it is in the public schedule.
    const patched = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().includes('/api/convoys/'))
    await card.getByRole('button', { name: `Publicar en el calendario el convoy desde ${NAME}` }).click()
    expect((await patched).postDataJSON()).toMatchObject({ published: true })
    await page.getByTestId('convoy-done').getByText(`El convoy desde ${NAME} está en el calendario público.`).waitFor()
    await expect.poll(() => card.getByTestId('convoy-published').textContent()).toBe(es['convoy.published.yes'])

    // An incident on the road: added under the convoy, in words.
    await card.getByRole('button', { name: `Registrar un incidente del convoy desde ${NAME}` }).click()
    const incident = card.getByTestId('convoy-incident-form')
    await incident.getByLabel(es['convoy.incident.kind'], { exact: true }).selectOption('road_closure')
    await incident.getByLabel(es['convoy.incident.place'], { exact: true }).fill('Carretera 45, km 212')
    await incident.getByLabel(es['convoy.incident.description'], { exact: true }).fill('Bloqueo de la carretera; el convoy tomó la libre a Parral.')
    await incident.getByRole('button', { name: es['convoy.incident.submit'] }).click()
    await page.getByTestId('convoy-done').getByText(`Se registró el incidente del convoy desde ${NAME}.`).waitFor()
    await card.getByTestId('convoy-incident').waitFor()
    expect(await card.getByTestId('convoy-incident').textContent()).toMatch(/^Cierre de carretera · Carretera 45, km 212 · .+Bloqueo de la carretera/)

    // On the road: still ahead, now reading "En camino".
    await card.getByRole('button', { name: `Marcar en camino el convoy desde ${NAME}` }).click()
    await page.getByTestId('convoy-done').getByText(`El convoy desde ${NAME} quedó así: En camino.`).waitFor()
    await expect.poll(() => card.getByTestId('convoy-status').textContent()).toBe('En camino')
    expect(await card.getByRole('button', { name: `Marcar la llegada del convoy desde ${NAME}` }).count()).toBe(1)
    await expectWords(page)
    await card.scrollIntoViewIfNeeded()
    await card.screenshot({ path: `${import.meta.dirname}/output/convoys-new-on-road-360.png` })
    await page.setViewportSize(DESKTOP)
    await shoot(page, 'convoys-office-after')
    await expectAccessible(page)
  })

  it('lets a field agent read the convoys by the address, with no menu entry and nothing to change', async () => {
    const page = await openAs('agente.tijuana')
    expect(await page.getByRole('navigation').getByRole('link', { name: es['convoy.nav'], exact: true }).count()).toBe(0)
    await page.goto('/app/convoys')
    await page.getByTestId('convoys-page').waitFor()
    await settle(page)
    expect(await page.getByTestId('convoy').count()).toBeGreaterThanOrEqual(4)
    expect(await page.getByTestId('convoy-schedule-start').count()).toBe(0)
    expect(await page.getByTestId('convoy-form').count()).toBe(0)
    expect(await page.getByTestId('convoys-page').locator('.convoy-list').getByRole('button').count()).toBe(0)
    expect(await page.getByTestId('convoys-page').textContent()).toContain(es['convoy.introReader'])
    await expectWords(page)
    await shoot(page, 'convoys-reader')
    await expectAccessible(page)
  })
})

/** A datetime-local value some days ahead at an hour, in this machine's zone (the browser's too). */
function localIn(days: number, hour: number, minute: number): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:${pad(minute)}`
}
