import { Hono } from 'hono'
import { DomainError, PROBLEM_TITLES, RecordId, scopesOf } from '@faro/core'
import { z } from 'zod'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody, query } from '../http/validate.ts'
import { auditDenied } from '../log/audit.ts'
import { approvePeriod, periodApprovals } from './approvals.ts'
import { PROGRAMMES } from './published.ts'

/**
 * The approval of the open data over HTTP (`/api/statistics/approvals`): a period's state per
 * unit, and approving it — a unit by its coordinator, then the programme by the national office,
 * which publishes (or revises) the frozen tables. See approvals.ts.
 */

const tags = ['statistics']
const Period = z
  .string()
  .regex(/^(\d{4}|(easter|summer|winter)-\d{4})$/, 'a year (2026) or an operation by its kind and first year (winter-2026)')
  .describe('a year (`2026`, Grupos Beta) or a Paisano operation by its kind and the year it starts (`winter-2026`)')

const StateQuery = z.strictObject({
  programme: z.enum(PROGRAMMES).describe('`beta` (Grupos Beta) or `paisano` (Programa Paisano)'),
  period: Period,
})

const ApproveBody = z.strictObject({
  period: Period,
  unit: RecordId.describe('a Grupo Beta or a Paisano state committee (its coordinator\'s approval), or the programme\'s unit `beta` or `paisano` (the national office\'s, which publishes)'),
})

const UnitApproval = z.object({ unit: z.string(), name: z.string(), approvedBy: z.string().nullable(), approvedByName: z.string().nullable().describe('the approver\'s display name (null while pending)'), approvedAt: z.string().nullable() })
const PeriodApprovals = z.object({
  programme: z.enum(PROGRAMMES),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  units: z.array(UnitApproval).describe('each unit whose coordinator approves, with who and when (null while pending)'),
  revisions: z.array(z.object({ revision: z.number(), approvedBy: z.string(), approvedByName: z.string().nullable().describe('the approver\'s display name'), approvedAt: z.string() })).describe('the national publications, first to latest'),
})
const ApprovalDone = z.object({
  programme: z.enum(PROGRAMMES),
  period: z.string(),
  unit: z.string(),
  level: z.enum(['coordinator', 'national']),
  revision: z.number().describe('0 for a coordinator\'s approval; the revision published for the national one'),
  approvedAt: z.string(),
})

export function approvalRoutes() {
  const app = new Hono<AppEnv>()

  app.get(
    '/statistics/approvals',
    describe({ summary: 'A programme\'s period (a year, or a Paisano operation): each unit\'s coordinator\'s approval and the national publications (revisions)', tags, responses: { 200: { description: 'The period\'s approvals', schema: PeriodApprovals } } }),
    requireAuth,
    query(StateQuery),
    async (c) => {
      const ctx = c.get('ctx')
      if (scopesOf(ctx.actor.role, 'statistics.read').length === 0 && scopesOf(ctx.actor.role, 'statistics.approve').length === 0) {
        await auditDenied(ctx, { action: 'statistics.approve', recordType: 'statistics' })
        throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
      }
      const q = c.req.valid('query')
      return c.json(await periodApprovals(ctx, q.programme, q.period))
    },
  )

  app.post(
    '/statistics/approvals',
    describe({
      errors: [409],
      summary: 'Approve a period\'s published tables: a unit by its coordinator, then the programme by the national office (the national analyst for Grupos Beta, Paisano\'s national office for Paisano), which freezes the protected tables as the open data shows them. Approving the programme again after the figures changed publishes a revision; 409 `approval_out_of_order` while units are pending, `already_approved`, `revision_unchanged`, or `revision_discloses` when the change is too small to publish without singling out a few people',
      tags,
      responses: { 201: { description: 'Approved (and, nationally, published)', schema: ApprovalDone } },
    }),
    requireAuth,
    jsonBody(ApproveBody),
    async (c) => {
      const ctx = c.get('ctx')
      return c.json(await approvePeriod(ctx, c.req.valid('json')), 201)
    },
  )

  return app
}
