import { parentPort, workerData } from 'node:worker_threads'
import { DomainError } from '@faro/core'
import { openDb } from '../../db/open.ts'
import { applyParsed } from './push.ts'
import { unpackParsed, type WriterReply, type WriterRequest } from './push-writer.ts'

// The writer thread of field/sync/push-writer.ts: applies validated pushes on its own connection,
// through the same group commit as the request thread would, and answers after each commit.

const port = parentPort
if (port === null) {
  throw new Error('push-writer-thread.ts runs as a worker thread')
}
const db = openDb({ kind: 'sqlite', file: (workerData as { file: string }).file })
let inFlight = 0
let closing = false

port.on('message', (message: WriterRequest | 'close') => {
  if (message === 'close') {
    closing = true
    void closeWhenIdle()
    return
  }
  const now = new Date(message.now)
  inFlight += 1
  applyParsed({ db, clock: { now: () => now }, actor: message.actor, requestId: message.requestId, lang: message.lang }, message.deviceId, unpackParsed(message.parsed))
    .then(
      (results): WriterReply => ({ id: message.id, results }),
      (error: unknown): WriterReply =>
        error instanceof DomainError
          ? { id: message.id, error: { code: error.code, message: error.message, details: error.details } }
          : { id: message.id, failure: { message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) } },
    )
    .then((reply) => {
      port.postMessage(reply)
      inFlight -= 1
      void closeWhenIdle()
    })
})

async function closeWhenIdle(): Promise<void> {
  if (closing && inFlight === 0) {
    closing = false
    await db.close()
    port?.close()
  }
}
