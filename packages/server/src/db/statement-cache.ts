import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely'
import type { SqliteDatabase } from './sqlite-driver.ts'

const MAX_STATEMENTS = 500

/**
 * The SQLite handle as Kysely sees it, with compiled statements kept by their SQL text. Kysely
 * prepares every query anew; preparing was the largest single cost of a sync push (a sixth of
 * its time). A statement is reused only after the previous run finished: Kysely runs one query
 * at a time on the single connection.
 */
export function withStatementCache(sqlite: SqliteDatabase): KyselySqliteDatabase {
  const cache = new Map<string, ReturnType<SqliteDatabase['prepare']>>()
  return {
    close: () => {
      cache.clear()
      sqlite.close()
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql)
      if (statement === undefined) {
        statement = sqlite.prepare(sql)
        if (cache.size >= MAX_STATEMENTS) {
          // Forget the oldest: queries built from lists (IN (…)) make many one-off texts.
          const oldest = cache.keys().next()
          if (!oldest.done) {
            cache.delete(oldest.value)
          }
        }
        cache.set(sql, statement)
      }
      return statement
    },
  }
}
