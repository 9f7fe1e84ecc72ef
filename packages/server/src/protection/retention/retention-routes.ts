import { Hono } from 'hono'
import { DomainError, PROBLEM_TITLES, scopesOf } from '@faro/core'
import { z } from 'zod'
import { requireAuth } from '../../http/auth.ts'
import type { AppEnv } from '../../http/env.ts'
import { describe } from '../../http/openapi.ts'
import { purgePlan, runRetention } from './retention.ts'
import type { ProtectionDeps } from '../settings.ts'
import { auditDenied } from '../../log/audit.ts'
import type { Ctx } from '../../log/context.ts'

const tags = ['retention']

/** The retention report (what will be purged next) and a manual run of the daily job. */
export function retentionRoutes(p: ProtectionDeps) {
  const app = new Hono<AppEnv>()

  app.get('/report', describe({ summary: 'Identities due for purging, soonest first', tags, responses: { 200: { description: 'Plan', schema: z.object({ items: z.array(z.object({ personId: z.string(), reason: z.string(), dueAt: z.string(), heldSince: z.string().nullable().describe('placement of the oldest active legal hold: not purged while set') })) }) } } }), requireAuth, async (c) => {
    await allow(c.get('ctx'))
    return c.json({ items: await purgePlan(c.get('ctx').db.db, p) })
  })

  app.post('/run', describe({ summary: 'Run the retention job now', tags, responses: { 200: { description: 'Shredded ids', schema: z.object({ shredded: z.array(z.string()) }) } } }), requireAuth, async (c) => {
    await allow(c.get('ctx'))
    return c.json(await runRetention(c.get('ctx'), p))
  })

  return app
}

async function allow(ctx: Ctx): Promise<void> {
  if (scopesOf(ctx.actor.role, 'retention.manage').length === 0) {
    await auditDenied(ctx, { action: 'retention.manage' })
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
}
