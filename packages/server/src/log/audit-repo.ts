import crypto from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import { bulkInsert, type BulkInsert } from '../db/bulk-insert.ts'
import type { DialectName } from '../db/open.ts'
import { supportsRowLocks } from '../db/dialect.ts'
import type { AuditEventsTable, Database } from '../db/schema.ts'

export type AuditRow = Selectable<AuditEventsTable>
export type AuditEvent = Omit<AuditRow, 'seq' | 'prevHash' | 'hash'>
/** An event to append, with its `chainBody` when that was worked out ahead (off the writer). */
export type AuditLink = AuditEvent & { chainBody?: string | undefined }

export const GENESIS_HASH = '0'.repeat(64)

/**
 * The chain head held in memory by a transaction that appends many events (a sync push): read
 * once, advanced per event, written back once by `flushAuditHead` before the commit. Only valid
 * while the transaction holds the head lock (PostgreSQL) or the single connection (SQLite).
 */
export interface AuditHeadCache {
  head?: { seq: number; hash: string }
}

/**
 * Appends an audit event to the hash chain inside the caller's transaction. Locking the head row
 * serialises appends, so concurrent transactions cannot fork the chain. With a cache, the head
 * row is read once and written by `flushAuditHead`.
 */
export async function appendAudit(db: Kysely<Database>, dialect: DialectName, event: AuditEvent, cache?: AuditHeadCache): Promise<number> {
  return appendAuditMany(db, dialect, [event], cache)
}

/** Appends events in order as consecutive links of the chain, in one statement per few hundred. */
export async function appendAuditMany(db: Kysely<Database>, dialect: DialectName, events: readonly AuditLink[], cache?: AuditHeadCache): Promise<number> {
  let current = cache?.head
  if (current === undefined) {
    let head = db.selectFrom('auditHead').selectAll().where('id', '=', 1)
    if (supportsRowLocks(dialect)) {
      head = head.forUpdate()
    }
    const row = await head.executeTakeFirstOrThrow()
    current = { seq: Number(row.seq), hash: row.hash }
  }
  let link = current
  const rows: AuditRow[] = []
  for (const event of events) {
    const seq = link.seq + 1
    const hash = linkHash(link.hash, event.chainBody ?? chainBody(event), seq)
    rows.push(auditRow(event, seq, link.hash, hash))
    link = { seq, hash }
  }
  await bulkInsert(db, dialect, AUDIT_INSERT, rows)
  if (cache !== undefined) {
    cache.head = link
  } else if (rows.length > 0) {
    await db.updateTable('auditHead').set(link).where('id', '=', 1).execute()
  }
  return link.seq
}

const AUDIT_INSERT: BulkInsert<'auditEvents'> = {
  table: 'auditEvents',
  columns: ['seq', 'id', 'at', 'requestId', 'actorId', 'role', 'orgUnitId', 'action', 'recordType', 'recordId', 'decision', 'prevHash', 'hash'],
}

/** Writes the cached head back to its row; a no-op when nothing was appended. */
export async function flushAuditHead(db: Kysely<Database>, cache: AuditHeadCache): Promise<void> {
  if (cache.head !== undefined) {
    await db.updateTable('auditHead').set(cache.head).where('id', '=', 1).execute()
  }
}

/** The hash of a row: the previous hash and every field of the row but its own hashes. */
export function chainHash(prevHash: string, event: AuditEvent, seq: number): string {
  return linkHash(prevHash, chainBody(event), seq)
}

/**
 * The hash over `canonicalJson({ ...event, seq })`, written out: `chainBody` is the event's members
 * with their keys in sorted order (a missing value left out, as canonicalJson does) and `seq`
 * sorts after all of them. A push appends a hundred links; spreading each event and sorting its
 * keys was a tenth of the writer thread's time.
 */
function linkHash(prevHash: string, body: string, seq: number): string {
  return crypto.hash('sha256', `${prevHash}\n{${body}${body === '' ? '' : ','}"seq":${JSON.stringify(seq)}}`, 'hex')
}

/**
 * The event's members as canonical JSON, without the braces. `CHAINED` makes a new column a
 * compile error here until it is hashed too.
 */
export function chainBody(e: AuditEvent): string {
  const body = `${field('action', e.action)}${field('actorId', e.actorId)}${field('at', e.at)}${field('decision', e.decision)}${field('id', e.id)}${field('orgUnitId', e.orgUnitId)}${field('recordId', e.recordId)}${field('recordType', e.recordType)}${field('requestId', e.requestId)}${field('role', e.role)}`
  return body.slice(1)
}

const CHAINED = { action: true, actorId: true, at: true, decision: true, id: true, orgUnitId: true, recordId: true, recordType: true, requestId: true, role: true } satisfies Record<keyof AuditEvent, true>
void CHAINED

/** The last text written per key: the links of one push share their actor, time and action. */
const lastField = new Map<string, { value: string | null; text: string }>()

/** `,"key":value`, or nothing for a missing value. */
function field(key: string, value: string | null | undefined): string {
  if (value === undefined) {
    return ''
  }
  const last = lastField.get(key)
  if (last !== undefined && last.value === value) {
    return last.text
  }
  const text = `,"${key}":${JSON.stringify(value)}`
  lastField.set(key, { value, text })
  return text
}

/** The stored row of a link, built field by field: a spread of each event was measurable. */
function auditRow(e: AuditEvent, seq: number, prevHash: string, hash: string): AuditRow {
  return { seq, id: e.id, at: e.at, requestId: e.requestId, actorId: e.actorId, role: e.role, orgUnitId: e.orgUnitId, action: e.action, recordType: e.recordType, recordId: e.recordId, decision: e.decision, prevHash, hash }
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
      const selfValid = chainHash(storedPrev, event, seq) === hash
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

/** Audit events newest first, a page at a time, narrowed by decision, action and actor. */
export async function listAudit(
  db: Kysely<Database>,
  opts: { beforeSeq?: number; limit: number; decision?: 'allowed' | 'denied'; action?: string; excludeActorId?: string },
): Promise<AuditRow[]> {
  let q = db.selectFrom('auditEvents').selectAll()
  if (opts.beforeSeq !== undefined) {
    q = q.where('seq', '<', opts.beforeSeq)
  }
  if (opts.decision !== undefined) {
    q = q.where('decision', '=', opts.decision)
  }
  if (opts.action !== undefined) {
    q = q.where('action', '=', opts.action)
  }
  if (opts.excludeActorId !== undefined) {
    q = q.where('actorId', '!=', opts.excludeActorId)
  }
  return q.orderBy('seq', 'desc').limit(opts.limit).execute()
}
