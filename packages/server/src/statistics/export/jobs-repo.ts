import type { Kysely } from 'kysely'
import type { Database, StatExportsTable } from '../../db/schema.ts'

/**
 * The export jobs' table (`stat_exports`) and the finished files' chunks (`stat_export_chunks`).
 * A job is taken with one conditional update — only while it is queued or its last taker's lease
 * has run out — that names a new claim; every later write is conditional on that claim, so however
 * many Faro processes share the database, one runs a job at a time and a process that lost its
 * lease stops at its next write.
 */

export type ExportRow = Pick<StatExportsTable, 'id' | 'userId' | 'unitId' | 'format' | 'lang' | 'question' | 'status' | 'filename' | 'mediaType' | 'createdAt' | 'expiresAt' | 'size' | 'sha256' | 'claim' | 'leaseUntil' | 'error' | 'startedAt' | 'finishedAt'> & { progress: number; rows: number; attempts: number }

export interface NewExport {
  id: string
  userId: string
  unitId: string
  format: string
  lang: string
  question: string
  filename: string
  mediaType: string
  createdAt: string
  expiresAt: string
}

/** Queues an export; an id already taken leaves the table as it was. Returns the row under the id. */
export async function insertExport(db: Kysely<Database>, job: NewExport): Promise<{ row: ExportRow; created: boolean }> {
  const result = await db.insertInto('statExports').values({ ...job, status: 'queued' }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst()
  const row = await findExport(db, job.id)
  if (row === undefined) {
    throw new Error('an export just written cannot be read back')
  }
  return { row, created: Number(result.numInsertedOrUpdatedRows ?? 0) === 1 }
}

export async function findExport(db: Kysely<Database>, id: string): Promise<ExportRow | undefined> {
  const row = await db.selectFrom('statExports').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : { ...row, progress: Number(row.progress), rows: Number(row.rows), attempts: Number(row.attempts) }
}

/** Takes the job for `claim` until `leaseUntil`; false when it is done, failed or someone holds it. */
export async function claimExport(db: Kysely<Database>, id: string, claim: string, now: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('statExports')
    .set((eb) => ({ status: 'running', claim, leaseUntil, startedAt: now, progress: 0, rows: 0, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('expiresAt', '>', now)
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('leaseUntil', '<', now)])]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Records progress and extends the lease; false when the claim was lost (stop working). */
export async function reportProgress(db: Kysely<Database>, id: string, claim: string, progress: number, rows: number, leaseUntil: string): Promise<boolean> {
  const result = await db.updateTable('statExports').set({ progress, rows, leaseUntil }).where('id', '=', id).where('claim', '=', claim).where('status', '=', 'running').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function writeChunk(db: Kysely<Database>, id: string, claim: string, seq: number, bytes: Uint8Array): Promise<void> {
  await db.insertInto('statExportChunks').values({ exportId: id, claim, seq, bytes }).execute()
}

/** Marks the job done under its claim and drops any other claim's chunks; false when the claim was lost. */
export async function finishExport(db: Kysely<Database>, id: string, claim: string, done: { rows: number; size: number; sha256: string; finishedAt: string; expiresAt: string }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('statExports').set({ ...done, status: 'done', progress: 1, leaseUntil: null }).where('id', '=', id).where('claim', '=', claim).where('status', '=', 'running').executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) {
      return false
    }
    await trx.deleteFrom('statExportChunks').where('exportId', '=', id).where('claim', '!=', claim).execute()
    return true
  })
}

/** Marks the job failed under its claim, with a code (never a value from the data), and drops its chunks. */
export async function failExport(db: Kysely<Database>, id: string, claim: string, error: string, finishedAt: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('statExports').set({ status: 'failed', error, finishedAt, leaseUntil: null }).where('id', '=', id).where('claim', '=', claim).executeTakeFirst()
    if (Number(result.numUpdatedRows) === 1) {
      await trx.deleteFrom('statExportChunks').where('exportId', '=', id).execute()
    }
  })
}

/** The jobs waiting to be taken: queued, or running under a lease that has run out; oldest first. */
export async function dueExports(db: Kysely<Database>, now: string, limit = 10): Promise<string[]> {
  const rows = await db
    .selectFrom('statExports')
    .select('id')
    .where('expiresAt', '>', now)
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('leaseUntil', '<', now)])]))
    .orderBy('createdAt')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** Deletes the exports past their expiry, with their files; returns how many. */
export async function deleteExpiredExports(db: Kysely<Database>, now: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const expired = (await trx.selectFrom('statExports').select('id').where('expiresAt', '<=', now).execute()).map((r) => r.id)
    if (expired.length === 0) {
      return 0
    }
    await trx.deleteFrom('statExportChunks').where('exportId', 'in', expired).execute()
    await trx.deleteFrom('statExports').where('id', 'in', expired).execute()
    return expired.length
  })
}

/** A finished file's chunks in order, one query each, so a large file is never held whole. */
export async function* readChunks(db: Kysely<Database>, id: string, claim: string): AsyncIterable<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const chunk = await db.selectFrom('statExportChunks').select('bytes').where('exportId', '=', id).where('claim', '=', claim).where('seq', '=', seq).executeTakeFirst()
    if (chunk === undefined) {
      return
    }
    yield chunk.bytes
  }
}
