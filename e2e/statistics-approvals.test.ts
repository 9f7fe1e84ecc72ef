import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import en from '../packages/web/src/i18n/en.json'
import es from '../packages/web/src/i18n/es.json'
import { OUTPUT_DIR, SKIP_BROWSER_TESTS } from './harness.ts'
import { DESKTOP, expectAccessible, settle, shoot, signedInPages } from './screens.ts'

// Tijuana's group coordinator approves Tijuana's figures; the national analyst publishes the groups'.
const TIJUANA = 'coordinador.tijuana'
const ANALYST = 'analista.nacional'
// The demo approves and publishes last year (seed/approvals.ts): this year is still pending.
const THIS_YEAR = String(new Date().getUTCFullYear())
const LAST_YEAR = String(new Date().getUTCFullYear() - 1)
// What a person must never read: an error's code, a unit's id, raw JSON.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b|[{}]|"\w+":|\bbeta-/

/**
 * The approval of the open data: Tijuana's coordinator opens it from the statistics page, picks
 * this year, sees "Aprobar" on Tijuana alone, confirms in words and sees it approved; the
 * national analyst sees no group's button and the national approval disabled, with how many
 * groups are still to approve in words, and last year's publication with its link to the open
 * data. Each stop is checked with axe and photographed at 1280 and 360 px.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('the approval of the statistics in Chromium', () => {
  // With last year's history (the browser tests leave it out by default, to start faster).
  const { openAs } = signedInPages(undefined, { FARO_DEMO_HISTORY: 'true' })


  const units = (page: Page) => page.getByTestId('approvals-unit')
  const tijuana = (page: Page) => page.locator('[data-testid="approvals-unit"][data-unit="beta-tijuana"]')

  it('lets Tijuana\'s coordinator approve Tijuana\'s year, and only Tijuana', async () => {
    const page = await openAs(TIJUANA)
    await page.goto('/app/statistics')
    await page.getByTestId('stats-page').waitFor()
    // The link sits under the statistics page's title: its top is enough to see it there.
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'approvals-statistics-link-1280.png'), clip: { x: 0, y: 0, width: DESKTOP.width, height: 320 } })
    await page.getByTestId('stats-approvals-link').click()
    await page.getByTestId('approvals-page').waitFor()
    await settle(page)

    // Last year is the demo's, approved and published: nothing to press.
    expect(await page.getByLabel(es['statsApproval.periodLabel.beta'], { exact: true }).inputValue()).toBe(LAST_YEAR)
    expect(await tijuana(page).getAttribute('data-approved')).toBe('true')
    // Approved by the groups' national coordination in the demo, named.
    expect(await tijuana(page).textContent()).toContain('Aprobado por Coordinación nacional de Grupos Beta (demo) el ')
    expect(await page.getByTestId('approvals-approve').count()).toBe(0)

    await page.getByLabel(es['statsApproval.periodLabel.beta'], { exact: true }).selectOption(THIS_YEAR)
    await page.waitForURL(new RegExp(`period=${THIS_YEAR}`))
    await settle(page)
    const groups = await units(page).count()
    expect(groups).toBeGreaterThan(1)
    expect(await page.getByTestId('approvals-progress').textContent()).toBe(`0 de ${groups} grupos aprobados`)
    expect(await tijuana(page).getAttribute('data-approved')).toBe('false')
    // Tijuana's button only: the other groups are not this coordinator's, the national approval not a group's.
    expect(await page.getByTestId('approvals-approve').count()).toBe(1)
    expect(await tijuana(page).getByTestId('approvals-approve').count()).toBe(1)
    expect(await page.getByTestId('approvals-national-approve').count()).toBe(0)
    expect(await page.getByTestId('approvals-page').textContent()).not.toMatch(RAW_CODE)
    await expectAccessible(page)
    await shoot(page, 'approvals-coordinator')

    // Asked again in words, then approved.
    await tijuana(page).getByTestId('approvals-approve').click()
    const confirm = tijuana(page).getByTestId('approvals-confirm')
    expect(await confirm.textContent()).toContain('Al aprobar, las cifras de este periodo quedan listas para publicarse')
    expect(await confirm.textContent()).toContain(THIS_YEAR)
    await expectAccessible(page)
    await shoot(page, 'approvals-confirm')
    await confirm.getByTestId('approvals-confirm-yes').click()
    await page.locator('[data-testid="approvals-unit"][data-unit="beta-tijuana"][data-approved="true"]').waitFor()
    expect(await tijuana(page).textContent()).toMatch(/Aprobado por usted el \d{1,2} \w{3}\.? \d{4}/)
    expect(await page.getByTestId('approvals-progress').textContent()).toBe(`1 de ${groups} grupos aprobados`)
    expect(await page.getByTestId('approvals-done').textContent()).toContain('Aprobado')
    expect(await page.getByTestId('approvals-approve').count()).toBe(0)
    await expectAccessible(page)
    await shoot(page, 'approvals-coordinator-done')
  })

  it('shows the national analyst the national approval disabled while groups are pending, and last year\'s publication', async () => {
    const page = await openAs(ANALYST)
    await page.goto(`/app/statistics/approvals?programme=beta&period=${THIS_YEAR}`)
    await page.getByTestId('approvals-national').waitFor()
    await settle(page)
    const groups = await units(page).count()
    const approved = await page.locator('[data-testid="approvals-unit"][data-approved="true"]').count()
    expect(approved).toBeGreaterThanOrEqual(1)
    // The groups are their coordinators' to approve.
    expect(await page.getByTestId('approvals-approve').count()).toBe(0)
    const national = page.getByTestId('approvals-national-approve')
    expect(await national.textContent()).toBe(es['statsApproval.approveNational'])
    expect(await national.isDisabled()).toBe(true)
    expect(await page.getByTestId('approvals-national-state').textContent()).toMatch(new RegExp(`^Faltan? ${groups - approved} grupos? por aprobar`))
    expect(await page.getByTestId('approvals-page').textContent()).not.toMatch(RAW_CODE)
    await expectAccessible(page)
    await shoot(page, 'approvals-national-waiting')

    // Last year: every group approved and published once, with the open data a link away.
    await page.getByLabel(es['statsApproval.periodLabel.beta'], { exact: true }).selectOption(LAST_YEAR)
    await page.waitForURL(new RegExp(`period=${LAST_YEAR}`))
    await page.getByTestId('approvals-revisions').waitFor()
    expect(await page.getByTestId('approvals-progress').textContent()).toBe(`${groups} de ${groups} grupos aprobados`)
    expect(await page.getByTestId('approvals-revisions').textContent()).toMatch(/^Revisión 1, publicada el .+ por usted\.$/)
    expect(await page.getByTestId('approvals-open-data').getAttribute('href')).toBe('/es/datos')
    expect(await page.getByTestId('approvals-national-approve').textContent()).toBe(es['statsApproval.publishRevision'])
    await expectAccessible(page)
    await shoot(page, 'approvals-national-published')

    // In English: the same state in its words, and the open data in English.
    await page.getByRole('button', { name: es['lang.en'] }).click()
    await page.getByText(en['statsApproval.published']).waitFor()
    expect(await page.getByTestId('approvals-progress').textContent()).toBe(`${groups} of ${groups} groups approved`)
    expect(await page.getByTestId('approvals-revisions').textContent()).toMatch(/^Revision 1, published on .+ by you\.$/)
    expect(await page.getByTestId('approvals-open-data').getAttribute('href')).toBe('/en/datos')
    await expectAccessible(page)
    await shoot(page, 'approvals-national-published-en')
  })
})
