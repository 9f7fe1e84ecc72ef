import { z } from 'zod'
import { MAX_DEVICE_COUNTER } from '../actions/schemas.ts'
import { RecordType } from '../records/registry.ts'
import { IsoDateTime, RecordId, UuidV7 } from '../util/ids.ts'

/** At most this many actions in one push; a longer batch is refused with 413. */
export const MAX_PUSH_ACTIONS = 100
/** At most this many bytes of a push on the wire (after gzip when the client compresses). */
export const MAX_PUSH_WIRE_BYTES = 64 * 1024
/** At most this many bytes once a gzip body is inflated: a small bomb cannot fill the memory. */
export const MAX_PUSH_INFLATED_BYTES = 1024 * 1024
/** Changes per pull page, at most. */
export const MAX_PULL_LIMIT = 500

/** A device id: generated on the device, e.g. a UUIDv7 without dashes. */
export const DeviceId = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
  .describe('chosen by the device: 16–64 characters of A-Z a-z 0-9 _ -')
export type DeviceId = z.infer<typeof DeviceId>

/** Body of POST /api/sync/devices. */
export const RegisterDeviceInput = z.strictObject({
  deviceId: DeviceId,
  label: z.string().max(80).optional().describe('e.g. "Moto G, unidad 3"'),
})
export type RegisterDeviceInput = z.infer<typeof RegisterDeviceInput>

export const RegisterDeviceResult = z.object({ deviceId: DeviceId, registeredAt: IsoDateTime })
export type RegisterDeviceResult = z.infer<typeof RegisterDeviceResult>

/** One action of a push: an action without its device id, which the batch names once. */
export const PushAction = z.strictObject({
  id: UuidV7,
  deviceCounter: z.number().int().min(1).max(MAX_DEVICE_COUNTER).describe('the device counter: 1, 2, 3… never reused'),
  recordType: RecordType,
  recordId: RecordId,
  type: z.string().min(1).max(64),
  payload: z.record(z.string(), z.unknown()),
  clientTime: IsoDateTime.optional().describe('the device clock; informative only, may be wrong by days'),
  baseVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional()
    .describe('on a change, the record version the device had seen; see "Concurrent edits" in docs/sync.md'),
})
export type PushAction = z.infer<typeof PushAction>

/**
 * Body of POST /api/sync/push. Actions are validated one by one (a bad one is `rejected`, the
 * others go on), so the envelope only bounds their number.
 */
export const PushRequest = z.strictObject({
  deviceId: DeviceId,
  actions: z.array(z.unknown()).min(1).max(MAX_PUSH_ACTIONS).describe('each a PushAction, checked one by one'),
}).meta({
  examples: [
    {
      deviceId: 'example-phone-0001',
      actions: [
        {
          id: '019ae9a0-0000-7000-8000-000000000002',
          deviceCounter: 1,
          recordType: 'attention',
          recordId: 'att-example-0002',
          type: 'AttentionRecorded',
          payload: { orgUnitId: 'beta-tijuana', at: '2026-12-01T09:00:00.000Z', setting: 'desert', people: [{ count: 2 }], services: ['water'] },
          clientTime: '2026-12-01T09:00:05.000Z',
        },
      ],
    },
  ],
})
export type PushRequest = z.infer<typeof PushRequest>

export const PushStatus = z.enum(['accepted', 'duplicate', 'conflict', 'rejected'])
export type PushStatus = z.infer<typeof PushStatus>

/** Why an action was not taken; stable codes. */
export const PushReason = z.enum([
  'id_reused',
  'device_counter_reused',
  'invalid',
  'forbidden',
  'record_missing',
  'record_exists',
])
export type PushReason = z.infer<typeof PushReason>

export const PushFieldError = z.object({ field: z.string(), code: z.string(), message: z.string() })

/** The answer for one action, in the order sent. */
export const PushResult = z.object({
  id: z.string().describe('the action id as sent (may be invalid when rejected)'),
  status: PushStatus,
  seq: z.number().int().optional().describe('log sequence number, when accepted or duplicate'),
  reason: PushReason.optional(),
  errors: z.array(PushFieldError).optional(),
  review: z.literal(true).optional()
    .describe('accepted, and the record is flagged for review: another device changed one of the same fields after the version this change was made on'),
})
export type PushResult = z.infer<typeof PushResult>

export const PushResponse = z.object({ results: z.array(PushResult) })
export type PushResponse = z.infer<typeof PushResponse>

/** Query of GET /api/sync/pull. */
export const PullQuery = z.strictObject({
  cursor: z.string().regex(/^\d{1,15}$/).optional().describe('opaque; from the previous answer, absent at first'),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(200),
  deviceId: DeviceId.optional().describe('the pulling device: checked for revocation, its last contact noted'),
})
export type PullQuery = z.infer<typeof PullQuery>

export const PullChange = z.object({
  recordType: RecordType,
  recordId: z.string(),
  orgUnitId: z.string(),
  ownerId: z.string(),
  version: z.number().int(),
  priority: z.boolean(),
  state: z.record(z.string(), z.unknown()),
})
export type PullChange = z.infer<typeof PullChange>

export const PullResponse = z.object({
  changes: z.array(PullChange).describe('oldest change first'),
  cursor: z.string().nullable().describe('send it back as ?cursor=; null when nothing was ever seen'),
  more: z.boolean(),
})
export type PullResponse = z.infer<typeof PullResponse>

/** A closed range of counters, both ends included. */
export const CounterRange = z.object({ from: z.number().int(), to: z.number().int() })
export type CounterRange = z.infer<typeof CounterRange>

/** One device as coordinators see it: who, and how its sync is doing. */
export const DeviceHealth = z.object({
  deviceId: DeviceId,
  label: z.string().nullable(),
  userId: z.string(),
  orgUnitId: z.string(),
  registeredAt: IsoDateTime,
  revokedAt: IsoDateTime.nullable(),
  lastContactAt: IsoDateTime.nullable(),
  lastPushAt: IsoDateTime.nullable(),
  maxCounter: z.number().int().describe('highest device counter in the log; 0 when none'),
  missingRanges: z.array(CounterRange).describe('counters between 1 and maxCounter not in the log'),
  rejections: z.number().int(),
  conflicts: z.number().int(),
  latestRejections: z.array(z.object({ actionId: z.string(), reason: z.string(), at: IsoDateTime })),
})
export type DeviceHealth = z.infer<typeof DeviceHealth>

export const DevicesQuery = z.strictObject({
  unit: RecordId.optional().describe('only devices of this unit and the units below it'),
  limit: z.coerce.number().int().min(1).max(500).default(200).describe('devices per page'),
  cursor: z.string().max(400).optional().describe('the `next` of the previous page'),
})
export type DevicesQuery = z.infer<typeof DevicesQuery>

/** A summary of the field work of a unit. */
/** Today, the last seven days including today, this calendar month or year; days as lived in Mexico. */
export const SummaryPeriod = z.enum(['today', 'week', 'month', 'year'])
export type SummaryPeriod = z.infer<typeof SummaryPeriod>

export const FieldSummaryQuery = z.strictObject({
  unit: RecordId.optional().describe('default: the caller\'s unit'),
  period: SummaryPeriod.default('today'),
})
export type FieldSummaryQuery = z.infer<typeof FieldSummaryQuery>

export const FieldCounts = z.object({
  patrols: z.number().int(),
  attentions: z.number().int(),
  peopleAttended: z.number().int(),
  rescues: z.number().int(),
  peopleRescued: z.number().int(),
  remains: z.number().int(),
  priority: z.number().int().describe('records with a vulnerable person'),
})
export type FieldCounts = z.infer<typeof FieldCounts>

const Tally = z.array(z.object({ value: z.string(), count: z.number().int() })).describe('most people first')

/** People attended or rescued in the period, by what is known of them without identity. */
export const PeopleBreakdown = z.object({
  sex: Tally,
  ageBand: Tally,
  nationality: Tally.describe('ISO 3166-1 alpha-2 codes, or unknown'),
  vulnerability: Tally.describe('a person with two vulnerabilities counts under each'),
})
export type PeopleBreakdown = z.infer<typeof PeopleBreakdown>

export const FieldSummary = z.object({
  unit: z.string(),
  period: SummaryPeriod,
  from: IsoDateTime,
  to: IsoDateTime,
  total: FieldCounts,
  byGroup: z.array(z.object({ orgUnitId: z.string(), name: z.string(), border: z.string().nullable(), counts: FieldCounts })),
  byBorder: z.array(z.object({ border: z.string(), counts: FieldCounts })),
  people: PeopleBreakdown,
  points: z.array(
    z.object({ recordType: z.enum(['patrol', 'attention', 'rescue', 'remains']), recordId: z.string(), lat: z.number(), lon: z.number(), at: z.string(), priority: z.boolean() }),
  ),
})
export type FieldSummary = z.infer<typeof FieldSummary>
