import { inflateSync } from 'node:zlib'

// For the tests: what a PDF printed by pdfkit holds, without a PDF library to read it.

/** The pages of a PDF, by their page objects. */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page[^s]/g) ?? []).length
}

/** The text pdfkit drew: its content streams inflated, the hex strings of their TJ operators decoded. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  let text = ''
  for (const m of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    let body: string
    try {
      body = inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1')
    } catch {
      continue
    }
    for (const h of body.matchAll(/<([0-9a-fA-F]+)>/g)) {
      text += Buffer.from(h[1] ?? '', 'hex').toString('latin1')
    }
    text += '\n'
  }
  return text
}
