import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { SKIP_BROWSER_TESTS } from './harness.ts'
import { expectAccessible, settle, shoot, signedInPages } from './screens.ts'

// A code of a closed list shown as it is stored (in_repair, first_aid…) instead of in words, or raw JSON.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b|[{}]|"\w+":/
const AGENT = 'Agente de campo (demo), Tijuana'
const VEHICLES = ['Jeep', 'Camioneta pick-up', 'Cuatrimoto', 'Ambulancia']

/**
 * The groups' registries as a coordinator keeps them: who ends soon, a certificate recorded (and
 * one refused for expiring before its issue), a vehicle sent to repair that joins the renewal list
 * and its history, and the home's count of what needs attention; the national coordination's
 * view of every group; a field agent's and an analyst's reading of them.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('The groups’ registries in Chromium', () => {
  const { openAs } = signedInPages()

  async function open(page: Page, label: string, testId: string): Promise<void> {
    await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click()
    await page.getByTestId(testId).waitFor()
    await settle(page)
  }

  async function expectWords(page: Page, testId: string): Promise<void> {
    const shown = (await page.getByTestId(testId).textContent()) ?? ''
    expect(shown).not.toMatch(RAW_CODE)
  }

  /** A number from the home card's line, 0 when the line is not shown. */
  async function homeCount(page: Page, line: string): Promise<number> {
    const item = page.getByTestId(`home-attention-${line}`)
    if ((await item.count()) === 0) {
      return 0
    }
    return Number(/\d+/.exec((await item.textContent()) ?? '')?.[0] ?? 'NaN')
  }

  it('lets a coordinator see what ends soon, record a certificate, send a vehicle to repair and see it counted', async () => {
    const page = await openAs('coordinador.tijuana')
    const card = page.getByTestId('home-attention')
    await card.getByRole('heading', { name: es['home.attention.title'] }).waitFor()
    await settle(page)
    const before = { renewals: await homeCount(page, 'renewals'), soon: (await homeCount(page, 'expiring')) + (await homeCount(page, 'expired')) }
    expect(before.soon).toBeGreaterThan(0)
    await expectWords(page, 'home-attention')
    await shoot(page, 'registries-home-coordinator')
    await expectAccessible(page)

    // Staff: what ends soon first, soonest first, then each person with their certificates.
    await open(page, es['nav.team'], 'team-page')
    const alerts = page.getByTestId('team-alert')
    expect(await alerts.count()).toBeGreaterThan(0)
    const states = await page.getByTestId('team-alerts').locator('.reg-state').allTextContents()
    const days = states.map((s) => (s.startsWith('Venció') ? -1 : 1) * Number(/\d+/.exec(s)?.[0] ?? (s === 'Vence hoy' ? 0 : NaN)))
    expect(days).toEqual([...days].sort((a, b) => a - b))
    expect(await page.getByTestId('team-member').count()).toBeGreaterThanOrEqual(13)
    expect(await page.getByTestId('team-certificate').filter({ hasText: /Vence en \d+ días?|Vence hoy/ }).count()).toBeGreaterThan(0)
    await expectWords(page, 'team-page')
    await shoot(page, 'registries-staff-coordinator')
    await expectAccessible(page)

    // Who holds first aid today (every demo person took it; some have lapsed).
    await page.getByTestId('team-coverage').selectOption('first_aid')
    await page.getByTestId('team-coverage-count').waitFor()
    expect(await page.getByTestId('team-coverage-count').textContent()).toMatch(/^\d+ personas? tienen? hoy un certificado vigente de Primeros auxilios\.$/)
    await settle(page)
    const holders = Number(/\d+/.exec((await page.getByTestId('team-coverage-count').textContent()) ?? '')?.[0])
    expect(await page.getByTestId('team-member').count()).toBe(holders)
    await page.getByTestId('team-coverage').selectOption('')

    // A certificate that expires before it was issued: the server's refusal, on the field.
    const agent = page.getByTestId('team-member').filter({ has: page.getByRole('heading', { name: AGENT }) })
    await agent.getByRole('button', { name: `Registrar certificado de ${AGENT}` }).click()
    const form = agent.getByTestId('team-certificate-form')
    await form.getByLabel(es['team.field.course'], { exact: true }).selectOption('swimming')
    await form.getByLabel(es['team.field.issuer'], { exact: true }).selectOption('civil_protection')
    await form.getByLabel(es['team.field.issuedOn'], { exact: true }).fill('2026-05-01')
    await form.getByLabel(es['team.field.expiresOn'], { exact: true }).fill('2026-04-30')
    const refused = page.waitForResponse((r) => r.url().includes('/certificates') && r.request().method() === 'POST')
    await form.getByRole('button', { name: es['team.saveCertificate'] }).click()
    expect((await refused).status()).toBe(400)
    const expiresError = form.locator('.field-error')
    await expiresError.waitFor()
    expect(await expiresError.textContent()).toBe('Un certificado no puede vencer antes de su expedición')
    expect(await form.getByLabel(es['team.field.expiresOn'], { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await form.screenshot({ path: `${import.meta.dirname}/output/registries-certificate-refused-1280.png` })
    await expectAccessible(page)

    // Issued today, so it is the newest of the course whatever the demo gave the agent before.
    await form.getByLabel(es['team.field.issuedOn'], { exact: true }).fill(new Date().toISOString().slice(0, 10))
    await form.getByLabel(es['team.field.expiresOn'], { exact: true }).fill('2028-05-01')
    await form.getByRole('button', { name: es['team.saveCertificate'] }).click()
    await page.getByTestId('team-done').waitFor()
    expect(await page.getByTestId('team-done').textContent()).toBe(`Se registró el certificado de Natación de ${AGENT}.`)
    await agent.locator('[data-course="swimming"]').waitFor()
    expect(await agent.locator('[data-course="swimming"]').textContent()).toMatch(/^Natación (Vigente hasta 1 may 2028|Vence en \d+ días)$/)

    // A profile corrected: the level of government.
    await agent.getByRole('button', { name: `Editar perfil de ${AGENT}` }).click()
    const profile = agent.getByTestId('team-profile-form')
    await profile.getByLabel(es['team.field.level'], { exact: true }).selectOption('state')
    await profile.getByRole('button', { name: es['team.saveProfile'] }).click()
    await page.getByTestId('team-done').getByText(`Se guardó el perfil de ${AGENT}.`).waitFor()
    await agent.getByText(/Personal estatal/).waitFor()

    // Equipment: a vehicle in service sent to repair with a note.
    await open(page, es['nav.equipment'], 'equipment-page')
    await expectWords(page, 'equipment-page')
    await shoot(page, 'registries-equipment-coordinator')
    await expectAccessible(page)
    const onRenewal = new Set(await page.getByTestId('equipment-renewal-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id'))))
    const candidates = await page.getByTestId('equipment-item').evaluateAll((rows) => rows.map((r) => ({ id: r.getAttribute('data-id') ?? '', type: r.querySelector('h3')?.textContent ?? '', status: r.querySelector('.reg-status')?.textContent ?? '', identifier: r.querySelector('.mono')?.textContent ?? '' })))
    const vehicle = candidates.find((c) => VEHICLES.includes(c.type) && c.status === 'En servicio' && !onRenewal.has(c.id)) ?? candidates.find((c) => VEHICLES.includes(c.type) && c.status === 'En servicio')
    expect(vehicle).toBeDefined()
    const name = `${vehicle?.type ?? ''} ${vehicle?.identifier ?? ''}`
    const item = page.locator(`[data-testid="equipment-item"][data-id="${vehicle?.id ?? ''}"]`)
    await item.getByRole('button', { name: `Cambiar estado de ${name}` }).click()
    const change = item.getByTestId('equipment-change')
    await change.getByLabel(es['gear.field.status'], { exact: true }).selectOption('in_repair')
    await change.getByLabel(es['gear.field.note'], { exact: true }).fill('Falla de transmisión (e2e)')
    const patched = page.waitForRequest((r) => r.url().includes('/api/equipment/') && r.method() === 'PATCH')
    await change.getByRole('button', { name: es['gear.saveChange'] }).click()
    expect((await patched).postDataJSON()).toMatchObject({ status: 'in_repair', note: 'Falla de transmisión (e2e)' })
    await page.getByTestId('equipment-done').getByText(`Se guardó el cambio de ${name}.`).waitFor()
    expect(await item.locator('.reg-status').textContent()).toBe('En reparación')
    const renewed = page.locator(`[data-testid="equipment-renewal-item"][data-id="${vehicle?.id ?? ''}"]`)
    await renewed.waitFor()
    expect(await renewed.locator('.reg-reasons').textContent()).toContain('En reparación')

    // Its history, in words.
    await item.getByRole('button', { name: `Historial de ${name}` }).click()
    const history = item.getByTestId('equipment-history')
    await history.waitFor()
    const steps = await history.getByTestId('equipment-history-step').allTextContents()
    expect(steps[0]).toContain('Cambio')
    expect(steps[0]).toContain('Estado: En reparación · Nota: «Falla de transmisión (e2e)»')
    expect(steps.at(-1)).toContain('Registrado')
    await expectWords(page, 'equipment-history')
    await item.scrollIntoViewIfNeeded()
    await item.screenshot({ path: `${import.meta.dirname}/output/registries-equipment-history-1280.png` })
    await expectAccessible(page)

    // Inspections: overdue towers and signs, and what needs repair, in words.
    await open(page, es['nav.inspections'], 'inspections-page')
    await expectWords(page, 'inspections-page')
    await shoot(page, 'registries-inspections-coordinator')
    await expectAccessible(page)

    // Home: one more to renew when the vehicle was not on the list before.
    await page.getByRole('navigation').getByRole('link', { name: es['nav.home'], exact: true }).click()
    await card.waitFor()
    await settle(page)
    expect(await homeCount(page, 'renewals')).toBe(before.renewals + (onRenewal.has(vehicle?.id ?? '') ? 0 : 1))
    await card.getByTestId('home-attention-renewals').getByRole('link').click()
    await page.getByTestId('equipment-page').waitFor()
  })

  it('shows the national coordination every group, and one group when chosen', async () => {
    const page = await openAs('coordinacion.beta')
    await page.getByTestId('home-attention').waitFor()
    await settle(page)
    expect(await homeCount(page, 'renewals')).toBeGreaterThan(0)
    await shoot(page, 'registries-home-national')
    await expectAccessible(page)

    await open(page, es['nav.team'], 'team-page')
    // Every group, one folded section each; the soonest to end first, more on request.
    expect(await page.getByTestId('team-group').count()).toBeGreaterThan(20)
    expect(await page.getByTestId('team-alert').count()).toBe(12)
    await expectAccessible(page)
    await page.getByTestId('reg-unit').selectOption('beta-tijuana')
    await settle(page)
    expect(await page.getByTestId('team-member').count()).toBeGreaterThanOrEqual(13)
    await expectWords(page, 'team-page')
    await shoot(page, 'registries-staff-national')
    await expectAccessible(page)

    await open(page, es['nav.equipment'], 'equipment-page')
    await page.getByTestId('reg-unit').selectOption('beta')
    await settle(page)
    expect(await page.getByTestId('equipment-renewal-item').filter({ hasText: 'Grupo Beta' }).count()).toBe(12)
    expect(await page.getByTestId('equipment-group').count()).toBeGreaterThan(20)
    await page.getByTestId('equipment-group').filter({ hasText: 'Grupo Beta Tijuana' }).locator('summary').click()
    expect(await page.getByTestId('equipment-group').filter({ hasText: 'Grupo Beta Tijuana' }).getByTestId('equipment-item').count()).toBeGreaterThan(5)
    await expectWords(page, 'equipment-page')
    await shoot(page, 'registries-equipment-national')
    await expectAccessible(page)

    await open(page, es['nav.inspections'], 'inspections-page')
    await expectWords(page, 'inspections-page')
    await shoot(page, 'registries-inspections-national')
    await expectAccessible(page)
  })

  it('lets a field agent read the group’s staff and report an item’s state, but register nothing', async () => {
    const page = await openAs('agente.tijuana')
    await open(page, es['nav.team'], 'team-page')
    expect(await page.getByTestId('team-member').count()).toBeGreaterThanOrEqual(13)
    expect(await page.getByRole('button', { name: /^(Editar perfil|Registrar certificado) de / }).count()).toBe(0)
    expect(await page.getByTestId('reg-unit').count()).toBe(0)
    await expectAccessible(page)

    await open(page, es['nav.equipment'], 'equipment-page')
    expect(await page.getByRole('button', { name: es['gear.new'] }).count()).toBe(0)
    expect(await page.getByRole('button', { name: /^Cambiar estado de / }).count()).toBeGreaterThan(0)
    await shoot(page, 'registries-equipment-agent')
    await expectAccessible(page)
  })

  it('lets the national analyst read everything and change nothing', async () => {
    const page = await openAs('analista.nacional')
    await open(page, es['nav.equipment'], 'equipment-page')
    expect(await page.getByRole('button', { name: /^Cambiar estado de / }).count()).toBe(0)
    expect(await page.getByRole('button', { name: es['gear.new'] }).count()).toBe(0)
    await open(page, es['nav.team'], 'team-page')
    expect(await page.getByRole('button', { name: /^(Editar perfil|Registrar certificado) de / }).count()).toBe(0)
    await expectAccessible(page)
  })
})
