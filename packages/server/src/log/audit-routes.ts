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
})

export function auditRoutes() {
  const app = new Hono<AppEnv>()

  app.get('/', describe({ summary: 'Audit events, newest first', tags: ['audit'] }), requireAuth, query(AuditQuery), async (c) => {
    const ctx = c.get('ctx')
    await authorize(ctx, 'audit.read', { orgUnitPath: [] }, { type: 'audit' })
    const q = c.req.valid('query')
    const rows = await listAudit(ctx.db.db, { limit: q.limit, ...(q.before ? { beforeSeq: q.before } : {}) })
    return c.json({ items: rows.map((r) => ({ ...r, seq: Number(r.seq) })) })
  })

  app.get('/verify', describe({ summary: 'Check the audit hash chain; names the first bad row', tags: ['audit'] }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    await authorize(ctx, 'audit.verify', { orgUnitPath: [] }, { type: 'audit' })
    return c.json(await verifyAudit(ctx.db.db))
  })

  return app
}
