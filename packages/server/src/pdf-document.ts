import PDFDocument from 'pdfkit'

/**
 * A PDF document as Faro prints them (the guide's editions, the statistics' reports): A4, drawn
 * with the PDF's own Helvetica, which covers Spanish, English, French, Haitian Creole and
 * Portuguese, so nothing is downloaded or read from the system's fonts; and a fixed creation date
 * (1 January of the year the document is about), so the same content prints to the same bytes.
 */
export function pdfDocument(opts: { title: string; lang: string; year: number; margin?: number; bufferPages?: boolean }): PDFKit.PDFDocument {
  return new PDFDocument({
    size: 'A4',
    margin: opts.margin ?? 56,
    bufferPages: opts.bufferPages ?? false,
    info: { Title: opts.title, Producer: 'Faro', Creator: 'Faro', CreationDate: new Date(Date.UTC(opts.year, 0, 1)) },
    lang: opts.lang,
  })
}

/** The bytes of a document, collected as it is drawn; resolves once it is ended. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}
