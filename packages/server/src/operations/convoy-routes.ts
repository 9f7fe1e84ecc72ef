import { Hono } from 'hono'
import { ConvoyChanged, ConvoyIncidentReported, ConvoyScheduled, DomainError, message, parseInput, PROBLEM_TITLES, RecordId, UuidV7, type ConvoyState } from '@faro/core'
import { z } from 'zod'
import { findOrgUnit, findOrgUnits } from '../accounts/org-units-repo.ts'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody, query } from '../http/validate.ts'
import type { Ctx } from '../log/context.ts'
import { allVisibleRecords, readRecord, submitAction } from '../log/records.ts'
import { operationOf } from './volunteer-import.ts'

/**
 * Convoys over HTTP (`/api/convoys`): Paisano's national office schedules the escorted convoys of
 * nationals driving home, changes them (times, counts, status, publication) and records what
 * happens on the road; everyone signed in reads them, and the published ones make the public
 * schedule. Writes are actions of the log under the policy table.
 */

const tags = ['operations']
const Record = z.record(z.string(), z.unknown())
const Change = { id: UuidV7.describe('a new id per change, kept for retries') }
const ConvoyBody = ConvoyScheduled.extend({ id: UuidV7.describe('the convoy\'s id, kept for retries') })

/** An escort is an agency of the organisation tree (agency-pf); anything else names the field. */
async function checkEscort(ctx: Ctx, escortId: string | undefined): Promise<void> {
  if (escortId === undefined) {
    return
  }
  const unit = await findOrgUnit(ctx.db.db, escortId)
  if (unit?.kind !== 'agency') {
    throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: 'escortId', code: 'unknown_agency', message: message('faro.unknown_escort', ctx.lang) }] })
  }
}

export function convoyRoutes() {
  const app = new Hono<AppEnv>()

  app.get(
    '/convoys',
    describe({ summary: 'Convoys by departure, earliest first, with their escort\'s name and incidents; `published=true` gives the public schedule, `from` those leaving from a day on', tags, responses: { 200: { description: 'Convoys', schema: z.object({ items: z.array(Record) }) } } }),
    requireAuth,
    query(z.strictObject({ operation: RecordId.optional(), from: z.iso.date().optional(), published: z.enum(['true', 'false']).optional() })),
    async (c) => {
      const ctx = c.get('ctx')
      const q = c.req.valid('query')
      const convoys = (await allVisibleRecords<ConvoyState>(ctx, 'convoy')).filter(
        (v) => (q.operation === undefined || v.state.operationId === q.operation) && (q.from === undefined || v.state.departsAt.slice(0, 10) >= q.from) && (q.published === undefined || v.state.published === (q.published === 'true')),
      )
      const escorts = new Map((await findOrgUnits(ctx.db.db, [...new Set(convoys.map((v) => v.state.escortId))])).map((u) => [u.id, u.name]))
      const items = convoys.map((v) => ({ recordId: v.recordId, version: v.version, ...v.state, incidents: v.state.incidents ?? [], escortName: escorts.get(v.state.escortId) ?? v.state.escortId }))
      return c.json({ items: items.sort((a, b) => a.departsAt.localeCompare(b.departsAt) || a.recordId.localeCompare(b.recordId)) })
    },
  )

  app.post(
    '/convoys',
    describe({ errors: [409], summary: 'Schedule a convoy: departure point, state and time, route, destination states, vehicles and people (counts), escorting agency, and whether it is published', tags, responses: { 201: { description: 'Scheduled', schema: Record }, 200: { description: 'The same convoy again', schema: Record } } }),
    requireAuth,
    jsonBody(ConvoyBody),
    async (c) => {
      const ctx = c.get('ctx')
      const { id, ...convoy } = c.req.valid('json')
      if (convoy.operationId !== undefined) {
        await operationOf(ctx, convoy.operationId)
      }
      await checkEscort(ctx, convoy.escortId)
      const result = await submitAction(ctx, { id, recordType: 'convoy', recordId: id, type: 'ConvoyScheduled', payload: convoy })
      return c.json(await readRecord(ctx, 'convoy', id), result.status === 'accepted' ? 201 : 200)
    },
  )

  app.patch(
    '/convoys/:recordId',
    describe({ errors: [409], summary: 'Change a convoy: its time, route, counts, escort, status (departed, arrived, cancelled) or publication', tags, responses: { 200: { description: 'The convoy', schema: Record } } }),
    requireAuth,
    jsonBody(ConvoyChanged.extend(Change)),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const current = await readRecord(ctx, 'convoy', recordId)
      const { id, ...change } = c.req.valid('json')
      if (change.operationId !== undefined) {
        await operationOf(ctx, change.operationId)
      }
      await checkEscort(ctx, change.escortId)
      await submitAction(ctx, { id, recordType: 'convoy', recordId, type: 'ConvoyChanged', payload: change, baseVersion: current.version })
      return c.json(await readRecord(ctx, 'convoy', recordId))
    },
  )

  app.post(
    '/convoys/:recordId/incidents',
    describe({ errors: [409], summary: 'Record an incident on a convoy\'s road (a breakdown, an accident, an extortion attempt…); incidents are added, never replaced', tags, responses: { 200: { description: 'The convoy', schema: Record } } }),
    requireAuth,
    jsonBody(ConvoyIncidentReported.extend(Change)),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      await readRecord(ctx, 'convoy', recordId)
      const { id, ...incident } = c.req.valid('json')
      // Incidents add up, so two reported at once from two desks both stand: no base version.
      await submitAction(ctx, { id, recordType: 'convoy', recordId, type: 'ConvoyIncidentReported', payload: incident })
      return c.json(await readRecord(ctx, 'convoy', recordId))
    },
  )

  return app
}
