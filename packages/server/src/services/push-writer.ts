import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { DomainError, type Actor, type ErrorCode, type Lang, type PushResult } from '@faro/core'
import type { Db } from '../db/open.ts'
import type { Ctx } from './context.ts'
import type { Parsed } from './push.ts'

/** A validated push on its way to the writer thread. */
export interface WriterRequest {
  id: number
  actor: Actor
  requestId: string
  lang: Lang
  /** Arrival time, read on the request's thread so a test clock still rules it. */
  now: number
  deviceId: string
  /** The validated actions (see `packParsed`). */
  parsed: PackedParsed
}

/**
 * The validated actions on their way between threads: everything but the payloads and the audit
 * texts as one JSON text, and each of those apart (a payload as the text the log stores). Strings
 * are cheaper to copy between threads than trees of objects; kept apart, these texts are neither
 * escaped into the envelope's JSON nor unescaped out of it, and the writer rebuilds each payload
 * object from its text instead of serialising it again.
 */
export interface PackedParsed {
  envelopes: string
  payloads: (string | null)[]
  /** The texts of the prepared audit events' chain links. */
  audits: (string | null)[]
}

export function packParsed(parsed: readonly Parsed[]): PackedParsed {
  const payloads: (string | null)[] = []
  const audits: (string | null)[] = []
  const envelopes = parsed.map((p) => {
    if (!('action' in p)) {
      payloads.push(null)
      audits.push(null)
      return p
    }
    const audit = p.prepared.audit
    payloads.push(p.prepared.payloadJson)
    audits.push(audit?.body ?? null)
    return { action: { ...p.action, payload: undefined }, prepared: { ...p.prepared, payloadJson: undefined, audit: audit === undefined ? undefined : { ...audit, body: undefined } } }
  })
  return { envelopes: JSON.stringify(envelopes), payloads, audits }
}

export function unpackParsed(packed: PackedParsed): Parsed[] {
  const parsed = JSON.parse(packed.envelopes) as Parsed[]
  for (const [i, p] of parsed.entries()) {
    const text = packed.payloads[i]
    if ('action' in p && typeof text === 'string') {
      p.prepared.payloadJson = text
      p.action.payload = JSON.parse(text) as Record<string, unknown>
      const body = packed.audits[i]
      if (p.prepared.audit !== undefined && typeof body === 'string') {
        p.prepared.audit.body = body
      }
    }
  }
  return parsed
}

export type WriterReply =
  | { id: number; results: PushResult[] }
  | { id: number; error: { code: ErrorCode; message: string; details: DomainError['details'] } }
  | { id: number; failure: { message: string; stack?: string } }

interface Pending {
  resolve: (results: PushResult[]) => void
  reject: (error: unknown) => void
}

const writers = new WeakMap<Db, PushWriter>()

/** The writer thread serving this database's pushes, if one was started. */
export function pushWriterOf(db: Db): PushWriter | undefined {
  return writers.get(db)
}

/**
 * Starts a thread that applies this SQLite database's sync pushes on a connection of its own.
 *
 * A push is CPU work on both sides of the log: parsing, schema validation and content hashes
 * before it, the checks, inserts, audit chain and commit inside it. On one thread they take
 * turns, and the thread also waits for every fsync. With the writer apart, the request thread
 * validates the next pushes while the writer commits the previous ones, and the pushes that
 * arrive during a commit form the writer's next group. Both connections take SQLite's write
 * lock at BEGIN (db/statement-cache.ts), so writes from the two threads stay serialised exactly
 * as on one connection. PostgreSQL needs none of this: its pool already writes in parallel.
 */
export function startPushWriter(db: Db, file: string, onFailure: (error: Error) => void = () => undefined): PushWriter {
  // A writer that died or was closed hands the database back to the request thread: later
  // pushes are applied inline.
  const writer = new PushWriter(file, () => writers.delete(db), onFailure)
  writers.set(db, writer)
  return writer
}

export class PushWriter {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private readonly exited: Promise<void>
  private readonly onGone: () => void
  private next = 1
  private gone = false
  private closing: Promise<void> | undefined

  constructor(file: string, onGone: () => void, onFailure: (error: Error) => void) {
    this.onGone = onGone
    // tsx is registered inside the thread: a worker does not inherit the loader hooks of --import.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href
    const entry = new URL('./push-writer-thread.ts', import.meta.url).href
    this.worker = new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`, {
      eval: true,
      workerData: { file },
    })
    // The HTTP server keeps the process alive while pushes wait; the thread alone should not.
    this.worker.unref()
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()))
    this.worker.on('message', (reply: WriterReply) => this.settle(reply))
    const fail = (error: Error) => {
      const unexpected = !this.gone
      this.leave()
      // Not committed, or committed and not answered: either way the devices send them again.
      for (const p of this.pending.values()) {
        p.reject(error)
      }
      this.pending.clear()
      if (unexpected) {
        onFailure(error)
      }
    }
    this.worker.on('error', fail)
    this.worker.on('exit', (code) => fail(new Error(`the push writer thread exited (code ${code})`)))
  }

  /** Applies a validated push on the writer thread; resolves after its commit. */
  push(caller: Ctx, deviceId: string, parsed: Parsed[]): Promise<PushResult[]> {
    const id = this.next++
    const request: WriterRequest = { id, actor: caller.actor, requestId: caller.requestId, lang: caller.lang, now: caller.clock.now().getTime(), deviceId, parsed: packParsed(parsed) }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage(request)
    })
  }

  /**
   * Lets the pushes already sent finish and commit, then stops the thread and its connection.
   * Messages wait in the thread's queue until it listens, so this also works while it starts.
   */
  close(): Promise<void> {
    if (this.closing === undefined) {
      this.leave()
      this.worker.postMessage('close')
      this.closing = this.exited
    }
    return this.closing
  }

  private leave(): void {
    this.gone = true
    this.onGone()
  }

  private settle(reply: WriterReply): void {
    const p = this.pending.get(reply.id)
    if (p === undefined) {
      return
    }
    this.pending.delete(reply.id)
    if ('results' in reply) {
      p.resolve(reply.results)
    } else if ('error' in reply) {
      p.reject(new DomainError(reply.error.code, reply.error.message, reply.error.details))
    } else {
      const error = new Error(reply.failure.message)
      error.stack = reply.failure.stack
      p.reject(error)
    }
  }
}
