import fs from 'node:fs'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import es from '../packages/web/src/i18n/es.json'
import { apiSession } from './api-session.ts'
import { OUTPUT_DIR, SKIP_BROWSER_TESTS, closeAll, startBrowserAndFaro, type RunningFaro } from './harness.ts'
import { signIn } from './pages.ts'
import { DESKTOP, PHONE_WIDTH, expectAccessible, shoot } from './screens.ts'

const PHOTO_NAME = 'recibo del retén.png'
const PDF_NAME = 'acta de retención.pdf'

/**
 * Evidence on a case: the Paisano national office opens a demo case, attaches a photo of a
 * receipt and a PDF, sees them listed in words, looks at the photo and downloads it byte for
 * byte; a file over the limit is stopped before it is sent.
 */
describe.skipIf(SKIP_BROWSER_TESTS)('evidence on a case in Chromium', () => {
  let faro: RunningFaro | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  let pageProblems: string[] = []
  let recordId = ''
  const photo = receiptPng()

  beforeAll(async () => {
    ;({ faro, browser } = await startBrowserAndFaro())
    const office = await apiSession(faro.baseUrl, 'coordinacion.paisano', 'faro-demo-2026')
    const open = (await (await office.request('GET', '/api/cases?open=true&limit=1')).json()) as { items: { recordId: string }[] }
    recordId = open.items[0]?.recordId ?? ''
    expect(recordId).not.toBe('')
  })

  afterEach(() => {
    const problems = pageProblems
    pageProblems = []
    expect(problems).toEqual([])
  })

  afterAll(async () => {
    await closeAll(contexts, browser, faro)
  })

  async function openCaseAs(username: string): Promise<Page> {
    if (!browser || !faro) {
      throw new Error('the browser or the server did not start')
    }
    const context = await browser.newContext({ baseURL: faro.baseUrl, locale: 'es-MX', viewport: DESKTOP, acceptDownloads: true })
    contexts.push(context)
    const page = await context.newPage()
    page.on('console', (message) => {
      // The 401 of the session check before signing in is expected; anything else is not.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) {
        pageProblems.push(message.text())
      }
    })
    page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`))
    await page.goto('/app/')
    await signIn(page, username)
    await page.getByTestId('account-name').waitFor()
    await page.goto(`/app/cases/${encodeURIComponent(recordId)}`)
    await page.getByTestId('case-evidence').waitFor()
    return page
  }

  it('lets the national office attach a photo and a PDF, see them listed, look at the photo and download it unchanged', async () => {
    const page = await openCaseAs('coordinacion.paisano')
    const evidence = page.getByTestId('case-evidence')
    await evidence.getByTestId('evidence-none').waitFor()
    const form = evidence.getByTestId('evidence-add')
    const input = form.getByLabel(es['case.evidence.file'], { exact: true })
    const attach = form.getByRole('button', { name: es['case.evidence.attach'] })

    // Too large: said at once, in words, and nothing is sent.
    await input.setInputFiles({ name: 'video.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0xff) })
    expect(await form.getByTestId('evidence-refused').textContent()).toContain('10 MB')
    expect(await attach.isDisabled()).toBe(true)

    await input.setInputFiles({ name: PHOTO_NAME, mimeType: 'image/png', buffer: photo })
    const sent = page.waitForResponse((r) => r.url().includes(`/api/cases/${recordId}/attachments?`) && r.request().method() === 'POST')
    await attach.click()
    expect((await sent).status()).toBe(201)
    await form.getByText(`Se adjuntó ${PHOTO_NAME}.`).waitFor()
    const photoItem = evidence.getByTestId('evidence-item').filter({ hasText: PHOTO_NAME })
    await photoItem.waitFor()
    expect(await photoItem.textContent()).toContain(es['case.evidence.kind.png'])
    expect(await photoItem.textContent()).toContain('Lo agregó usted')

    await input.setInputFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: smallPdf() })
    await attach.click()
    const pdfItem = evidence.getByTestId('evidence-item').filter({ hasText: PDF_NAME })
    await pdfItem.waitFor()
    expect(await pdfItem.textContent()).toContain(es['case.evidence.kind.pdf'])
    // A PDF is downloaded, not shown in the page.
    expect(await pdfItem.getByRole('button', { name: new RegExp(`^${es['case.evidence.view']}`) }).count()).toBe(0)

    await photoItem.getByRole('button', { name: new RegExp(`^${es['case.evidence.view']}`) }).click()
    const shown = photoItem.getByRole('img', { name: `Foto adjunta: ${PHOTO_NAME}` })
    await shown.waitFor()
    expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64)

    const downloading = page.waitForEvent('download')
    await photoItem.getByTestId('evidence-download').click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe(PHOTO_NAME)
    const file = await download.path()
    expect(Buffer.from(fs.readFileSync(file)).equals(photo)).toBe(true)

    await shoot(page, 'case-evidence')
    // The section alone on a phone, to read it at full size.
    await page.setViewportSize({ width: PHONE_WIDTH, height: 740 })
    await evidence.screenshot({ path: path.join(OUTPUT_DIR, 'case-evidence-section-360.png') })
    await page.setViewportSize(DESKTOP)
    await expectAccessible(page)
  })

  it('shows the evidence to whoever reads the case, with the chain of custody kept on the server', async () => {
    const page = await openCaseAs('operador.centro')
    const evidence = page.getByTestId('case-evidence')
    await evidence.getByTestId('evidence-item').filter({ hasText: PHOTO_NAME }).waitFor()
    expect(await evidence.getByTestId('evidence-item').count()).toBe(2)
    await expectAccessible(page)
    if (!faro) {
      return
    }
    const office = await apiSession(faro.baseUrl, 'coordinacion.paisano', 'faro-demo-2026')
    const list = (await (await office.request('GET', `/api/cases/${recordId}/attachments`)).json()) as { items: { id: string; name: string }[] }
    const attached = list.items.find((a) => a.name === PHOTO_NAME)
    const custody = (await (await office.request('GET', `/api/cases/${recordId}/attachments/${attached?.id ?? ''}/custody`)).json()) as { items: { action: string }[] }
    expect(custody.items.map((c) => c.action)).toEqual(['added', 'viewed', 'downloaded'])
  })
})




/** A 64×40 PNG, drawn here: a pale receipt with a few dark lines of "text". */
function receiptPng(): Buffer {
  const width = 64
  const height = 40
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) {
      const ink = y % 8 === 4 && x > 6 && x < 58 - (y % 16)
      row.set(ink ? [40, 40, 60] : [250, 246, 230], 1 + x * 3)
    }
    rows.push(row)
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.byteLength)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

/** A one-page PDF with a line of text. */
function smallPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n4 0 obj << /Length 44 >> stream\nBT /F1 12 Tf 20 50 Td (Acta de retencion) Tj ET\nendstream endobj\n5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  )
}
