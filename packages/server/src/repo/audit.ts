import { createHash } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import { canonicalJson } from '@faro/core'
import type { DialectName } from '../db/open.ts'
import { supportsRowLocks } from '../db/dialect.ts'
import type { AuditEventsTable, Database } from '../db/schema.ts'

export type AuditRow = Selectable<AuditEventsTable>
export type AuditEvent = Omit<AuditRow, 'seq' | 'prevHash' | 'hash'>

export const GENESIS_HASH = '0'.repeat(64)

/**
 * Appends an audit event to the hash chain inside the caller's transaction. Locking the head row
 * serialises appends, so concurrent transactions cannot fork the chain.
 */
export async function appendAudit(db: Kysely<Database>, dialect: DialectName, event: AuditEvent): Promise<number> {
  let head = db.selectFrom('auditHead').selectAll().where('id', '=', 1)
  if (supportsRowLocks(dialect)) {
    head = head.forUpdate()
  }
  const { seq: lastSeq, hash: prevHash } = await head.executeTakeFirstOrThrow()
  const seq = Number(lastSeq) + 1
  const hash = chainHash(prevHash, { ...event, seq })
  await db.insertInto('auditEvents').values({ ...event, seq, prevHash, hash }).execute()
  await db.updateTable('auditHead').set({ seq, hash }).where('id', '=', 1).execute()
  return seq
}

/** The hash of a row: the previous hash and every field of the row but its own hashes. */
export function chainHash(prevHash: string, event: AuditEvent & { seq: number }): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(event)).digest('hex')
}

export type AuditProblem = 'altered' | 'removed' | 'reordered' | 'truncated'

export interface AuditVerification {
  ok: boolean
  rows: number
  /** The first row that fails, and how. */
  firstBad?: { seq: number; problem: AuditProblem }
}

/**
 * Walks the chain from the start and reports the first row that was altered, removed or moved,
 * or rows cut from the end (the head no longer matches the last row).
 */
export async function verifyAudit(db: Kysely<Database>, pageSize = 5000): Promise<AuditVerification> {
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  let rows = 0
  for (;;) {
    const page = await db.selectFrom('auditEvents').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute()
    for (const row of page) {
      rows += 1
      const { seq: rawSeq, prevHash: storedPrev, hash, ...event } = row
      const seq = Number(rawSeq)
      const selfValid = chainHash(storedPrev, { ...event, seq }) === hash
      if (!selfValid) {
        return { ok: false, rows, firstBad: { seq, problem: 'altered' } }
      }
      if (seq !== expectedSeq) {
        return { ok: false, rows, firstBad: { seq: expectedSeq, problem: 'removed' } }
      }
      if (storedPrev !== prevHash) {
        return { ok: false, rows, firstBad: { seq, problem: 'reordered' } }
      }
      prevHash = hash
      expectedSeq = seq + 1
    }
    if (page.length < pageSize) {
      break
    }
  }
  const head = await db.selectFrom('auditHead').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  if (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    return { ok: false, rows, firstBad: { seq: expectedSeq, problem: 'truncated' } }
  }
  return { ok: true, rows }
}

export async function listAudit(db: Kysely<Database>, opts: { beforeSeq?: number; limit: number }): Promise<AuditRow[]> {
  let q = db.selectFrom('auditEvents').selectAll()
  if (opts.beforeSeq !== undefined) {
    q = q.where('seq', '<', opts.beforeSeq)
  }
  return q.orderBy('seq', 'desc').limit(opts.limit).execute()
}
