import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { DomainError, type ActionInput, type Actor, type ErrorCode, type Lang, type PushResult } from '@faro/core'
import type { Db } from '../../db/open.ts'
import type { Ctx } from '../../log/context.ts'
import type { PreparedAudit } from '../../log/audit.ts'
import type { Prepared } from '../../log/log.ts'
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
 * The validated actions on their way between threads, member by member: one array per member
 * of an action, each entry's in its place, and the entries validation refused apart as JSON.
 * Arrays of strings and numbers are cheap to copy between threads, where a JSON text of the
 * actions costs a serialisation here and a parse there, and a tree of objects costs more still.
 * A payload travels as the text the log stores; the writer rebuilds the object from it.
 */
export interface PackedParsed {
  /** The refused entries, as JSON: `[position, entry]` pairs. */
  invalid: string
  id: string[]
  recordType: ActionInput['recordType'][]
  recordId: string[]
  type: string[]
  clientTime: (string | undefined)[]
  deviceId: (string | undefined)[]
  deviceCounter: (number | undefined)[]
  baseVersion: (number | undefined)[]
  actorId: string[]
  hash: string[]
  payloadJson: string[]
  auditId: (string | undefined)[]
  auditAt: (string | undefined)[]
  auditBody: (string | undefined)[]
}

// Every member of an action and of its preparation, so that a new one is a compile error here
// until packParsed and unpackParsed carry it.
const PACKED = {
  action: { id: true, recordType: true, recordId: true, type: true, payload: true, clientTime: true, deviceId: true, deviceCounter: true, baseVersion: true } satisfies Record<keyof ActionInput, true>,
  prepared: { actorId: true, hash: true, payloadJson: true, audit: true } satisfies Record<keyof Prepared, true>,
  audit: { id: true, at: true, body: true } satisfies Record<keyof PreparedAudit, true>,
}
void PACKED

export function packParsed(parsed: readonly Parsed[]): PackedParsed {
  const out: PackedParsed = { invalid: '', id: [], recordType: [], recordId: [], type: [], clientTime: [], deviceId: [], deviceCounter: [], baseVersion: [], actorId: [], hash: [], payloadJson: [], auditId: [], auditAt: [], auditBody: [] }
  const invalid: [number, Parsed][] = []
  for (const [i, p] of parsed.entries()) {
    if (!('action' in p)) {
      invalid.push([i, p])
      continue
    }
    const { action: a, prepared } = p
    out.id.push(a.id)
    out.recordType.push(a.recordType)
    out.recordId.push(a.recordId)
    out.type.push(a.type)
    out.clientTime.push(a.clientTime)
    out.deviceId.push(a.deviceId)
    out.deviceCounter.push(a.deviceCounter)
    out.baseVersion.push(a.baseVersion)
    out.actorId.push(prepared.actorId)
    out.hash.push(prepared.hash)
    out.payloadJson.push(prepared.payloadJson)
    out.auditId.push(prepared.audit?.id)
    out.auditAt.push(prepared.audit?.at)
    out.auditBody.push(prepared.audit?.body)
  }
  out.invalid = JSON.stringify(invalid)
  return out
}

export function unpackParsed(packed: PackedParsed): Parsed[] {
  const invalid = JSON.parse(packed.invalid) as [number, Parsed][]
  const parsed: Parsed[] = []
  for (let i = 0; i < packed.id.length; i++) {
    const payloadJson = member(packed.payloadJson, i)
    const action: ActionInput = {
      id: member(packed.id, i),
      recordType: member(packed.recordType, i),
      recordId: member(packed.recordId, i),
      type: member(packed.type, i),
      payload: JSON.parse(payloadJson) as Record<string, unknown>,
    }
    // Absent members stay absent, as validation left them.
    const clientTime = packed.clientTime[i]
    const deviceId = packed.deviceId[i]
    const deviceCounter = packed.deviceCounter[i]
    const baseVersion = packed.baseVersion[i]
    if (clientTime !== undefined) {
      action.clientTime = clientTime
    }
    if (deviceId !== undefined) {
      action.deviceId = deviceId
    }
    if (deviceCounter !== undefined) {
      action.deviceCounter = deviceCounter
    }
    if (baseVersion !== undefined) {
      action.baseVersion = baseVersion
    }
    const prepared: Prepared = { actorId: member(packed.actorId, i), hash: member(packed.hash, i), payloadJson }
    const [auditId, at, body] = [packed.auditId[i], packed.auditAt[i], packed.auditBody[i]]
    if (auditId !== undefined && at !== undefined && body !== undefined) {
      prepared.audit = { id: auditId, at, body }
    }
    parsed.push({ action, prepared })
  }
  for (const [at, entry] of invalid) {
    parsed.splice(at, 0, entry)
  }
  return parsed
}

function member<T>(column: readonly (T | undefined)[], i: number): T {
  const value = column[i]
  if (value === undefined) {
    throw new Error(`a packed push lost a member of its action ${i}`)
  }
  return value
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
