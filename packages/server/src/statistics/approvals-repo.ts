import type { Kysely, Transaction } from 'kysely'
import type { Database, StatApprovalsTable, StatPublicationsTable } from '../db/schema.ts'
import type { CountTable, ProtectedTable } from './disclosure.ts'

/**
 * The approvals and the frozen publications (`stat_approvals`, `stat_publications`): both
 * append-only; a revision is new rows, never a change to old ones.
 */

type Executor = Kysely<Database> | Transaction<Database>

/** A frozen table as it went out. */
export interface Publication {
  programme: string
  period: string
  tableId: string
  revision: number
  k: number
  shown: ProtectedTable
  counts: CountTable
  approvedBy: string
  publishedAt: string
}

export async function listApprovals(db: Executor, programme: string, period: string): Promise<StatApprovalsTable[]> {
  return db.selectFrom('statApprovals').selectAll().where('programme', '=', programme).where('period', '=', period).orderBy('approvedAt').orderBy('revision').execute()
}

export async function insertApproval(db: Executor, row: StatApprovalsTable): Promise<void> {
  await db.insertInto('statApprovals').values(row).execute()
}

export async function insertPublications(db: Executor, rows: readonly Publication[]): Promise<void> {
  if (rows.length === 0) {
    return
  }
  await db
    .insertInto('statPublications')
    .values(rows.map((r): StatPublicationsTable => ({ programme: r.programme, period: r.period, tableId: r.tableId, revision: r.revision, k: r.k, shown: JSON.stringify(r.shown), counts: JSON.stringify(r.counts), approvedBy: r.approvedBy, publishedAt: r.publishedAt })))
    .execute()
}

/** Every frozen table of a programme (or all), oldest revision first. */
export async function listPublications(db: Executor, programme?: string, period?: string): Promise<Publication[]> {
  let q = db.selectFrom('statPublications').selectAll()
  if (programme !== undefined) {
    q = q.where('programme', '=', programme)
  }
  if (period !== undefined) {
    q = q.where('period', '=', period)
  }
  const rows = await q.orderBy('programme').orderBy('period').orderBy('tableId').orderBy('revision').execute()
  return rows.map((r) => ({ ...r, shown: JSON.parse(r.shown) as ProtectedTable, counts: JSON.parse(r.counts) as CountTable }))
}
