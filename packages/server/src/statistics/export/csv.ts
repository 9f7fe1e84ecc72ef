import type { Writable } from 'node:stream'
import type { Lang } from '@faro/core'
import { batchesOf, finish, type OnRows, PROGRESS_EVERY, put, type StatTable, type StatValue } from './stat-table.ts'

/**
 * A table as RFC 4180 CSV: the header in the caller's language, then the HXL hashtag row, then the
 * rows; CRLF line ends, UTF-8 without a byte-order mark (HXL tools and `csv-parse` read it as it
 * is). Rows are joined in batches before writing: one write per row costs more than the text.
 */
export async function writeCsv(table: StatTable, out: Writable, lang: Lang, onRows?: OnRows): Promise<number> {
  const keys = table.columns.map((c) => c.key)
  await put(out, line(table.columns.map((c) => c.label[lang])) + line(table.columns.map((c) => c.hxl)))
  let n = 0
  for await (const rows of batchesOf(table.rows)) {
    let text = ''
    for (const row of rows) {
      text += line(keys.map((k) => row[k] ?? null))
    }
    n += rows.length
    await put(out, text)
    if (n % PROGRESS_EVERY === 0) {
      await onRows?.(n)
    }
  }
  await finish(out)
  return n
}

/** One record: a field is quoted only when it holds a comma, a quote or a line break. */
function line(values: readonly StatValue[]): string {
  let out = ''
  for (let i = 0; i < values.length; i++) {
    if (i > 0) {
      out += ','
    }
    out += field(values[i] ?? null)
  }
  return `${out}\r\n`
}

function field(value: StatValue): string {
  if (value === null) {
    return ''
  }
  if (typeof value === 'number') {
    return String(value)
  }
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
