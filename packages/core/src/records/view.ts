import { z } from 'zod'
import { RecordType } from './registry.ts'

const UTC_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * When the work a record describes happened (`at`, a patrol's `startedAt`, remains' `foundAt`),
 * as a UTC ISO instant so that text order is time order; undefined for records without one
 * (places).
 */
export function eventTimeOf(state: Readonly<Record<string, unknown>>): string | undefined {
  const t = state.at ?? state.startedAt ?? state.foundAt
  if (typeof t !== 'string') {
    return undefined
  }
  // Most times arrive already in UTC's own form: kept as they are rather than parsed twice.
  if (UTC_FORM.test(t)) {
    return t
  }
  return Number.isNaN(Date.parse(t)) ? undefined : new Date(t).toISOString()
}

/** One record as the API shows it: its projection (`state`, the fold of its actions) and flags. */
export const RecordView = z.object({
  recordType: RecordType,
  recordId: z.string(),
  orgUnitId: z.string(),
  ownerId: z.string(),
  state: z.record(z.string(), z.unknown()),
  priority: z.boolean().describe('a counted person is vulnerable'),
  demo: z.boolean().describe('generated demo data'),
  version: z.number().int().describe('sequence number of the last action; send it as baseVersion with a change'),
  needsReview: z.boolean().describe('two devices changed one field without seeing each other\'s change; see the history'),
  createdAt: z.string(),
  updatedAt: z.string(),
  occurredAt: z.string().describe('when the work it records happened (its at, startedAt or foundAt), else when it was created'),
})
export type RecordView = z.infer<typeof RecordView>

/** One action of a record's history (GET /api/records/:type/:id/history), in log order. */
export const HistoryEntry = z.object({
  seq: z.number().int(),
  id: z.string(),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  actorId: z.string(),
  deviceId: z.string().nullable().describe('the device that sent it; null for a change made online'),
  baseVersion: z.number().int().nullable().describe('the record version the change was made on, when the client said'),
  clientTime: z.string().nullable(),
  receivedAt: z.string(),
})
export type HistoryEntry = z.infer<typeof HistoryEntry>
