import type { Writable } from 'node:stream'
import type { Lang } from '@faro/core'
import { batchesOf, finish, type OnRows, PROGRESS_EVERY, put, type StatTable } from './stat-table.ts'

/**
 * A table as one JSON document: `meta` (title, the columns with labels and HXL hashtags, and
 * whatever the caller adds, such as the question), then `rows`, an array of objects keyed by
 * column, written row by row so the document never sits whole in memory. `meta` comes first so a
 * streaming reader knows the columns before the rows.
 */
export async function writeJson(table: StatTable, out: Writable, lang: Lang, meta: Record<string, unknown> = {}, onRows?: OnRows): Promise<number> {
  const head = { ...meta, title: table.title[lang], lang, columns: table.columns.map((c) => ({ key: c.key, label: c.label[lang], hxl: c.hxl })) }
  await put(out, `{"meta":${JSON.stringify(head)},"rows":[`)
  const keys = table.columns.map((c) => c.key)
  let n = 0
  for await (const rows of batchesOf(table.rows)) {
    let text = ''
    for (const row of rows) {
      const item: Record<string, unknown> = {}
      for (const k of keys) {
        item[k] = row[k] ?? null
      }
      text += (n === 0 ? '\n' : ',\n') + JSON.stringify(item)
      n += 1
    }
    await put(out, text)
    if (n % PROGRESS_EVERY === 0) {
      await onRows?.(n)
    }
  }
  await put(out, `\n],"count":${n}}\n`)
  await finish(out)
  return n
}
