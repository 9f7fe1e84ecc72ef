import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { apiSession, type ApiSession } from './api-session.ts'
import { closeAll, DEMO_PASSWORD, SKIP_BROWSER_TESTS, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { PHONE, PHONE_PIN, setPin, signIn, waitForServiceWorker } from './pages.ts'
import { DESKTOP, expectAccessible, settle, shoot } from './screens.ts'

const SITE = 'module-tijuana-airport'
const SITE_NAME = 'Módulo Aeropuerto de Tijuana'
const COORDINATOR = 'coordinacion.paisano'
const VOLUNTEER = 'vol.tijuana-airport.1'
const NEWCOMER = 'vol.tijuana-airport.2'
// What a person must never read: a closed list's code (in_repair), an id (a unit's, a record's), raw JSON.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b|[{}]|"\w+":|module-|[0-9a-f]{8}-[0-9a-f]{4}-/
const CENTRAL_MS = 6 * 3_600_000

type Totals = { rows: { key: string; guidance: number; guides: number; complaintReferrals: number; helpReferrals: number; otherReferrals: number }[] }

/**
 * A module volunteer’s phone: the week a coordinator plans in the roster screen shows on their
 * home, they count people with one tap each while offline, the counts survive a restart and
 * arrive once; and an account made in bulk sets its first password with its one-time code.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('a module volunteer’s phone in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  let coordinator: ApiSession | undefined
  const contexts: BrowserContext[] = []
  let problems: string[] = []

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
    coordinator = await apiSession(faro.baseUrl, COORDINATOR, DEMO_PASSWORD)
  })

  afterEach(() => {
    const seen = problems
    problems = []
    expect(seen).toEqual([])
  })

  afterAll(() => closeAll(contexts, browser, faro))

  async function phone(): Promise<{ page: Page; context: BrowserContext }> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport: PHONE })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        problems.push(message.text())
      }
    })
    return { page, context }
  }

  function asCoordinator(): ApiSession {
    if (!coordinator) {
      throw new Error('the coordinator did not sign in')
    }
    return coordinator
  }

  async function siteTotals(day: string): Promise<Totals['rows'][number]> {
    const answer: Totals = await (await asCoordinator().request('GET', `/api/tallies/totals?by=site&from=${day}&to=${day}`)).json()
    return answer.rows.find((r) => r.key === SITE) ?? { key: SITE, guidance: 0, guides: 0, complaintReferrals: 0, helpReferrals: 0, otherReferrals: 0 }
  }

  it('shows the roster a coordinator built, records tallies offline and they arrive exactly once', async () => {
    const roster = await buildRosterAsCoordinator(await phone())
    const today = centralDay(Date.now())
    const before = await siteTotals(today)

    const { page, context } = await phone()
    await page.goto('/app/')
    await signIn(page, VOLUNTEER)
    await page.getByTestId('home-module_volunteer').waitFor()
    const shifts = page.getByTestId('vol-shifts')
    await shifts.waitFor()
    await settle(page)
    const hours = (roster.ends < roster.starts ? es['vol.shifts.overnight'] : es['vol.shifts.hours']).replace('{starts}', roster.starts).replace('{ends}', roster.ends)
    const ours = page.getByTestId('vol-shift').filter({ hasText: hours })
    // The next shifts first; the rest of the week on demand.
    expect(await page.locator('[data-testid="vol-shift"][data-next="true"]').count()).toBe(1)
    expect(await ours.count()).toBeGreaterThanOrEqual(1)
    await shifts.getByTestId('vol-shifts-more').click()
    expect(await ours.count()).toBeGreaterThanOrEqual(7)
    expect(await shifts.textContent()).toContain(SITE_NAME)
    expect(await shifts.textContent()).not.toMatch(RAW_CODE)
    await page.setViewportSize(DESKTOP)
    await shoot(page, 'volunteer-home')
    await expectAccessible(page)
    // Field mode reads as what a volunteer does there.
    expect(await page.getByRole('navigation').getByRole('link', { name: es['tally.nav'], exact: true }).count()).toBe(1)
    await page.setViewportSize(PHONE)

    await page.getByTestId('home-count').click()
    await setPin(page)
    await waitForServiceWorker(page)
    const panel = page.getByTestId('tally-panel')
    // The shift on now is known (downloaded while online) before the signal goes; the demo's
    // own roster may have put the volunteer on another shift at this hour too.
    await panel.getByText(/turno de \d\d:\d\d a \d\d:\d\d/).waitFor()
    expect(await page.getByTestId('fm-gps').count()).toBe(0)
    expect(await page.getByTestId('fm-quick').count()).toBe(0)

    await context.setOffline(true)
    const tap = async (count: string, times: number) => {
      for (let i = 1; i <= times; i += 1) {
        await page.getByTestId(`tally-${count}`).click()
      }
      await page.locator(`[data-testid="tally-${count}"][data-count="${times}"]`).waitFor()
    }
    await tap('guidance', 3)
    await tap('guides', 2)
    await tap('complaintReferrals', 1)
    // The day's first tap opens the tally: seven actions wait for six taps.
    await page.locator('[data-testid="fm-pending"][data-count="7"]').waitFor()
    expect(await page.getByTestId('tally-saved').textContent()).toBe(`${es['tally.count.complaintReferrals']}: 1 vez hoy. Guardado en este teléfono.`)
    expect(await panel.textContent()).not.toMatch(RAW_CODE)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.setViewportSize(DESKTOP)
    await shoot(page, 'volunteer-tally')
    await expectAccessible(page)
    await page.setViewportSize(PHONE)

    // Still offline, the app restarts from the service worker; the taps are on the phone.
    await page.reload()
    await page.getByTestId('fm-pin-unlock').waitFor()
    await page.getByLabel(es['fm.pin.pin'], { exact: true }).fill(PHONE_PIN)
    await page.getByRole('button', { name: es['fm.pin.unlock'] }).click()
    await page.locator('[data-testid="tally-guidance"][data-count="3"]').waitFor()
    await page.locator('[data-testid="tally-guides"][data-count="2"]').waitFor()
    await page.locator('[data-testid="tally-complaintReferrals"][data-count="1"]').waitFor()
    await page.locator('[data-testid="fm-pending"][data-count="7"]').waitFor()

    await context.setOffline(false)
    await page.getByTestId('fm-sync').click()
    await page.locator('[data-testid="fm-pending"][data-count="0"]').waitFor({ timeout: 30_000 })
    // A second sync sends nothing again.
    await page.getByTestId('fm-sync').click()
    await page.locator('[data-testid="fm-sync"]:not([disabled])').waitFor()
    await page.locator('[data-testid="tally-guidance"][data-count="3"]').waitFor()

    const after = await siteTotals(today)
    expect({
      guidance: after.guidance - before.guidance,
      guides: after.guides - before.guides,
      complaintReferrals: after.complaintReferrals - before.complaintReferrals,
      helpReferrals: after.helpReferrals - before.helpReferrals,
      otherReferrals: after.otherReferrals - before.otherReferrals,
    }).toEqual({ guidance: 3, guides: 2, complaintReferrals: 1, helpReferrals: 0, otherReferrals: 0 })
  })

  it('activates an account with its one-time code, refusing a wrong one in words, then signs in with the new password', async () => {
    const userId = await volunteerId(asCoordinator(), NEWCOMER)
    const issued = await asCoordinator().request('POST', `/api/volunteers/${userId}/code`)
    expect(issued.status).toBe(200)
    const { code }: { code: string } = await issued.json()
    const password = 'una frase larga para el módulo'

    const { page } = await phone()
    await page.goto('/app/')
    await page.getByTestId('activate-link').click()
    const form = page.getByTestId('activate-form')
    await form.waitFor()
    await form.getByLabel(es['activate.username'], { exact: true }).fill(NEWCOMER)
    await form.getByLabel(es['activate.code'], { exact: true }).fill('WRONGCODE2')
    await form.getByLabel(es['activate.password'], { exact: true }).fill('corta')
    await form.getByLabel(es['activate.confirm'], { exact: true }).fill('corta')
    await form.getByRole('button', { name: es['activate.submit'] }).click()
    // The password rule is checked before anything is sent.
    await form.getByText(es['form.error.too_small']).waitFor()
    await form.getByLabel(es['activate.password'], { exact: true }).fill(password)
    await form.getByLabel(es['activate.confirm'], { exact: true }).fill(password)
    await form.getByRole('button', { name: es['activate.submit'] }).click()
    await page.getByTestId('activate-refused').waitFor()
    expect(await page.getByTestId('activate-refused').textContent()).toBe(es['activate.failed'])
    await page.setViewportSize(DESKTOP)
    await shoot(page, 'volunteer-activate')
    await expectAccessible(page)
    await page.setViewportSize(PHONE)

    // Typed as read off the sheet: lower case, with a dash.
    await form.getByLabel(es['activate.code'], { exact: true }).fill(`${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`)
    await form.getByRole('button', { name: es['activate.submit'] }).click()
    await page.getByTestId('activate-done').waitFor()
    expect(await page.getByLabel(es['login.username'], { exact: true }).inputValue()).toBe(NEWCOMER)
    expect(new URL(page.url()).hash).toBe('')
    await page.getByLabel(es['login.password'], { exact: true }).fill(password)
    await page.getByRole('button', { name: es['login.submit'] }).click()
    await page.getByTestId('home-module_volunteer').waitFor()

    // The code worked once: the same code again is refused, as any wrong one.
    const again = await fetch(`${faro?.baseUrl ?? ''}/api/auth/activate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: NEWCOMER, code, password: 'otra frase larga distinta' }) })
    expect(again.status).toBe(401)
  })
})

/**
 * The coordinator's part, through the API while the roster screen is being built: a week of
 * shifts at the site with the volunteer on each, at hours that include now (Mexico's centre).
 * The UI steps can replace this function once the screen exists.
 */
/**
 * The coordinator plans the module's week in the roster screen, on a desktop: a four-hour shift
 * from the hour now, every day, with the volunteer on it.
 */
async function buildRosterAsCoordinator({ page }: { page: Page }): Promise<{ starts: string; ends: string }> {
  await page.setViewportSize(DESKTOP)
  await page.goto('/app/roster')
  await signIn(page, COORDINATOR)
  await page.getByTestId('roster-site').selectOption(SITE)
  await page.getByTestId('roster-day').first().waitFor()
  const days = await page.getByTestId('roster-day').evaluateAll((list) => list.map((d) => d.getAttribute('data-day') ?? ''))
  expect(days).toHaveLength(7)
  const hour = new Date(Date.now() - CENTRAL_MS).getUTCHours()
  const starts = `${String(hour).padStart(2, '0')}:00`
  const ends = `${String((hour + 4) % 24).padStart(2, '0')}:00`
  for (const day of days) {
    await page.getByTestId('roster-plan-open').click()
    const form = page.getByTestId('roster-plan-form')
    await form.getByLabel(es['ops.plan.date'], { exact: true }).selectOption(day)
    await form.getByLabel(es['ops.plan.starts'], { exact: true }).fill(starts)
    await form.getByLabel(es['ops.plan.ends'], { exact: true }).fill(ends)
    await form.getByLabel(es['ops.plan.needed'], { exact: true }).fill('2')
    await form.getByLabel(`Voluntariado 1 (demo), ${SITE_NAME}`, { exact: true }).check()
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/shifts') && r.request().method() === 'POST')
    await form.getByRole('button', { name: es['ops.plan.submit'] }).click()
    expect((await saved).status()).toBe(201)
    await page.getByTestId('roster-notice').getByText(`${starts}–${ends}`).waitFor()
  }
  // One planned every day, each missing one of the two it needs.
  expect(Number(await page.getByTestId('roster-gaps').getAttribute('data-gaps'))).toBeGreaterThanOrEqual(7)
  await page.close()
  return { starts, ends }
}

async function volunteerId(coordinator: ApiSession, username: string): Promise<string> {
  const list: { items: { userId: string; username: string | null }[] } = await (await coordinator.request('GET', `/api/volunteers?unit=${SITE}`)).json()
  const found = list.items.find((v) => v.username === username)
  if (!found) {
    throw new Error(`no demo volunteer ${username}`)
  }
  return found.userId
}

function centralDay(at: number): string {
  return new Date(at - CENTRAL_MS).toISOString().slice(0, 10)
}
