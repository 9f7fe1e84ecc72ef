import type { Kysely, Transaction } from 'kysely'
import type { Actor, Lang } from '@faro/core'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { Database } from '../db/schema.ts'
import type { AuditHeadCache } from './audit-repo.ts'

/** What every service call needs: the database, the clock, and who is asking in which language. */
export interface Ctx {
  db: Db
  clock: Clock
  actor: Actor
  requestId: string
  lang: Lang
  /** Set by a sync push: the audit chain head kept in memory for its one transaction. */
  auditHead?: AuditHeadCache
}

/** Runs work in one transaction: the action, its projection and its audit row commit together. */
export function inTransaction<T>(ctx: Pick<Ctx, 'db'>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return ctx.db.db.transaction().execute(work)
}

export type Executor = Kysely<Database>
