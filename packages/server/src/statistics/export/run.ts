import { createHash, randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import type { Fact, Lang } from '@faro/core'
import type { Logger } from 'pino'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/open.ts'
import { stateSlug } from '../../public/help.ts'
import { tableOf, unitsOfPlace, type By } from '../query.ts'
import { VALUE_WORDS } from '../published-words.ts'
import { writeCsv } from './csv.ts'
import { claimExport, deleteExpiredExports, dueExports, failExport, findExport, finishExport, reportProgress, writeChunk } from './jobs-repo.ts'
import { writeJson } from './json.ts'
import { mmpTable } from './mmp.ts'
import { writePdf } from './pdf.ts'
import { statTableOf } from './question-table.ts'
import type { OnRows, StatTable } from './stat-table.ts'
import { writeXlsx } from './xlsx.ts'
import { REPORT_SECTIONS, writeYearlyReport } from './yearly-report.ts'

/**
 * Runs export jobs: takes one (a conditional update, so two processes never run the same job),
 * writes its file through the format's writer into the database a megabyte at a time, reports
 * progress every few thousand rows (extending the lease), and marks it done or failed. A job
 * starts in the process that queued it, right after the request; the scheduler's tick picks up
 * any left queued or whose process died (its lease ran out).
 */

export type ExportFormat = 'csv' | 'xlsx' | 'json' | 'pdf' | 'mmp'

/** What a job makes, as stored in `question` (JSON): never a person, only counts' coordinates. */
export type ExportSpec =
  | { kind: 'question'; fact?: Fact; from: string; to: string; unitId: string; unitName: string; border?: string; state?: string; by: By[] }
  | { kind: 'report'; report: 'yearly'; year: number; unitId: string; unitName: string }

export interface ExportDeps {
  db: Db
  clock: Clock
  logger?: Pick<Logger, 'info' | 'error'>
}

export const MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  mmp: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  pdf: 'application/pdf',
}

/** How long a taker holds a job between two progress reports before another may take it over. */
export const LEASE_MS = 2 * 60_000
/** How long a finished file is kept. */
export const KEEP_MS = 24 * 60 * 60_000

/** The file's name: what, over when, and the format's extension. */
export function filenameOf(format: ExportFormat, spec: ExportSpec): string {
  if (spec.kind === 'report') {
    return `faro-${spec.report}-${spec.year}-${spec.unitId}.pdf`
  }
  const what = format === 'mmp' ? 'missing-migrants' : (spec.fact ?? 'table')
  const where = [spec.unitId, spec.border, spec.state === undefined ? undefined : stateSlug(spec.state)].filter((p) => p !== undefined).join('-')
  return `faro-${what}-${where}-${spec.from}-${spec.to}.${format === 'mmp' ? 'csv' : format}`
}

/** Takes and runs one job; false when another process has it, or it is finished or gone. */
export async function runExport(deps: ExportDeps, id: string): Promise<boolean> {
  const { db, clock } = deps
  const claim = randomUUID()
  const lease = () => new Date(clock.now().getTime() + LEASE_MS).toISOString()
  if (!(await claimExport(db.db, id, claim, clock.now().toISOString(), lease()))) {
    return false
  }
  const job = await findExport(db.db, id)
  if (job === undefined) {
    return false
  }
  const sink = new ChunkSink((seq, bytes) => writeChunk(db.db, id, claim, seq, bytes))
  try {
    const spec = JSON.parse(job.question) as ExportSpec
    const lang: Lang = job.lang === 'en' ? 'en' : 'es'
    let expected = 0
    const progress: OnRows = async (n) => {
      const share = expected > 0 ? Math.min(0.99, n / expected) : 0
      if (!(await reportProgress(db.db, id, claim, share, spec.kind === 'report' ? 0 : n, lease()))) {
        throw new LostClaim()
      }
    }
    let rows: number
    if (spec.kind === 'report') {
      expected = REPORT_SECTIONS
      rows = await writeYearlyReport(db.db, { year: spec.year, unitId: spec.unitId, unitName: spec.unitName }, sink, lang, clock.now().toISOString(), progress)
    } else if (job.format === 'mmp') {
      const table = await mmpTable(db.db, { unitId: spec.unitId, from: spec.from, to: spec.to, only: await unitsOfPlace(db.db, spec.unitId, { border: spec.border, state: spec.state }) })
      expected = table.rowCount ?? 0
      rows = await writeCsv(table, sink, lang, progress)
    } else {
      const table = statTableOf(await tableOf(db.db, { fact: spec.fact ?? 'attended', from: spec.from, to: spec.to, unitId: spec.unitId, by: spec.by, where: { border: spec.border, state: spec.state } }))
      expected = table.rowCount ?? 0
      rows = await writeTable(job.format, table, sink, lang, { question: spec, generatedAt: clock.now().toISOString() }, progress)
    }
    const finishedAt = clock.now()
    const done = await finishExport(db.db, id, claim, { rows, size: sink.size, sha256: sink.digest(), finishedAt: finishedAt.toISOString(), expiresAt: new Date(finishedAt.getTime() + KEEP_MS).toISOString() })
    if (done) {
      deps.logger?.info({ export: id, format: job.format, rows, bytes: sink.size }, 'statistics export done')
    }
    return done
  } catch (error) {
    sink.destroy()
    if (error instanceof LostClaim) {
      return false
    }
    deps.logger?.error({ err: error, export: id }, 'statistics export failed')
    await failExport(db.db, id, claim, 'export_failed', clock.now().toISOString())
    return true
  }
}

/** Runs every job waiting (queued, or left by a process that died), and drops expired files. */
export async function runDueExports(deps: ExportDeps): Promise<{ ran: number; expired: number }> {
  const now = deps.clock.now().toISOString()
  const expired = await deleteExpiredExports(deps.db.db, now)
  let ran = 0
  for (const id of await dueExports(deps.db.db, now)) {
    if (await runExport(deps, id)) {
      ran += 1
    }
  }
  return { ran, expired }
}

// The jobs this process has started and not finished, by database: a test waits for them instead
// of sleeping, and a server stopping can let them end.
const RUNNING = new WeakMap<Db, Set<Promise<unknown>>>()

/** Starts a job in this process without waiting for it; a failure is logged, never thrown. */
export function startExport(deps: ExportDeps, id: string): void {
  const running = RUNNING.get(deps.db) ?? new Set<Promise<unknown>>()
  RUNNING.set(deps.db, running)
  const job = runExport(deps, id)
    .catch((error: unknown) => deps.logger?.error({ err: error, export: id }, 'statistics export failed'))
    .finally(() => running.delete(job))
  running.add(job)
}

/** Resolves once every job this process started on the database has ended. */
export async function exportsSettled(db: Db): Promise<void> {
  for (;;) {
    const running = [...(RUNNING.get(db) ?? [])]
    if (running.length === 0) {
      return
    }
    await Promise.allSettled(running)
  }
}

async function writeTable(format: string, table: StatTable, out: Writable, lang: Lang, meta: { question: ExportSpec; generatedAt: string }, onRows: OnRows): Promise<number> {
  switch (format) {
    case 'xlsx':
      return writeXlsx(table, out, lang, onRows)
    case 'json':
      return writeJson(table, out, lang, { question: meta.question, generatedAt: meta.generatedAt }, onRows)
    case 'pdf': {
      const q = meta.question.kind === 'question' ? meta.question : undefined
      // Drilled into a border or a state, the report says so beside the unit's name.
      const place = [q?.unitName, q?.border === undefined ? undefined : (VALUE_WORDS.border?.[q.border]?.[lang] ?? q.border), q?.state].filter((p) => p !== undefined && p !== '')
      return writePdf(table, out, lang, { subtitle: `${q?.from ?? ''} – ${q?.to ?? ''}`, unit: place.join(' · '), generatedAt: meta.generatedAt.slice(0, 10), year: Number((q?.from ?? meta.generatedAt).slice(0, 4)) }, onRows)
    }
    default:
      return writeCsv(table, out, lang, onRows)
  }
}

/** The job's claim was taken over (its lease ran out): stop, the new taker writes the file. */
class LostClaim extends Error {}

/** A writable that stores what it is given in the database, a megabyte per row, and hashes it. */
class ChunkSink extends Writable {
  size = 0
  private seq = 0
  private pending: Buffer[] = []
  private pendingSize = 0
  private readonly hash = createHash('sha256')

  constructor(private readonly store: (seq: number, bytes: Uint8Array) => Promise<void>) {
    super({ highWaterMark: 256 * 1024 })
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.pending.push(chunk)
    this.pendingSize += chunk.length
    this.size += chunk.length
    this.hash.update(chunk)
    if (this.pendingSize < CHUNK_BYTES) {
      done()
      return
    }
    this.flush().then(() => done(), done)
  }

  override _final(done: (error?: Error | null) => void): void {
    this.flush().then(() => done(), done)
  }

  digest(): string {
    return this.hash.digest('hex')
  }

  private async flush(): Promise<void> {
    if (this.pendingSize === 0) {
      return
    }
    const bytes = Buffer.concat(this.pending)
    this.pending = []
    this.pendingSize = 0
    await this.store(this.seq++, bytes)
  }
}

const CHUNK_BYTES = 1024 * 1024
