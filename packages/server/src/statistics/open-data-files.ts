import { PassThrough, type Writable } from 'node:stream'
import type { Lang } from '@faro/core'
import { writeCsv } from './export/csv.ts'
import type { StatRow, StatTable } from './export/stat-table.ts'
import { writeXlsx } from './export/xlsx.ts'

/**
 * The open data's downloads, CSV and XLSX, of one published table already in words, through the
 * exports' writers (`export/`): the header, the HXL hashtag row right under it, the rows (a
 * withheld cell the text `x`, a count a number) with the totals' row last, then one empty row
 * and the notes (the legend, the publication's dates), each in the first column.
 */

export type OpenCell = string | number

export interface LabelledTable {
  title: string
  header: readonly string[]
  hxl: readonly string[]
  rows: readonly (readonly OpenCell[])[]
  notes: readonly string[]
}

export async function csvOf(table: LabelledTable): Promise<Buffer> {
  return collect((out) => writeCsv(statTable(table), out, WORDS_AS_GIVEN))
}

export async function xlsxOf(table: LabelledTable): Promise<Buffer> {
  return collect((out) => writeXlsx(statTable(table), out, WORDS_AS_GIVEN))
}

// The writers take labels in the staff's languages; the open data's are already in the visitor's
// language, given under this key.
const WORDS_AS_GIVEN: Lang = 'es'

function statTable(table: LabelledTable): StatTable {
  const words = (text: string) => ({ es: text, en: text })
  const keys = table.header.map((_, i) => `c${i}`)
  const row = (cells: readonly (OpenCell | null)[]): StatRow => Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? null]))
  return {
    title: words(table.title),
    columns: table.header.map((label, i) => ({ key: keys[i] ?? '', label: words(label), hxl: table.hxl[i] ?? '' })),
    rows: [...table.rows.map(row), row([]), ...table.notes.map((n) => row([n]))],
  }
}

async function collect(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  await write(out)
  await ended
  return Buffer.concat(chunks)
}
