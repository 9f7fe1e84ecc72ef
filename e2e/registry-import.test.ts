import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { SKIP_BROWSER_TESTS } from './harness.ts'
import { expectAccessible, settle, shoot, signedInPages } from './screens.ts'

// A code of a closed list shown as it is stored (given_names, age_years…) instead of in words, or raw JSON.
const RAW_CODE = /\b[a-z]+_[a-z_]+\b|[{}]|"\w+":/
const SOURCE = 'Hospital General de Caborca'
const HEADER = 'Folio;Nombre(s);Apellido paterno;Apellido materno;Sexo;Edad;Nacionalidad;Fecha de ingreso;Lugar;Diagnóstico'
const ROWS = ['H-101;Kevin Alexander;Argueta;Rivas;H;19;SV;03/11/2026;Caborca;deshidratación', 'H-102;María José;Ajú;Coj;M;;GT;2026-11-04;Caborca;fractura', 'H-104;Wilmer;Pérez;López;H;veintidós;HN;2026-11-05;Caborca;golpe de calor']
// Line 4 of the file: an age in words.
const BAD_CSV = [HEADER, ...ROWS, ''].join('\n')
const FIXED_CSV = [HEADER, ...ROWS.map((r) => r.replace('veintidós', '22')), ''].join('\n')

/**
 * A coordinator brings a hospital's list into the registry: the review shows how each column is
 * read, the first rows and the bad row by line and column, and the import stays shut until the
 * file is fixed; the fixed file is imported whole, once.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('The import of a partner’s list in Chromium', () => {
  const { openAs } = signedInPages()

  async function chooseFile(page: Page, name: string, content: string): Promise<void> {
    await page.getByTestId('regimp-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') })
  }

  it('reviews a hospital list with a bad row, refuses to import it, then imports the fixed file once', async () => {
    const page = await openAs('coordinacion.beta')
    await page.getByRole('navigation').getByRole('link', { name: es['nav.registryImport'] }).click()
    const screen = page.getByTestId('registry-import-page')
    await screen.getByRole('heading', { level: 1, name: es['regimp.title'] }).waitFor()
    await shoot(page, 'registry-import-empty')
    await expectAccessible(page)

    // Without a source or a file, nothing is sent.
    await screen.getByTestId('regimp-review').click()
    await screen.getByText(es['form.error.required']).waitFor()
    await screen.getByLabel(es['regimp.source'], { exact: true }).fill(SOURCE)
    await screen.getByTestId('regimp-review').click()
    expect(await screen.getByTestId('regimp-file-problem').textContent()).toBe(es['regimp.problem.missing'])

    await screen.getByLabel(es['regimp.kind'], { exact: true }).selectOption('hospitalised')
    await screen.getByLabel(es['regimp.eventDate'], { exact: true }).fill('2026-11-06')
    await chooseFile(page, 'caborca.csv', BAD_CSV)
    expect(await screen.getByTestId('regimp-form').textContent()).toContain('caborca.csv: se leerá como CSV.')
    const asked = page.waitForRequest((r) => r.url().endsWith('/api/tracing/imports/preview'))
    await screen.getByTestId('regimp-review').click()
    const request = await asked
    expect(request.postDataJSON()).toEqual({ source: SOURCE, format: 'csv', kind: 'hospitalised', eventDate: '2026-11-06', content: BAD_CSV })
    const preview = screen.getByTestId('regimp-preview')
    await preview.waitFor()
    expect(await preview.getByTestId('regimp-rows').textContent()).toBe('La lista tiene 3 filas, sin contar los encabezados.')

    // Each column with what it is read as, in words; what is not known is ignored.
    const columns = await preview.getByTestId('regimp-column').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')?.textContent, r.querySelector('td')?.textContent]))
    expect(columns).toEqual([
      ['Folio', es['regimp.field.id']],
      ['Nombre(s)', 'Nombre(s)'],
      ['Apellido paterno', 'Primer apellido'],
      ['Apellido materno', 'Segundo apellido'],
      ['Sexo', 'Sexo'],
      ['Edad', 'Edad'],
      ['Nacionalidad', 'Nacionalidad'],
      ['Fecha de ingreso', 'Fecha del hecho'],
      ['Lugar', 'Lugar del hecho'],
      ['Diagnóstico', 'Se ignora'],
    ])
    const sample = (await preview.getByTestId('regimp-sample').textContent()) ?? ''
    expect(sample).toContain('Kevin Alexander')
    expect(sample).toContain('María José')

    // The bad row by its line and column, and no way to import.
    const problems = preview.getByTestId('regimp-problem')
    expect(await problems.count()).toBe(1)
    expect(await problems.first().textContent()).toMatch(/^Línea 4, columna «Edad»: .+/)
    expect(await preview.getByRole('heading', { name: '1 problema por corregir' }).count()).toBe(1)
    expect(await screen.getByTestId('regimp-import').isDisabled()).toBe(true)
    expect(await screen.textContent()).toContain(es['regimp.fixFirst'])
    expect(page.url()).toMatch(/\/app\/registry-import$/)
    const shown = (await screen.textContent()) ?? ''
    expect(shown.replace(/Nombre\(s\)/g, '')).not.toMatch(RAW_CODE)
    await shoot(page, 'registry-import-problems')
    await expectAccessible(page)

    // The fixed file: a new review, no problem, the import open.
    await chooseFile(page, 'caborca-corregido.csv', FIXED_CSV)
    expect(await screen.getByTestId('regimp-preview').count()).toBe(0)
    await screen.getByTestId('regimp-review').click()
    await screen.getByTestId('regimp-preview').getByText(es['regimp.noProblems']).waitFor()
    const importButton = screen.getByTestId('regimp-import')
    expect(await importButton.textContent()).toBe('Importar 3 filas')
    expect(await importButton.isEnabled()).toBe(true)
    await settle(page)
    await shoot(page, 'registry-import-ready')
    await expectAccessible(page)

    const sent = page.waitForRequest((r) => r.url().endsWith('/api/tracing/imports') && r.method() === 'POST')
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/tracing/imports') && r.request().method() === 'POST')
    await importButton.click()
    const body = (await sent).postDataJSON() as { id: string; content: string; source: string }
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(body.content).toBe(FIXED_CSV)
    expect((await answered).status()).toBe(201)
    const done = screen.getByTestId('regimp-done')
    await done.waitFor()
    expect(await done.getByTestId('regimp-done-count').textContent()).toBe(`Se importaron 3 filas de «${SOURCE}» al registro.`)
    expect(await done.textContent()).toContain(es['regimp.doneNext'])
    expect(await done.getByRole('heading', { name: es['regimp.doneTitle'] }).evaluate((el) => el === document.activeElement)).toBe(true)
    expect(page.url()).toMatch(/\/app\/registry-import$/)
    await shoot(page, 'registry-import-done')
    await expectAccessible(page)

    // Another list starts afresh.
    await done.getByRole('button', { name: es['regimp.another'] }).click()
    expect(await screen.getByLabel(es['regimp.source'], { exact: true }).inputValue()).toBe('')
  })

  it('refuses a file larger than a request may carry, pointing to the command line', async () => {
    const page = await openAs('coordinacion.beta')
    await page.goto('/app/registry-import')
    const screen = page.getByTestId('registry-import-page')
    await screen.getByLabel(es['regimp.source'], { exact: true }).fill('Albergue Hermanos en el Camino')
    const row = 'Jocelyne;Dorvil;29;HT\n'
    await chooseFile(page, 'albergue.csv', `nombre;apellido;edad;nacionalidad\n${row.repeat(Math.ceil((1024 * 1024) / row.length) + 10)}`)
    const problem = screen.getByTestId('regimp-file-problem')
    await problem.waitFor()
    expect(await problem.textContent()).toContain('faro match import')
    expect(await problem.textContent()).toContain('npm run faro -- match import')
    let asked = false
    page.on('request', (r) => {
      asked ||= r.url().includes('/api/tracing/imports')
    })
    await screen.getByTestId('regimp-review').click()
    await problem.waitFor()
    expect(asked).toBe(false)
    await shoot(page, 'registry-import-too-large')
    await expectAccessible(page)
  })

  it('shows neither the page nor its link to a field agent', async () => {
    const page = await openAs('agente.tijuana')
    expect(await page.getByRole('navigation').getByRole('link', { name: es['nav.registryImport'] }).count()).toBe(0)
    await page.goto('/app/registry-import')
    await page.getByRole('heading', { level: 1, name: es['app.noAccess'] }).waitFor()
  })
})
