import fs from 'node:fs'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { SKIP_BROWSER_TESTS } from './harness.ts'
import { expectAccessible, settle, shoot, signedInPages } from './screens.ts'

// The national office's analyst: reads every office's statistics.
const ANALYST = 'analista.nacional'
// What a person must never read: a closed list's code, a unit's id, raw JSON, a country's code, a month as digits.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b|[{}]|"\w+":|\bbeta-|\bmodule-|\b(north|south|female|male)\b|\b(HN|GT|SV|NI|VE|HT|CU)\b|\b\d{4}-\d{2}\b/

/**
 * The national analyst's statistics: from the home page to the people attended in Paisano's
 * winter operation, drilled from the country into the northern border, a state on the map and one
 * of its groups; the group's table exported to XLSX and read back with the same figure as the
 * page; the year's report as a PDF. Each stop is checked with axe and photographed at 1280 and
 * 360 px.
 *
 * Last year's winter operation is in the demo's history of the year before (seed/history.ts).
 */
describe.skipIf(SKIP_BROWSER_TESTS)('the statistics pages in Chromium', () => {
  // With last year's history (the browser tests leave it out by default, to start faster).
  const { openAs } = signedInPages(undefined, { FARO_DEMO_HISTORY: 'true' })


  /** The page's figure once its table is drawn, and the table's total beside it. */
  async function figures(page: Page): Promise<{ total: number; tableTotal: string }> {
    await page.getByTestId('stats-table').waitFor()
    await settle(page)
    const total = Number(await page.getByTestId('stats-total').getAttribute('data-n'))
    const tableTotal = (await page.getByTestId('stats-table-total').textContent()) ?? ''
    return { total, tableTotal }
  }

  async function crumbs(page: Page): Promise<string[]> {
    return page.getByTestId('stats-crumbs').locator('li').allTextContents()
  }

  it('drills the winter operation from the country to a group, exports it to XLSX with the page\'s figures, and gives the year\'s report as a PDF', async () => {
    const page = await openAs(ANALYST)
    await page.getByTestId('home-national_analyst').getByTestId('home-statistics').click()
    await page.getByTestId('stats-page').waitFor()
    expect(await page.getByRole('navigation', { name: es['shell.mainNav'] }).getByRole('link', { name: es['stats.nav'] }).getAttribute('aria-current')).toBe('page')

    // Last year's winter operation.
    const lastWinter = `Operativo Invierno ${new Date().getFullYear() - 1}`
    await page.getByLabel(es['stats.periodKind'], { exact: true }).selectOption('operation')
    const operation = page.getByLabel(es['stats.periodWhich.operation'], { exact: true })
    const winter = await operation.locator('option', { hasText: lastWinter }).getAttribute('value')
    expect(winter).toMatch(/^op:/)
    await operation.selectOption(winter ?? '')
    await page.waitForURL(/period=op/)
    const national = await figures(page)
    expect(national.total).toBeGreaterThan(0)
    expect(await page.getByTestId('stats-summary').textContent()).toContain(lastWinter)
    // People attended by border, in words, and the map of the states.
    const borders = page.getByTestId('stats-table').getByTestId('stats-row')
    expect(await borders.locator('th').allTextContents()).toEqual(expect.arrayContaining([es['stats.border.north'], es['stats.border.south']]))
    await page.getByTestId('stats-map').waitFor()
    expect(await page.getByTestId('stats-breakdown').textContent()).not.toMatch(RAW_CODE)
    await expectAccessible(page)
    await shoot(page, 'statistics-national')

    // Down into the northern border: its states, and the map of them.
    await page.getByTestId('stats-table').getByRole('link', { name: es['stats.border.north'], exact: true }).click()
    await page.waitForURL(/border=north/)
    const north = await figures(page)
    expect(north.total).toBeGreaterThan(0)
    expect(north.total).toBeLessThan(national.total)
    expect(await crumbs(page)).toEqual([expect.any(String), es['stats.border.north']])
    const stateRows = page.getByTestId('stats-table').getByTestId('stats-row')
    const stateSum = (await stateRows.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-n'))))).reduce((a, b) => a + b, 0)
    expect(stateSum).toBe(north.total)
    expect(await stateRows.locator('th').allTextContents()).toContain('Baja California')
    await expectAccessible(page)
    await shoot(page, 'statistics-border')

    // A state on the map: Baja California, then its groups.
    await page.getByTestId('stats-map').locator('a[data-state="Baja California"]').click()
    await page.waitForURL(/state=Baja/)
    await figures(page)
    expect(await crumbs(page)).toEqual([expect.any(String), es['stats.border.north'], 'Baja California'])
    const groups = await page.getByTestId('stats-table').getByTestId('stats-row').locator('th').allTextContents()
    expect(groups).toContain('Grupo Beta Tijuana')
    // Exported here, the file holds the state's groups only, and adds up to the page's total.
    const stateTotal = (await figures(page)).total
    await page.getByTestId('stats-export').locator('button[data-format="csv"]').click()
    const csvLink = page.getByTestId('stats-export').getByTestId('stats-download')
    await csvLink.waitFor({ timeout: 60_000 })
    const csvDownloading = page.waitForEvent('download')
    await csvLink.click()
    const csv = await csvDownloading
    expect(csv.suggestedFilename()).toMatch(/-baja-california-.*\.csv$/)
    const [, , ...exportedRows] = parse(fs.readFileSync((await csv.path()) ?? '', 'utf8')) as string[][]
    expect(exportedRows.length).toBeGreaterThan(0)
    expect(groups).toEqual(expect.arrayContaining(exportedRows.map((r) => r.at(-2))))
    expect(exportedRows.every((r) => r.includes('Baja California'))).toBe(true)
    expect(exportedRows.reduce((sum, r) => sum + Number(r.at(-1)), 0)).toBe(stateTotal)

    // Into the group: its months, a line with last year's dashed beside it.
    await page.getByTestId('stats-table').getByRole('link', { name: 'Grupo Beta Tijuana', exact: true }).click()
    await page.waitForURL(/unit=beta-tijuana/)
    const group = await figures(page)
    expect(group.total).toBeGreaterThan(0)
    expect(await crumbs(page)).toEqual([expect.any(String), es['stats.border.north'], 'Baja California', 'Grupo Beta Tijuana'])
    await page.getByTestId('stats-line').waitFor()
    const months = await page.getByTestId('stats-table').getByTestId('stats-row').evaluateAll((rows) => rows.map((r) => ({ month: r.getAttribute('data-value') ?? '', n: Number(r.getAttribute('data-n')) })))
    expect(months.reduce((sum, m) => sum + m.n, 0)).toBe(group.total)
    expect(await page.getByTestId('stats-breakdown').textContent()).not.toMatch(RAW_CODE)
    await expectAccessible(page)
    await shoot(page, 'statistics-group')

    // ── Exports (POST /api/statistics/exports): the group's table as XLSX, read back. ──
    const exports = page.getByTestId('stats-export')
    await exports.locator('button[data-format="xlsx"]').click()
    const link = exports.getByTestId('stats-download')
    await link.waitFor({ timeout: 60_000 })
    const downloading = page.waitForEvent('download')
    await link.click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await download.path()) ?? '')
    const sheet = workbook.worksheets[0]
    expect(sheet).toBeDefined()
    // Row 1 is the header, row 2 the HXL hashtags; the count is each row's last cell.
    const header = (sheet?.getRow(1).values ?? []) as unknown[]
    const monthColumn = header.findIndex((v) => v === 'month' || v === 'Mes')
    const counts: { month: string; n: number }[] = []
    sheet?.eachRow((row, i) => {
      if (i <= 2) {
        return
      }
      const values = row.values as unknown[]
      counts.push({ month: String(values[monthColumn] ?? ''), n: Number(values[values.length - 1]) })
    })
    expect(counts.reduce((sum, c) => sum + c.n, 0)).toBe(group.total)
    const busiest = months.reduce((a, b) => (b.n > a.n ? b : a))
    expect(counts.find((c) => c.month === busiest.month)?.n).toBe(busiest.n)

    // ── The programme's year as a PDF. ──
    await page.getByTestId('stats-year-link').click()
    await page.getByTestId('stats-year-page').waitFor()
    await page.getByTestId('stats-book-attended-sex').locator('table').waitFor()
    await settle(page)
    expect(await page.getByTestId('stats-year-beta').textContent()).not.toMatch(RAW_CODE)
    // Last year beside the book's 2010: the demo's history runs at the book's rates.
    const attended = page.getByTestId('stats-published-migrants_attended-national')
    await attended.waitFor()
    const [published, counted] = (await attended.locator('td').allTextContents()).map((text) => Number(text.replace(/[^\d]/g, '')))
    expect(published).toBe(228_809)
    expect(Math.abs((counted ?? 0) - 228_809) / 228_809).toBeLessThan(0.05)
    expect(await page.getByTestId('stats-published').textContent()).not.toMatch(RAW_CODE)
    await expectAccessible(page)
    await shoot(page, 'statistics-year')
    const report = page.getByTestId('stats-year-export')
    await report.locator('button[data-format="pdf"]').click()
    const pdfLink = report.getByTestId('stats-download')
    await pdfLink.waitFor({ timeout: 90_000 })
    const pdfDownloading = page.waitForEvent('download')
    await pdfLink.click()
    const pdf = await pdfDownloading
    const bytes = fs.readFileSync((await pdf.path()) ?? '')
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })
})
