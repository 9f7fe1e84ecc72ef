import { MAX_PUSH_ACTIONS } from './schemas.ts'

/** Limits a client applies when it cuts its outbox into pushes. */
export interface BatchLimits {
  /** At most this many items per batch; default 100. */
  maxCount?: number
  /** At most this many estimated bytes per batch; an item larger on its own still gets a batch. */
  maxBytes?: number
  /** The estimated size of an item; default: its JSON length in UTF-16 units. */
  sizeOf?: (item: unknown) => number
}

/**
 * Cuts items into consecutive batches within a count and an estimated size, keeping their order
 * (the outbox sends oldest first, so a record's creation travels before its corrections).
 * @example splitBatches([1, 2, 3, 4, 5], { maxCount: 2 }) // [[1, 2], [3, 4], [5]]
 */
export function splitBatches<T>(items: readonly T[], limits: BatchLimits = {}): T[][] {
  const maxCount = Math.max(1, Math.min(limits.maxCount ?? MAX_PUSH_ACTIONS, MAX_PUSH_ACTIONS))
  const maxBytes = limits.maxBytes ?? Number.POSITIVE_INFINITY
  const sizeOf = limits.sizeOf ?? estimateJsonSize
  const batches: T[][] = []
  let current: T[] = []
  let bytes = 0
  for (const item of items) {
    const size = sizeOf(item)
    if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(item)
    bytes += size
  }
  if (current.length > 0) {
    batches.push(current)
  }
  return batches
}

/**
 * The batch size to try after a 413 or a timeout: half, never below one.
 * @example halveBatchSize(100) // 50
 */
export function halveBatchSize(size: number): number {
  return Math.max(1, Math.floor(size / 2))
}

/** The JSON length of a value plus a comma: what it adds to a batch before compression. */
export function estimateJsonSize(item: unknown): number {
  return (JSON.stringify(item)?.length ?? 0) + 1
}
