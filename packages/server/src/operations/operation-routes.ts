import { Hono } from 'hono'
import {
  decide,
  DomainError,
  endsAfterStart,
  ENDS_AFTER_START,
  message,
  OperationChanges,
  OperationFields,
  parseInput,
  PROBLEM_TITLES,
  RecordId,
  ShiftAttended,
  ShiftChanged,
  ShiftFields,
  SiteChanged,
  SiteOpened,
  TALLY_COUNTS,
  UuidV7,
  type OperationOpened,
  type ShiftPlanned,
  type TallyState,
} from '@faro/core'
import { z } from 'zod'
import { newActivationCode, storeActivation } from '../accounts/activations.ts'
import { findOrgUnit } from '../accounts/org-units-repo.ts'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody, query } from '../http/validate.ts'
import { audit, auditDenied } from '../log/audit.ts'
import { inTransaction } from '../log/context.ts'
import { allVisibleRecords, readRecord, submitAction } from '../log/records.ts'
import { accountsEndAt, importVolunteers, operationOf, readVolunteers } from './volunteer-import.ts'
import { namesOf, statusOf, today, unitsWithState } from './views.ts'

/**
 * Operations over HTTP: Paisano's seasons and the groups' special operations (`/api/operations`),
 * the sites open in them (`/api/sites`), their volunteers, made in bulk with accounts that expire
 * (`/api/volunteers`), the sites' rosters (`/api/shifts`) and the sites' tallies (`/api/tallies`).
 * Writes are actions of the log under the policy table; the views are folded from the records.
 */

const tags = ['operations']
const Record = z.record(z.string(), z.unknown())
const Day = z.iso.date()
const DAY = 86_400_000
const OperationBody = OperationFields.extend({ id: UuidV7.describe('the operation\'s id, kept for retries') })
  .refine(endsAfterStart, ENDS_AFTER_START)
  .refine((o) => o.kind !== 'special' || o.reason !== undefined, { path: ['reason'], message: 'faro.operation_reason_needed' })
const SiteBody = SiteOpened.extend({ id: UuidV7 })
const ShiftBody = ShiftFields.extend({ id: UuidV7 }).refine((s) => s.starts !== s.ends, { path: ['ends'], message: 'faro.shift_no_length' })
const Change = { id: UuidV7.describe('a new id per change, kept for retries') }
// The version the client saw: when someone else changed the same fields meanwhile, the later change
// stands and the record is flagged for review, as for any concurrent edit (docs/sync.md).
const Seen = { version: z.number().int().min(1).optional().describe('the version the change was made on, as read: a change by someone else since flags the shift for review') }
const OperationChangeBody = OperationChanges.extend(Change).refine(endsAfterStart, ENDS_AFTER_START)
const VolunteerList = z.strictObject({ operationId: RecordId, content: z.string().min(1).describe('the CSV\'s text (UTF-8): name, site, institution, social service, languages, days, day parts, training dates') })

export function operationRoutes() {
  const app = new Hono<AppEnv>()

  app.get(
    '/operations',
    describe({ summary: 'Operations, newest first, each upcoming, open or ended today (Mexico\'s centre)', tags, responses: { 200: { description: 'Operations', schema: z.object({ items: z.array(Record) }) } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      const day = today(ctx)
      const items = await allVisibleRecords<OperationOpened>(ctx, 'operation')
      return c.json({ items: items.map((o) => ({ recordId: o.recordId, ...o.state, status: statusOf(o.state, day) })).sort((a, b) => b.startsOn.localeCompare(a.startsOn)) })
    },
  )

  app.post(
    '/operations',
    describe({ errors: [409], summary: 'Open an operation: a season of Programa Paisano, or a special operation of the groups (heat, cold, flood, caravan) over a set of groups; an end before the start is refused', tags, responses: { 201: { description: 'Opened', schema: Record }, 200: { description: 'The same operation again', schema: Record } } }),
    requireAuth,
    jsonBody(OperationBody),
    async (c) => {
      const ctx = c.get('ctx')
      const { id, ...operation } = c.req.valid('json')
      const result = await submitAction(ctx, { id, recordType: 'operation', recordId: id, type: 'OperationOpened', payload: operation })
      return c.json(await readRecord(ctx, 'operation', id), result.status === 'accepted' ? 201 : 200)
    },
  )

  app.patch(
    '/operations/:recordId',
    describe({ errors: [409], summary: 'Change an operation\'s name, dates or groups; dates are checked against those kept. Its volunteers\' accounts follow a new end', tags, responses: { 200: { description: 'The operation', schema: Record } } }),
    requireAuth,
    jsonBody(OperationChangeBody),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const { id, ...change } = c.req.valid('json')
      const current = await readRecord(ctx, 'operation', recordId)
      const state = current.state as unknown as OperationOpened
      if (!endsAfterStart({ startsOn: change.startsOn ?? state.startsOn, endsOn: change.endsOn ?? state.endsOn })) {
        throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: 'endsOn', code: 'custom', message: message('faro.operation_ends_before_start', ctx.lang) }] })
      }
      const endsOn = change.endsOn
      await submitAction(
        ctx,
        { id, recordType: 'operation', recordId, type: 'OperationChanged', payload: change, baseVersion: current.version },
        {
          // The volunteers' accounts of the operation follow its end, in the same transaction.
          afterFlush: async (trx) => {
            if (endsOn !== undefined) {
              const ids = (await trx.selectFrom('records').select('recordId').where('recordType', '=', 'volunteer').where('state', 'like', `%"operationId":"${recordId}"%`).execute()).map((r) => r.recordId)
              for (let i = 0; i < ids.length; i += 500) {
                await trx.updateTable('users').set({ expiresAt: accountsEndAt({ endsOn }) }).where('id', 'in', ids.slice(i, i + 500)).where('role', '=', 'module_volunteer').execute()
              }
            }
          },
        },
      )
      return c.json(await readRecord(ctx, 'operation', recordId))
    },
  )

  app.get(
    '/sites',
    describe({ summary: 'The sites of an operation (or of every operation), each with its unit\'s name, state and city, and whether it is open today: its operation open and the site not closed', tags, responses: { 200: { description: 'Sites', schema: z.object({ items: z.array(Record) }) } } }),
    requireAuth,
    query(z.strictObject({ operation: RecordId.optional(), open: z.enum(['true']).optional().describe('only the sites open today') })),
    async (c) => {
      const ctx = c.get('ctx')
      const q = c.req.valid('query')
      const day = today(ctx)
      const operations = new Map((await allVisibleRecords<OperationOpened>(ctx, 'operation')).map((o) => [o.recordId, o.state]))
      const sites = (await allVisibleRecords<SiteOpened>(ctx, 'site')).filter((s) => q.operation === undefined || s.state.operationId === q.operation)
      const units = await unitsWithState(ctx)
      const items = sites.map((s) => {
        const operation = operations.get(s.state.operationId)
        const unit = units.get(s.state.orgUnitId)
        const openNow = operation !== undefined && statusOf(operation, day) === 'open' && s.state.closed !== true
        return { recordId: s.recordId, ...s.state, name: unit?.name ?? s.state.orgUnitId, kind: unit?.kind ?? null, state: unit?.state ?? null, city: unit?.city ?? null, openNow }
      })
      return c.json({ items: q.open === 'true' ? items.filter((i) => i.openNow) : items })
    },
  )

  app.post(
    '/sites',
    describe({ errors: [409], summary: 'Open a module or observation point in an operation, with its setting and hours', tags, responses: { 201: { description: 'Opened', schema: Record }, 200: { description: 'The same site again', schema: Record } } }),
    requireAuth,
    jsonBody(SiteBody),
    async (c) => {
      const ctx = c.get('ctx')
      const { id, ...site } = c.req.valid('json')
      await operationOf(ctx, site.operationId)
      const result = await submitAction(ctx, { id, recordType: 'site', recordId: id, type: 'SiteOpened', payload: site })
      return c.json(await readRecord(ctx, 'site', id), result.status === 'accepted' ? 201 : 200)
    },
  )

  app.patch(
    '/sites/:recordId',
    describe({ errors: [409], summary: 'Change a site\'s hours or setting, or close it before its operation ends', tags, responses: { 200: { description: 'The site', schema: Record } } }),
    requireAuth,
    jsonBody(SiteChanged.extend(Change)),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const current = await readRecord(ctx, 'site', recordId)
      const { id, ...change } = c.req.valid('json')
      await submitAction(ctx, { id, recordType: 'site', recordId, type: 'SiteChanged', payload: change, baseVersion: current.version })
      return c.json(await readRecord(ctx, 'site', recordId))
    },
  )

  app.get(
    '/volunteers',
    describe({ summary: 'The volunteers of an operation (or every one), with their account: username, name, site, until when it works, whether it was activated', tags, responses: { 200: { description: 'Volunteers', schema: z.object({ items: z.array(Record) }) } } }),
    requireAuth,
    query(z.strictObject({ operation: RecordId.optional(), unit: RecordId.optional() })),
    async (c) => {
      const ctx = c.get('ctx')
      const q = c.req.valid('query')
      const volunteers = (await allVisibleRecords<{ userId: string; operationId: string }>(ctx, 'volunteer', q.unit)).filter((v) => q.operation === undefined || v.state.operationId === q.operation)
      const ids = volunteers.map((v) => v.state.userId)
      const users = ids.length === 0 ? [] : await ctx.db.db.selectFrom('users').leftJoin('credentials', 'credentials.userId', 'users.id').select(['users.id', 'users.username', 'users.displayName', 'users.expiresAt', 'credentials.userId as activated']).where('users.id', 'in', ids).execute()
      const byId = new Map(users.map((u) => [u.id, u]))
      return c.json({ items: volunteers.map((v) => ({ recordId: v.recordId, ...v.state, username: byId.get(v.state.userId)?.username ?? null, displayName: byId.get(v.state.userId)?.displayName ?? null, accountEndsAt: byId.get(v.state.userId)?.expiresAt ?? null, activated: byId.get(v.state.userId)?.activated != null })) })
    },
  )

  app.post(
    '/volunteers/import/preview',
    describe({ summary: 'Read an operation\'s volunteer list (CSV) without storing anything: the columns recognised and every bad row by line and column', tags, responses: { 200: { description: 'The preview', schema: z.object({ rows: z.number().int(), columns: z.array(z.object({ name: z.string(), field: z.string().nullable() })), issues: z.array(z.object({ line: z.number().int(), column: z.string(), message: z.string() })), issueCount: z.number().int() }) } } }),
    requireAuth,
    jsonBody(VolunteerList),
    async (c) => {
      const ctx = c.get('ctx')
      const input = c.req.valid('json')
      await operationOf(ctx, input.operationId)
      const list = await readVolunteers(ctx, input.content)
      return c.json({ rows: list.total, columns: list.columns, issues: list.issues.slice(0, 100), issueCount: list.issues.length })
    },
  )

  app.post(
    '/volunteers/import',
    describe({ errors: [409], summary: 'Make an operation\'s volunteer accounts from a CSV, all or nothing: each account works until the day after the operation ends and comes with a one-time activation code, shown only in this answer', tags, responses: { 201: { description: 'Made', schema: z.object({ status: z.literal('imported'), rows: z.number().int(), accounts: z.array(z.object({ line: z.number().int(), userId: z.string(), username: z.string(), displayName: z.string(), siteId: z.string(), code: z.string() })) }) } } }),
    requireAuth,
    jsonBody(VolunteerList.extend({ id: UuidV7.describe('a new id per import: a resent import is refused, not made twice') })),
    async (c) => {
      const ctx = c.get('ctx')
      return c.json(await importVolunteers(ctx, c.req.valid('json')), 201)
    },
  )

  app.post(
    '/volunteers/:userId/code',
    describe({ summary: 'A new one-time activation code for a volunteer (a lost sheet, an expired code); the old one stops working', tags, responses: { 200: { description: 'The code, shown once', schema: z.object({ code: z.string() }) } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      const userId = parseInput(RecordId, c.req.param('userId'), ctx.lang, 'userId')
      const volunteer = await readRecord(ctx, 'volunteer', userId)
      // A new code is a new way into the account: reading the volunteer is not enough.
      const site = volunteer.state.orgUnitId as string
      const unit = await findOrgUnit(ctx.db.db, site)
      if (!decide(ctx.actor, 'volunteer.update', { orgUnitPath: unit?.path ?? [site] }).allowed) {
        await auditDenied(ctx, { action: 'volunteers.code', recordType: 'user', recordId: volunteer.recordId })
        throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
      }
      const code = newActivationCode()
      await inTransaction(ctx, async (trx) => {
        await trx.deleteFrom('accountActivations').where('userId', '=', volunteer.recordId).execute()
        await storeActivation(trx, volunteer.recordId, code, ctx.clock.now())
        await audit(trx, ctx, { action: 'volunteers.code', recordType: 'user', recordId: volunteer.recordId, decision: 'allowed' })
      })
      return c.json({ code })
    },
  )

  app.get(
    '/shifts',
    describe({ summary: 'A site\'s (or a unit\'s sites\') shifts over a run of days, each with who is on it and how many are missing', tags, responses: { 200: { description: 'Shifts', schema: z.object({ items: z.array(Record), gaps: z.number().int() }) } } }),
    requireAuth,
    query(z.strictObject({ unit: RecordId.optional(), from: Day.optional().describe('default: today'), days: z.coerce.number().int().min(1).max(31).default(7) })),
    async (c) => {
      const ctx = c.get('ctx')
      const q = c.req.valid('query')
      const from = q.from ?? today(ctx)
      const to = new Date(Date.parse(`${from}T00:00:00Z`) + (q.days - 1) * DAY).toISOString().slice(0, 10)
      const shifts = (await allVisibleRecords<ShiftPlanned & { attended?: string[] }>(ctx, 'shift', q.unit ?? ctx.actor.orgUnitId)).filter((s) => s.state.date >= from && s.state.date <= to)
      const people = await namesOf(ctx, shifts.flatMap((s) => s.state.volunteers))
      const items = shifts
        .map((s) => ({ recordId: s.recordId, version: s.version, ...s.state, volunteers: s.state.volunteers.map((id) => ({ userId: id, displayName: people.get(id) ?? null })), missing: Math.max(0, s.state.needed - s.state.volunteers.length) }))
        .sort((a, b) => a.date.localeCompare(b.date) || a.starts.localeCompare(b.starts) || a.orgUnitId.localeCompare(b.orgUnitId))
      return c.json({ items, gaps: items.reduce((n, s) => n + s.missing, 0) })
    },
  )

  app.get(
    '/shifts/mine',
    describe({ summary: 'The caller\'s own shifts from today on, and last night\'s while it runs past midnight', tags, responses: { 200: { description: 'Shifts', schema: z.object({ items: z.array(Record) }) } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      const day = today(ctx)
      const yesterday = new Date(Date.parse(`${day}T00:00:00Z`) - DAY).toISOString().slice(0, 10)
      const shifts = await allVisibleRecords<ShiftPlanned>(ctx, 'shift')
      const current = (s: ShiftPlanned) => s.date >= day || (s.date === yesterday && s.ends <= s.starts)
      return c.json({ items: shifts.filter((s) => s.state.volunteers.includes(ctx.actor.userId) && current(s.state)).map((s) => ({ recordId: s.recordId, ...s.state })).sort((a, b) => a.date.localeCompare(b.date) || a.starts.localeCompare(b.starts)) })
    },
  )

  app.post(
    '/shifts',
    describe({ errors: [409], summary: 'Plan a shift at a site: day, times (an end before the start runs past midnight), how many are needed and who is on it', tags, responses: { 201: { description: 'Planned', schema: Record }, 200: { description: 'The same shift again', schema: Record } } }),
    requireAuth,
    jsonBody(ShiftBody),
    async (c) => {
      const ctx = c.get('ctx')
      const { id, ...shift } = c.req.valid('json')
      const result = await submitAction(ctx, { id, recordType: 'shift', recordId: id, type: 'ShiftPlanned', payload: shift })
      return c.json(await readRecord(ctx, 'shift', id), result.status === 'accepted' ? 201 : 200)
    },
  )

  app.patch(
    '/shifts/:recordId',
    describe({ errors: [409], summary: 'Change who is on a shift (move a volunteer), how many are needed, or its times', tags, responses: { 200: { description: 'The shift', schema: Record } } }),
    requireAuth,
    jsonBody(ShiftChanged.extend({ ...Change, ...Seen })),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const current = await readRecord(ctx, 'shift', recordId)
      const { id, version, ...change } = c.req.valid('json')
      await submitAction(ctx, { id, recordType: 'shift', recordId, type: 'ShiftChanged', payload: change, baseVersion: version ?? current.version })
      return c.json(await readRecord(ctx, 'shift', recordId))
    },
  )

  app.post(
    '/shifts/:recordId/attendance',
    describe({ errors: [409], summary: 'Record who came to a shift', tags, responses: { 200: { description: 'The shift', schema: Record } } }),
    requireAuth,
    jsonBody(ShiftAttended.extend({ ...Change, ...Seen })),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const current = await readRecord(ctx, 'shift', recordId)
      const { id, version, ...attended } = c.req.valid('json')
      await submitAction(ctx, { id, recordType: 'shift', recordId, type: 'ShiftAttended', payload: attended, baseVersion: version ?? current.version })
      return c.json(await readRecord(ctx, 'shift', recordId))
    },
  )

  app.get(
    '/tallies/totals',
    describe({ summary: 'The sites\' tallies added up, by site, state or day, for an operation or a run of days: people given guidance, guides handed out, referrals', tags, responses: { 200: { description: 'Totals', schema: z.object({ rows: z.array(Record), total: Record }) } } }),
    requireAuth,
    query(z.strictObject({ operation: RecordId.optional(), from: Day.optional(), to: Day.optional(), by: z.enum(['site', 'state', 'day']).default('site') })),
    async (c) => {
      const ctx = c.get('ctx')
      const q = c.req.valid('query')
      const tallies = (await allVisibleRecords<TallyState>(ctx, 'tally')).filter((t) => (q.operation === undefined || t.state.operationId === q.operation) && (q.from === undefined || t.state.day >= q.from) && (q.to === undefined || t.state.day <= q.to))
      const units = await unitsWithState(ctx)
      const rows = new Map<string, Record<string, number | string>>()
      const total: Record<string, number> = Object.fromEntries(TALLY_COUNTS.map((k) => [k, 0]))
      for (const { state } of tallies) {
        const unit = units.get(state.orgUnitId)
        const key = q.by === 'site' ? state.orgUnitId : q.by === 'state' ? (unit?.state ?? '') : state.day
        const row = rows.get(key) ?? { key, ...(q.by === 'site' ? { name: unit?.name ?? key } : {}), ...Object.fromEntries(TALLY_COUNTS.map((k) => [k, 0])) }
        for (const k of TALLY_COUNTS) {
          row[k] = Number(row[k]) + state[k]
          total[k] = (total[k] ?? 0) + state[k]
        }
        rows.set(key, row)
      }
      return c.json({ rows: [...rows.values()].sort((a, b) => String(a.key).localeCompare(String(b.key))), total })
    },
  )

  return app
}
