import type { GuideAudience, GuideSeason } from '@faro/core'
import { pdfBytes, pdfDocument } from '../pdf-document.ts'
import type { PublicContent } from '../public/content.ts'
import type { PublicLang } from '../public/languages.ts'
import { markdownTokens, PICTOGRAM_MARKER } from '../public/markdown.ts'
import { PUBLIC_MESSAGES } from '../public/messages.ts'

/**
 * An edition printed: a cover with the programme's name, the season and the emergency number,
 * then each section of the audience in the language asked for (Spanish where a translation is not
 * reviewed, as on the site). Drawn with the PDF's own Helvetica, which covers the site's five
 * languages, so nothing is downloaded or read from the system's fonts.
 */

const SEASON_NAMES: Readonly<Record<PublicLang, Record<GuideSeason, string>>> = {
  es: { easter: 'Semana Santa', summer: 'Verano', winter: 'Invierno' },
  en: { easter: 'Easter', summer: 'Summer', winter: 'Winter' },
  fr: { easter: 'Pâques', summer: 'Été', winter: 'Hiver' },
  ht: { easter: 'Pak', summer: 'Ete', winter: 'Ivè' },
  pt: { easter: 'Páscoa', summer: 'Verão', winter: 'Inverno' },
}

const MARGIN = 56
const INK = '#1b1b1b'
const ACCENT = '#0b5394'

/** A PDF document whose bytes are collected as it is drawn. */
function newDocument(title: string, lang: PublicLang, year: number, layout: { margin?: number; bufferPages?: boolean } = {}): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = pdfDocument({ title, lang, year, margin: layout.margin ?? MARGIN, bufferPages: layout.bufferPages })
  return { doc, done: pdfBytes(doc) }
}

function emergency(doc: PDFKit.PDFDocument, lang: PublicLang, size = 11): void {
  const m = PUBLIC_MESSAGES[lang]
  doc.font('Helvetica-Bold').fontSize(size + 1).text(m.emergencyTitle)
  doc.font('Helvetica').fontSize(size).text(`${m.emergencyCall.replace('{number}', '911')}. ${m.emergencyFree}`)
}

/** The whole of an audience's sections: the guide for returning nationals, or the pages for people in transit. */
export async function editionPdf(content: PublicContent, lang: PublicLang, audience: GuideAudience, year: number): Promise<Buffer> {
  const m = PUBLIC_MESSAGES[lang]
  const title = audience === 'paisano' ? m.paisanoTitle : m.transitTitle
  const edition = content.edition === undefined ? '' : `${SEASON_NAMES[lang][content.edition.season]} ${content.edition.year}`
  const { doc, done } = newDocument(edition === '' ? title : `${title} — ${edition}`, lang, content.edition?.year ?? year)
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(30).text(title)
  doc.moveDown(0.3).fillColor(INK).font('Helvetica').fontSize(16).text(edition)
  doc.moveDown(0.8).fontSize(12).text(audience === 'paisano' ? m.paisanoIntro : m.transitIntro)
  doc.moveDown(1.2)
  emergency(doc, lang)
  for (const section of content.pages().filter((s) => s.audience === audience)) {
    doc.addPage()
    drawSection(doc, content, section.slug, lang, 11)
  }
  doc.end()
  return done
}

/**
 * One page's leaflet: its text on one sheet, in the largest type that fits (down to 7 points),
 * and the emergency number at the end, to print and hand out where there is no signal.
 */
export async function leafletPdf(content: PublicContent, slug: string, lang: PublicLang, year: number): Promise<Buffer | undefined> {
  const page = content.page(slug, lang)
  if (page === undefined) {
    return undefined
  }
  const sizes = [11, 10, 9, 8, 7.5, 7]
  for (const [i, size] of sizes.entries()) {
    const { doc, done } = newDocument(page.title, lang, year, { margin: 40, bufferPages: true })
    drawSection(doc, content, slug, lang, size)
    doc.moveDown(0.8)
    emergency(doc, lang, size)
    if (doc.bufferedPageRange().count === 1 || i === sizes.length - 1) {
      doc.end()
      return done
    }
    doc.end()
    await done
  }
  return undefined
}

/** A section in a language, or in Spanish with the site's notice when its translation is not published. */
function drawSection(doc: PDFKit.PDFDocument, content: PublicContent, slug: string, lang: PublicLang, size: number): void {
  const page = content.page(slug, lang)
  const text = page === undefined ? undefined : page.entry.texts[page.lang]
  if (page === undefined || text === undefined) {
    return
  }
  if (page.lang !== lang) {
    doc.fillColor('#6b4e00').font('Helvetica-Oblique').fontSize(10).text(PUBLIC_MESSAGES[lang].notTranslated).moveDown(0.5).fillColor(INK)
  }
  drawMarkdown(doc, text.markdown, size)
}

type Token = ReturnType<typeof markdownTokens>[number]

function drawMarkdown(doc: PDFKit.PDFDocument, source: string, size: number): void {
  const tokens = markdownTokens(source)
  const lists: { ordered: boolean; n: number }[] = []
  for (const [i, token] of tokens.entries()) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      lists.push({ ordered: token.type === 'ordered_list_open', n: 0 })
    } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      lists.pop()
      doc.moveDown(0.4)
    } else if (token.type === 'inline') {
      const opener = tokens[i - 1]
      const inList = opener?.type === 'paragraph_open' && tokens[i - 2]?.type === 'list_item_open'
      if (opener?.type === 'heading_open') {
        const heading = size * (opener.tag === 'h1' ? 2 : opener.tag === 'h2' ? 1.45 : 1.2)
        doc.moveDown(opener.tag === 'h1' ? 0 : 0.6).fillColor(opener.tag === 'h1' ? ACCENT : INK).font('Helvetica-Bold').fontSize(heading).text(plainText(token)).fillColor(INK).moveDown(0.3)
      } else if (inList) {
        const list = lists.at(-1)
        if (list !== undefined) {
          list.n += 1
        }
        const bullet = list?.ordered === true ? `${list.n}.` : '•'
        const indent = doc.page.margins.left + 14 * lists.length
        const y = doc.y
        doc.font('Helvetica').fontSize(size).text(bullet, indent - 12, y, { width: 12, continued: false })
        doc.y = y
        drawInline(doc, token, { x: indent + 4 }, size)
        doc.x = doc.page.margins.left
      } else {
        drawInline(doc, token, {}, size)
        doc.moveDown(0.5)
      }
    }
  }
}

/** A paragraph's runs: bold and italic kept, a link followed by its address, pictogram markers left out. */
function drawInline(doc: PDFKit.PDFDocument, inline: Token, at: { x?: number }, size: number): void {
  const runs: { text: string; bold: boolean; italic: boolean }[] = []
  let bold = false
  let italic = false
  let href: string | undefined
  for (const [i, child] of (inline.children ?? []).entries()) {
    switch (child.type) {
      case 'strong_open':
        bold = true
        break
      case 'strong_close':
        bold = false
        break
      case 'em_open':
        italic = true
        break
      case 'em_close':
        italic = false
        break
      case 'link_open':
        href = String(child.attrGet('href') ?? '')
        break
      case 'link_close':
        if (href !== undefined && (href.startsWith('https://') || href.startsWith('tel:'))) {
          runs.push({ text: ` (${href.replace(/^tel:/, '')})`, bold: false, italic: false })
        }
        href = undefined
        break
      case 'softbreak':
      case 'hardbreak':
        runs.push({ text: ' ', bold, italic })
        break
      case 'text':
      case 'code_inline':
        runs.push({ text: i === 0 ? child.content.replace(PICTOGRAM_MARKER, '') : child.content, bold, italic })
        break
      default:
        break
    }
  }
  // markdown-it leaves empty texts around emphasis; pdfkit would end a line on one without moving down.
  const shown = runs.filter((run) => run.text !== '')
  const options = { width: doc.page.width - doc.page.margins.right - (at.x ?? doc.page.margins.left), lineGap: 2 }
  const first = at.x === undefined ? undefined : at.x
  shown.forEach((run, i) => {
    doc.font(run.bold ? (run.italic ? 'Helvetica-BoldOblique' : 'Helvetica-Bold') : run.italic ? 'Helvetica-Oblique' : 'Helvetica').fontSize(size)
    const continued = i < shown.length - 1
    if (i === 0 && first !== undefined) {
      doc.text(run.text, first, doc.y, { ...options, continued })
    } else {
      doc.text(run.text, { ...options, continued })
    }
  })
}

function plainText(inline: Token): string {
  return (inline.children ?? [])
    .filter((c) => c.type === 'text' || c.type === 'code_inline')
    .map((c) => c.content)
    .join('')
}
