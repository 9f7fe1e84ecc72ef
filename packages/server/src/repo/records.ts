import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type SqlBool } from 'kysely'
import type { Actor, Scope } from '@faro/core'
import type { DialectName } from '../db/open.ts'
import { supportsRowLocks } from '../db/dialect.ts'
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

/** Inserts the projection of a new record; a unique violation means another action created it first. */
export async function insertRecord(db: Kysely<Database>, row: Insertable<RecordsTable>): Promise<void> {
  await db.insertInto('records').values(row).execute()
}

export async function updateRecordState(
  db: Kysely<Database>,
  key: { recordType: string; recordId: string },
  change: Pick<RecordRow, 'state' | 'priority' | 'version' | 'updatedAt'>,
): Promise<void> {
  await db
    .updateTable('records')
    .set(change)
    .where('recordType', '=', key.recordType)
    .where('recordId', '=', key.recordId)
    .execute()
}

export interface RecordListQuery {
  recordType: string
  actor: Actor
  scopes: readonly Scope[]
  /** Only records below this unit (still inside the actor's scopes). */
  underUnitId?: string
  updatedSince?: string
  limit: number
  /** Continue after this (updatedAt, recordId) pair, as returned in the previous page. */
  after?: { updatedAt: string; recordId: string }
}

/** Lists records the actor's scopes reach, newest change first. */
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
  if (q.after !== undefined) {
    const after = q.after
    query = query.where((eb) =>
      eb.or([eb('updatedAt', '<', after.updatedAt), eb.and([eb('updatedAt', '=', after.updatedAt), eb('recordId', '<', after.recordId)])]),
    )
  }
  return query.orderBy('updatedAt', 'desc').orderBy('recordId', 'desc').limit(q.limit).execute()
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
  return parts.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(parts)
}
