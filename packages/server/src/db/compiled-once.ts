import { CompiledQuery, type Compilable, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

/** Compiled texts per dialect (the adapter that transactions share with their database). */
const texts = new WeakMap<object, Map<string, string>>()

/**
 * Runs a query that Kysely builds and compiles only the first time for its key, on each dialect:
 * the key names everything the text depends on (the query and the length of its lists). For
 * the small lookups of a sync push, building and compiling cost more than running them. `params`
 * are the values in the order the text binds them; the first run of a key checks them against
 * the ones Kysely compiled, so a wrong order fails at once instead of reading the wrong rows.
 */
export async function runCompiledOnce<R>(db: Kysely<Database>, key: string, params: readonly unknown[], build: () => Compilable<R>): Promise<R[]> {
  const adapter = db.getExecutor().adapter
  let byKey = texts.get(adapter)
  if (byKey === undefined) {
    byKey = new Map()
    texts.set(adapter, byKey)
  }
  let text = byKey.get(key)
  if (text === undefined) {
    const compiled = build().compile()
    if (compiled.parameters.length !== params.length || compiled.parameters.some((p, i) => p !== params[i])) {
      throw new Error(`the parameters given for ${key} are not the ones its query binds`)
    }
    text = compiled.sql
    byKey.set(key, text)
  }
  const result = await db.executeQuery<R>(CompiledQuery.raw(text, [...params]))
  return result.rows
}
