import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { SKIP_BROWSER_TESTS } from './harness.ts'
import { expectAccessible, settle, shoot, signedInPages } from './screens.ts'

// The server reads the kind from the first bytes: an ID3 tag is an MP3's.
const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, 0, 0, 0, 0]), Buffer.alloc(2_000, 0x55)])
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const MAM_TEXT = '# Ti tkyaqil aye\n\nAntes de salir, revise su permiso (texto de prueba).\n'
// A code shown as it is instead of in words: a language code, a server's field, raw JSON.
const RAW_CODE = /\(body\)|\bmam\b|\bquc\b|type_not_allowed|"\w+":/

/**
 * The guide's editor on the demo's draft edition (Easter): a recording of a Spanish section
 * uploaded, heard in the editor and in the preview, a photo refused in words, the recording
 * removed (asked twice, by keyboard); then the section written in Mam, a language the edition did
 * not have and the site does not speak: no preview, and Mam in the edition's languages with its count.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('Recordings and new languages in the guide editor, in Chromium', () => {
  const { openAs } = signedInPages()

  async function openDraft(page: Page): Promise<string> {
    await page.getByTestId('home-guide_editor').getByTestId('home-guide').click()
    await page.getByTestId('guide-editions').waitFor()
    await page.locator('[data-testid="guide-edition"][data-status="draft"]').first().getByRole('link').click()
    await page.getByTestId('edition-page').waitFor()
    await settle(page)
    return new URL(page.url()).searchParams.get('edition') ?? ''
  }

  async function expectWords(page: Page): Promise<void> {
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(RAW_CODE)
  }

  it('uploads a recording of a Spanish text, plays it in the preview, refuses a photo in words and removes it', async () => {
    const page = await openAs('editor.guia')
    const editionId = await openDraft(page)
    const rights = page.locator('[data-testid="edition-section"][data-slug="rights"]')
    const title = (await rights.getByRole('heading', { level: 3 }).textContent()) ?? ''
    await rights.getByRole('link', { name: `Editar «${title}» en Español` }).click()
    const recording = page.getByTestId('section-recording')
    await recording.getByTestId('recording-none').waitFor()
    expect(await recording.textContent()).toContain(es['guide.audio.intro'])

    // An MP3: sent, then played by the browser's own player, here and in the preview.
    const file = recording.getByLabel(es['guide.audio.file'], { exact: true })
    await file.setInputFiles({ name: 'derechos.mp3', mimeType: 'audio/mpeg', buffer: MP3 })
    await recording.getByRole('button', { name: es['guide.audio.upload'] }).click()
    await recording.getByTestId('recording-done').getByText(es['guide.audio.done']).waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(es['guide.audio.done'])
    const player = recording.getByTestId('recording-player')
    expect(await player.getAttribute('src')).toMatch(new RegExp(`^/api/guide/editions/${editionId}/audio/[0-9a-f-]{36}$`))
    expect(await player.getAttribute('preload')).toBe('none')
    expect(await player.getAttribute('controls')).not.toBeNull()
    const preview = page.frameLocator('[data-testid="preview-frame"]')
    await preview.locator('audio').waitFor({ state: 'attached' })
    expect(await preview.locator('audio').getAttribute('src')).toBe(await player.getAttribute('src'))
    await expectWords(page)
    const axe = await new AxeBuilder({ page }).exclude('[data-testid="preview-frame"]').analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    await shoot(page, 'guide-recording-editor')

    // A photo: refused before it is sent, and by the server when it is named as a recording; said in words.
    const replace = recording.getByLabel(es['guide.audio.fileReplace'], { exact: true })
    await replace.setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: PNG })
    await recording.getByRole('button', { name: es['guide.audio.upload'] }).click()
    expect(await recording.getByTestId('recording-refused').textContent()).toBe(es['guide.audio.refused.type'])
    await replace.setInputFiles({ name: 'foto.mp3', mimeType: 'audio/mpeg', buffer: PNG })
    const sent = page.waitForResponse((r) => r.url().includes('/audio?id=') && r.request().method() === 'POST')
    await recording.getByRole('button', { name: es['guide.audio.upload'] }).click()
    expect((await sent).status()).toBe(400)
    await expect.poll(() => recording.getByTestId('recording-refused').textContent()).toBe(es['guide.audio.refused.type'])
    expect(await player.count()).toBe(1)
    await expectWords(page)

    // Removed, asked twice, with the keyboard alone.
    await recording.getByRole('button', { name: es['guide.audio.remove'] }).focus()
    await page.keyboard.press('Enter')
    await recording.getByTestId('recording-remove-ask').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(es['guide.audio.removeYes'])
    await page.keyboard.press('Enter')
    await recording.getByTestId('recording-none').waitFor()
    expect(await recording.getByTestId('recording-done').textContent()).toBe(es['guide.audio.removed'])
    await expect.poll(() => preview.locator('audio').count()).toBe(0)
  })

  it('writes a section in Mam, a language the edition does not have yet, and counts it', async () => {
    const page = await openAs('editor.guia')
    await openDraft(page)
    await page.getByTestId('lang-add-start').click()
    const form = page.getByTestId('lang-add-form')
    const choose = form.getByLabel(es['guide.lang.choose'], { exact: true })
    expect(await choose.locator('option').allTextContents()).toEqual(['K\u2019iche\u2019', 'Mam', 'Q\u2019eqchi\u2019', 'Kaqchikel', 'Náhuatl', es['guide.lang.other']])
    // Another language by its code: a code that is none is said so.
    await choose.selectOption({ label: es['guide.lang.other'] })
    await form.getByLabel(es['guide.lang.code'], { exact: true }).fill('x1')
    await form.getByRole('button', { name: es['guide.lang.submit'] }).click()
    expect(await form.getByTestId('lang-add-error').textContent()).toBe(es['guide.lang.codeWrong'])
    await form.getByLabel(es['guide.lang.code'], { exact: true }).fill('tzo')
    await form.getByText('Se escribirá en Tsotsil.').waitFor()
    await expectAccessible(page)

    await choose.selectOption({ label: 'Mam' })
    const rightsTitle = (await page.locator('[data-testid="edition-section"][data-slug="rights"] h3').textContent()) ?? ''
    await form.getByLabel(es['guide.lang.section'], { exact: true }).selectOption({ label: rightsTitle })
    await form.getByRole('button', { name: es['guide.lang.submit'] }).click()
    const editor = page.getByTestId('section-editor')
    await page.getByRole('heading', { level: 1, name: `${rightsTitle} · Mam` }).waitFor()
    await editor.getByTestId('section-new-lang').waitFor()
    expect(await editor.getByTestId('preview-not-public').textContent()).toBe(es['guide.preview.notPublic'].replaceAll('{lang}', 'Mam'))
    expect(await editor.getByTestId('preview-frame').count()).toBe(0)
    const text = editor.getByLabel('Texto en Mam', { exact: true })
    expect(await text.inputValue()).toBe('')
    await text.fill(MAM_TEXT)
    expect(await editor.getByRole('radio', { name: es['guide.text.draft'] }).isChecked()).toBe(true)
    await editor.getByTestId('section-save').click()
    await editor.getByTestId('section-saved').getByText(es['guide.editor.savedNoPreview'], { exact: true }).waitFor()
    // Written, it may now carry a recording too.
    await editor.getByTestId('section-recording').getByTestId('recording-none').waitFor()
    await expectWords(page)
    await shoot(page, 'guide-section-mam')

    await page.getByRole('link', { name: /^Volver a / }).click()
    const progress = page.getByTestId('translation-progress').locator('[data-lang="mam"]')
    await progress.waitFor()
    expect(await progress.textContent()).toMatch(/^Mam: 0 de \d+ revisadas$/)
    expect(await page.locator('[data-slug="rights"] [data-lang="mam"] [data-testid="text-status"]').textContent()).toContain(es['guide.text.draft'])
    expect(await page.locator('[data-slug="vehicle-import"] [data-lang="mam"] [data-testid="text-status"]').textContent()).toContain(es['guide.text.needs_translation'])
    expect(await page.getByTestId('edition-langs-waiting').textContent()).toContain('Mam')
    // Mam is no longer offered: the edition has it.
    await page.getByTestId('lang-add-start').click()
    expect(await page.getByTestId('lang-add-form').getByLabel(es['guide.lang.choose'], { exact: true }).locator('option').allTextContents()).not.toContain('Mam')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(es['guide.lang.title'])
    await expectWords(page)
    await shoot(page, 'guide-edition-languages')
  })
})
