import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { apiSession } from './api-session.ts'
import { DEMO_PASSWORD, OUTPUT_DIR, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { signIn } from './pages.ts'

describe.skipIf(SKIP_BROWSER_TESTS)('privacy screens in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  let personId = ''

  beforeAll(async () => {
    const started = await startBrowserAndFaro()
    ;({ faro, browser } = started)
    // Prepared through the public API: a coordinator stores an identity, the officer registers a request.
    const coordinator = await apiSession(started.faro.baseUrl, 'coordinador.tijuana', DEMO_PASSWORD)
    const created = await coordinator.request('POST', '/api/people', { orgUnitId: 'beta-tijuana', identity: { givenNames: 'Marisol', firstSurname: 'Quetzalcóatl', phones: ['+52 664 555 0199'] } })
    expect(created.status).toBe(201)
    personId = ((await created.json()) as { id: string }).id
    const dpo = await apiSession(started.faro.baseUrl, 'proteccion.datos', DEMO_PASSWORD)
    expect((await dpo.request('POST', '/api/rights-requests', { personId, kind: 'access', channel: 'in_person' })).status).toBe(201)
  })

  afterAll(() => closeAll(contexts, browser, faro))

  async function signedIn(username: string): Promise<Page> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX' })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto('/app/')
    await signIn(page, username)
    return page
  }

  it('shows the data-protection officer the rights-request queue with its deadline', async () => {
    const page = await signedIn('proteccion.datos')
    await page.getByRole('link', { name: es['nav.rights'] }).click()
    const queue = page.getByTestId('rights-queue')
    await queue.waitFor()
    const item = queue.getByRole('listitem').filter({ hasText: es['rights.kind.access'] }).first()
    expect(await item.textContent()).toContain(es['rights.status.open'])
    expect(await item.textContent()).toContain(personId.slice(-8))
    expect(await item.getByRole('button', { name: es['rights.report'] }).isVisible()).toBe(true)
    // The person is linked to no record: the retention report lists them for the short period.
    expect(await page.getByTestId('retention-report').textContent()).toContain(personId.slice(-8))
  })

  it('shows an authorised role a masked person that only an explicit reveal uncovers', async () => {
    const page = await signedIn('coordinador.tijuana')
    await page.getByRole('link', { name: es['nav.people'] }).click()
    await page.getByLabel(es['people.searchName']).fill('marisol quetsalcoatl')
    await page.getByRole('button', { name: es['people.search'] }).click()
    await page.getByTestId('people-results').getByRole('button').first().click()
    const given = page.getByTestId('field-givenNames')
    await given.waitFor()
    expect(await given.textContent()).toBe(es['people.masked'])
    expect(await page.content()).not.toContain('Marisol')
    await page.getByRole('button', { name: es['people.reveal'] }).click()
    await page.getByText('Marisol', { exact: true }).waitFor()
    expect(await page.getByTestId('field-firstSurname').textContent()).toBe('Quetzalcóatl')
    await page.getByTestId('disclosure-list').getByText(es['disclosure.rule.internal_need_to_know'], { exact: false }).waitFor()
    expect(await page.getByTestId('person-detail').textContent()).not.toMatch(/\b[a-z]+_[a-z_]+\b/)
    await page.setViewportSize({ width: 360, height: 740 })
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'person-revealed-360.png'), fullPage: true })
    const axe = await new AxeBuilder({ page }).analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })

  it('registers a person who chose to give a name, from the app, masked until revealed', async () => {
    const page = await signedIn('coordinador.tijuana')
    await page.getByRole('link', { name: es['nav.people'] }).click()
    await page.getByRole('button', { name: es['people.register.open'] }).click()
    const form = page.getByTestId('person-register')
    await form.getByLabel(es['people.field.givenNames'], { exact: true }).fill('Yesenia')
    await form.getByLabel(es['people.field.firstSurname'], { exact: true }).fill('Xolalpa')
    await form.getByLabel(es['people.field.sex'], { exact: true }).selectOption('female')
    await form.getByLabel(es['people.field.approximateAge'], { exact: true }).fill('27')
    await form.getByLabel(es['people.field.nationality'], { exact: true }).selectOption('HN')
    await form.getByRole('button', { name: es['people.register.submit'] }).click()
    await page.getByText(es['people.register.done']).waitFor()
    expect(await page.getByTestId('field-givenNames').textContent()).toBe(es['people.masked'])
    expect(await page.content()).not.toContain('Yesenia')
    await page.getByRole('button', { name: es['people.reveal'] }).click()
    await page.getByText('Yesenia', { exact: true }).waitFor()
    expect(await page.getByTestId('field-nationality').textContent()).toBe('Honduras')
    expect(await page.getByTestId('field-sex').textContent()).toBe(es['sex.female'])
  })

  it('lets the officer rectify and says to whom the correction must go', async () => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const dpo = await apiSession(faro.baseUrl, 'proteccion.datos', DEMO_PASSWORD)
    expect((await dpo.request('POST', '/api/rights-requests', { personId, kind: 'rectification', channel: 'phone' })).status).toBe(201)
    const page = await signedIn('proteccion.datos')
    await page.getByRole('link', { name: es['nav.rights'] }).click()
    const item = page.getByTestId('rights-queue').getByRole('listitem').filter({ hasText: es['rights.kind.rectification'] }).first()
    await item.getByLabel(es['people.field.secondSurname']).fill('Ramírez')
    await item.getByRole('button', { name: es['rights.rectify'] }).click()
    await page.getByTestId('rectify-notify').waitFor()
  })

  it('records a consent for a relative and withdraws it', async () => {
    const page = await signedIn('coordinador.tijuana')
    await page.getByRole('link', { name: es['nav.people'] }).click()
    await page.getByLabel(es['people.searchPhone']).fill('+52 664 555 0199')
    await page.getByRole('button', { name: es['people.search'] }).click()
    await page.getByTestId('people-results').getByRole('button').first().click()
    const form = page.getByTestId('consent-form')
    await form.getByRole('button', { name: es['consent.record'] }).click()
    const consents = page.getByTestId('consent-list')
    await consents.getByRole('button', { name: es['consent.withdraw'] }).click()
    await consents.getByText(es['people.withdrawn'].split(' {')[0] ?? '', { exact: false }).waitFor()
  })

  it('lets the officer place a legal hold on a person and release it with a reason', async () => {
    const page = await signedIn('proteccion.datos')
    await page.getByRole('link', { name: es['nav.people'] }).click()
    await page.getByLabel(es['people.searchPhone']).fill('+52 664 555 0199')
    await page.getByRole('button', { name: es['people.search'] }).click()
    await page.getByTestId('people-results').getByRole('button').first().click()
    const holds = page.getByTestId('legal-holds')
    await holds.getByLabel(es['people.holds.reason']).fill('Solicitud de la fiscalía, persona desaparecida')
    await holds.getByLabel(es['people.holds.reference']).fill('FGR carpeta 123/2026')
    await holds.getByRole('button', { name: es['people.holds.place'] }).click()
    const held = holds.getByTestId('hold-list').getByRole('listitem').filter({ hasText: 'FGR carpeta 123/2026' })
    await held.getByRole('button', { name: es['people.holds.release'] }).click()
    await held.getByLabel(es['people.holds.releaseReason']).fill('La carpeta de investigación se cerró')
    await held.getByRole('button', { name: es['people.holds.confirmRelease'] }).click()
    await holds.getByText(es['people.holds.none']).waitFor()
  })
})
