import { Hono } from 'hono'
import { z } from 'zod'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { query } from '../http/validate.ts'
import { listAudit, verifyAudit } from './audit-repo.ts'
import { authorize } from '../accounts/accounts.ts'

const AuditQuery = z.strictObject({
  before: z.coerce.number().int().min(1).optional().describe('sequence number to page back from'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  decision: z.enum(['allowed', 'denied']).optional().describe('only events with this decision'),
  action: z.string().regex(/^[a-z_]+\.[a-z_]+$/).max(64).optional().describe('only events of this action, e.g. person.reveal'),
  excludeOwn: z.enum(['true']).optional().describe("leave out the caller's own events, its views of the audit among them"),
})

/** One audit event: who, with which role and unit, did what to which record, and the decision. */
const AuditEvent = z.strictObject({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  requestId: z.string(),
  actorId: z.string(),
  role: z.string(),
  orgUnitId: z.string(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  decision: z.enum(['allowed', 'denied']),
  prevHash: z.string(),
  hash: z.string(),
})

const AuditVerdict = z.strictObject({
  ok: z.boolean(),
  rows: z.number().int(),
  firstBad: z.strictObject({ seq: z.number().int(), problem: z.enum(['altered', 'removed', 'reordered', 'truncated']) }).optional().describe('the first row that fails, and how'),
})

export function auditRoutes() {
  const app = new Hono<AppEnv>()

  app.get('/', describe({ summary: 'Audit events, newest first', tags: ['audit'], responses: { 200: { description: 'A page of events', schema: z.object({ items: z.array(AuditEvent) }) } } }), requireAuth, query(AuditQuery), async (c) => {
    const ctx = c.get('ctx')
    await authorize(ctx, 'audit.read', { orgUnitPath: [] }, { type: 'audit' })
    const q = c.req.valid('query')
    const rows = await listAudit(ctx.db.db, {
      limit: q.limit,
      ...(q.before ? { beforeSeq: q.before } : {}),
      ...(q.decision ? { decision: q.decision } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.excludeOwn ? { excludeActorId: ctx.actor.userId } : {}),
    })
    return c.json({ items: rows.map((r) => ({ ...r, seq: Number(r.seq) })) })
  })

  app.get('/verify', describe({ summary: 'Check the audit hash chain; names the first bad row', tags: ['audit'], responses: { 200: { description: 'The verdict', schema: AuditVerdict } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    await authorize(ctx, 'audit.verify', { orgUnitPath: [] }, { type: 'audit' })
    return c.json(await verifyAudit(ctx.db.db))
  })

  return app
}
