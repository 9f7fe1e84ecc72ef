import { z } from 'zod'
import { IsoDateTime, RecordId, UuidV7 } from '../util/ids.ts'
import { RecordType } from '../records/registry.ts'

export const MAX_DEVICE_COUNTER = 2 ** 31 - 1

// The members of every action, wherever it comes from.
const ActionFields = {
  id: UuidV7,
  recordType: RecordType,
  recordId: RecordId.describe('the record this action changes; chosen by the client at creation'),
  type: z.string().min(1).max(64).describe('past-tense action type, e.g. AttentionRecorded'),
  // Any object: its own schema (by record and action type) checks it next. A loose object
  // passes its members through as they are, where a record would check each key and value.
  payload: z.looseObject({}),
  clientTime: IsoDateTime.optional().describe('the device clock when the action was made; informative only'),
  baseVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional()
    .describe('on a change, the record version the device had seen; a change of the same field by another device since flags the record for review'),
}

/**
 * An action sent on its own (`POST /api/records/actions`): no device id or counter, which only a
 * sync push carries, after its device checks.
 */
export const OnlineActionInput = z.strictObject(ActionFields).meta({
  examples: [
    {
      id: '019ae9a0-0000-7000-8000-000000000001',
      recordType: 'attention',
      recordId: 'att-example-0001',
      type: 'AttentionRecorded',
      payload: { orgUnitId: 'beta-tijuana', at: '2026-12-01T09:00:00.000Z', setting: 'rail_tracks', people: [{ count: 4 }], services: ['water', 'food', 'orientation'] },
    },
  ],
})
export type OnlineActionInput = z.infer<typeof OnlineActionInput>

/**
 * An action as a client sends it: the one way data changes. The payload is validated
 * against its record type's schema separately (see `parseActionPayload`).
 */
export const ActionInput = z.strictObject({
  ...ActionFields,
  deviceId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/).optional(),
  deviceCounter: z.number().int().min(1).max(MAX_DEVICE_COUNTER).optional(),
}).refine((a) => (a.deviceId === undefined) === (a.deviceCounter === undefined), {
  message: 'faro.device_pair',
  path: ['deviceCounter'],
})
export type ActionInput = z.infer<typeof ActionInput>

/** An action as stored in the log. */
export const StoredAction = z.object({
  seq: z.number().int(),
  id: z.string(),
  recordType: RecordType,
  recordId: z.string(),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  actorId: z.string(),
  orgUnitId: z.string(),
  deviceId: z.string().nullable(),
  deviceCounter: z.number().int().nullable(),
  clientTime: z.string().nullable(),
  receivedAt: z.string(),
})
export type StoredAction = z.infer<typeof StoredAction>

/** The result of appending one action: a new entry, or a harmless repeat of one. */
export const AppendResult = z.object({
  status: z.enum(['accepted', 'duplicate']),
  seq: z.number().int(),
  id: z.string(),
})
export type AppendResult = z.infer<typeof AppendResult>
