import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { uuidv7 } from '../packages/web/src/outbox/uuidv7.ts'
import { apiSession } from './api-session.ts'
import { DEMO_PASSWORD, OUTPUT_DIR, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { signIn } from './pages.ts'
import { startTestSmtp, type TestSmtp } from '../packages/server/src/test/smtp-server.ts'
import { DESKTOP, expectAccessible, settle, shoot } from './screens.ts'

const FOLIO = /^PA-\d{2}-[0-9A-Z]{4}-[0-9A-Z]$/
// A code of a closed list shown as it is stored (abuse_of_authority, info_requested…) instead of in words.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b/
const LIAISON_PASSWORD = 'enlace de prueba e2e 2026'
const OIC = { username: 'e2e.enlace.oic.aga', displayName: 'Enlace OIC Aduanas (e2e)', role: 'agency_liaison', orgUnitId: 'oic-aga', password: LIAISON_PASSWORD }
const QUESTION = '¿En qué carril de la garita le pidieron el dinero, y a qué hora?'
const INFO = 'En el carril 4 de la revisión secundaria, hacia las 3 de la tarde.'
const ANSWER = 'Se abrió una investigación administrativa contra el servidor público señalado.'
const COMPLAINANT_EMAIL = 'rosa.quintero@example.test'
const CUSTOMS = { username: 'e2e.enlace.aga', displayName: 'Enlace Aduanas (e2e)', role: 'agency_liaison', orgUnitId: 'agency-aga', password: LIAISON_PASSWORD }

/**
 * A complaint against customs from the module to its end: taken at the module (mostly by
 * keyboard), looked up by the call centre with its folio and PIN, handled by customs' internal
 * control body and never seen by customs itself, closed by the Paisano national office.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('Paisano cases in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  let smtp: TestSmtp | undefined
  const contexts: BrowserContext[] = []
  let pageProblems: string[] = []
  // What one step leaves for the next: the tests run in order, as the case goes.
  const taken = { folio: '', pin: '', recordId: '' }

  beforeAll(async () => {
    smtp = await startTestSmtp()
    ;({ faro, browser } = await startBrowserAndFaro({ FARO_SMTP_URL: smtp.url }))
    const admin = await apiSession(faro.baseUrl, 'admin', 'faro-demo-2026')
    for (const account of [OIC, CUSTOMS]) {
      const created = await admin.request('POST', '/api/users', account)
      expect(created.status, await created.clone().text()).toBe(201)
    }
  })

  afterEach(() => {
    const problems = pageProblems
    pageProblems = []
    expect(problems).toEqual([])
  })

  afterAll(async () => {
    await closeAll(contexts, browser, faro)
    await smtp?.close()
  })

  /** What reached the person's mailbox, once the server's mail job (every 10 s) has sent it. */
  async function mailTo(address: string, subject: RegExp): Promise<{ subject: string; text: string }> {
    let found: { subject: string; text: string } | undefined
    await expect
      .poll(() => (found = smtp?.received.find((m) => m.to.includes(address) && subject.test(m.subject))) !== undefined, { timeout: 40_000, interval: 500 })
      .toBe(true)
    return found ?? { subject: '', text: '' }
  }

  async function openAs(username: string, password?: string): Promise<Page> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport: DESKTOP })
    contexts.push(context)
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        pageProblems.push(message.text())
      }
    })
    page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`))
    await page.goto('/app/')
    await signIn(page, username, password)
    await page.getByTestId('account-name').waitFor()
    return page
  }

  it('lets the module volunteer take a complaint against customs by keyboard and read back its folio and PIN', async () => {
    const page = await openAs('voluntario.tijuana')
    const home = page.getByTestId('home-module_volunteer')
    await home.getByTestId('case-counts').waitFor()
    await home.getByTestId('home-intake').focus()
    await page.keyboard.press('Enter')
    const form = page.getByTestId('intake-form')
    await form.waitFor()

    // Nothing chosen: the form says what it needs and sends nothing.
    await form.getByRole('button', { name: es['case.intake.submit'] }).focus()
    await page.keyboard.press('Enter')
    await form.getByText(es['form.error.choose']).first().waitFor()

    // The kind and the category are radio tiles: Space picks, Tab moves on to the next group.
    await form.getByRole('radio', { name: new RegExp(`^${es['case.kind.complaint']}`) }).focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    expect(await form.getByRole('radio', { name: es['case.category.extortion'] }).isChecked()).toBe(true)
    await page.keyboard.press('Tab')
    await page.keyboard.type('En la revisión de la aduana le pidieron 200 dólares para no retener su camioneta.')
    await page.keyboard.press('Tab')
    const placeKind = form.getByLabel(es['case.intake.placeKind'], { exact: true })
    expect(await placeKind.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type(es['case.placeKind.customs'])
    expect(await placeKind.inputValue()).toBe('customs')
    await form.getByLabel(es['case.intake.city'], { exact: true }).focus()
    await page.keyboard.type('Tijuana')
    await form.getByRole('radio', { name: es['case.intake.when.today'], exact: true }).focus()
    await page.keyboard.press('Space')
    await form.getByLabel(es['case.intake.accusedAgency'], { exact: true }).selectOption('agency-aga')
    await form.getByLabel(es['case.intake.badge'], { exact: true }).focus()
    await page.keyboard.type('A-1234')
    expect(await form.getByLabel(es['case.intake.allowIdentity']).isChecked()).toBe(false)
    // The person wants news by e-mail, without giving a name, and lets the handling agency know who they are.
    await form.getByLabel(es['case.intake.contactChannel'], { exact: true }).selectOption('email')
    await form.getByLabel(es['case.intake.email'], { exact: true }).fill(COMPLAINANT_EMAIL)
    await form.getByTestId('intake-consents').getByLabel(es['case.intake.consent.handlingBody']).check()
    await shoot(page, 'case-intake')
    await expectAccessible(page)

    // Enter in a field sends the form.
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/cases') && r.method() === 'POST')
    await page.keyboard.press('Enter')
    const body = (await sent).postDataJSON() as Record<string, unknown>
    expect(body).toMatchObject({ kind: 'complaint', category: 'extortion', channel: 'module', place: { kind: 'customs', city: 'Tijuana' }, accused: { agencyId: 'agency-aga', badge: 'A-1234' }, allowIdentityToAccused: false, contactChannel: 'email', complainant: { identity: { email: COMPLAINANT_EMAIL }, consents: ['handling_body'] } })
    expect(body.pin).toMatch(/^\d{6}$/)

    const readback = page.getByTestId('readback')
    await readback.waitFor()
    taken.folio = (await readback.getByTestId('readback-folio').textContent()) ?? ''
    taken.pin = (await readback.getByTestId('readback-pin').textContent()) ?? ''
    expect(taken.folio).toMatch(FOLIO)
    expect(taken.pin).toMatch(/^\d{6}$/)
    expect(taken.pin).toBe(body.pin)
    await readback.getByText(es['case.readback.say']).waitFor()
    await readback.getByRole('button', { name: es['case.readback.print'] }).waitFor()
    await shoot(page, 'case-readback')
    await expectAccessible(page)
    // On paper, the card alone.
    await page.emulateMedia({ media: 'print' })
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'case-readback-print.png') })
    await page.emulateMedia({ media: 'screen' })
    const open = readback.getByRole('link', { name: es['case.readback.open'] })
    taken.recordId = decodeURIComponent((await open.getAttribute('href'))?.split('/').pop() ?? '')
    expect(taken.recordId).not.toBe('')

    // The person's mailbox has the folio, never the PIN.
    const welcome = await mailTo(COMPLAINANT_EMAIL, new RegExp(taken.folio))
    expect(welcome.text).toContain(taken.folio)
    expect(welcome.text).not.toContain(taken.pin)

    // The next person: a new, empty form.
    await readback.getByRole('button', { name: es['case.readback.next'] }).click()
    expect(await page.getByTestId('intake-form').getByLabel(es['case.intake.description'], { exact: true }).inputValue()).toBe('')
  })

  it('lets the call centre look the folio up, as typed over the phone, with the PIN: received', async () => {
    const page = await openAs('operador.centro')
    await page.getByRole('navigation').getByRole('link', { name: es['nav.folio'] }).click()
    const form = page.getByTestId('lookup-form')
    await form.getByLabel(es['case.folio'], { exact: true }).fill(taken.folio.toLowerCase().replaceAll('-', ' '))
    await form.getByLabel(es['case.pin'], { exact: true }).fill(taken.pin)
    await form.getByRole('button', { name: es['case.lookup.submit'] }).click()
    expect(await page.getByTestId('lookup-status').textContent()).toBe(es['case.publicStatus.received'])
    expect(await page.getByTestId('lookup-result').textContent()).toContain(taken.folio)
    await shoot(page, 'case-lookup')
    await expectAccessible(page)
  })

  it('shows the case in the queue of customs’ internal control body, which acknowledges it and asks the person a question', async () => {
    const page = await openAs(OIC.username, OIC.password)
    await page.getByTestId('home-agency_liaison').getByTestId('case-counts').waitFor()
    await page.getByTestId('home-queue').click()
    const card = page.getByTestId('case-list').getByTestId('case-item').filter({ hasText: taken.folio })
    await card.waitFor()
    expect(await card.textContent()).toContain(es['case.category.extortion'])
    expect(await card.textContent()).toMatch(/vence en/)
    await shoot(page, 'case-queue')
    await expectAccessible(page)

    await card.getByRole('link', { name: taken.folio }).click()
    const casePage = page.getByTestId('case-page')
    await casePage.getByTestId('case-status').waitFor()
    expect(page.url()).toContain(taken.recordId)
    const hop = casePage.getByTestId('case-hop').filter({ hasText: 'Órgano Interno de Control — AGA' })
    await hop.waitFor()
    // The prosecutor got it too: extortion by an official.
    expect(await casePage.getByTestId('case-hop').count()).toBe(2)
    await settle(page)
    expect(await casePage.textContent()).not.toMatch(RAW_CODE)
    await shoot(page, 'case-page')
    await expectAccessible(page)

    // The person let the handling body know who they are: shown when asked, as a recorded disclosure.
    const complainant = casePage.getByTestId('case-complainant')
    await complainant.getByRole('button', { name: es['case.complainant.show'] }).click()
    await complainant.getByTestId('complainant-identity').getByText(COMPLAINANT_EMAIL).waitFor()

    await hop.getByRole('button', { name: es['case.step.acknowledge'] }).click()
    const ack = hop.getByTestId('step-acknowledge')
    await ack.getByLabel(es['case.step.field.externalRef'], { exact: true }).fill('OIC-AGA/2026/0042')
    await ack.getByRole('button', { name: es['case.stepSubmit.acknowledge'] }).click()
    await hop.getByTestId('step-done').filter({ hasText: es['case.stepDone.acknowledge'] }).waitFor()
    expect(await hop.getByTestId('hop-external-ref').textContent()).toBe('OIC-AGA/2026/0042')

    // The body needs to know more: a question for the person, which the call centre will put.
    await hop.getByRole('button', { name: es['case.step.request_info'] }).click()
    const ask = hop.getByTestId('step-request_info')
    await ask.getByLabel(es['case.step.field.question'], { exact: true }).fill(QUESTION)
    await ask.getByRole('button', { name: es['case.stepSubmit.request_info'] }).click()
    await hop.getByTestId('step-done').filter({ hasText: es['case.stepDone.request_info'] }).waitFor()
    await expect.poll(() => casePage.getByTestId('case-status').textContent()).toBe(es['case.status.info_requested'])
    const asked = casePage.getByTestId('case-history').getByTestId('case-step').filter({ hasText: QUESTION })
    await asked.waitFor()
    expect(await asked.textContent()).toContain(OIC.displayName)
  })

  it('shows the call centre the question next to the way to give the answer, and keeps both in the history', async () => {
    const page = await openAs('operador.centro')
    await page.getByRole('navigation').getByRole('link', { name: es['nav.folio'] }).click()
    // Staff open the whole case by its folio, as typed over the phone, without the PIN.
    const find = page.getByTestId('find-form')
    const searched = page.waitForRequest((r) => r.url().includes('/api/cases?folio='))
    await find.getByLabel(es['case.folio'], { exact: true }).fill(taken.folio.toLowerCase().replaceAll('-', ' '))
    await find.getByRole('button', { name: es['case.lookup.open'] }).click()
    expect((await searched).url()).not.toContain('cursor=')
    const casePage = page.getByTestId('case-page')
    await casePage.getByTestId('case-status').waitFor()
    expect(page.url()).toContain(taken.recordId)
    const hop = casePage.getByTestId('case-hop').filter({ hasText: 'Órgano Interno de Control — AGA' })
    const question = hop.getByTestId('hop-question')
    await question.waitFor()
    expect(await question.textContent()).toContain(QUESTION)
    await hop.getByRole('button', { name: es['case.step.provide_info'] }).waitFor()
    await settle(page)
    expect(await casePage.textContent()).not.toMatch(RAW_CODE)
    await shoot(page, 'case-page-question')
    await expectAccessible(page)

    await hop.getByRole('button', { name: es['case.step.provide_info'] }).click()
    const give = hop.getByTestId('step-provide_info')
    // The question stays in sight while the answer is written.
    expect(await question.isVisible()).toBe(true)
    await give.getByLabel(es['case.step.field.info'], { exact: true }).fill(INFO)
    await give.getByRole('button', { name: es['case.stepSubmit.provide_info'] }).click()
    await hop.getByTestId('step-done').filter({ hasText: es['case.stepDone.provide_info'] }).waitFor()
    await expect.poll(() => casePage.getByTestId('case-status').textContent()).toBe(es['case.status.acknowledged'])
    await hop.getByTestId('hop-question').waitFor({ state: 'detached' })
    const history = casePage.getByTestId('case-history')
    await history.getByTestId('case-step').filter({ hasText: INFO }).waitFor()
    expect(await history.textContent()).toContain(QUESTION)
  })

  it('lets customs’ internal control body answer, with the whole exchange in the history', async () => {
    const page = await openAs(OIC.username, OIC.password)
    await page.goto(`/app/cases/${taken.recordId}`)
    const casePage = page.getByTestId('case-page')
    const hop = casePage.getByTestId('case-hop').filter({ hasText: 'Órgano Interno de Control — AGA' })
    await hop.getByRole('button', { name: es['case.step.answer'], exact: true }).click()
    const answer = hop.getByTestId('step-answer')
    // An empty answer is named before anything is sent.
    await answer.getByRole('button', { name: es['case.stepSubmit.answer'] }).click()
    await answer.getByText(es['form.error.required']).waitFor()
    await answer.getByLabel(es['case.step.field.answer'], { exact: true }).fill(ANSWER)
    await answer.getByRole('button', { name: es['case.stepSubmit.answer'] }).click()
    await hop.getByTestId('step-done').filter({ hasText: es['case.stepDone.answer'] }).waitFor()
    await expect.poll(() => casePage.getByTestId('case-status').textContent()).toBe(es['case.status.answered'])
    const history = casePage.getByTestId('case-history')
    const answered = history.getByTestId('case-step').filter({ hasText: ANSWER })
    await answered.waitFor()
    expect(await answered.textContent()).toContain(es['case.log.answered'])
    const text = (await history.textContent()) ?? ''
    expect(text).toContain(QUESTION)
    expect(text).toContain(INFO)
    // Routing at intake was Faro's own doing.
    expect(text).toContain(es['case.log.system'])
    expect(text).not.toMatch(RAW_CODE)
    await shoot(page, 'case-page-answered')
    await expectAccessible(page)

    // The person hears, in Spanish, that the case was answered: the status, not the answer itself.
    const news = await mailTo(COMPLAINANT_EMAIL, new RegExp(`${taken.folio}.*Respondida`))
    expect(news.text).toContain('La dependencia ya respondió')
    expect(news.text).not.toContain(ANSWER)
    expect(news.text).not.toContain(taken.pin)
  })

  it('never shows the case to the liaison of customs, the accused agency, in the queue or by its address', async () => {
    const page = await openAs(CUSTOMS.username, CUSTOMS.password)
    await page.getByTestId('home-queue').click()
    await page.getByTestId('cases-page').waitFor()
    await settle(page)
    expect(await page.getByTestId('cases-page').textContent()).not.toContain(taken.folio)
    await page.goto(`/app/cases/${taken.recordId}`)
    await page.getByTestId('case-refused').waitFor()
    expect(await page.getByTestId('case-page').textContent()).not.toContain(taken.folio)
  })

  it('lets the Paisano national office close the case, after which the lookup says closed', async () => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const coordinator = await apiSession(faro.baseUrl, 'coordinacion.paisano', DEMO_PASSWORD)
    const page = await openAs('coordinacion.paisano')
    // The counts are exact, however many cases there are: no "200+".
    const counts = page.getByTestId('home-paisano_coordinator').getByTestId('case-counts')
    await counts.waitFor()
    expect(await counts.textContent()).not.toContain('+')
    const exact = (await (await coordinator.request('GET', '/api/cases/counts')).json()) as { open: number; overdue: number }
    const shown = (await counts.locator('dd').allTextContents()).map((n) => Number(n.replace(/\D/g, '')))
    expect(shown).toEqual([exact.open, exact.overdue])
    await shoot(page, 'case-home-counts')
    await expectAccessible(page)
    await page.goto(`/app/cases/${taken.recordId}`)
    const actions = page.getByTestId('case-actions')
    await actions.getByRole('button', { name: es['case.step.close'] }).click()
    const close = actions.getByTestId('step-close')
    await close.getByLabel(es['case.step.field.outcome'], { exact: true }).selectOption('resolved')
    await close.getByLabel(es['case.step.field.closingSummary'], { exact: true }).fill('El órgano interno de control investiga; se informó a la persona.')
    await close.getByRole('button', { name: es['case.stepSubmit.close'] }).click()
    await actions.getByTestId('step-done').filter({ hasText: es['case.stepDone.close'] }).waitFor()
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe(es['case.status.closed'])
    await actions.getByRole('button', { name: es['case.step.reopen'] }).waitFor()
    await shoot(page, 'case-page-closed')

    const phone = await openAs('operador.centro')
    await phone.goto('/app/folio')
    const form = phone.getByTestId('lookup-form')
    await form.getByLabel(es['case.folio'], { exact: true }).fill(taken.folio)
    await form.getByLabel(es['case.pin'], { exact: true }).fill(taken.pin)
    await form.getByRole('button', { name: es['case.lookup.submit'] }).click()
    expect(await phone.getByTestId('lookup-status').textContent()).toBe(es['case.publicStatus.closed'])
    expect(await phone.getByTestId('lookup-result').textContent()).toContain(es['case.outcome.resolved'])
  })

  it('lets the call centre find the earlier cases of a caller who gave their name, and nothing of one who did not', async () => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const volunteer = await apiSession(faro.baseUrl, 'voluntario.tijuana', DEMO_PASSWORD)
    const filed = await volunteer.request('POST', '/api/cases', {
      id: uuidv7(),
      kind: 'help_request',
      category: 'recover_seized_vehicle_or_goods',
      channel: 'module',
      description: 'Le retuvieron la camioneta en la aduana por un permiso vencido.',
      contactChannel: 'phone',
      complainant: { identity: { givenNames: 'Eusebio', firstSurname: 'Tlacotalpan', phones: ['+1 956 555 0142'] }, consents: ['handling_body'] },
    })
    expect(filed.status, await filed.clone().text()).toBe(201)
    const { folio } = (await filed.json()) as { folio: string }
    const page = await openAs('operador.centro')
    await page.getByRole('navigation').getByRole('link', { name: es['nav.people'] }).click()
    await page.getByLabel(es['people.searchName']).fill('eusebio tlacotalpan')
    await page.getByRole('button', { name: es['people.search'] }).click()
    await page.getByTestId('people-results').getByRole('button').first().click()
    const links = page.getByTestId('person-links')
    const earlier = links.getByRole('link', { name: new RegExp(folio) })
    await earlier.waitFor()
    expect(await earlier.textContent()).toContain(es['case.category.recover_seized_vehicle_or_goods'])
    expect(await links.textContent()).not.toMatch(RAW_CODE)
    await shoot(page, 'case-caller-earlier')
    await expectAccessible(page)
    await earlier.click()
    await page.getByTestId('case-page').getByTestId('case-status').waitFor()
    // The anonymous complainant of the first test left nothing to find.
    await page.getByRole('navigation').getByRole('link', { name: es['nav.people'] }).click()
    await page.getByLabel(es['people.searchName']).fill('quintero')
    await page.getByRole('button', { name: es['people.search'] }).click()
    await page.getByText(es['people.noMatches']).waitFor()
  })

  it('lets a Grupo Beta agent file the complaint taken in an attention, linked to it', async () => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const agent = await apiSession(faro.baseUrl, 'agente.tijuana', 'faro-demo-2026')
    const attentionId = `att-complaint-${Date.now()}`
    const made = await agent.request('POST', '/api/records/actions', { id: uuidv7(), recordType: 'attention', recordId: attentionId, type: 'AttentionRecorded', payload: { orgUnitId: 'beta-tijuana', at: new Date().toISOString(), setting: 'base', people: [{ count: 1 }], services: ['orientation', 'complaint_taken'] } })
    expect(made.status, await made.clone().text()).toBe(201)
    const page = await openAs('agente.tijuana')
    await page.goto(`/app/records/attention/${attentionId}`)
    await page.getByTestId('record-open-complaint').click()
    const form = page.getByTestId('intake-form')
    await form.getByTestId('intake-linked').waitFor()
    await form.getByRole('radio', { name: new RegExp(`^${es['case.kind.complaint']}`) }).check()
    await form.getByRole('radio', { name: es['case.category.abuse_of_authority'] }).check()
    await form.getByLabel(es['case.intake.description'], { exact: true }).fill('Dice que unos policías le quitaron su dinero en la carretera.')
    await form.getByLabel(es['case.intake.placeKind'], { exact: true }).selectOption('highway')
    await form.getByRole('radio', { name: es['case.intake.when.today'], exact: true }).check()
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/cases') && r.method() === 'POST')
    await form.getByRole('button', { name: es['case.intake.submitComplaint'] }).click()
    const body = (await sent).postDataJSON() as Record<string, unknown>
    expect(body).toMatchObject({ channel: 'field', linkedRecord: { recordType: 'attention', recordId: attentionId } })
    await page.getByTestId('readback').waitFor()
    await shoot(page, 'case-from-attention')
  })
})
