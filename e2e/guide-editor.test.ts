import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { uuidv7 } from '../packages/web/src/outbox/uuidv7.ts'
import { apiSession, type ApiSession } from './api-session.ts'
import { closeAll, DEMO_PASSWORD, SKIP_BROWSER_TESTS, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { signIn } from './pages.ts'
import { DESKTOP, expectAccessible, PHONE_WIDTH, settle, shoot } from './screens.ts'

type Summary = { recordId: string; status: string; season: string; year: number }

const HOURS_2 = 2 * 3_600_000
const ADDED = 'Trae también tu pasaporte vigente (prueba del editor).'
// A code of the API shown as it is instead of in words.
const RAW_CODE = /needs_translation|\bvehicle-import\b|\beaster\b|\bwinter\b|\bsummer\b|"\w+":/

/**
 * Paisano's national office takes a new edition of the guide from draft to scheduled to
 * published: a Spanish section rewritten and reviewed sends its translations back, its preview
 * at a phone's width, what changed, a section whose Spanish is a draft holding the schedule
 * back, a text someone changed meanwhile, and the publication two hours later, reached by moving
 * the server's clock (FARO_CLOCK_OFFSET_FILE) instead of waiting. Administrators read it; a field
 * agent has no way in.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('The guide editor in Chromium', () => {
  const offsetFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faro-clock-')), 'offset')
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  let office: ApiSession
  let previous: Summary
  const contexts: BrowserContext[] = []
  let problems: string[] = []

  beforeAll(async () => {
    fs.writeFileSync(offsetFile, '0')
    ;({ faro, browser } = await startBrowserAndFaro({ FARO_CLOCK_OFFSET_FILE: offsetFile }))
    office = await apiSession(faro.baseUrl, 'coordinacion.paisano', DEMO_PASSWORD)
    // The edition the site shows now: the demo's, or one published here when the demo has none.
    let items = (await json<{ items: Summary[] }>(await office.request('GET', '/api/guide/editions'))).items
    if (!items.some((e) => e.status === 'published')) {
      const id = uuidv7()
      await json(await office.request('POST', '/api/guide/editions', { id, season: 'winter', year: 2026 }), 201)
      await json(await office.request('POST', `/api/guide/editions/${id}/schedule`, { id: uuidv7() }))
      items = (await json<{ items: Summary[] }>(await office.request('GET', '/api/guide/editions'))).items
    }
    const shown = items.find((e) => e.status === 'published')
    if (shown === undefined) {
      throw new Error('no edition on the site')
    }
    previous = shown
  })

  afterEach(() => {
    const seen = problems
    problems = []
    expect(seen).toEqual([])
  })

  afterAll(async () => {
    await closeAll(contexts, browser, faro)
    fs.rmSync(path.dirname(offsetFile), { recursive: true, force: true })
  })

  async function openAs(username: string): Promise<Page> {
    if (browser === undefined || faro === undefined) {
      throw new Error('Faro or Chromium did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport: DESKTOP })
    contexts.push(context)
    const page = await context.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) {
        problems.push(m.text())
      }
    })
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
    await page.goto('/app/')
    await signIn(page, username)
    await page.getByTestId('account-name').waitFor()
    await settle(page)
    return page
  }

  async function publicPage(slug: string): Promise<string> {
    return (await fetch(`${faro?.baseUrl ?? ''}/es/${slug}`)).text()
  }

  async function expectWords(page: Page): Promise<void> {
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(RAW_CODE)
  }

  it('takes an edition from draft to scheduled to published, and the site shows it at its time', async () => {
    const page = await openAs('coordinacion.paisano')
    expect(await page.getByRole('navigation').getByRole('link', { name: es['guide.nav'], exact: true }).count()).toBe(1)
    await page.getByTestId('home-guide').click()
    const list = page.getByTestId('guide-editions')
    await list.waitFor()
    await settle(page)
    const current = list.getByTestId('guide-edition').filter({ has: page.getByRole('link', { name: name(previous), exact: true }) })
    expect(await current.getByTestId('edition-status').textContent()).toMatch(/^En el sitio · Publicada el .+ \(hora de la Ciudad de México\)$/)
    expect(await current.getByTestId('translation-progress').textContent()).toMatch(/Kreyòl: \d+ de \d+ revisadas/)
    await expectWords(page)
    await expectAccessible(page)
    await shoot(page, 'guide-list-office')

    // A new edition, copied from the one on the site.
    await page.getByTestId('guide-new').click()
    const form = page.getByTestId('guide-new-form')
    await form.getByLabel(es['guide.new.season'], { exact: true }).selectOption('summer')
    await form.getByLabel(es['guide.new.year'], { exact: true }).fill('2027')
    await form.getByRole('button', { name: es['guide.new.submit'] }).click()
    await page.getByRole('heading', { level: 1, name: 'Verano 2027' }).waitFor()
    expect(await page.getByTestId('edition-status').first().textContent()).toBe('Borrador')
    expect(await page.locator('main').textContent()).toContain(`Se copió de ${name(previous)}.`)
    const editionId = new URL(page.url()).searchParams.get('edition') ?? ''
    expect(editionId).not.toBe('')

    // The vehicle section's Spanish, rewritten and reviewed: its translations go back.
    const vehicle = page.locator('[data-testid="edition-section"][data-slug="vehicle-import"]')
    const vehicleTitle = (await vehicle.getByRole('heading', { level: 3 }).textContent()) ?? ''
    expect(vehicleTitle).toBe('Permiso para tu vehículo')
    await vehicle.getByRole('link', { name: `Editar «${vehicleTitle}» en Español` }).click()
    const editor = page.getByTestId('section-editor')
    await editor.waitFor()
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    const textarea = editor.getByLabel('Texto en Español', { exact: true })
    await textarea.fill(`${await textarea.inputValue()}\n${ADDED}\n`)
    await editor.getByRole('radio', { name: es['guide.text.reviewed'] }).check()
    await editor.getByTestId('section-save').click()
    const saved = editor.getByTestId('section-saved')
    await saved.waitFor()
    expect(await saved.textContent()).toMatch(/volvieron a «Por traducir»: .*English.*Kreyòl/)

    // The preview: the site's own page at a phone's width, with the text just saved.
    const frame = editor.getByTestId('preview-frame')
    expect((await frame.boundingBox())?.width).toBe(PHONE_WIDTH)
    await page.frameLocator('[data-testid="preview-frame"]').getByText(ADDED).waitFor()
    // On paper: an A4 sheet's width, with the site's print style, under the text.
    await editor.getByTestId('preview-paper').click()
    expect(await editor.getByTestId('preview-paper').getAttribute('aria-pressed')).toBe('true')
    expect((await frame.boundingBox())?.width).toBe(794)
    await editor.getByTestId('preview-paper').click()
    await expectWords(page)
    await expectAccessibleBesidePreview(page)
    await shoot(page, 'guide-editor-office')

    // Someone else changes the rights section while it is open here: the save is refused in words.
    await page.goto(`/app/guide?edition=${editionId}&section=rights&lang=es`)
    const rightsText = page.getByTestId('section-editor').getByLabel('Texto en Español', { exact: true })
    const before = await rightsText.inputValue()
    await json(await office.request('PUT', `/api/guide/editions/${editionId}/sections/rights/es`, { id: uuidv7(), markdown: `${before}\nOtra persona lo cambió.\n`, status: 'reviewed', base: before, keepTranslations: true }))
    await rightsText.fill(`${before}\nMi cambio.\n`)
    await page.getByTestId('section-unsaved').getByText(es['guide.editor.unsaved']).waitFor()
    await page.getByTestId('section-save').click()
    const conflict = page.getByTestId('section-conflict')
    await conflict.waitFor()
    expect(await conflict.textContent()).toContain('Otra persona lo cambió.')
    await conflict.getByRole('button', { name: es['guide.editor.loadCurrent'] }).click()
    expect(await rightsText.inputValue()).toContain('Otra persona lo cambió.')
    // A typo fixed, said to be only that: the reviewed translations stay reviewed.
    await rightsText.fill((await rightsText.inputValue()).replace('Otra persona lo cambió.', 'Otra persona lo cambió, sin errata.'))
    await page.getByLabel(es['guide.editor.keep']).check()
    await page.getByTestId('section-save').click()
    await page.getByTestId('section-saved').waitFor()
    expect(await page.getByTestId('section-saved').textContent()).toBe(es['guide.editor.saved'])

    // Back on the edition, focus on the section left; the vehicle section's translations need translating, the rights' not.
    await page.getByRole('link', { name: 'Volver a Verano 2027' }).click()
    await vehicle.waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('section-rights')
    expect(await page.locator('[data-slug="rights"] [data-lang="ht"] [data-testid="text-status"]').textContent()).toContain('Revisada')
    expect(await vehicle.locator('[data-lang="ht"] [data-testid="text-status"]').textContent()).toContain('Por traducir')
    expect(await vehicle.locator('[data-lang="es"] [data-testid="text-status"]').textContent()).toContain('Revisada')

    // What changed from the edition it was copied from: the words added, marked and said.
    await page.getByTestId('edition-diff-link').click()
    const changed = page.locator('[data-testid="diff-section"][data-slug="vehicle-import"]')
    await changed.waitFor()
    expect(await changed.getByRole('heading', { level: 2 }).textContent()).toContain(vehicleTitle)
    expect(await changed.locator('[data-lang="es"] ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('añadido: ')]))
    expect((await changed.locator('[data-lang="es"] ins').allTextContents()).join(' ')).toContain('pasaporte')
    expect(await changed.locator('[data-lang="en"]').textContent()).toBe('English: Revisada → Por traducir, con el mismo texto')
    await expectWords(page)
    await expectAccessible(page)
    await shoot(page, 'guide-diff-office')
    await page.getByRole('link', { name: 'Volver a Verano 2027' }).click()

    // A new section whose Spanish is a draft holds the schedule back, named by its title; removed, asked twice.
    await page.getByTestId('section-add-start').click()
    const adding = page.getByTestId('section-add-form')
    await adding.getByLabel(es['guide.add.heading'], { exact: true }).fill('Teléfonos útiles')
    await adding.getByLabel(es['guide.add.text'], { exact: true }).fill('[!phone] Emergencias: [911](tel:911).')
    await adding.getByRole('button', { name: es['guide.add.submit'] }).click()
    const phones = page.locator('[data-testid="edition-section"][data-slug="telefonos-utiles"]')
    await phones.waitFor()
    await page.getByTestId('schedule-pending').getByText('Teléfonos útiles').waitFor()
    await page.getByTestId('edition-schedule').getByLabel(es['guide.schedule.when'], { exact: true }).fill(mexicoCityIn(HOURS_2))
    await page.getByTestId('edition-schedule-submit').click()
    await expect.poll(() => page.getByTestId('schedule-pending').textContent()).toMatch(/^No se programó: .*Teléfonos útiles/)
    await phones.getByRole('button', { name: 'Quitar la sección «Teléfonos útiles»' }).click()
    await phones.getByRole('button', { name: es['guide.section.removeYes'] }).click()
    await expect.poll(() => phones.count()).toBe(0)
    expect(await page.getByTestId('schedule-pending').count()).toBe(0)

    // Scheduled two hours ahead, taken back, scheduled again.
    const when = page.getByTestId('edition-schedule').getByLabel(es['guide.schedule.when'], { exact: true })
    await when.fill(mexicoCityIn(HOURS_2))
    await page.getByTestId('edition-schedule-submit').click()
    await page.getByTestId('schedule-done').getByText(es['guide.schedule.done']).waitFor()
    expect(await page.getByTestId('edition-schedule').textContent()).toMatch(/Se publica el .+ \(hora de la Ciudad de México\)\./)
    await page.getByTestId('edition-unschedule').click()
    await page.getByTestId('schedule-done').getByText(es['guide.schedule.undone']).waitFor()
    await when.fill(mexicoCityIn(HOURS_2))
    await page.getByTestId('edition-schedule-submit').click()
    await page.getByTestId('schedule-done').getByText(es['guide.schedule.done']).waitFor()
    expect(await page.getByTestId('edition-status').first().textContent()).toMatch(/^Programada · Se publica el /)
    await expectAccessible(page)
    await shoot(page, 'guide-edition-scheduled')

    // Before its time the site shows the edition before; two hours later, the new one.
    expect(await publicPage('vehicle-import')).not.toContain(ADDED)
    fs.writeFileSync(offsetFile, String(HOURS_2 + 60_000))
    await expect.poll(() => publicPage('vehicle-import')).toContain(ADDED)

    // Published: read-only, said in words; the edition before it is archived.
    await page.reload()
    await page.getByTestId('edition-read-only').getByText(es['guide.readOnly.published']).waitFor()
    expect(await page.getByTestId('edition-status').first().textContent()).toMatch(/^En el sitio · /)
    expect(await page.getByTestId('edition-schedule').count()).toBe(0)
    expect(await page.getByRole('link', { name: /^Editar «/ }).count()).toBe(0)
    expect(await page.getByTestId('section-add-start').count()).toBe(0)
    await page.getByRole('link', { name: es['guide.back.list'] }).click()
    const archived = list.getByTestId('guide-edition').filter({ has: page.getByRole('link', { name: name(previous), exact: true }) })
    await expect.poll(() => archived.getByTestId('edition-status').textContent()).toMatch(/^Archivada · /)
    expect(await list.locator('[data-status="published"]').getByRole('link').textContent()).toBe('Verano 2027')
  })

  it('shows an administrator the editions to read, with nothing to change', async () => {
    const page = await openAs('admin')
    await page.getByRole('navigation').getByRole('link', { name: es['guide.nav'], exact: true }).click()
    await page.getByTestId('guide-editions').waitFor()
    expect(await page.getByTestId('guide-new').count()).toBe(0)
    expect(await page.getByTestId('guide-page').textContent()).toContain(es['guide.introReader'])
    // A draft: said to be the office's to write, with nothing to change it.
    const draft = page.locator('[data-testid="guide-edition"][data-status="draft"]').first()
    if ((await draft.count()) > 0) {
      await draft.getByRole('link').click()
      await page.getByTestId('edition-reader').waitFor()
      expect(await page.getByTestId('edition-schedule').count()).toBe(0)
      expect(await page.getByTestId('section-add-start').count()).toBe(0)
      expect(await page.getByRole('link', { name: /^Editar «/ }).count()).toBe(0)
      await page.getByRole('link', { name: es['guide.back.list'] }).click()
    }
    await page.getByRole('link', { name: name(previous), exact: true }).click()
    await page.getByTestId('edition-read-only').getByText(es['guide.readOnly.archived']).waitFor()
    expect(await page.getByRole('link', { name: /^Editar «/ }).count()).toBe(0)
    expect(await page.getByRole('link', { name: /^Ver «/ }).count()).toBeGreaterThan(0)
    await settle(page)
    await expectWords(page)
    await shoot(page, 'guide-edition-admin')
    await page.getByRole('link', { name: /^Ver «Permiso para tu vehículo» en Kreyòl/ }).click()
    await page.getByTestId('section-editor').getByTestId('edition-read-only').waitFor()
    expect(await page.getByRole('textbox').count()).toBe(0)
    // No recording in Kreyòl: nothing to play, and no way to add one.
    expect(await page.getByTestId('section-recording').count()).toBe(0)
    await page.setViewportSize({ width: PHONE_WIDTH, height: 740 })
    await shoot(page, 'guide-section-admin')
  })

  it('takes the guide\'s editor from their home to the editions, to draft and write them', async () => {
    const page = await openAs('editor.guia')
    await page.getByTestId('home-guide_editor').getByTestId('home-guide').click()
    await page.getByTestId('guide-editions').waitFor()
    expect(await page.getByTestId('guide-new').count()).toBe(1)
    const draft = page.locator('[data-testid="guide-edition"][data-status="draft"]').first()
    await draft.getByRole('link').click()
    await page.getByRole('link', { name: /^Editar «/ }).first().waitFor()
    expect(await page.getByTestId('edition-schedule').count()).toBe(1)
  })

  it('gives a field agent no menu entry and, by the address, a refusal in words', async () => {
    const page = await openAs('agente.tijuana')
    expect(await page.getByRole('navigation').getByRole('link', { name: es['guide.nav'], exact: true }).count()).toBe(0)
    await page.goto('/app/guide')
    await page.getByRole('heading', { name: es['app.noAccess'] }).waitFor()
  })
})

/**
 * axe on the editor, and on the page its preview frames: that page is the public site's own, with
 * its own banner and main landmarks, which axe would count twice with the app's around it.
 */
async function expectAccessibleBesidePreview(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).exclude('[data-testid="preview-frame"]').analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  const src = (await page.getByTestId('preview-frame').getAttribute('src')) ?? ''
  const preview = await page.context().newPage()
  await preview.goto(src)
  await expectAccessible(preview)
  await preview.close()
}

function name(e: Pick<Summary, 'season' | 'year'>): string {
  const seasons: Record<string, string> = { easter: 'Semana Santa', summer: 'Verano', winter: 'Invierno' }
  return `${seasons[e.season] ?? ''} ${e.year}`
}

async function json<T = unknown>(response: Response, status = 200): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status)
  return (await response.json()) as T
}

/** A time ahead of now, as a datetime-local value on Mexico City's clock. */
function mexicoCityIn(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(Date.now() + ms))
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}
