import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { SKIP_BROWSER_TESTS } from './harness.ts'
import { DESKTOP, expectAccessible, PHONE_WIDTH, settle, shoot, signedInPages } from './screens.ts'

// A code of a closed list shown as it is stored (bus_terminal, heat_wave…) instead of in words, or raw JSON.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b|[{}]|"\w+":/
const SITE = 'module-tijuana-airport'
const SITE_NAME = 'Módulo Aeropuerto de Tijuana'
const BAD_CSV = ['nombre,sitio,institución,servicio social', `Ana Prueba López,${SITE_NAME},Universidad de Guadalajara,sí`, 'Beto Ensayo Ruiz,Módulo de la Luna,CETYS Universidad,quizá', ''].join('\n')

/**
 * Paisano's national coordination runs its season: the operations and their sites and tallies, an
 * operation refused for ending before it starts, volunteers brought in from a CSV (a bad row shown
 * by line and column first) with their printable activation codes, a week's roster planned,
 * changed and its gaps counted, and the home's card of this week's gaps. A module volunteer does
 * not see the operations.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('Operations and rosters in Chromium', () => {
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

  async function homeGaps(page: Page): Promise<number> {
    const count = page.getByTestId('home-roster-gaps-count')
    await count.waitFor()
    return Number(((await count.textContent()) ?? '').replace(/,/g, ''))
  }

  async function weekGaps(page: Page): Promise<number> {
    await settle(page)
    return Number(await page.getByTestId('roster-gaps').getAttribute('data-gaps'))
  }

  it('lets the national coordination keep its operations, import volunteers, plan a roster and see the gaps', async () => {
    const page = await openAs('coordinacion.paisano')

    // Home: this week's gaps at every site, and the operation open now.
    const card = page.getByTestId('home-roster-gaps')
    await card.getByRole('heading', { name: es['ops.home.title'] }).waitFor()
    const gapsAtHome = await homeGaps(page)
    expect(gapsAtHome).toBeGreaterThan(0)
    expect(await page.getByTestId('home-operation-open').first().textContent()).toMatch(/^Operativo en curso: Operativo Invierno \d{4}, hasta el /)
    await expectWords(page, 'home-roster-gaps')
    await shoot(page, 'operations-home-national')
    await expectAccessible(page)

    // The operations: the winter one open and chosen, its sites and tallies in words.
    await open(page, es['ops.nav.operations'], 'operations-page')
    const winter = page.getByTestId('ops-operation').filter({ hasText: 'Operativo Invierno' })
    expect(await winter.locator('.ops-status').textContent()).toBe('En curso')
    await page.getByTestId('ops-site').first().waitFor()
    // A season's hundred sites, a dozen at a time; one found by its city.
    expect(await page.getByTestId('ops-site').count()).toBe(12)
    await page.getByTestId('ops-site-search').fill('tijuana aeropuerto')
    await expect.poll(() => page.getByTestId('ops-site').count()).toBe(1)
    // A seasonal point closed early, asked twice.
    await page.getByTestId('ops-site-search').fill('plaza principal')
    await expect.poll(() => page.getByTestId('ops-site').count()).toBeGreaterThan(1)
    const square = page.getByTestId('ops-site').first()
    const squareName = (await square.locator('strong').textContent()) ?? ''
    await square.getByRole('button', { name: `Cerrar ${squareName} antes del fin del operativo` }).click()
    await square.getByTestId('ops-site-close-confirm').click()
    await page.getByTestId('ops-sites-done').getByText(`Se cerró ${squareName}.`).waitFor()
    await square.getByText('Cerrado antes del fin').waitFor()
    await page.getByTestId('ops-site-search').fill('tijuana aeropuerto')
    await expect.poll(() => page.getByTestId('ops-site').count()).toBe(1)
    const airport = page.locator(`[data-testid="ops-site"][data-unit="${SITE}"]`)
    expect(await airport.textContent()).toContain('Aeropuerto · 8:00–20:00 todos los días')
    expect(await airport.textContent()).toContain('Baja California')
    await page.getByTestId('ops-totals-table').waitFor()
    expect(await page.getByTestId('ops-totals-row').count()).toBe(9)
    expect(await page.getByTestId('ops-totals-total').textContent()).toMatch(/^Total(Personas orientadas)?[\d,]+/)
    await page.getByTestId('ops-totals-by-state').click()
    await page.getByTestId('ops-totals-row').filter({ hasText: 'Baja California' }).waitFor()
    await page.getByTestId('ops-totals-by-day').click()
    await page.getByTestId('ops-totals-row').filter({ hasText: /\d{1,2} [a-z]{3} \d{4}/ }).first().waitFor()
    await expectWords(page, 'operations-page')
    await shoot(page, 'operations-list-national')
    await expectAccessible(page)

    // An operation that ends before it starts: the server's refusal, on the field; then opened.
    await page.getByTestId('ops-open-start').click()
    const form = page.getByTestId('ops-open-form')
    await form.getByLabel(es['ops.field.name'], { exact: true }).fill('Operativo Verano 2030 (e2e)')
    await form.getByLabel(es['ops.field.kind'], { exact: true }).selectOption('summer')
    await form.getByLabel(es['ops.field.startsOn'], { exact: true }).fill('2030-06-20')
    await form.getByLabel(es['ops.field.endsOn'], { exact: true }).fill('2030-06-01')
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/operations') && r.request().method() === 'POST')
    await form.getByRole('button', { name: es['ops.open.submit'] }).click()
    expect((await refused).status()).toBe(400)
    await form.locator('.field-error').waitFor()
    expect(await form.locator('.field-error').textContent()).toMatch(/termin|antes|fin/i)
    expect(await form.getByLabel(es['ops.field.endsOn'], { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await expectAccessible(page)
    await form.getByLabel(es['ops.field.endsOn'], { exact: true }).fill('2030-08-20')
    await form.getByRole('button', { name: es['ops.open.submit'] }).click()
    await page.getByTestId('ops-done').getByText('Se abrió el operativo «Operativo Verano 2030 (e2e)».').waitFor()
    expect(await page.getByTestId('ops-operation').filter({ hasText: 'Operativo Verano 2030 (e2e)' }).locator('.ops-status').textContent()).toBe('Por iniciar')
    await winter.getByRole('button', { name: /^Ver Operativo Invierno/ }).click()
    await page.getByTestId('ops-view').getByRole('heading', { name: /Operativo Invierno/ }).waitFor()
    await settle(page)

    // Volunteers from a CSV: the bad row by line and column first, then all made, with their codes.
    const volunteers = page.getByTestId('ops-volunteers')
    expect(await volunteers.getByTestId('ops-volunteer-site').count()).toBe(9)
    const importer = page.getByTestId('ops-import')
    await importer.getByTestId('ops-import-file').setInputFiles({ name: 'voluntariado.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) })
    await expect.poll(() => importer.getByTestId('ops-import-text').inputValue()).toBe(BAD_CSV)
    await importer.getByTestId('ops-import-review').click()
    await importer.getByTestId('ops-import-issues').waitFor()
    const issues = await importer.getByTestId('ops-import-issue').allTextContents()
    expect(issues).toContainEqual(expect.stringMatching(/^Línea 3, columna «sitio»: \S/))
    expect(issues).toContainEqual(expect.stringMatching(/^Línea 3, columna «servicio social»: \S/))
    expect(issues.every((i) => i.startsWith('Línea 3'))).toBe(true)
    expect(await importer.getByTestId('ops-import-columns').textContent()).toContain('Servicio social')
    expect(await importer.getByTestId('ops-import-send').isDisabled()).toBe(true)
    await expectWords(page, 'ops-import')
    await importer.scrollIntoViewIfNeeded()
    await importer.screenshot({ path: `${import.meta.dirname}/output/operations-import-refused-1280.png` })
    await expectAccessible(page)

    await importer.getByTestId('ops-import-text').fill(BAD_CSV.replace('Módulo de la Luna', SITE_NAME).replace('quizá', 'no'))
    await importer.getByTestId('ops-import-review').click()
    await importer.getByText(es['ops.import.noIssues']).waitFor()
    await importer.getByTestId('ops-import-send').click()
    const sheet = page.getByTestId('ops-codes')
    await sheet.waitFor()
    expect(await sheet.getByTestId('ops-code-card').count()).toBe(2)
    expect(await sheet.getByTestId('ops-codes-warning').textContent()).toContain('se muestran solo esta vez')
    const codes = await sheet.getByTestId('ops-code').allTextContents()
    expect(codes.every((c) => /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/.test(c))).toBe(true)
    const ana = sheet.getByTestId('ops-code-card').filter({ hasText: 'Ana Prueba López' })
    expect(await ana.textContent()).toContain('vol.ana.prueba')
    expect(await ana.textContent()).toContain(SITE_NAME)
    expect(await ana.textContent()).toContain(`«${es['ops.codes.activateLink']}»`)
    expect(await ana.textContent()).toMatch(/Su cuenta funciona hasta el \d{1,2} [a-z]{3} \d{4}\./)
    await sheet.getByRole('button', { name: es['ops.codes.print'] }).waitFor()
    await shoot(page, 'operations-codes-sheet')
    await expectAccessible(page)
    // Printed, the sheet is all there is: no header, no menu, no warning, no other section.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.topbar').isVisible()).toBe(false)
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false)
    expect(await page.getByTestId('ops-sites').isVisible()).toBe(false)
    expect(await sheet.getByTestId('ops-codes-warning').isVisible()).toBe(false)
    expect(await ana.isVisible()).toBe(true)
    await page.screenshot({ path: `${import.meta.dirname}/output/operations-codes-print.png`, fullPage: true })
    await page.emulateMedia({ media: 'screen' })
    await sheet.getByRole('button', { name: es['ops.codes.done'] }).click()
    const airportVolunteers = volunteers.locator(`[data-testid="ops-volunteer-site"][data-unit="${SITE}"]`)
    await airportVolunteers.locator('summary').click()
    const newcomer = airportVolunteers.locator('[data-testid="ops-volunteer"][data-username="vol.ana.prueba"]')
    await newcomer.waitFor()
    expect(await newcomer.textContent()).toContain('Sin activar')
    await newcomer.getByRole('button', { name: 'Nuevo código de activación para Ana Prueba López' }).click()
    expect(await newcomer.getByTestId('ops-new-code').textContent()).toMatch(/[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}/)

    // The roster of one module: two shifts planned, the gaps counted, a volunteer moved.
    await open(page, es['ops.nav.roster'], 'roster-page')
    await page.getByTestId('roster-site').selectOption(SITE)
    await page.getByTestId('roster-day').first().waitFor()
    expect(await page.getByTestId('roster-day').count()).toBe(7)
    const before = await weekGaps(page)
    const firstDay = (await page.getByTestId('roster-day').first().getAttribute('data-day')) ?? ''
    await shoot(page, 'operations-roster-national')
    await expectAccessible(page)

    const plan = async (starts: string, ends: string, needed: string, people: string[]) => {
      await page.getByTestId('roster-plan-open').click()
      const shiftForm = page.getByTestId('roster-plan-form')
      await shiftForm.getByLabel(es['ops.plan.date'], { exact: true }).selectOption(firstDay)
      await shiftForm.getByLabel(es['ops.plan.starts'], { exact: true }).fill(starts)
      await shiftForm.getByLabel(es['ops.plan.ends'], { exact: true }).fill(ends)
      await shiftForm.getByLabel(es['ops.plan.needed'], { exact: true }).fill(needed)
      for (const person of people) {
        await shiftForm.getByLabel(person, { exact: true }).check()
      }
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/shifts') && r.request().method() === 'POST')
      await shiftForm.getByRole('button', { name: es['ops.plan.submit'] }).click()
      expect((await saved).status()).toBe(201)
      await page.getByTestId('roster-notice').getByText(`${starts}–${ends}`).waitFor()
    }
    const first = `Voluntariado 1 (demo), ${SITE_NAME}`
    const second = `Voluntariado 2 (demo), ${SITE_NAME}`
    await plan('20:00', '23:00', '2', [first])
    expect(await weekGaps(page)).toBe(before + 1)
    await plan('22:00', '06:00', '1', [second])
    expect(await weekGaps(page)).toBe(before + 1)
    const evening = page.getByTestId('roster-shift').filter({ hasText: '20:00–23:00' })
    const night = page.getByTestId('roster-shift').filter({ hasText: '22:00–06:00 del día siguiente' })
    expect(await evening.getAttribute('data-missing')).toBe('1')
    expect(await evening.getAttribute('class')).toContain('ops-shift-gap')
    expect(await night.getAttribute('data-missing')).toBe('0')

    await evening.getByRole('button', { name: `Mover a ${first} a otro turno` }).click()
    const move = evening.getByTestId('roster-move')
    const nightId = (await night.getAttribute('data-id')) ?? ''
    await move.getByTestId('roster-move-target').selectOption(nightId)
    await move.getByTestId('roster-move-send').click()
    await page.getByTestId('roster-notice').getByText(`${first} pasó al turno del`).waitFor()
    await settle(page)
    expect(await evening.getAttribute('data-missing')).toBe('2')
    expect(await night.getByTestId('roster-person').count()).toBe(2)
    expect(await weekGaps(page)).toBe(before + 2)

    // Who came to the night shift.
    await night.getByTestId('roster-attendance-open').click()
    await night.getByTestId('roster-attendance').getByLabel(second, { exact: true }).uncheck()
    await night.getByTestId('roster-attendance-send').click()
    await page.getByTestId('roster-notice').getByText('Se registró la asistencia: asistió 1 persona de 2.').waitFor()
    await night.getByText('Asistió 1 persona de 2.').waitFor()
    await expectWords(page, 'roster-page')
    await shoot(page, 'operations-roster-planned')
    await expectAccessible(page)

    // On a phone the week is a list of days, one under the other.
    await page.setViewportSize({ width: PHONE_WIDTH, height: 740 })
    const boxes = await page.getByTestId('roster-day').evaluateAll((days) => days.slice(0, 3).map((d) => d.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width })))
    expect(new Set(boxes.map((b) => Math.round(b.x))).size).toBe(1)
    expect(boxes[1]?.y ?? 0).toBeGreaterThan(boxes[0]?.y ?? 0)
    expect(boxes.every((b) => b.width <= PHONE_WIDTH)).toBe(true)
    await expectAccessible(page)
    await page.setViewportSize(DESKTOP)

    // The week after, and back.
    await page.getByTestId('roster-next').click()
    await expect.poll(async () => page.getByTestId('roster-day').first().getAttribute('data-day')).not.toBe(firstDay)
    await page.getByTestId('roster-prev').click()
    await expect.poll(async () => page.getByTestId('roster-day').first().getAttribute('data-day')).toBe(firstDay)

    // Home: the two more missing on the module's shifts.
    await open(page, es['nav.home'], 'home-paisano_coordinator')
    await expect.poll(() => homeGaps(page)).toBe(gapsAtHome + 2)
  })

  it('does not show a module volunteer the operations or the rosters', async () => {
    const page = await openAs('voluntario.tijuana')
    const nav = page.getByRole('navigation')
    await nav.getByRole('link', { name: es['nav.home'], exact: true }).waitFor()
    expect(await nav.getByRole('link', { name: es['ops.nav.operations'], exact: true }).count()).toBe(0)
    expect(await nav.getByRole('link', { name: es['ops.nav.roster'], exact: true }).count()).toBe(0)
    expect(await page.getByTestId('home-roster-gaps').count()).toBe(0)
  })
})
