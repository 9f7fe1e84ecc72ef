import { sql, type RawBuilder } from 'kysely'
import type { DialectName } from './open.ts'

// The few places where SQLite and PostgreSQL differ, kept in one file.

/** True when the error is a unique or primary-key violation, on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false
  }
  const code = 'code' in error ? String(error.code) : ''
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

/** SQLite has no SELECT … FOR UPDATE: its writers are already serialised by the single connection. */
export function supportsRowLocks(dialect: DialectName): boolean {
  return dialect === 'postgres'
}

/**
 * A column that the query planner must not look up through an index, for a query another index
 * serves better than the planner would guess: SQLite's unary `+` (its documented way to say so).
 * PostgreSQL plans from statistics and has no `+` for text, so there it is the plain column.
 */
export function unindexed(dialect: DialectName, column: string): RawBuilder<string> {
  return dialect === 'sqlite' ? sql<string>`+${sql.ref(column)}` : sql<string>`${sql.ref(column)}`
}

/** Booleans are stored as 0/1 integers on both dialects. */
export function flag(value: boolean): number {
  return value ? 1 : 0
}

/** Org-unit paths are stored as `/a/b/c/`, so a subtree is a LIKE '%/b/%' match. */
export function encodePath(path: readonly string[]): string {
  return `/${path.join('/')}/`
}

export function decodePath(encoded: string): string[] {
  return encoded.split('/').filter((p) => p !== '')
}
