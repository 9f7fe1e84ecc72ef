import { once } from 'node:events'
import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Lang } from '@faro/core'
import { batchesOf, type OnRows, PROGRESS_EVERY, type StatTable } from './stat-table.ts'

/**
 * A table as an XLSX workbook, one sheet: the header in the caller's language (bold, frozen with
 * the HXL row under it), the HXL hashtag row, then the rows, counts as numbers and anything else
 * (a withheld count's `<5`) as text. Written with exceljs's streaming writer, no shared strings.
 *
 * exceljs's sheet stream does not wait for the zip behind it: left alone, every row written
 * piles up in the zip's input until the zip catches up (half a gigabyte for a million rows, as
 * the research measured). So after every 500 rows the writer waits until that input has
 * drained below two megabytes, which holds memory flat at a small cost in time.
 */
export async function writeXlsx(table: StatTable, out: Writable, lang: Lang, onRows?: OnRows): Promise<number> {
  // Level 1: a million rows' XML deflates in a third of the time of the default, for a file a
  // fifth larger.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } })
  workbook.creator = 'Faro'
  const sheet = workbook.addWorksheet(sheetName(table.title[lang]), { views: [{ state: 'frozen', ySplit: 2 }] })
  sheet.columns = table.columns.map((c) => ({ key: c.key, width: Math.min(40, Math.max(10, c.label[lang].length + 2)) }))
  const header = sheet.addRow(table.columns.map((c) => c.label[lang]))
  header.font = { bold: true }
  header.commit()
  const tags = sheet.addRow(table.columns.map((c) => c.hxl))
  tags.font = { italic: true, color: { argb: 'FF555555' } }
  tags.commit()
  const keys = table.columns.map((c) => c.key)
  let n = 0
  for await (const rows of batchesOf(table.rows, 500)) {
    for (const row of rows) {
      const line = sheet.addRow(keys.map((k) => row[k] ?? null))
      // Each new cell gets a style object of its own, which exceljs renders and hashes cell by
      // cell (half the writer's time); one shared plain style is rendered once, then looked up.
      line.eachCell((cell) => {
        cell.style = PLAIN
      })
      line.commit()
    }
    n += rows.length
    await drained(sheet)
    if (n % PROGRESS_EVERY === 0) {
      await onRows?.(n)
    }
  }
  sheet.commit()
  await workbook.commit()
  return n
}

const PLAIN: Partial<ExcelJS.Style> = {}

/** Waits while the zip's input holds more than two megabytes of the sheet's XML. */
async function drained(sheet: ExcelJS.Worksheet): Promise<void> {
  const stream = (sheet as unknown as { stream?: SheetStream }).stream
  if (stream === undefined) {
    return
  }
  // Until the zip reaches the sheet (after the entries added before it), the XML waits in the
  // sheet stream's own 64 KB buffers.
  while ((stream.pipes?.length ?? 0) === 0 && (stream.buffers?.length ?? 0) > 64) {
    await new Promise((resolve) => setImmediate(resolve))
  }
  for (const pipe of stream.pipes ?? []) {
    while (held(pipe) > 2 * 1024 * 1024) {
      await once(pipe, 'drain')
    }
  }
}

/** Bytes waiting in a writable; archiver's PassThrough is readable-stream 2, without `writableLength`. */
function held(pipe: Writable): number {
  const old = pipe as unknown as { _writableState?: { length?: number } }
  return pipe.writableLength ?? old._writableState?.length ?? 0
}

/** The parts of exceljs's sheet stream (its StreamBuf) that say how much it holds. */
interface SheetStream {
  pipes?: Writable[]
  buffers?: unknown[]
}

/** A sheet name Excel accepts: 31 characters at most, none of `[]:*?/\`. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Faro'
}
