import { Readable, Writable } from 'node:stream'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { writeCsv } from './csv.ts'
import { writeJson } from './json.ts'
import { ROW_HEIGHT, writePdf } from './pdf.ts'
import type { StatTable } from './stat-table.ts'
import { pageCount, pdfText } from './pdf-reading.ts'
import { writeXlsx } from './xlsx.ts'

/** A writable that keeps what it is given, and says so once finished. */
function sink(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = []
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk))
      done()
    },
  })
  return { out, bytes: () => Buffer.concat(chunks) }
}

function table(rows: Record<string, string | number | null>[] | Iterable<Record<string, string | number | null>>): StatTable {
  return {
    title: { es: 'Personas atendidas', en: 'People attended' },
    columns: [
      { key: 'state', label: { es: 'Estado', en: 'State' }, hxl: '#adm1+name' },
      { key: 'from', label: { es: 'Desde', en: 'From' }, hxl: '#date+start' },
      { key: 'n_female_18-29', label: { es: 'Mujeres, 18–29 años', en: 'Women, 18–29 years' }, hxl: '#reached+ind+f+adults+age_18_29' },
      { key: 'total', label: { es: 'Total', en: 'Total' }, hxl: '#reached+ind+total' },
    ],
    rows,
  }
}

const ROWS = [
  { state: 'Baja California', from: '2026-01-01', 'n_female_18-29': 12, total: 30 },
  { state: 'Chiapas, "sur"', from: '2026-01-01', 'n_female_18-29': '<5', total: 7 },
  { state: 'Sonora\nnorte', from: '2026-01-01', 'n_female_18-29': 0, total: null },
]

describe('the export writers', () => {
  it('write CSV with the HXL row under the header, quoted as RFC 4180 says, a withheld cell as its text', async () => {
    const { out, bytes } = sink()
    expect(await writeCsv(table(ROWS), out, 'en')).toBe(3)
    const text = bytes().toString('utf8')
    expect(text.charCodeAt(0)).not.toBe(0xfeff)
    expect(text.startsWith('State,From,"Women, 18–29 years",Total\r\n#adm1+name,#date+start,#reached+ind+f+adults+age_18_29,#reached+ind+total\r\n')).toBe(true)
    const records = parse(text) as string[][]
    expect(records).toHaveLength(5)
    expect(records[3]).toEqual(['Chiapas, "sur"', '2026-01-01', '<5', '7'])
    expect(records[4]).toEqual(['Sonora\nnorte', '2026-01-01', '0', ''])
  })

  it('report their progress every few thousand rows of a generator', async () => {
    function* rows() {
      for (let i = 0; i < 12_345; i++) {
        yield { state: 'Sonora', from: '2026-01-01', 'n_female_18-29': i, total: i }
      }
    }
    for (const write of [writeCsv, writeXlsx, (t: StatTable, out: Writable, lang: 'es' | 'en', on?: (n: number) => void) => writeJson(t, out, lang, {}, on)]) {
      const seen: number[] = []
      const { out } = sink()
      expect(await write(table(rows()), out, 'es', (n) => {
        seen.push(n)
      })).toBe(12_345)
      expect(seen).toEqual([5_000, 10_000])
    }
  })

  it('write the header in Spanish when asked', async () => {
    const { out, bytes } = sink()
    await writeCsv(table([]), out, 'es')
    expect(bytes().toString('utf8').split('\r\n')[0]).toBe('Estado,Desde,"Mujeres, 18–29 años",Total')
  })

  it('write XLSX with a header row, the HXL row, counts as numbers and a withheld cell as text', async () => {
    const { out, bytes } = sink()
    await writeXlsx(table(ROWS), out, 'es')
    const book = new ExcelJS.Workbook()
    await book.xlsx.read(Readable.from([bytes()]))
    const sheet = book.worksheets[0]
    expect(sheet?.name).toBe('Personas atendidas')
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Estado', 'Desde', 'Mujeres, 18–29 años', 'Total'])
    expect(sheet?.getRow(2).values).toEqual([undefined, '#adm1+name', '#date+start', '#reached+ind+f+adults+age_18_29', '#reached+ind+total'])
    expect(sheet?.getRow(3).getCell(3).value).toBe(12)
    expect(sheet?.getRow(4).getCell(3).value).toBe('<5')
    expect(sheet?.getRow(4).getCell(4).value).toBe(7)
    expect(sheet?.rowCount).toBe(5)
  })

  it('write JSON as meta and an array of objects, rows from a generator', async () => {
    const { out, bytes } = sink()
    function* rows() {
      yield* ROWS
    }
    expect(await writeJson(table(rows()), out, 'en', { question: { fact: 'attended' } })).toBe(3)
    const doc = JSON.parse(bytes().toString('utf8')) as { meta: { title: string; columns: { hxl: string }[]; question: unknown }; rows: Record<string, unknown>[]; count: number }
    expect(doc.meta.title).toBe('People attended')
    expect(doc.meta.question).toEqual({ fact: 'attended' })
    expect(doc.meta.columns.map((c) => c.hxl)).toContain('#adm1+name')
    expect(doc.rows[1]).toEqual({ state: 'Chiapas, "sur"', from: '2026-01-01', 'n_female_18-29': '<5', total: 7 })
    expect(doc.count).toBe(3)
  })

  it('print a PDF: a title page, then the table over pages, its header on each', async () => {
    const { out, bytes } = sink()
    const many = Array.from({ length: 150 }, (_, i) => ({ state: `Estado ${i}`, from: '2026-01-01', 'n_female_18-29': i, total: i * 2 }))
    const progress: number[] = []
    await writePdf(table(many), out, 'es', { subtitle: '2026', unit: 'Grupos Beta', generatedAt: '2026-12-05', year: 2026 }, (n) => {
      progress.push(n)
    })
    const pdf = bytes()
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // A4 less the margins holds this many lines after the heading (first page) or the header.
    const perPage = Math.floor((841.89 - 80 - ROW_HEIGHT) / ROW_HEIGHT)
    const pages = pageCount(pdf)
    expect(pages).toBeGreaterThanOrEqual(1 + Math.ceil(150 / perPage))
    expect(pages).toBeLessThanOrEqual(2 + Math.ceil(150 / perPage))
    const text = pdfText(pdf)
    expect(text).toContain('Personas atendidas')
    expect(text).toContain('Estado 149')
    // The header is drawn again on every page of the table.
    expect(text.split('Mujeres, 18').length - 1).toBe(pages - 1)
  })
})
