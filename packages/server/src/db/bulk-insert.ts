import { CompiledQuery, type Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { DialectName } from './open.ts'

/** Rows per statement: a dozen columns stay far below both dialects' bound-parameter limits. */
const CHUNK = 500

export interface BulkInsert<T extends keyof Database> {
  table: T
  /** The columns to write, in camelCase as everywhere else; a missing value is NULL. */
  columns: readonly (keyof Database[T] & string)[]
  /** After the VALUES list: ON CONFLICT … or RETURNING …, with snake_case names. */
  tail?: string
}

/**
 * A multi-row INSERT compiled here rather than by Kysely's builder: the builder and the
 * camel-case plugin walk every value of every row, which was a tenth of a sync push. Table and
 * column names come from code, never from input; every value is a bound parameter. Returns the
 * rows of a RETURNING tail.
 */
export async function bulkInsert<T extends keyof Database>(
  db: Kysely<Database>,
  dialect: DialectName,
  spec: BulkInsert<T>,
  rows: readonly Partial<Record<keyof Database[T] & string, unknown>>[],
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = []
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK)
    const params: unknown[] = []
    for (const row of chunk) {
      for (const column of spec.columns) {
        params.push(row[column] ?? null)
      }
    }
    const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(sqlOf(spec, dialect, chunk.length), params))
    out.push(...result.rows)
  }
  return out
}

const texts = new WeakMap<object, Map<string, string>>()

/** The statement for a number of rows, built once: its text is also the statement cache's key. */
function sqlOf(spec: { table: string; columns: readonly string[]; tail?: string }, dialect: DialectName, rowCount: number): string {
  let bySize = texts.get(spec)
  if (bySize === undefined) {
    bySize = new Map()
    texts.set(spec, bySize)
  }
  const key = `${dialect}:${rowCount}`
  let sql = bySize.get(key)
  if (sql === undefined) {
    const width = spec.columns.length
    const tuples = Array.from({ length: rowCount }, (_, r) => `(${spec.columns.map((_, c) => (dialect === 'postgres' ? `$${r * width + c + 1}` : '?')).join(', ')})`)
    sql = `insert into "${snake(spec.table)}" (${spec.columns.map((c) => `"${snake(c)}"`).join(', ')}) values ${tuples.join(', ')}${spec.tail ? ` ${spec.tail}` : ''}`
    bySize.set(key, sql)
  }
  return sql
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}
