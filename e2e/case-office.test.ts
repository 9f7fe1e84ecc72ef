import { describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { apiSession } from './api-session.ts'
import { DEMO_PASSWORD, SKIP_BROWSER_TESTS } from './harness.ts'
import { expectAccessible, settle, shoot, signedInPages } from './screens.ts'

const FOLIO = /^PA-\d{2}-[0-9A-Z]{4}-[0-9A-Z]$/
// A code of a closed list shown as it is stored (immigration_checkpoint, accused_internal_control…) instead of in words.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b|\bagency-[a-z]+\b|\boic-[a-z]+\b/
const NEW_RULE = 'Extorsión en puntos de revisión del INM: control interno y Fiscalía'
const NOTE = 'Siete quejas en México 57 km 25 contra el mismo gafete: se envían también a la Fiscalía.'

/**
 * The Paisano national office's view of the cases: the routing rules (read by the office, edited
 * by an administrator, versioned, a concurrent edit refused), the complaints that repeat (two
 * checkpoints in the demo) and how each handling body does; an agency's liaison sees only their
 * own body's figures and never the rules.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('The national office’s case screens in Chromium', () => {
  const { openAs, server } = signedInPages()

  it('shows the Paisano coordination the routing rules in force, in words, to read', async () => {
    const page = await openAs('coordinacion.paisano')
    await page.getByTestId('home-paisano_coordinator').getByTestId('home-rules').click()
    const rules = page.getByTestId('routing-rules-page')
    const list = rules.getByTestId('rule-list')
    await list.waitFor()
    expect(await list.getByTestId('rule-item').count()).toBe(8)
    const first = list.getByTestId('rule-item').first()
    expect(await first.getByTestId('rule-to').textContent()).toBe(`${es['case.rules.accusedInternalControl']} y Procuraduría General de la República`)
    expect(await first.textContent()).toContain('Extorsión o robo')
    expect(await rules.getByRole('heading', { level: 2 }).first().textContent()).toBe(es['case.rules.inForceStart'])
    expect(await rules.getByTestId('rule-history').textContent()).toContain(es['case.rules.historyEmpty'])
    // The office reads them; only administrators change them.
    expect(await rules.getByTestId('rules-edit').count()).toBe(0)
    await settle(page)
    expect(await rules.textContent()).not.toMatch(RAW_CODE)
    await shoot(page, 'case-office-rules')
    await expectAccessible(page)
  })

  it('lets an administrator add a rule, put it first, save it with a note and find the version in the history', async () => {
    const page = await openAs('admin')
    await page.getByRole('navigation').getByRole('link', { name: es['nav.routingRules'] }).click()
    const rules = page.getByTestId('routing-rules-page')
    await rules.getByTestId('rules-edit').click()
    await rules.getByTestId('rules-add').click()
    const form = rules.getByTestId('rule-form')
    expect(await form.getByRole('heading', { name: es['case.rules.addTitle'] }).evaluate((el) => el === document.activeElement)).toBe(true)

    // Sent to no one: the form says so and the rule stays out of the list.
    await form.getByRole('button', { name: es['case.rules.addToList'] }).click()
    await form.getByText(es['form.error.choose']).waitFor()

    await form.getByLabel(es['case.rules.name'], { exact: true }).fill(NEW_RULE)
    await form.getByRole('checkbox', { name: es['case.category.extortion'], exact: true }).check()
    await form.getByRole('group', { name: es['case.rules.placeKinds'], exact: true }).getByRole('checkbox', { name: es['case.placeKind.immigration_checkpoint'] }).check()
    await form.getByRole('radio', { name: es['case.rules.accusedMode.agencies'] }).check()
    await form.getByRole('group', { name: es['case.rules.accusedAgencies'], exact: true }).getByRole('checkbox', { name: /^Instituto Nacional de Migración/ }).check()
    const to = form.getByRole('group', { name: es['case.rules.to'], exact: true })
    await to.getByRole('checkbox', { name: es['case.rules.accusedInternalControl'] }).check()
    await to.getByRole('checkbox', { name: /^Procuraduría General de la República/ }).check()
    await shoot(page, 'case-office-rule-form')
    await expectAccessible(page)
    await form.getByRole('button', { name: es['case.rules.addToList'] }).click()

    const editor = rules.getByTestId('rules-editor')
    const added = editor.getByTestId('rule-item').filter({ hasText: NEW_RULE })
    await added.waitFor()
    expect(await editor.getByTestId('rule-item').count()).toBe(9)
    // The first rule that matches decides: the new one goes to the top.
    for (let i = 0; i < 8; i += 1) {
      await added.getByRole('button', { name: es['case.rules.up'] }).click()
    }
    expect(await editor.getByTestId('rule-item').first().textContent()).toContain(NEW_RULE)
    const words = (await added.textContent()) ?? ''
    expect(words).toContain('Punto de revisión migratoria')
    expect(words).toContain('Instituto Nacional de Migración')
    expect(words).not.toMatch(RAW_CODE)

    // No note, no save.
    const save = rules.getByTestId('rules-save')
    await save.getByRole('button', { name: es['case.rules.save'] }).click()
    await save.getByText(es['form.error.required']).waitFor()
    await save.getByLabel(es['case.rules.note'], { exact: true }).fill(NOTE)
    await shoot(page, 'case-office-rules-editing')
    await expectAccessible(page)
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/cases/routing-rules') && r.method() === 'PUT')
    await save.getByRole('button', { name: es['case.rules.save'] }).click()
    const body = (await sent).postDataJSON() as { basedOn: number; note: string; rules: { rules: unknown[]; fallback: string } }
    expect(body.basedOn).toBe(0)
    expect(body.note).toBe(NOTE)
    expect(body.rules.fallback).toBe('paisano')
    expect(body.rules.rules[0]).toEqual({ name: NEW_RULE, categories: ['extortion'], placeKinds: ['immigration_checkpoint'], accused: ['agency-inm'], to: ['accused_internal_control', 'agency-pgr'] })

    await rules.getByTestId('rules-saved').waitFor()
    expect(await rules.getByTestId('rules-saved').textContent()).toContain('versión 1')
    const version = rules.getByTestId('rule-history').getByTestId('rule-version')
    await expect.poll(() => version.count()).toBe(1)
    const text = (await version.first().textContent()) ?? ''
    expect(text).toContain(NOTE)
    expect(text).toContain('Administración (demo)')
    expect(text).toContain(es['case.rules.current'])
    expect(await rules.getByTestId('rule-list').getByTestId('rule-item').first().textContent()).toContain(NEW_RULE)
    await shoot(page, 'case-office-rules-saved')
    await expectAccessible(page)
  })

  it('refuses an edit made on a version someone else replaced meanwhile, and shows the rules now in force', async () => {
    const first = await openAs('admin')
    const second = await openAs('admin')
    for (const page of [first, second]) {
      await page.goto('/app/routing-rules')
      await page.getByTestId('rules-edit').click()
    }
    // The second administrator removes the last rule and saves first.
    await second.getByTestId('rules-editor').getByTestId('rule-item').last().getByRole('button', { name: es['case.rules.remove'] }).click()
    await second.getByLabel(es['case.rules.note'], { exact: true }).fill('La ayuda con documentos la canaliza la oficina nacional.')
    await second.getByRole('button', { name: es['case.rules.save'] }).click()
    await second.getByTestId('rules-saved').waitFor()

    await first.getByTestId('rules-editor').getByTestId('rule-item').first().getByRole('button', { name: es['case.rules.down'] }).click()
    await first.getByLabel(es['case.rules.note'], { exact: true }).fill('Primero las reglas generales.')
    const answered = first.waitForResponse((r) => r.url().endsWith('/api/cases/routing-rules') && r.request().method() === 'PUT')
    await first.getByRole('button', { name: es['case.rules.save'] }).click()
    expect((await answered).status()).toBe(409)
    expect(await first.getByTestId('rules-changed').textContent()).toBe(es['case.rules.changedMeanwhile'])
    await expect.poll(() => first.getByTestId('rule-history').getByTestId('rule-version').count()).toBe(2)
    expect(await first.getByTestId('rules-editor').count()).toBe(0)
    expect(await first.getByTestId('rule-list').getByTestId('rule-item').count()).toBe(8)
    await shoot(first, 'case-office-rules-conflict')
    await expectAccessible(first)
  })

  it('shows the coordination the complaints that repeat at two checkpoints, and opens one by its folio', async () => {
    const page = await openAs('coordinacion.paisano')
    await page.getByTestId('home-paisano_coordinator').getByTestId('home-patterns').click()
    const patterns = page.getByTestId('case-patterns-page')
    const list = patterns.getByTestId('cluster-list')
    await list.waitFor()
    const km25 = list.getByTestId('cluster').filter({ hasText: 'México 57, km 25' })
    const km21 = list.getByTestId('cluster').filter({ hasText: 'México 15, km 21' })
    await km25.waitFor()
    const km25Text = (await km25.textContent()) ?? ''
    expect(km25Text).toMatch(/\d+ quejas en México 57, km 25/)
    expect(km25Text).toContain('gafete INM-0417')
    expect(km25Text).toContain('placa SLP-31-22')
    expect(km25Text).toContain('Instituto Nacional de Migración')
    const km21Text = (await km21.textContent()) ?? ''
    expect(km21Text).toContain('gafete AD-2280')
    expect(km21Text).toContain('Administración General de Aduanas')
    await settle(page)
    expect(await patterns.textContent()).not.toMatch(RAW_CODE)

    // Another period and another size ask the server again.
    const asked = page.waitForRequest((r) => r.url().includes('/api/cases/patterns') && r.url().includes('min=5'))
    await patterns.getByLabel(es['case.patterns.min'], { exact: true }).selectOption('5')
    await asked
    await km25.waitFor()
    const lastMonth = page.waitForRequest((r) => r.url().includes('/api/cases/patterns'))
    await patterns.getByRole('button', { name: es['case.period.last30'] }).click()
    const from = new URL((await lastMonth).url()).searchParams.get('from') ?? ''
    expect(Date.now() - Date.parse(from)).toBeLessThan(31 * 86_400_000)
    // Other dates: two days in order, read in Mexico City time.
    await patterns.getByRole('button', { name: es['case.period.custom'] }).click()
    const day = (ms: number) => new Date(ms - 6 * 3_600_000).toISOString().slice(0, 10)
    const [start, end] = [day(Date.now() - 20 * 86_400_000), day(Date.now())]
    await patterns.getByLabel(es['case.period.to'], { exact: true }).fill(day(Date.now() - 40 * 86_400_000))
    await patterns.getByLabel(es['case.period.from'], { exact: true }).fill(start)
    expect(await patterns.getByTestId('period-days').textContent()).toBe(es['case.period.pickDays'])
    const custom = page.waitForRequest((r) => r.url().includes('/api/cases/patterns') && new URL(r.url()).searchParams.get('from') === `${start}T06:00:00.000Z`)
    await patterns.getByLabel(es['case.period.to'], { exact: true }).fill(end)
    expect(new URL((await custom).url()).searchParams.get('to')).toBe(new Date(Date.parse(`${end}T23:59:59.999-06:00`)).toISOString())
    await patterns.getByRole('button', { name: /^Operativo/ }).click()
    await km25.waitFor()
    await shoot(page, 'case-office-patterns')
    await expectAccessible(page)

    const folio = km25.locator('.office-folio').first()
    const folioText = ((await folio.textContent()) ?? '').trim()
    expect(folioText).toMatch(FOLIO)
    await folio.click()
    const casePage = page.getByTestId('case-page')
    await casePage.getByTestId('case-status').waitFor()
    expect(page.url()).toMatch(/\/app\/cases\//)
    expect(await casePage.textContent()).toContain(folioText)
  })

  it('shows the coordination every body’s scorecard, the most late first', async () => {
    const page = await openAs('coordinacion.paisano')
    const asked = page.waitForRequest((r) => r.url().includes('/api/cases/scorecards'))
    await page.getByTestId('home-paisano_coordinator').getByTestId('home-scorecards').click()
    const url = new URL((await asked).url())
    const table = page.getByTestId('scorecards')
    await table.waitFor()
    const coordinator = await apiSession(server().baseUrl, 'coordinacion.paisano', DEMO_PASSWORD)
    const exact = (await (await coordinator.request('GET', `${url.pathname}${url.search}`)).json()) as { items: { bodyId: string; overdue: number }[] }
    const rows = table.getByTestId('scorecard')
    expect(await rows.count()).toBe(exact.items.length)
    expect(exact.items.length).toBeGreaterThan(3)
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-body') ?? ''))
    const overdue = shown.map((id) => exact.items.find((c) => c.bodyId === id)?.overdue ?? -1)
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a))
    const text = (await table.textContent()) ?? ''
    expect(text).toContain('Órgano Interno de Control — AGA')
    expect(text).toMatch(/\d+\s?%/)
    expect(text).toMatch(/\d días/)
    expect(text).not.toMatch(RAW_CODE)
    await shoot(page, 'case-office-scorecards')
    await expectAccessible(page)
  })

  it('shows a liaison only their own body’s scorecard, and neither the rules nor the repeated complaints', async () => {
    for (const [username, unit] of [['enlace.oic.aduanas', 'Órgano Interno de Control — AGA'], ['enlace.banjercito', 'Banco Nacional del Ejército']] as const) {
      const page = await openAs(username)
      const nav = page.getByRole('navigation')
      expect(await nav.getByRole('link', { name: es['nav.routingRules'] }).count()).toBe(0)
      expect(await nav.getByRole('link', { name: es['nav.casePatterns'] }).count()).toBe(0)
      await page.getByTestId('home-agency_liaison').getByTestId('home-scorecards').click()
      const table = page.getByTestId('scorecards')
      await table.waitFor()
      const rows = table.getByTestId('scorecard')
      expect(await rows.count()).toBe(1)
      expect(await rows.first().getByRole('rowheader').textContent()).toContain(unit)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(unit)
      expect(await page.getByTestId('case-scorecards-page').textContent()).not.toMatch(RAW_CODE)
      if (username === 'enlace.oic.aduanas') {
        await shoot(page, 'case-office-scorecard-liaison')
        await expectAccessible(page)
      }

      await page.goto('/app/routing-rules')
      await page.getByRole('heading', { level: 1, name: es['app.noAccess'] }).waitFor()
      await page.goto('/app/case-patterns')
      await page.getByRole('heading', { level: 1, name: es['app.noAccess'] }).waitFor()
    }
  })
})
