import PDFDocument from 'pdfkit'
import type { GuideAudience, GuideEditionState } from '@faro/core'
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

const SEASON_NAMES: Readonly<Record<PublicLang, Record<GuideEditionState['season'], string>>> = {
  es: { easter: 'Semana Santa', summer: 'Verano', winter: 'Invierno' },
  en: { easter: 'Easter', summer: 'Summer', winter: 'Winter' },
  fr: { easter: 'Pâques', summer: 'Été', winter: 'Hiver' },
  ht: { easter: 'Pak', summer: 'Ete', winter: 'Ivè' },
  pt: { easter: 'Páscoa', summer: 'Verão', winter: 'Inverno' },
}

const MARGIN = 56
const INK = '#1b1b1b'
const ACCENT = '#0b5394'

export async function editionPdf(content: PublicContent, edition: Pick<GuideEditionState, 'season' | 'year'>, lang: PublicLang, audience: GuideAudience): Promise<Buffer> {
  const m = PUBLIC_MESSAGES[lang]
  // A fixed creation date: the same edition prints to the same bytes.
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${audience === 'paisano' ? m.paisanoTitle : m.transitTitle} — ${SEASON_NAMES[lang][edition.season]} ${edition.year}`, Producer: 'Faro', Creator: 'Faro', CreationDate: new Date(Date.UTC(edition.year, 0, 1)) }, lang: lang })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(30).text(audience === 'paisano' ? m.paisanoTitle : m.transitTitle)
  doc.moveDown(0.3).fillColor(INK).font('Helvetica').fontSize(16).text(`${SEASON_NAMES[lang][edition.season]} ${edition.year}`)
  doc.moveDown(0.8).fontSize(12).text(audience === 'paisano' ? m.paisanoIntro : m.transitIntro)
  doc.moveDown(1.2).font('Helvetica-Bold').fontSize(14).text(m.emergencyTitle)
  doc.font('Helvetica').fontSize(12).text(`${m.emergencyCall.replace('{number}', '911')}. ${m.emergencyFree}`)

  for (const section of content.pages().filter((s) => s.audience === audience)) {
    const page = content.page(section.slug, lang)
    const text = page === undefined ? undefined : section.texts[page.lang]
    if (page === undefined || text === undefined) {
      continue
    }
    doc.addPage()
    if (page.lang !== lang) {
      doc.fillColor('#6b4e00').font('Helvetica-Oblique').fontSize(10).text(m.notTranslated).moveDown(0.5).fillColor(INK)
    }
    drawMarkdown(doc, text.markdown)
  }
  doc.end()
  return done
}

type Token = ReturnType<typeof markdownTokens>[number]

function drawMarkdown(doc: PDFKit.PDFDocument, source: string): void {
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
        const size = opener.tag === 'h1' ? 22 : opener.tag === 'h2' ? 16 : 13
        doc.moveDown(opener.tag === 'h1' ? 0 : 0.6).fillColor(opener.tag === 'h1' ? ACCENT : INK).font('Helvetica-Bold').fontSize(size).text(plainText(token)).fillColor(INK).moveDown(0.3)
      } else if (inList) {
        const list = lists.at(-1)
        if (list !== undefined) {
          list.n += 1
        }
        const bullet = list?.ordered === true ? `${list.n}.` : '•'
        const indent = MARGIN + 14 * lists.length
        const y = doc.y
        doc.font('Helvetica').fontSize(11).text(bullet, indent - 12, y, { width: 12, continued: false })
        doc.y = y
        drawInline(doc, token, { x: indent + 4 })
        doc.x = MARGIN
      } else {
        drawInline(doc, token, {})
        doc.moveDown(0.5)
      }
    }
  }
}

/** A paragraph's runs: bold and italic kept, a link followed by its address, pictogram markers left out. */
function drawInline(doc: PDFKit.PDFDocument, inline: Token, at: { x?: number }): void {
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
  const options = { width: doc.page.width - MARGIN - (at.x ?? MARGIN), lineGap: 2 }
  const first = at.x === undefined ? undefined : at.x
  runs.forEach((run, i) => {
    doc.font(run.bold ? (run.italic ? 'Helvetica-BoldOblique' : 'Helvetica-Bold') : run.italic ? 'Helvetica-Oblique' : 'Helvetica').fontSize(11)
    const continued = i < runs.length - 1
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
