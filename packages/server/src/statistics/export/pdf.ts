import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { Lang } from '@faro/core'
import { pdfDocument } from '../../pdf-document.ts'
import { batchesOf, type OnRows, PROGRESS_EVERY, type StatRow, type StatTable, type StatValue } from './stat-table.ts'

/**
 * Printed statistics: a title page, then tables drawn line by line with pdfkit, each page handed
 * to the output as it is finished (never the whole book in memory), a long table's header drawn
 * again at the top of every page it runs onto, and the page number at the foot of each page.
 */

export const MARGIN = 40
const INK = '#1b1b1b'
const ACCENT = '#0b5394'
const RULE = '#9aa5b1'
export const ROW_HEIGHT = 12
const FONT_SIZE = 8

/** A table column as printed: its header, its share of the line and how its values align. */
export interface PdfColumn {
  label: string
  /** Relative width: the columns share the page's width in proportion. */
  weight: number
  align?: 'left' | 'right'
}

/** A document that writes to `out` as it goes; `end()` resolves once `out` has everything. */
export function streamedPdf(out: Writable, opts: { title: string; lang: Lang; year: number }): { doc: PDFKit.PDFDocument; end: () => Promise<void> } {
  const doc = pdfDocument({ ...opts, margin: MARGIN })
  doc.pipe(out)
  let page = 1
  footer(doc, page)
  doc.on('pageAdded', () => {
    page += 1
    footer(doc, page)
  })
  return {
    doc,
    end: async () => {
      const done = once(out, 'finish')
      doc.end()
      await done
    },
  }
}

/** The title page: what, for when and whom, and that the figures are exact, for internal use. */
export function titlePage(doc: PDFKit.PDFDocument, lines: { title: string; subtitle: string; unit: string; note: string; generated: string }): void {
  doc.moveDown(6)
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(26).text(lines.title)
  doc.moveDown(0.4).fillColor(INK).font('Helvetica').fontSize(16).text(lines.subtitle)
  doc.moveDown(0.8).fontSize(13).text(lines.unit)
  doc.moveDown(2).fontSize(10).fillColor('#444444').text(lines.note)
  doc.moveDown(0.5).text(lines.generated).fillColor(INK)
}

/** A section's heading on a new page. */
export function heading(doc: PDFKit.PDFDocument, text: string, newPage = true): void {
  if (newPage) {
    doc.addPage()
  }
  doc.x = MARGIN
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(15).text(text).fillColor(INK).moveDown(0.5)
}

/** A short line of text under a heading: what a table counts. */
export function caption(doc: PDFKit.PDFDocument, text: string): void {
  doc.x = MARGIN
  doc.font('Helvetica-Oblique').fontSize(9).fillColor('#444444').text(text).fillColor(INK).moveDown(0.4)
}

/**
 * Draws a table from the current position: header, then rows, onto as many pages as it takes,
 * the header again at the top of each. Waits for the output after every page, so a thousand
 * pages stream through in constant memory. Returns the rows drawn.
 */
export async function drawTable(doc: PDFKit.PDFDocument, columns: readonly PdfColumn[], rows: AsyncIterable<readonly StatValue[]> | Iterable<readonly StatValue[]>, onRows?: OnRows): Promise<number> {
  const width = doc.page.width - 2 * MARGIN
  const total = columns.reduce((sum, c) => sum + c.weight, 0)
  const widths = columns.map((c) => (width * c.weight) / total)
  const bottom = () => doc.page.height - MARGIN - ROW_HEIGHT
  const header = () => {
    drawLine(doc, columns.map((c) => c.label), columns, widths, 'Helvetica-Bold')
    doc.moveTo(MARGIN, doc.y - 2).lineTo(MARGIN + width, doc.y - 2).lineWidth(0.5).strokeColor(RULE).stroke()
  }
  header()
  let n = 0
  for await (const batch of batchesOf(rows)) {
    for (const row of batch) {
      if (doc.y > bottom()) {
        doc.addPage()
        doc.y = MARGIN
        header()
        // pdfkit hands a finished page to the stream on the next tick: let it go out.
        await new Promise((resolve) => setImmediate(resolve))
      }
      drawLine(doc, row, columns, widths, 'Helvetica')
      n += 1
      if (n % PROGRESS_EVERY === 0) {
        await onRows?.(n)
      }
    }
  }
  doc.y += ROW_HEIGHT / 2
  return n
}

/** A whole table as a PDF: a title page, then the table over as many pages as it needs. */
export async function writePdf(table: StatTable, out: Writable, lang: Lang, opts: { subtitle: string; unit: string; generatedAt: string; year: number }, onRows?: OnRows): Promise<number> {
  const { doc, end } = streamedPdf(out, { title: table.title[lang], lang, year: opts.year })
  titlePage(doc, { title: table.title[lang], subtitle: opts.subtitle, unit: opts.unit, note: EXACT_NOTE[lang], generated: `${GENERATED[lang]} ${opts.generatedAt}` })
  heading(doc, table.title[lang])
  // What every row shares (the period, the fact) is said once, above the table.
  const shared = table.columns.filter((c) => c.constant === true)
  const shown = table.columns.filter((c) => c.constant !== true)
  const keys = shown.map((c) => c.key)
  const columns = shown.map((c) => ({ label: c.label[lang], weight: c.wide === true ? 3 : 1 }))
  const batches = batchesOf(table.rows)[Symbol.asyncIterator]()
  const first = await batches.next()
  const firstRow = first.done === true ? undefined : first.value[0]
  if (firstRow !== undefined && shared.length > 0) {
    caption(doc, shared.map((c) => `${c.label[lang]}: ${String(firstRow[c.key] ?? '')}`).join('    '))
  }
  const valuesOf = (row: StatRow) => keys.map((k) => row[k] ?? null)
  async function* values() {
    if (first.done === true) {
      return
    }
    yield* first.value.map(valuesOf)
    for (let next = await batches.next(); next.done !== true; next = await batches.next()) {
      yield* next.value.map(valuesOf)
    }
  }
  const n = await drawTable(doc, columns, values(), onRows)
  await end()
  return n
}

export const EXACT_NOTE: Readonly<Record<Lang, string>> = {
  es: 'Cifras exactas, para uso interno de las oficinas del programa: no se publican sin pasar el control de divulgación.',
  en: 'Exact figures, for the programme\'s offices only: not to be published without disclosure control.',
}
export const GENERATED: Readonly<Record<Lang, string>> = { es: 'Generado el', en: 'Generated on' }

function drawLine(doc: PDFKit.PDFDocument, values: readonly StatValue[], columns: readonly PdfColumn[], widths: readonly number[], font: string): void {
  const y = doc.y
  let x = MARGIN
  doc.font(font).fontSize(FONT_SIZE).fillColor(INK)
  for (const [i, column] of columns.entries()) {
    const w = widths[i] ?? 0
    const value = values[i] ?? null
    const align = column.align ?? (typeof value === 'number' ? 'right' : 'left')
    const text = fit(value === null ? '' : String(value), w)
    // Placed by hand, with no width given: pdfkit then draws the line as it is, skipping its
    // word wrapper, which costs more than the drawing in a table of a thousand pages.
    const left = align === 'right' ? x + w - 2 - widthOf(doc, font, text) : x + 2
    if (text !== '') {
      doc.text(text, left, y, { lineBreak: false })
    }
    x += w
  }
  doc.x = MARGIN
  doc.y = y + ROW_HEIGHT
}

// Counts repeat (a table of a thousand pages has a few thousand distinct numbers): their widths
// are measured once per font, as pdfkit measures glyph by glyph with kerning.
const WIDTHS = new Map<string, number>()

function widthOf(doc: PDFKit.PDFDocument, font: string, text: string): number {
  const key = `${font}\u0000${text}`
  let width = WIDTHS.get(key)
  if (width === undefined) {
    if (WIDTHS.size > 50_000) {
      WIDTHS.clear()
    }
    width = doc.widthOfString(text)
    WIDTHS.set(key, width)
  }
  return width
}

/** Cuts a value to what its column holds, by a conservative average glyph width. */
function fit(text: string, width: number): string {
  const max = Math.floor(width / (FONT_SIZE * 0.5))
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`
}

function footer(doc: PDFKit.PDFDocument, page: number): void {
  const { x, y } = doc
  // Drawn below the bottom margin, which would otherwise start a new page.
  const margin = doc.page.margins.bottom
  doc.page.margins.bottom = 0
  doc.font('Helvetica').fontSize(7).fillColor('#666666').text(String(page), MARGIN, doc.page.height - MARGIN / 2 - 4, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false })
  doc.page.margins.bottom = margin
  doc.fillColor(INK)
  doc.x = x
  doc.y = y
}
