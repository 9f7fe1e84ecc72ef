import { halveBatchSize, MAX_PUSH_WIRE_BYTES, splitBatches } from '@faro/core'
import type { FieldStore } from './store.ts'
import { PushError, type PushAction, type PushFailureKind, type PushResult, type PushTransport } from './types.ts'

/** What one "sync now" did, told honestly: nothing is called sent unless the server said so. */
export interface SyncReport {
  /** Actions the server accepted now. */
  accepted: number
  /** Actions the server already had (a repeat of a lost answer): also safe to drop. */
  duplicates: number
  /** Accepted actions whose record is now flagged for review: another device changed the same field. */
  reviews: number
  /** Actions moved to "needs attention", with the server's reason. */
  problems: PushResult[]
  /** Actions still waiting on the device after this run. */
  stillPending: number
  /** Why the run stopped early, when it did. */
  failure: PushFailureKind | undefined
}

export interface SyncOptions {
  /** Start with batches of this many; halved on 413 or timeout (docs/sync.md). */
  batchSize?: number
}

// Gzip makes JSON about six times smaller; staying under the wire limit uncompressed leaves margin.
const MAX_BATCH_JSON_BYTES = MAX_PUSH_WIRE_BYTES

/** Where pending actions come from and where answers go: the device outbox, or an imported file. */
export interface PendingSource {
  pending(): Promise<PushAction[]>
  applyResults(results: readonly PushResult[]): Promise<void>
  pendingCount(): Promise<number>
}

/** The device outbox opened with the PIN key. */
export function storeSource(store: FieldStore, key: CryptoKey): PendingSource {
  return {
    pending: () => store.pending(key),
    applyResults: (results) => store.applyResults(results),
    pendingCount: async () => (await store.counts()).pending,
  }
}

/**
 * Pushes every pending action of a source, oldest counter first. Each batch's answers are
 * written before the next batch goes, so an interrupted run loses no acknowledgement. An action
 * leaves the pending set only on `accepted` or `duplicate`.
 */
export async function pushPending(source: PendingSource, deviceId: string, transport: PushTransport, options: SyncOptions = {}): Promise<SyncReport> {
  const report: SyncReport = { accepted: 0, duplicates: 0, reviews: 0, problems: [], stillPending: 0, failure: undefined }
  let queue = await source.pending()
  let size = options.batchSize ?? 100
  while (queue.length > 0) {
    const batch = splitBatches(queue, { maxCount: size, maxBytes: MAX_BATCH_JSON_BYTES })[0] ?? []
    let results: PushResult[]
    try {
      results = checkAnswer(batch, await transport(deviceId, batch))
    } catch (error) {
      const kind = error instanceof PushError ? error.kind : 'network'
      if ((kind === 'too_large' || kind === 'timeout') && batch.length > 1) {
        size = halveBatchSize(batch.length)
        continue
      }
      report.failure = kind
      break
    }
    await source.applyResults(results)
    for (const result of results) {
      if (result.status === 'accepted') {
        // Accepted all the same: the flag asks the coordination to look, not the device to resend.
        report.accepted += 1
        report.reviews += result.review ? 1 : 0
      } else if (result.status === 'duplicate') {
        report.duplicates += 1
      } else {
        report.problems.push(result)
      }
    }
    const answered = new Set(results.map((r) => r.id))
    queue = queue.filter((action) => !answered.has(action.id))
    if (answered.size < batch.length) {
      // Unanswered actions stay pending for the next run rather than being resent in a loop.
      report.failure = 'bad_answer'
      break
    }
  }
  report.stillPending = await source.pendingCount()
  return report
}

/**
 * Keeps only answers that match what was sent, one per action: a short or foreign answer must
 * never make the device forget an action the server did not take.
 */
function checkAnswer(batch: readonly PushAction[], results: readonly PushResult[]): PushResult[] {
  const sent = new Set(batch.map((a) => a.id))
  const seen = new Set<string>()
  const kept = results.filter((r) => {
    const ok = sent.has(r.id) && !seen.has(r.id)
    seen.add(r.id)
    return ok
  })
  if (kept.length === 0) {
    throw new PushError('bad_answer')
  }
  return kept
}
