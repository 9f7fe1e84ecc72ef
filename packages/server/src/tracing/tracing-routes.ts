import { Hono } from 'hono'
import { CaseIntakeResult, emptyFigures, ImportInput, StatisticsPeriod, TracingFigures, TracingStatisticsRow, tracingStatistics, ImportPreview, ImportResult, ImportSource, LocationRequestForm, parseInput, RecordId, TraceReview } from '@faro/core'
import { z } from 'zod'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody } from '../http/validate.ts'
import { openLocationRequest, visibleCases, type CaseDeps } from '../cases/cases.ts'
import { findOrgUnits } from '../accounts/org-units-repo.ts'
import { query } from '../http/validate.ts'
import { answersFor } from './answers.ts'
import { reviewRequest } from './review.ts'
import { previewImport, runImport } from './imports.ts'

const tags = ['tracing']

/**
 * The search for missing migrants over HTTP. A location request is a case: once filed, it is
 * read, worked on and followed with the case routes (`/api/cases/:id`, its steps, the lookup by
 * folio and PIN).
 */
export function tracingRoutes(deps: CaseDeps) {
  const app = new Hono<AppEnv>()

  app.post(
    '/requests',
    describe({
      errors: [409],
      summary: 'File a location request for one or several missing migrants: folio LB-…, PIN (once), the people sought into the vault',
      tags,
      responses: { 201: { description: 'Filed', schema: CaseIntakeResult }, 200: { description: 'The same request again: the same case', schema: CaseIntakeResult } },
    }),
    requireAuth,
    jsonBody(LocationRequestForm),
    async (c) => {
      const result = await openLocationRequest(c.get('ctx'), c.req.valid('json'), deps)
      return c.json(result, result.status === 'accepted' ? 201 : 200)
    },
  )

  const Answer = z.object({
    person: z.number().int().describe('the sought person\'s number in the request, from 1'),
    status: z.enum(['searching', 'not_found', 'withdrawn', 'no_information', 'found_alive', 'found_deceased']),
    place: z.string().nullable().optional().describe('found alive: where, when the person allowed it'),
    forensicRef: z.string().nullable().optional().describe('found deceased: the forensic report'),
  })
  app.post(
    '/requests/:id/answers',
    describe({ summary: 'What the requester may be told of each person sought: each found person\'s answer goes through the disclosure check, stored and audited', tags, responses: { 200: { description: 'One answer per person sought, in order', schema: z.object({ items: z.array(Answer) }) } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      if (deps.keyring === undefined) {
        throw new Error('the vault keyring is not configured')
      }
      return c.json({ items: await answersFor(ctx, deps.keyring, parseInput(RecordId, c.req.param('id'), ctx.lang, 'id')) })
    },
  )

  app.get(
    '/requests/:id/review',
    describe({
      summary: 'The registry\'s candidates for each person a request seeks, ranked and explained field by field, with each reviewer\'s marks (trace.review; audited)',
      tags,
      responses: { 200: { description: 'Each sought person with their candidates, best first', schema: TraceReview } },
    }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      if (deps.keyring === undefined) {
        throw new Error('the vault keyring is not configured')
      }
      return c.json(await reviewRequest(ctx, deps.keyring, parseInput(RecordId, c.req.param('id'), ctx.lang, 'id')))
    },
  )

  const StatisticsQuery = z.strictObject({
    from: z.iso.date().describe('first day, in Mexico\'s central time'),
    to: z.iso.date().describe('last day, included'),
    period: StatisticsPeriod.default('month'),
  })
  const CENTRAL = '-06:00'
  app.get(
    '/statistics',
    describe({
      summary: 'Requests answered, persons sought and persons found, by the body each request was sent to and by period, counted from the requests the caller may read',
      tags,
      responses: { 200: { description: 'Figures by body and period, and their total', schema: z.object({ rows: z.array(TracingStatisticsRow.extend({ bodyName: z.string() })), total: TracingFigures }) } },
    }),
    requireAuth,
    query(StatisticsQuery),
    async (c) => {
      const ctx = c.get('ctx')
      const q = c.req.valid('query')
      const to = new Date(Date.parse(`${q.to}T00:00:00${CENTRAL}`) + 86_400_000).toISOString()
      const cases = (await visibleCases(ctx)).filter((s) => s.kind === 'location_request')
      const rows = tracingStatistics(cases, { from: new Date(`${q.from}T00:00:00${CENTRAL}`).toISOString(), to, period: q.period })
      const names = new Map((await findOrgUnits(ctx.db.db, [...new Set(rows.map((r) => r.bodyId))])).map((u) => [u.id, u.name]))
      const total = emptyFigures()
      for (const row of rows) {
        for (const key of Object.keys(total) as (keyof typeof total)[]) {
          total[key] += row[key]
        }
      }
      return c.json({ rows: rows.map((r) => ({ ...r, bodyName: names.get(r.bodyId) ?? r.bodyId })), total })
    },
  )

  app.post(
    '/imports/preview',
    describe({
      summary: 'Read a partner\'s list (CSV or JSONL) without storing anything: how its columns map, its first rows, and every bad row by line and column',
      tags,
      responses: { 200: { description: 'The preview', schema: ImportPreview } },
    }),
    requireAuth,
    jsonBody(ImportSource),
    async (c) => c.json(await previewImport(c.get('ctx'), c.req.valid('json'))),
  )

  app.post(
    '/imports',
    describe({
      errors: [409],
      summary: 'Import a partner\'s list into the registry, all or nothing: each row\'s identity into the vault and a registry entry naming it (registry_entry.create). A list with any bad row is refused with every problem as `line.N.column`',
      tags,
      responses: { 201: { description: 'Imported', schema: ImportResult }, 200: { description: 'The same import again', schema: ImportResult } },
    }),
    requireAuth,
    jsonBody(ImportInput),
    async (c) => {
      if (deps.keyring === undefined) {
        throw new Error('the vault keyring is not configured')
      }
      const result = await runImport(c.get('ctx'), deps.keyring, c.req.valid('json'))
      return c.json(result, result.status === 'imported' ? 201 : 200)
    },
  )

  return app
}
