import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { Lang } from '@faro/core'

/**
 * What every export writer takes: a titled table whose columns carry their labels in both
 * languages and their HXL hashtag, and whose rows may be a generator, so a million rows pass
 * through a writer without being held.
 */

export type Bilingual = Readonly<Record<Lang, string>>

/** A cell: a count, a code or name, a withheld count as the text the table gives (`<5`), or empty. */
export type StatValue = string | number | null

export interface StatColumn {
  key: string
  label: Bilingual
  /** The HXL hashtag with its attributes (`#reached+ind+f+adults`); empty when none fits. */
  hxl: string
  /** The same on every row (the question's period, fact): a printed table shows it once, above. */
  constant?: boolean
  /** A name rather than a code or a count: a printed table gives it more room. */
  wide?: boolean
}

export type StatRow = Readonly<Record<string, StatValue>>

export interface StatTable {
  title: Bilingual
  columns: readonly StatColumn[]
  rows: AsyncIterable<StatRow> | Iterable<StatRow>
  /** How many rows there will be, when known: progress is reported as a share of it. */
  rowCount?: number
}

/** Told after every batch of rows written, with the rows so far; the job records its progress. */
export type OnRows = (written: number) => Promise<void> | void

/** Rows between two progress reports: often enough to move a bar, rarely enough to cost nothing. */
export const PROGRESS_EVERY = 5_000

/** Writes to a stream and waits when it asks to, so a slow reader bounds what is held. */
export async function put(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) {
    await once(out, 'drain')
  }
}

/** Ends a stream and waits until everything written has been taken. */
export async function finish(out: Writable): Promise<void> {
  const done = once(out, 'finish')
  out.end()
  await done
}

/**
 * Rows in batches of up to `size`: a list or a generator is read synchronously, a batch per await,
 * since awaiting each row costs more than writing it (about a microsecond a row, the whole of a
 * CSV's time); an asynchronous source is awaited row by row, as it must be.
 */
export async function* batchesOf<T>(rows: AsyncIterable<T> | Iterable<T>, size = 1000): AsyncIterable<T[]> {
  let batch: T[] = []
  if (isSync(rows)) {
    for (const row of rows) {
      batch.push(row)
      if (batch.length === size) {
        yield batch
        batch = []
      }
    }
  } else {
    for await (const row of rows) {
      batch.push(row)
      if (batch.length === size) {
        yield batch
        batch = []
      }
    }
  }
  if (batch.length > 0) {
    yield batch
  }
}

function isSync<T>(rows: AsyncIterable<T> | Iterable<T>): rows is Iterable<T> {
  return Symbol.iterator in rows
}
