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
  const head = `insert into "${snake(spec.table)}" (${spec.columns.map((c) => `"${snake(c)}"`).join(', ')}) values `
  const out: Record<string, unknown>[] = []
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK)
    const params: unknown[] = []
    const tuples: string[] = []
    for (const row of chunk) {
      const marks: string[] = []
      for (const column of spec.columns) {
        params.push(row[column] ?? null)
        marks.push(dialect === 'postgres' ? `$${params.length}` : '?')
      }
      tuples.push(`(${marks.join(', ')})`)
    }
    const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`${head}${tuples.join(', ')}${spec.tail ? ` ${spec.tail}` : ''}`, params))
    out.push(...result.rows)
  }
  return out
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}
