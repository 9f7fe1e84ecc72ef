import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import en from '../packages/web/src/i18n/en.json'
import es from '../packages/web/src/i18n/es.json'
import { apiSession, totpCode } from './api-session.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, OUTPUT_DIR, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { PHONE, signIn } from './pages.ts'

const DESKTOP = { width: 1366, height: 900 }

describe.skipIf(SKIP_BROWSER_TESTS)('staff app in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  // Problems the page itself reports: a CSP refusal or an uncaught exception fails the test.
  let pageProblems: string[] = []

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
  })

  afterEach(() => {
    const problems = pageProblems
    pageProblems = []
    expect(problems).toEqual([])
  })

  afterAll(() => closeAll(contexts, browser, faro))

  function requireServer(): RunningFaro {
    if (!faro) {
      throw new Error('the server did not start')
    }
    return faro
  }

  /** A fresh browser profile (no cookie, no saved language) on a Spanish-speaking device. */
  async function openApp(options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<Page> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: options.locale ?? 'es-MX', viewport: options.viewport ?? DESKTOP })
    contexts.push(context)
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        pageProblems.push(message.text())
      }
    })
    page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`))
    await page.goto('/app/')
    return page
  }

  for (const { username, role } of DEMO_ACCOUNTS) {
    it(`signs ${username} in and shows the ${role} home`, async () => {
      const page = await openApp()
      await signIn(page, username)
      const home = page.getByTestId(`home-${role}`)
      await home.waitFor()
      expect(await home.getByRole('heading', { level: 1 }).textContent()).toBe(es[`home.${role}.title`])
      expect(await page.title()).toBe(`${es[`home.${role}.title`]} · Faro`)
      expect(await page.getByTestId('account-role').textContent()).toBe(es[`role.${role}`])
      expect((await page.getByTestId('account-name').textContent())?.trim()).not.toBe('')
      expect((await page.getByTestId('account-unit').textContent())?.trim()).not.toBe('')
      await settle(page)
      await page.screenshot({ path: path.join(OUTPUT_DIR, `${role}.png`), fullPage: true })
    })
  }

  it('shows the field agent the counts of the group and opens the field activity list', async () => {
    const page = await openApp()
    await signIn(page, 'agente.tijuana')
    await page.getByTestId('activity-stats').waitFor()
    await page.getByRole('navigation').getByRole('link', { name: es['nav.field'] }).click()
    await page.getByTestId('record-list').locator('li').first().waitFor()
    expect(await page.getByTestId('record-list').locator('.badge-demo').count()).toBeGreaterThan(0)
    // Latest work first, whenever each record was sent.
    const times = await page.getByTestId('record-list').locator('time').evaluateAll((nodes) => nodes.map((n) => Date.parse(n.getAttribute('datetime') ?? '')))
    expect(times.length).toBeGreaterThan(1)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    // Only the records waiting for review, each marked as such, or a sentence saying there are none.
    await page.getByLabel(es['field.onlyReview']).check()
    await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0)
    const flagged = page.getByTestId('record-list').locator('li.list-item')
    const shownFlagged = await flagged.count()
    if (shownFlagged === 0) {
      await page.getByText(es['field.noneToReview']).waitFor()
    } else {
      expect(await page.getByTestId('record-list').locator('li.list-item .badge-review').count()).toBe(shownFlagged)
    }
    await page.getByLabel(es['field.onlyReview']).uncheck()
    // A card opens its record.
    await page.getByTestId('record-list').locator('li a').first().click()
    await page.getByTestId('record-page').waitFor()
  })

  it('gives the national analyst exact counts for a chosen period, broken down by sex, age, nationality and vulnerability', async () => {
    const page = await openApp({ viewport: PHONE })
    await signIn(page, 'analista.nacional')
    const stats = page.getByTestId('activity-stats')
    await stats.waitFor()
    const summary = (await (await page.request.get('/api/field/summary?period=week')).json()) as { total: { attentions: number }; people: { nationality: { value: string }[] } }
    const shown = async () => (await stats.locator('dd').first().textContent())?.replace(/\D/g, '')
    expect(await shown()).toBe(String(summary.total.attentions))
    expect(await stats.textContent()).not.toContain('+')
    const breakdown = page.getByTestId('people-breakdown')
    for (const dimension of ['sex', 'ageBand', 'nationality', 'vulnerability']) {
      await breakdown.getByTestId(`breakdown-${dimension}`).waitFor()
    }
    // Countries in words, never codes.
    const top = summary.people.nationality.find((n) => n.value !== 'unknown')?.value
    if (top !== undefined) {
      const name = new Intl.DisplayNames(['es'], { type: 'region' }).of(top) ?? top
      expect(await breakdown.getByTestId('breakdown-nationality').textContent()).toContain(name)
    }
    expect(await breakdown.textContent()).not.toMatch(/\b(female|male|unknown|pregnant|[A-Z]{2})\b/)
    await page.getByRole('button', { name: es['live.period.year'] }).click()
    const year = (await (await page.request.get('/api/field/summary?period=year')).json()) as { total: { attentions: number } }
    await expect.poll(shown).toBe(String(year.total.attentions))
    await settle(page)
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'national-analyst-breakdown-360.png'), fullPage: true })
  })

  it('lets the data protection officer verify the audit chain', async () => {
    const page = await openApp()
    await signIn(page, 'proteccion.datos')
    await page.getByRole('button', { name: es['audit.verify'] }).click()
    await page.getByTestId('audit-verify-result').locator('.notice-ok').waitFor()
    expect(await page.getByTestId('audit-verify-result').textContent()).toMatch(/^Cadena íntegra: [\d,.\s]+ eventos verificados\.$/)
    // The events are in words: no action codes, no record ids, no account ids.
    const list = page.getByTestId('audit-list')
    await list.locator('li').first().waitFor()
    const text = (await list.textContent()) ?? ''
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]{3,}\.[a-z_]{3,}\b|[0-9a-f]{8}-[0-9a-f]{4}/)
    // Only refusals, when asked.
    await page.getByLabel(es['audit.filter.decision'], { exact: true }).selectOption('denied')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-list"] .list-item:not(.list-item-denied)').length === 0)
    await page.setViewportSize({ width: 360, height: 740 })
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'audit-360.png') })
  })

  it('shows the administrator the staff accounts', async () => {
    const page = await openApp()
    await signIn(page, 'admin')
    await page.getByTestId('user-list').locator('li').first().waitFor()
    expect(await page.getByTestId('user-list').locator('li').count()).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length)
  })

  it('shows the server’s Spanish message for a wrong password', async () => {
    const page = await openApp()
    await signIn(page, 'coordinador.tijuana', 'not-the-password')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toBe('Usuario o contraseña incorrectos')
    expect(await page.getByLabel(es['login.password'], { exact: true }).isVisible()).toBe(true)
  })

  it('shows the server’s throttling message after repeated failures', async () => {
    const page = await openApp()
    // An account name of its own, so the per-account limit cannot lock out another test.
    await page.getByLabel(es['login.username'], { exact: true }).fill('nadie.e2e')
    await page.getByLabel(es['login.password'], { exact: true }).fill('not-the-password')
    let status = 0
    for (let attempt = 0; attempt < 6; attempt++) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'))
      await page.getByRole('button', { name: es['login.submit'] }).click()
      status = (await answered).status()
    }
    expect(status).toBe(429)
    await page.getByRole('alert').getByText(/^Demasiados intentos fallidos\. Intente de nuevo en \d+ minutos\.$/).waitFor()
  })

  it('asks for the six-digit code when the account has a second factor', async () => {
    const server = requireServer()
    const admin = await apiSession(server.baseUrl, 'admin', DEMO_PASSWORD)
    const password = 'e2e-second-factor-1'
    const created = await admin.request('POST', '/api/users', { username: 'e2e.totp', displayName: 'Prueba de segundo factor (e2e)', role: 'call_centre_operator', orgUnitId: 'paisano', password })
    expect(created.status).toBe(201)
    const user = await apiSession(server.baseUrl, 'e2e.totp', password)
    const setup: { secret: string } = await (await user.request('POST', '/api/auth/totp/setup', { password })).json()
    expect((await user.request('POST', '/api/auth/totp/enable', { code: totpCode(setup.secret, Date.now()) })).status).toBe(204)

    const page = await openApp()
    await signIn(page, 'e2e.totp', password)
    const code = page.getByLabel(es['login.totp'], { exact: true })
    await code.waitFor()
    expect(await page.getByText('Escriba el código de seis dígitos de su aplicación de autenticación').count()).toBe(1)
    // The next period's code: accepted by the server's ±1 step window, and never the one just used.
    await code.fill(totpCode(setup.secret, Date.now() + 30_000))
    await page.getByRole('button', { name: es['login.submit'] }).click()
    await page.getByTestId('home-call_centre_operator').waitFor()
  })

  it('lets the administrator reset a lost second factor, after which the password alone signs in', async () => {
    const server = requireServer()
    const admin = await apiSession(server.baseUrl, 'admin', DEMO_PASSWORD)
    const password = 'e2e-lost-phone-1'
    const name = 'Teléfono perdido (e2e)'
    const created = await admin.request('POST', '/api/users', { username: 'e2e.lost-phone', displayName: name, role: 'call_centre_operator', orgUnitId: 'paisano', password })
    expect(created.status).toBe(201)
    const user = await apiSession(server.baseUrl, 'e2e.lost-phone', password)
    const setup: { secret: string } = await (await user.request('POST', '/api/auth/totp/setup', { password })).json()
    expect((await user.request('POST', '/api/auth/totp/enable', { code: totpCode(setup.secret, Date.now()) })).status).toBe(204)

    const page = await openApp()
    await signIn(page, 'admin')
    const confirmed = page.waitForEvent('dialog').then(async (dialog) => {
      await dialog.accept()
      return dialog.message()
    })
    await page.getByRole('button', { name: es['staff.resetTotpLabel'].replace('{name}', name) }).click()
    expect(await confirmed).toBe(es['staff.resetTotpConfirm'].replace('{name}', name))
    await page.getByText(es['staff.resetTotpDone'].replace('{name}', name)).waitFor()
    expect(await page.getByRole('button', { name: es['staff.resetTotpLabel'].replace('{name}', name) }).count()).toBe(0)
    expect((await user.request('GET', '/api/auth/me')).status).toBe(401)
    await apiSession(server.baseUrl, 'e2e.lost-phone', password)
  })

  it('creates and revokes an API token with the CSRF token recovered after a reload', async () => {
    const page = await openApp()
    await signIn(page, 'enlace.profeco')
    await page.getByTestId('home-agency_liaison').waitFor()
    await page.reload()
    await page.getByRole('navigation').getByRole('link', { name: es['nav.tokens'] }).click()
    await page.getByLabel(es['tokens.name'], { exact: true }).fill('Sistema de quejas (e2e)')
    await page.getByRole('button', { name: es['tokens.create'] }).click()
    expect(await page.getByTestId('new-token').textContent()).toMatch(/^faro_/)
    await page.getByRole('button', { name: 'Revocar el token Sistema de quejas (e2e)' }).click()
    await page.getByTestId('token-list').getByText(/^Revocado el /).waitFor()
  })

  it('fits a 360 px phone without sideways scrolling', async () => {
    const page = await openApp({ viewport: PHONE })
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width)
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'phone-login.png'), fullPage: true })
    await signIn(page, 'coordinador.tijuana')
    await page.getByTestId('home-group_coordinator').waitFor()
    await settle(page)
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width)
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'phone-home.png'), fullPage: true })
    for (const [label, list] of [[es['nav.field'], 'record-list'], [es['nav.staff'], 'user-list'], [es['nav.units'], 'unit-list']] as const) {
      await page.getByRole('navigation').getByRole('link', { name: label }).click()
      await page.getByTestId(list).locator('li').first().waitFor()
      expect(await scrollWidth(page), label).toBeLessThanOrEqual(PHONE.width)
    }
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'phone-units.png') })
    // Thumbs need big targets: every navigation link is at least 44 px high.
    for (const box of await page.getByRole('navigation').getByRole('link').evaluateAll((links) => links.map((l) => l.getBoundingClientRect().height))) {
      expect(box).toBeGreaterThanOrEqual(44)
    }
  })

  it('puts the navigation beside the page on a desktop screen', async () => {
    const page = await openApp({ viewport: DESKTOP })
    await signIn(page, 'analista.nacional')
    await page.getByTestId('home-national_analyst').waitFor()
    const nav = await page.getByRole('navigation').boundingBox()
    const main = await page.getByRole('main').boundingBox()
    expect(nav && main && nav.x + nav.width <= main.x).toBe(true)
    expect(await scrollWidth(page)).toBeLessThanOrEqual(DESKTOP.width)
  })

  it('switches to English, asks the server in English and remembers the choice', async () => {
    const page = await openApp()
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: en['login.title'] }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await signIn(page, 'editor.guia', 'not-the-password', en)
    await page.getByRole('alert').waitFor()
    expect(await page.getByRole('alert').textContent()).toBe('Wrong username or password')
    await signIn(page, 'editor.guia', DEMO_PASSWORD, en)
    await page.getByTestId('home-guide_editor').getByRole('heading', { name: en['home.guide_editor.title'] }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: en['home.guide_editor.title'] }).waitFor()
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true')
  })

  it('signs out back to the login screen and ends the session', async () => {
    const page = await openApp()
    await signIn(page, 'voluntario.tijuana')
    await page.getByTestId('home-module_volunteer').waitFor()
    await page.getByRole('button', { name: es['shell.logout'] }).click()
    await page.getByRole('heading', { name: es['login.title'] }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: es['login.title'] }).waitFor()
    expect(await page.getByTestId('home-module_volunteer').count()).toBe(0)
  })

  it('starts from the service worker cache when the network is gone', async () => {
    const page = await openApp()
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await page.context().setOffline(true)
    // Offline really is offline, service worker included: a file it never cached cannot load.
    expect(await page.evaluate(() => fetch(`/app/icons/icon.svg?nocache=${Date.now()}`).then(() => 'loaded', () => 'failed'))).toBe('failed')
    const shell = await page.reload()
    expect(shell?.fromServiceWorker()).toBe(true)
    await page.getByRole('alert').waitFor()
    expect(await page.getByRole('alert').textContent()).toContain(es['app.networkError'])
    await page.context().setOffline(false)
    await page.getByRole('button', { name: es['app.retry'] }).click()
    await page.getByRole('heading', { name: es['login.title'] }).waitFor()
  })
})


/** Waits until no list or summary on the page is still loading. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0)
}

function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth)
}
