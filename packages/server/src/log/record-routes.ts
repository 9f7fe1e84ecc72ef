import { Hono } from 'hono'
import { AppendResult, GenericRecordType, HistoryEntry, parseOnlineAction, RecordId, RecordView, parseInput, IsoDateTime } from '@faro/core'
import { z } from 'zod'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe, tagMiddleware } from '../http/openapi.ts'
import { query, readJson } from '../http/validate.ts'
import { listVisibleRecords, markReviewed, readRecord, submitAction } from './records.ts'
import { OnlineActionInput } from '@faro/core'
import { listActionsOfRecord } from './actions-repo.ts'

const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
  unit: RecordId.optional().describe('only records of this unit and the units below it'),
  updatedSince: IsoDateTime.optional(),
  needsReview: z.enum(['true']).optional().describe('only records flagged for review (concurrent changes of one field)'),
  order: z.enum(['changed', 'occurred']).default('changed').describe('changed: newest change first; occurred: latest work first (its at, startedAt or foundAt)'),
})


export function recordRoutes() {
  const app = new Hono<AppEnv>()

  // The body is validated in two steps (envelope, then the payload schema its type names), so
  // the validator is written inline and only tagged for the OpenAPI document.
  const actionBody = tagMiddleware(async (_c, next) => next(), { body: OnlineActionInput })

  app.post(
    '/actions',
    describe({
      summary: 'Append one action to the log. Same id and content again: duplicate (200); same id, other content: 409',
      tags: ['records'],
      errors: [409],
      responses: { 201: { description: 'Accepted', schema: AppendResult }, 200: { description: 'Duplicate of an accepted action', schema: AppendResult } },
    }),
    requireAuth,
    actionBody,
    async (c) => {
      const ctx = c.get('ctx')
      const action = parseOnlineAction(await readJson(c), ctx.lang)
      const result = await submitAction(ctx, action)
      return c.json(result, result.status === 'accepted' ? 201 : 200)
    },
  )

  app.get('/:type', describe({ summary: 'Records of a type the caller may see, newest change first or latest work first', tags: ['records'], responses: { 200: { description: 'A page', schema: z.object({ items: z.array(RecordView), next: z.string().nullable() }) } } }), requireAuth, query(ListQuery), async (c) => {
    const ctx = c.get('ctx')
    const type = parseInput(GenericRecordType, c.req.param('type'), ctx.lang, 'type')
    const q = c.req.valid('query')
    return c.json(await listVisibleRecords(ctx, type, { limit: q.limit, order: q.order, cursor: q.cursor, underUnitId: q.unit, updatedSince: q.updatedSince, needsReview: q.needsReview === 'true' }))
  })

  app.get('/:type/:id', describe({ summary: 'One record', tags: ['records'], responses: { 200: { description: 'The record', schema: RecordView } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    const type = parseInput(GenericRecordType, c.req.param('type'), ctx.lang, 'type')
    return c.json(await readRecord(ctx, type, c.req.param('id')))
  })

  app.post(
    '/:type/:id/review',
    describe({ summary: 'Clear the review flag of a record after looking at its history (needs the right to change it)', tags: ['records'], responses: { 200: { description: 'The record', schema: RecordView } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      const type = parseInput(GenericRecordType, c.req.param('type'), ctx.lang, 'type')
      return c.json(await markReviewed(ctx, type, c.req.param('id')))
    },
  )

  app.get('/:type/:id/history', describe({ summary: 'The actions of one record, in log order', tags: ['records'], responses: { 200: { description: 'Its actions', schema: z.object({ items: z.array(HistoryEntry) }) } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    const type = parseInput(GenericRecordType, c.req.param('type'), ctx.lang, 'type')
    const record = await readRecord(ctx, type, c.req.param('id'))
    const rows = await listActionsOfRecord(ctx.db.db, type, record.recordId)
    return c.json({
      items: rows.map((r) => ({ seq: Number(r.seq), id: r.id, type: r.type, payload: JSON.parse(r.payload) as unknown, actorId: r.actorId, deviceId: r.deviceId, baseVersion: r.baseVersion === null ? null : Number(r.baseVersion), clientTime: r.clientTime, receivedAt: r.receivedAt })),
    })
  })

  return app
}
