import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { apiSession } from './api-session.ts'
import { DEMO_PASSWORD, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { signIn } from './pages.ts'
import { DESKTOP, expectAccessible, settle, shoot } from './screens.ts'

const FOLIO = /^LB-\d{2}-[0-9A-Z]{4}-[0-9A-Z]$/
// A code of a closed list shown as it is stored (phone_call, missing_migrant…) instead of in words.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b/
const GUATEMALA = { username: 'e2e.consulado.gt', displayName: 'Protección consular (e2e), Consulado de Guatemala', role: 'consulate_officer', orgUnitId: 'consulate-gt', password: 'consulado de prueba e2e 2026' }
const STORY = 'Sus familias dicen que salieron juntos de San Pedro Sula el 20 de octubre; la última llamada fue desde Altar, Sonora.'
const TATTOO = 'Tatuaje de una rosa en el antebrazo izquierdo'

/**
 * Location requests in the staff app: the Honduran consulate files one for three people, mostly by
 * keyboard (a misspelled name with one surname, a nickname and a tattoo, full names), reads back
 * the folio and PIN, and finds the people on the case page by number, without names or vault
 * references. Another country's consulate cannot open it. The call centre files one for a mother.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('location requests in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  let pageProblems: string[] = []
  const filed = { folio: '', recordId: '' }

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
    const admin = await apiSession(faro.baseUrl, 'admin', DEMO_PASSWORD)
    const created = await admin.request('POST', '/api/users', GUATEMALA)
    expect(created.status, await created.clone().text()).toBe(201)
  })

  afterEach(() => {
    const problems = pageProblems
    pageProblems = []
    expect(problems).toEqual([])
  })

  afterAll(() => closeAll(contexts, browser, faro))

  async function openAs(username: string, password = DEMO_PASSWORD): Promise<Page> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport: DESKTOP })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`))
    await page.goto('/app/')
    await signIn(page, username, password)
    await page.getByTestId('account-name').waitFor()
    return page
  }

  /** Whether the keyboard is in this part of the page. */
  const hasFocus = (where: Locator) => where.evaluate((el) => el.contains(document.activeElement))

  it('lets a consulate file a request for three people by keyboard and read back its folio and PIN', async () => {
    const page = await openAs('consulado.honduras')
    const home = page.getByTestId('home-consulate_officer')
    await home.getByTestId('home-trace-request').focus()
    await page.keyboard.press('Enter')
    const form = page.getByTestId('trace-request-form')
    await form.waitFor()
    // The consulate is its own contact: nobody's name, phone or consents are asked.
    await form.getByTestId('trace-as-consulate').waitFor()
    expect(await form.getByLabel(es['case.intake.contactChannel']).count()).toBe(0)
    expect(await form.getByRole('radio').count()).toBe(0)

    // Nothing said: the form names what it needs and sends nothing.
    const submit = form.getByRole('button', { name: 'Registrar la búsqueda de 1 persona' })
    await submit.focus()
    await page.keyboard.press('Enter')
    const people = form.getByTestId('sought-person')
    await people.first().getByText(es['form.error.trace_nobody']).waitFor()
    await form.getByText(es['form.error.required']).first().waitFor()

    await form.getByLabel(es['trace.request.description'], { exact: true }).focus()
    await page.keyboard.type(STORY)
    // The first: a name as the family spells it, and one surname.
    const first = people.nth(0)
    await page.keyboard.press('Tab')
    expect(await hasFocus(first)).toBe(true)
    await page.keyboard.type('Jose Angel')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Maldonaldo')
    await first.getByLabel(es['trace.person.sex'], { exact: true }).focus()
    await page.keyboard.type(es['sex.male'])
    await page.keyboard.press('Tab')
    await page.keyboard.type('Honduras')
    await page.keyboard.press('Tab')
    await page.keyboard.type('19')
    expect(await first.getByLabel(es['case.intake.nationality'], { exact: true }).inputValue()).toBe('HN')
    await first.getByLabel(es['trace.person.lastContactDate'], { exact: true }).fill('2026-10-28')
    await first.getByLabel(es['trace.person.lastContactMeans'], { exact: true }).focus()
    await page.keyboard.type(es['trace.means.phone_call'])
    await page.keyboard.press('Tab')
    await page.keyboard.type('Altar')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Sonora')
    await first.getByText(es['form.error.trace_nobody']).waitFor({ state: 'detached' })

    // The second: only a nickname, and a tattoo under "more details".
    await form.getByTestId('sought-add').focus()
    await page.keyboard.press('Enter')
    const second = people.nth(1)
    await second.waitFor()
    expect(await hasFocus(second)).toBe(true)
    await second.getByLabel(es['trace.person.aliases'], { exact: true }).focus()
    await page.keyboard.type('el Flaco')
    await second.getByTestId('sought-more').locator('summary').focus()
    await page.keyboard.press('Enter')
    await second.getByLabel(es['trace.person.marks'], { exact: true }).focus()
    await page.keyboard.type(TATTOO)

    // The third: full names, a birth date.
    await form.getByTestId('sought-add').click()
    const third = people.nth(2)
    await page.keyboard.type('Kevin Josué')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Reyes')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Maldonado')
    await third.getByLabel(es['trace.person.birthDate'], { exact: true }).fill('2008-03-14')
    await third.getByLabel(es['case.intake.nationality'], { exact: true }).selectOption('HN')

    // One too many, taken away again: the keyboard goes back to the button that adds.
    await form.getByTestId('sought-add').click()
    expect(await people.count()).toBe(4)
    await form.getByRole('button', { name: 'Quitar a la persona 4' }).click()
    expect(await people.count()).toBe(3)
    expect(await hasFocus(form.getByTestId('sought-add'))).toBe(true)
    expect(await form.getByTestId('trace-sought').getByRole('heading', { level: 2 }).textContent()).toBe('3 personas buscadas')
    await shoot(page, 'trace-request')
    await expectAccessible(page)

    const sent = page.waitForRequest((r) => r.url().endsWith('/api/tracing/requests') && r.method() === 'POST')
    await form.getByRole('button', { name: 'Registrar la búsqueda de 3 personas' }).focus()
    await page.keyboard.press('Enter')
    const body = (await sent).postDataJSON() as { pin: string; requester?: unknown; sought: { identity: Record<string, unknown> }[] }
    expect(body).toMatchObject({ channel: 'consulate', relationship: 'consulate', contactChannel: 'none', description: STORY })
    expect(body.requester).toBeUndefined()
    expect(body.sought).toHaveLength(3)
    expect(body.sought[0]).toMatchObject({ identity: { givenNames: 'Jose Angel', firstSurname: 'Maldonaldo', sex: 'male', approximateAge: 19, nationality: 'HN' }, lastContact: { date: '2026-10-28', place: 'Altar', state: 'Sonora', means: 'phone_call' } })
    expect(body.sought[0]?.identity.secondSurname).toBeUndefined()
    expect(body.sought[1]).toMatchObject({ identity: { aliases: ['el Flaco'], physical: { marks: TATTOO } } })
    expect(body.sought[1]?.identity.givenNames).toBeUndefined()
    expect(body.sought[2]).toMatchObject({ identity: { givenNames: 'Kevin Josué', firstSurname: 'Reyes', secondSurname: 'Maldonado', birthDate: '2008-03-14', nationality: 'HN' } })

    const readback = page.getByTestId('readback')
    await readback.waitFor()
    filed.folio = (await readback.getByTestId('readback-folio').textContent()) ?? ''
    expect(filed.folio).toMatch(FOLIO)
    expect(await readback.getByTestId('readback-pin').textContent()).toBe(body.pin)
    expect(await readback.getByTestId('readback-sought').textContent()).toBe('3 personas buscadas')
    await shoot(page, 'trace-readback')
    await expectAccessible(page)
    filed.recordId = decodeURIComponent((await readback.getByTestId('readback-case').getAttribute('href'))?.split('/').pop() ?? '')
    expect(filed.recordId).not.toBe('')

    // The next request: a new, empty form with one person.
    await readback.getByRole('button', { name: es['trace.readback.next'] }).click()
    expect(await form.getByLabel(es['trace.request.description'], { exact: true }).inputValue()).toBe('')
    expect(await people.count()).toBe(1)
  })

  it('shows the consulate the people sought by number, in words, with no name and no vault reference', async () => {
    const page = await openAs('consulado.honduras')
    await page.goto(`/app/cases/${filed.recordId}`)
    const casePage = page.getByTestId('case-page')
    const sought = casePage.getByTestId('case-sought')
    await sought.waitFor()
    await settle(page)
    const rows = sought.getByTestId('case-sought-person')
    expect(await rows.count()).toBe(3)
    expect(await rows.nth(0).getByRole('heading').textContent()).toBe('Persona 1 de 3')
    expect(await rows.nth(2).getByRole('heading').textContent()).toBe('Persona 3 de 3')
    expect(await rows.nth(0).textContent()).toContain('Altar, Sonora')
    expect(await rows.nth(0).textContent()).toContain(es['trace.means.phone_call'])
    // The consulate learns how each search stands from the answers only.
    expect(await rows.nth(1).getByTestId('sought-outcome').textContent()).toBe(es['trace.answers.seeBelow'])
    const text = (await casePage.textContent()) ?? ''
    expect(text).not.toMatch(RAW_CODE)
    expect(text).not.toMatch(/Maldonaldo|Flaco|rosa|Kevin/)
    const view = await page.evaluate(async (id) => (await (await fetch(`/api/cases/${id}`)).json()) as { state: { sought: { soughtId: string; personId?: string }[] } }, filed.recordId)
    for (const person of view.state.sought) {
      // The filer is not sent the vault references at all.
      expect(person.personId).toBeUndefined()
      expect(text).not.toContain(person.soughtId)
    }
    await shoot(page, 'trace-case-page')
    await expectAccessible(page)
  })

  it('keeps the request from another country\'s consulate', async () => {
    const page = await openAs(GUATEMALA.username, GUATEMALA.password)
    await page.goto(`/app/cases/${filed.recordId}`)
    await page.getByTestId('case-refused').waitFor()
    expect(await page.getByTestId('case-page').textContent()).not.toContain(filed.folio)
  })

  it('lets the call centre file a mother\'s request, with her phone and what she lets be shared', async () => {
    const page = await openAs('operador.centro')
    await page.getByTestId('home-call_centre_operator').getByTestId('home-trace-request').click()
    const form = page.getByTestId('trace-request-form')
    await form.getByRole('radio', { name: es['trace.relationship.parent'] }).check()
    await form.getByLabel(es['case.intake.givenNames'], { exact: true }).first().fill('Marta Lidia')
    await form.getByLabel(es['case.intake.firstSurname'], { exact: true }).first().fill('Reyes')
    await form.getByLabel(es['case.intake.contactChannel'], { exact: true }).selectOption('phone')
    await form.getByTestId('trace-consents').getByLabel(es['trace.request.consent.handlingBody']).check()
    await form.getByLabel(es['trace.request.description'], { exact: true }).fill('Su hijo salió de Choluteca hace tres semanas y no ha vuelto a llamar.')
    const person = form.getByTestId('sought-person')
    await person.getByLabel(es['case.intake.givenNames'], { exact: true }).fill('Wilmer')
    await person.getByLabel(es['trace.person.age'], { exact: true }).fill('veinte')

    // The phone it needs and an age that is no number are named on their fields.
    await form.getByRole('button', { name: 'Registrar la búsqueda de 1 persona' }).focus()
    await page.keyboard.press('Enter')
    await person.getByText(es['form.error.age']).waitFor()
    const phone = form.getByLabel(es['case.intake.phone'], { exact: true })
    expect(await phone.getAttribute('aria-invalid')).toBe('true')
    expect(await phone.evaluate((el) => el.closest('.field')?.textContent)).toContain(es['form.error.required'])
    await shoot(page, 'trace-request-call-centre')
    await expectAccessible(page)
    await phone.fill('+504 9999 0000')
    await person.getByLabel(es['trace.person.age'], { exact: true }).fill('20')

    const sent = page.waitForRequest((r) => r.url().endsWith('/api/tracing/requests') && r.method() === 'POST')
    await form.getByRole('button', { name: 'Registrar la búsqueda de 1 persona' }).click()
    const body = (await sent).postDataJSON() as Record<string, unknown>
    expect(body).toMatchObject({ channel: 'call_centre', relationship: 'parent', contactChannel: 'phone', requester: { identity: { givenNames: 'Marta Lidia', firstSurname: 'Reyes', phones: ['+504 9999 0000'] }, consents: ['handling_body'] }, sought: [{ identity: { givenNames: 'Wilmer', approximateAge: 20 } }] })
    expect(await page.getByTestId('readback').getByTestId('readback-folio').textContent()).toMatch(FOLIO)
  })
})
