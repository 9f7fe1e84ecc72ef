import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely'
import type { SqliteDatabase } from './sqlite-driver.ts'

const MAX_STATEMENTS = 500

/**
 * The SQLite handle as Kysely sees it, with compiled statements kept by their SQL text. Kysely
 * prepares every query anew; preparing was the largest single cost of a sync push (a sixth of
 * its time). A statement is reused only after the previous run finished: Kysely runs one query
 * at a time on the connection.
 *
 * Transactions begin IMMEDIATE: a sync push is written by its own thread on a second connection
 * (field/sync/push-writer.ts), and a deferred transaction that read before writing would fail with
 * SQLITE_BUSY, without waiting, when the other connection committed in between. Taking the write
 * lock at BEGIN makes it wait its turn (busy_timeout) instead.
 */
export function withStatementCache(sqlite: SqliteDatabase): KyselySqliteDatabase {
  const cache = new Map<string, ReturnType<SqliteDatabase['prepare']>>()
  return {
    close: () => {
      cache.clear()
      sqlite.close()
    },
    prepare: (text: string) => {
      const sql = text === 'begin' ? 'begin immediate' : text
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
