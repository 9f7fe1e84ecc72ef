import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { apiSession, totpCode } from './api-session.ts'
import { OUTPUT_DIR, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { PHONE, signIn } from './pages.ts'

const DESKTOP = { width: 1366, height: 900 }
// A code of a closed list shown as it is stored (rail_tracks, first_aid…) instead of in words.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b/

describe.skipIf(SKIP_BROWSER_TESTS)('the account, record, staff and places pages in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
  })
  afterAll(() => closeAll(contexts, browser, faro))

  async function openApp(viewport = DESKTOP): Promise<Page> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto('/app/')
    return page
  }

  async function expectAccessible(page: Page): Promise<void> {
    const result = await new AxeBuilder({ page }).analyze()
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }

  it('lets a person turn on the second factor and change the password from the app, then sign in with both', async () => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const admin = await apiSession(faro.baseUrl, 'admin', 'faro-demo-2026')
    const password = 'e2e-account-page-1'
    const created = await admin.request('POST', '/api/users', { username: 'e2e.account', displayName: 'Cuenta propia (e2e)', role: 'module_volunteer', orgUnitId: 'module-tijuana-airport', password })
    expect(created.status).toBe(201)

    const page = await openApp(PHONE)
    await signIn(page, 'e2e.account', password)
    await page.getByTestId('account-name').click()
    await page.getByTestId('account-page').waitFor()
    expect(await page.getByTestId('totp-status').textContent()).toBe(es['account.totp.off'])
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'account-360.png'), fullPage: true })
    await expectAccessible(page)

    // The second factor: the password first, then the key to scan and a code to confirm it.
    await page.getByLabel(es['account.totp.password'], { exact: true }).fill(password)
    await page.getByRole('button', { name: es['account.totp.start'] }).click()
    const secret = (await page.getByTestId('totp-secret').textContent())?.replaceAll(' ', '') ?? ''
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    await page.getByLabel(es['account.totp.newCode'], { exact: true }).fill('000000' === totpCode(secret, Date.now()) ? '111111' : '000000')
    await page.getByRole('button', { name: es['account.totp.confirm'] }).click()
    await page.getByRole('alert').filter({ hasText: /código|Código/ }).first().waitFor()
    await page.getByLabel(es['account.totp.newCode'], { exact: true }).fill(totpCode(secret, Date.now()))
    await page.getByRole('button', { name: es['account.totp.confirm'] }).click()
    await page.getByTestId('totp-done').waitFor()
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'account-totp-done-360.png'), fullPage: true })

    // A mistyped confirmation is caught on the phone, before anything is sent.
    await page.getByLabel(es['account.password.current'], { exact: true }).fill(password)
    await page.getByLabel(es['account.password.new'], { exact: true }).fill('una frase nueva y larga')
    await page.getByLabel(es['account.password.confirm'], { exact: true }).fill('una frase distinta')
    await page.getByRole('button', { name: es['account.password.submit'] }).click()
    await page.getByText(es['form.error.mismatch']).waitFor()
    await page.getByLabel(es['account.password.confirm'], { exact: true }).fill('una frase nueva y larga')
    await page.getByRole('button', { name: es['account.password.submit'] }).click()
    await page.getByTestId('password-changed').waitFor()
    // Every session ended with the change: back at the sign-in, which now asks for the code too.
    await page.getByRole('heading', { name: es['login.title'] }).waitFor({ timeout: 10_000 })
    await signIn(page, 'e2e.account', 'una frase nueva y larga')
    const code = page.getByLabel(es['login.totp'], { exact: true })
    await code.waitFor()
    await code.fill(totpCode(secret, Date.now() + 30_000))
    await page.getByRole('button', { name: es['login.submit'] }).click()
    await page.getByTestId('home-module_volunteer').waitFor()
  })

  it('opens a record from the field activity list and shows it and its history in words, at 360 px and on a desktop', async () => {
    for (const [viewport, name] of [
      [PHONE, '360'],
      [DESKTOP, 'desktop'],
    ] as const) {
      const page = await openApp(viewport)
      await signIn(page, 'coordinador.tijuana')
      await page.getByTestId('home-group_coordinator').waitFor()
      await page.goto('/app/field')
      const first = page.getByTestId('record-list').getByRole('link').first()
      await first.waitFor()
      await first.click()
      await page.getByTestId('record-page').waitFor()
      await page.getByTestId('record-history-list').locator('li').first().waitFor()
      await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0)
      const text = (await page.getByTestId('record-page').textContent()) ?? ''
      expect(text).not.toMatch(RAW_CODE)
      expect(text).not.toContain('{')
      await page.screenshot({ path: path.join(OUTPUT_DIR, `record-${name}.png`), fullPage: true })
      await expectAccessible(page)
      // The address is the record's: a reload opens it again.
      await page.reload()
      await page.getByTestId('record-page').waitFor()
    }
  })

  it('lets the coordinator correct a record: only what changed is sent, a bad value is named, and the history shows the correction', async () => {
    const page = await openApp(PHONE)
    await signIn(page, 'coordinador.tijuana')
    await page.getByTestId('home-group_coordinator').waitFor()
    await page.goto('/app/field')
    await page.getByTestId('record-list').getByRole('link').first().click()
    await page.getByTestId('record-history-list').locator('li').first().waitFor()
    const steps = await page.getByTestId('record-history-list').locator('li').count()
    await page.getByRole('button', { name: es['correct.open'] }).click()
    const form = page.getByTestId('correction-form')
    await form.waitFor()
    // Nothing changed: nothing is sent.
    await form.getByRole('button', { name: es['correct.save'] }).click()
    await form.getByText(es['correct.nothing']).waitFor()
    // An emptied time is refused on its field, before anything is sent.
    const when = form.getByLabel(es['review.field.at'])
    const before = await when.inputValue()
    await when.fill('')
    await form.getByRole('button', { name: es['correct.save'] }).click()
    expect(await when.getAttribute('aria-invalid')).toBe('true')
    await when.fill(before)
    await form.getByLabel(es['review.field.notes']).fill('Corrección de prueba: se contó dos veces a una persona.')
    const count = form.getByLabel(es['correct.groupCount']).first()
    await count.fill(String(Number(await count.inputValue()) + 1))
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'record-correction-360.png'), fullPage: true })
    await expectAccessible(page)
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/records/actions') && r.method() === 'POST')
    await form.getByRole('button', { name: es['correct.save'] }).click()
    const body = (await sent).postDataJSON() as { type: string; payload: Record<string, unknown>; baseVersion: number }
    expect(Object.keys(body.payload).sort()).toEqual(['notes', 'people'])
    expect(body.type).toMatch(/Corrected$/)
    expect(body.baseVersion).toBeGreaterThan(0)
    await page.getByText(es['correct.saved']).waitFor()
    await expect.poll(() => page.getByTestId('record-history-list').locator('li').count()).toBe(steps + 1)
    expect(await page.getByTestId('record-page').textContent()).toContain('Corrección de prueba')
  })

  it('lets the administrator create an account, change its role, set a new password, disable it, and add a unit, from the app', async () => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const page = await openApp(PHONE)
    await signIn(page, 'admin')
    await page.getByTestId('home-administrator').waitFor()
    await page.goto('/app/staff')
    const create = page.getByTestId('user-create')
    await create.waitFor()
    // Nothing chosen and nothing typed: every field says what it needs, nothing is sent.
    await create.getByRole('button', { name: es['staff.create.submit'] }).click()
    await create.getByText(es['form.error.choose']).first().waitFor()
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'staff-create-errors-360.png') })
    await create.getByLabel(es['staff.field.displayName'], { exact: true }).fill('Nueva voluntaria (e2e)')
    await create.getByLabel(es['staff.field.username'], { exact: true }).fill('e2e.nueva')
    await create.getByLabel(es['staff.field.role'], { exact: true }).selectOption('module_volunteer')
    await create.getByLabel(es['staff.field.unit'], { exact: true }).selectOption('module-tijuana-airport')
    await create.getByLabel(es['staff.field.password'], { exact: true }).fill('una contraseña inicial')
    // The work e-mail Faro writes to about cases: optional, and a half-typed one is named.
    const email = create.getByLabel(es['staff.field.email'], { exact: true })
    await email.fill('nueva.voluntaria')
    await create.getByRole('button', { name: es['staff.create.submit'] }).click()
    await create.getByText(es['form.error.email']).waitFor()
    await email.fill('nueva.voluntaria@paisano.gob.mx')
    await create.screenshot({ path: path.join(OUTPUT_DIR, 'staff-create-email-360.png') })
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/users') && r.method() === 'POST')
    await create.getByRole('button', { name: es['staff.create.submit'] }).click()
    expect((await sent).postDataJSON()).toMatchObject({ username: 'e2e.nueva', email: 'nueva.voluntaria@paisano.gob.mx' })
    await page.getByText(es['staff.createdDone'].replace('{name}', 'Nueva voluntaria (e2e)').replace('{username}', 'e2e.nueva')).waitFor()
    const name = 'Nueva voluntaria (e2e)'
    const card = page.getByTestId('user-list').locator('li').filter({ hasText: name })
    expect(await card.getByTestId('user-email').textContent()).toBe(es['staff.email'].replace('{email}', 'nueva.voluntaria@paisano.gob.mx'))
    await card.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'staff-email-360.png') })
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(PHONE.width)
    await expectAccessible(page)

    // A new role, and the e-mail emptied: it is removed, and nothing else is sent.
    await page.getByRole('button', { name: es['staff.editLabel'].replace('{name}', name) }).click()
    const edit = page.getByTestId('user-edit')
    expect(await edit.getByLabel(es['staff.field.email'], { exact: true }).inputValue()).toBe('nueva.voluntaria@paisano.gob.mx')
    await page.setViewportSize(DESKTOP)
    await card.screenshot({ path: path.join(OUTPUT_DIR, 'staff-edit-1366.png') })
    await expectAccessible(page)
    await page.setViewportSize(PHONE)
    await edit.getByLabel(es['staff.field.role'], { exact: true }).selectOption('call_centre_operator')
    await edit.getByLabel(es['staff.field.email'], { exact: true }).fill('')
    const patched = page.waitForRequest((r) => r.url().includes('/api/users/') && r.method() === 'PATCH')
    await edit.getByRole('button', { name: es['staff.edit.save'] }).click()
    expect((await patched).postDataJSON()).toEqual({ role: 'call_centre_operator', email: null })
    await page.getByText(es['staff.savedDone'].replace('{name}', name)).waitFor()
    expect(await card.getByTestId('user-email').count()).toBe(0)
    const admin = await apiSession(faro.baseUrl, 'admin', 'faro-demo-2026')
    const listed = (await (await admin.request('GET', '/api/users')).json()) as { items: { username: string; role: string; disabled: boolean; email: string | null }[] }
    expect(listed.items.find((u) => u.username === 'e2e.nueva')).toMatchObject({ role: 'call_centre_operator', disabled: false, email: null })

    // Its owner forgot the password: a new one, which then signs in.
    await page.getByRole('button', { name: es['staff.password.label'].replace('{name}', name) }).click()
    await page.getByTestId('user-password').getByLabel(es['staff.password.new'], { exact: true }).fill('otra contraseña temporal')
    await page.getByTestId('user-password').getByRole('button', { name: es['staff.password.save'] }).click()
    await page.getByText(es['staff.password.done'].replace('{name}', name)).waitFor()
    await apiSession(faro.baseUrl, 'e2e.nueva', 'otra contraseña temporal')

    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: es['staff.disableLabel'].replace('{name}', name) }).click()
    await page.getByText(es['staff.disabledDone'].replace('{name}', name)).waitFor()
    await page.getByRole('button', { name: es['staff.enableLabel'].replace('{name}', name) }).waitFor()
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'staff-360.png'), fullPage: true })

    // And a new module under the Baja California committee, on the units page.
    await page.goto('/app/units')
    const unit = page.getByTestId('unit-create')
    await unit.getByLabel(es['units.field.name'], { exact: true }).fill('Módulo Garita Otay (e2e)')
    await unit.getByLabel(es['units.field.id'], { exact: true }).fill('module-otay-e2e')
    await unit.getByLabel(es['units.field.parent'], { exact: true }).selectOption('paisano-bc')
    await unit.getByLabel(es['units.field.kind'], { exact: true }).selectOption('module')
    await unit.getByRole('button', { name: es['units.create.submit'] }).click()
    await page.getByText(es['units.createdDone'].replace('{name}', 'Módulo Garita Otay (e2e)')).waitFor()
    await page.getByTestId('unit-list').getByText('Módulo Garita Otay (e2e)').waitFor()
    await expectAccessible(page)
  })

  it('finds places by name and kind, says which are observation points, and shows them on a map', async () => {
    const page = await openApp(PHONE)
    await signIn(page, 'voluntario.tijuana')
    await page.getByTestId('home-module_volunteer').waitFor()
    await page.goto('/app/places')
    await page.getByTestId('place-list').locator('li').first().waitFor()
    await page.getByLabel(es['places.kind'], { exact: true }).selectOption('observation_point')
    const cards = page.getByTestId('place-list').locator('li')
    expect(await cards.count()).toBeGreaterThan(0)
    for (const text of await cards.allTextContents()) {
      expect(text).toContain(es['placeKind.observation_point'])
    }
    await page.getByLabel(es['places.kind'], { exact: true }).selectOption('')
    // Accents and case do not matter to the search.
    await page.getByLabel(es['places.search'], { exact: true }).fill('aeropuerto de tijuana')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="place-list"] li').length === 1)
    expect(await cards.first().textContent()).toContain(es['places.hours'].split(':')[0] ?? 'Horario')
    await page.getByRole('button', { name: es['places.showMap'] }).click()
    await page.getByTestId('field-map').waitFor()
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'places-360.png'), fullPage: true })
    await expectAccessible(page)
  })

  it('answers a record type that does not exist with the not-found page', async () => {
    const page = await openApp()
    await signIn(page, 'coordinador.tijuana')
    await page.getByTestId('home-group_coordinator').waitFor()
    await page.goto('/app/records/spaceship/x-1')
    await page.getByRole('heading', { name: es['app.notFound'] }).waitFor()
  })
})
