import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type SqlBool } from 'kysely'
import { scopesOf, type Actor, type PolicyTarget, type RecordType, type Role, type Scope } from '@faro/core'
import { runCompiledOnce } from '../db/compiled-once.ts'
import { bulkInsert, type BulkInsert } from '../db/bulk-insert.ts'
import type { DialectName } from '../db/open.ts'
import { decodePath, supportsRowLocks } from '../db/dialect.ts'
import type { Database, RecordsTable } from '../db/schema.ts'

export type RecordRow = Selectable<RecordsTable>

export async function findRecord(
  db: Kysely<Database>,
  dialect: DialectName,
  recordType: string,
  recordId: string,
  opts: { lock?: boolean } = {},
): Promise<RecordRow | undefined> {
  let q = db.selectFrom('records').selectAll().where('recordType', '=', recordType).where('recordId', '=', recordId)
  if (opts.lock && supportsRowLocks(dialect)) {
    q = q.forUpdate()
  }
  return q.executeTakeFirst()
}

/** Reads many records at once, locked for the caller's transaction on PostgreSQL. */
export async function findRecords(
  db: Kysely<Database>,
  dialect: DialectName,
  keys: readonly { recordType: string; recordId: string }[],
  opts: { lock?: boolean } = {},
): Promise<RecordRow[]> {
  const idsByType = new Map<string, Set<string>>()
  for (const k of keys) {
    idsByType.set(k.recordType, (idsByType.get(k.recordType) ?? new Set()).add(k.recordId))
  }
  const rows: RecordRow[] = []
  // One query per record type, so each is a lookup on the primary key (type, id).
  const lock = opts.lock === true && supportsRowLocks(dialect)
  for (const [recordType, ids] of idsByType) {
    const list = [...ids]
    const query = () => {
      const q = db.selectFrom('records').selectAll().where('recordType', '=', recordType).where('recordId', 'in', list)
      return lock ? q.forUpdate() : q
    }
    rows.push(...(await runCompiledOnce(db, `records.byIds:${lock}:${list.length}`, [recordType, ...list], query)))
  }
  return rows
}

/** The policy's view of a stored record: where it sits, whose it is and where it was routed. */
export function policyTargetOf(row: Pick<RecordRow, 'orgUnitPath' | 'ownerId' | 'routedTo' | 'excludedUnits'>): PolicyTarget {
  return { orgUnitPath: decodePath(row.orgUnitPath), ownerId: row.ownerId, routedTo: JSON.parse(row.routedTo) as string[], excludedUnits: JSON.parse(row.excludedUnits) as string[] }
}

export function recordKey(k: { recordType: string; recordId: string }): string {
  return `${k.recordType}\u0000${k.recordId}`
}

export type RecordWrite = Insertable<RecordsTable> & { needsReview: number }

/**
 * Writes the projections of new and changed records in one statement. The creating columns
 * (unit, owner, creation time) of an existing record are kept; the state and its version move.
 */
export async function upsertRecords(db: Kysely<Database>, dialect: DialectName, rows: readonly RecordWrite[]): Promise<void> {
  await bulkInsert(db, dialect, RECORD_UPSERT, rows)
}

const RECORD_UPSERT: BulkInsert<'records'> = {
  table: 'records',
  columns: ['recordType', 'recordId', 'orgUnitId', 'orgUnitPath', 'ownerId', 'state', 'routedTo', 'excludedUnits', 'priority', 'demo', 'version', 'createdAt', 'updatedAt', 'occurredAt', 'alertAt', 'needsReview'],
  tail: 'on conflict ("record_type", "record_id") do update set "state" = excluded."state", "routed_to" = excluded."routed_to", "priority" = excluded."priority", "version" = excluded."version", "updated_at" = excluded."updated_at", "occurred_at" = excluded."occurred_at", "alert_at" = excluded."alert_at", "needs_review" = excluded."needs_review"',
}

export async function clearReviewFlag(db: Kysely<Database>, recordType: string, recordId: string): Promise<void> {
  await db.updateTable('records').set({ needsReview: 0 }).where('recordType', '=', recordType).where('recordId', '=', recordId).execute()
}

export interface RecordListQuery {
  recordType: string
  actor: Actor
  scopes: readonly Scope[]
  /** Only records below this unit (still inside the actor's scopes). */
  underUnitId?: string
  updatedSince?: string
  /** Only records flagged for review. */
  needsReview?: boolean
  /** Cases only: leave out the closed ones. */
  openCases?: boolean
  dialect?: DialectName
  limit: number
  /** `changed`: newest change first; `occurred`: what happened last first. */
  order: RecordOrder
  /** Continue after this (sort key, recordId) pair, as returned in the previous page. */
  after?: { key: string; recordId: string }
}

export type RecordOrder = 'changed' | 'occurred'

/** Lists records the actor's scopes reach, newest change (or newest event) first. */
export async function listRecords(db: Kysely<Database>, q: RecordListQuery): Promise<RecordRow[]> {
  let query = db
    .selectFrom('records')
    .selectAll()
    .where('recordType', '=', q.recordType)
    .where((eb) => scopeFilter(eb, q.actor, q.scopes))
  if (q.underUnitId !== undefined) {
    query = query.where('orgUnitPath', 'like', `%/${q.underUnitId}/%`)
  }
  if (q.updatedSince !== undefined) {
    query = query.where('updatedAt', '>=', q.updatedSince)
  }
  if (q.needsReview) {
    query = query.where('needsReview', '=', 1)
  }
  if (q.openCases) {
    // The status is a top-level key the case fold writes; read as JSON on each dialect.
    const status = q.dialect === 'postgres' ? sql<string>`(state::jsonb ->> 'status')` : sql<string>`json_extract(state, '$.status')`
    query = query.where(status, '!=', 'closed')
  }
  const column = q.order === 'occurred' ? 'occurredAt' : 'updatedAt'
  if (q.after !== undefined) {
    const after = q.after
    query = query.where((eb) => eb.or([eb(column, '<', after.key), eb.and([eb(column, '=', after.key), eb('recordId', '<', after.recordId)])]))
  }
  return query.orderBy(column, 'desc').orderBy('recordId', 'desc').limit(q.limit).execute()
}

/** Those of the record types that a role may read, with the scopes it reads them in. */
export function readableTypes<T extends RecordType>(role: Role, types: readonly T[]): { type: T; scopes: readonly Scope[] }[] {
  return types.map((type) => ({ type, scopes: scopesOf(role, `${type}.read`) })).filter((r) => r.scopes.length > 0)
}

/** The SQL form of the policy scopes, so a list never returns a row a single read would refuse. */
export function scopeFilter(eb: ExpressionBuilder<Database, 'records'>, actor: Actor, scopes: readonly Scope[]): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = scopes.map((scope) => {
    switch (scope) {
      case 'national':
        return sql<SqlBool>`1 = 1`
      case 'subtree':
        return eb('orgUnitPath', 'like', `%/${actor.orgUnitId}/%`)
      case 'unit':
        return eb('orgUnitId', '=', actor.orgUnitId)
      case 'own':
        return eb('ownerId', '=', actor.userId)
      case 'routed':
        return eb('routedTo', 'like', `%"${actor.orgUnitId}"%`)
    }
  })
  // An accused agency's staff never see the case, whatever their scope (as in decide).
  return parts.length === 0 ? sql<SqlBool>`1 = 0` : eb.and([eb.or(parts), eb('excludedUnits', 'not like', `%"${actor.orgUnitId}"%`)])
}
