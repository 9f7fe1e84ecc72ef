import type { HistoryEntry } from '../../api/types.ts'

/** A payload value as plain text; linked people only as how many, never who. */
export type ValueText = { kind: 'text'; text: string } | { kind: 'people'; count: number }

/** One field an action set, as the review screen shows it. */
export interface FieldChange {
  field: string
  value: ValueText
  /** The value as the action carried it, for a screen to put into words. */
  raw: unknown
  /** No later action set the field again: this is the value the record has now. */
  current: boolean
  /** Two sources (devices, or accounts without one) changed this field without seeing each other. */
  contested: boolean
}

/** One action of the record's history, with the fields it set. */
export interface ReviewStep {
  seq: number
  /** The first action of the record (its creation) rather than a correction. */
  created: boolean
  deviceId: string | null
  receivedAt: string
  changes: FieldChange[]
}

export interface ReviewView {
  steps: ReviewStep[]
  /** Fields corrected from more than one source, in the order they first appear. */
  contested: string[]
}

/**
 * Turns a record's history into what a coordinator needs to review concurrent edits: which
 * fields each change set, which value is in the record now (the later server sequence wins)
 * and which fields were corrected from more than one device.
 */
export function reviewView(history: readonly HistoryEntry[]): ReviewView {
  const ordered = [...history].sort((a, b) => a.seq - b.seq)
  const lastSetter = new Map<string, number>()
  for (const entry of ordered) {
    for (const field of Object.keys(entry.payload)) {
      lastSetter.set(field, entry.seq)
    }
  }
  // As the server decides: a change made on version b, and a change of the same field from
  // another source after b that it did not see.
  const contestedSet = new Set<string>()
  for (const later of ordered) {
    const base = later.baseVersion
    if (base === null) {
      continue
    }
    for (const earlier of ordered) {
      if (earlier.seq > base && earlier.seq < later.seq && sourceOf(earlier) !== sourceOf(later)) {
        for (const field of Object.keys(later.payload)) {
          if (Object.hasOwn(earlier.payload, field)) {
            contestedSet.add(field)
          }
        }
      }
    }
  }
  const contested = ordered.flatMap((entry) => Object.keys(entry.payload)).filter((field, i, all) => contestedSet.has(field) && all.indexOf(field) === i)
  const steps = ordered.map(
    (entry, index): ReviewStep => ({
      seq: entry.seq,
      created: index === 0,
      deviceId: entry.deviceId,
      receivedAt: entry.receivedAt,
      changes: Object.entries(entry.payload).map(([field, value]) => ({
        field,
        value: valueText(field, value),
        raw: value,
        current: lastSetter.get(field) === entry.seq,
        contested: contested.includes(field),
      })),
    }),
  )
  return { steps, contested }
}

/** A change made without a device is told apart by its account, as the server does. */
function sourceOf(entry: HistoryEntry): string {
  return entry.deviceId === null ? `account:${entry.actorId}` : `device:${entry.deviceId}`
}

/** Plain text for any payload value; person ids are counted, never shown. */
export function valueText(field: string, value: unknown): ValueText {
  if (field === 'personIds') {
    return { kind: 'people', count: Array.isArray(value) ? value.length : 0 }
  }
  if (typeof value === 'string') {
    return { kind: 'text', text: value }
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'text', text: String(value) }
  }
  if (value === null || value === undefined) {
    return { kind: 'text', text: '—' }
  }
  return { kind: 'text', text: JSON.stringify(value) }
}
