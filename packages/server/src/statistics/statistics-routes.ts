import { Hono } from 'hono'
import { Border, decide, DomainError, FACTS, MexicanState, message, PROBLEM_TITLES, RecordId } from '@faro/core'
import { z } from 'zod'
import { findOrgUnit } from '../accounts/org-units-repo.ts'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { query } from '../http/validate.ts'
import { audit, auditDenied } from '../log/audit.ts'
import { BY, listOperations, tableOf, withYearEarlier, yearEarlier, type By } from './query.ts'
import { figuresBeside, publishedFigures } from './reference.ts'

/**
 * The statistics over HTTP (`/api/statistics`): a fact's counts for a unit and its subtree over a
 * run of days, broken down by up to three dimensions, read from the summary table (never from the
 * records). Exact counts for the offices that may read them; what leaves for the public or for
 * partners goes through disclosure control first (disclosure.ts).
 */

const tags = ['statistics']
const BY_LIST = BY.join(', ')

const Day = z.iso.date()
const TableQuery = z
  .strictObject({
    fact: z.enum(FACTS),
    from: Day.optional().describe('first day, with `to`; or name a `year` or an `operation`'),
    to: Day.optional().describe('last day, both included'),
    year: z.coerce.number().int().min(2000).max(2100).optional().describe('a calendar year, instead of `from` and `to`'),
    operation: RecordId.optional().describe('a Paisano operation (or a special one): its days, instead of `from` and `to`'),
    unit: RecordId.optional().describe('the unit whose subtree is counted; the account\'s own by default'),
    border: Border.optional().describe('only the units of the subtree on this border (a unit without one inherits its nearest ancestor\'s)'),
    state: MexicanState.optional().describe('only the units of the subtree in this state (inherited as the border)'),
    by: z
      .string()
      .regex(/^[a-zA-Z]+(,[a-zA-Z]+){0,2}$/, `up to three of ${BY_LIST}, separated by commas`)
      .refine((v) => v.split(',').every((b) => (BY as readonly string[]).includes(b)), `up to three of ${BY_LIST}`)
      .refine((v) => new Set(v.split(',')).size === v.split(',').length, 'each dimension once')
      .optional(),
    compare: z.literal('year').optional().describe('`year`: each row also gives its count a year earlier (`previous`)'),
  })
  .refine((q) => [q.from !== undefined || q.to !== undefined, q.year !== undefined, q.operation !== undefined].filter(Boolean).length === 1, { message: 'name the period once: from and to, a year, or an operation', path: ['from'] })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together', path: ['to'] })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'the end cannot come before the start', path: ['to'] })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.to) - Date.parse(q.from) <= 366 * 5 * 86_400_000, { message: 'five years at most', path: ['to'] })

const Row = z.record(z.string(), z.union([z.string(), z.number()]))
const UnitLabelSchema = z.object({ name: z.string(), kind: z.string(), state: z.string().nullable(), border: z.string().nullable() })

export function statisticsRoutes() {
  const app = new Hono<AppEnv>()

  app.get(
    '/statistics/table',
    describe({
      summary: 'A fact\'s counts (people attended, rescued, services given, patrols, remains, Paisano tallies) under a unit over a period (days, a year or an operation), each record on its own state\'s day, broken down by up to three dimensions (`by`: the unit\'s border, state or the unit itself; year, half, quarter, month, ISO week, day or operation; sex, age band, nationality, kind, outcome), largest first, optionally with each row a year earlier',
      tags,
      errors: [404],
      responses: {
        200: {
          description: 'The table',
          schema: z.object({
            fact: z.enum(FACTS),
            from: Day,
            to: Day,
            unit: z.string(),
            where: z.object({ border: Border.optional(), state: MexicanState.optional() }).optional().describe('the border and state the table was kept to, when asked'),
            by: z.array(z.enum(BY)),
            rows: z.array(Row),
            total: z.number(),
            units: z.record(z.string(), UnitLabelSchema).describe('the units the rows name, by id'),
            previousTotal: z.number().optional().describe('with `compare=year`: the total a year earlier'),
          }),
        },
      },
    }),
    requireAuth,
    query(TableQuery),
    async (c) => {
      const ctx = c.get('ctx')
      const q = c.req.valid('query')
      const unit = await findOrgUnit(ctx.db.db, q.unit ?? ctx.actor.orgUnitId)
      if (unit === undefined) {
        throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
      }
      if (!decide(ctx.actor, 'statistics.read', { orgUnitPath: unit.path }).allowed) {
        await auditDenied(ctx, { action: 'statistics.read', recordType: 'statistics' })
        throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
      }
      // Exact counts, the data-protection officer's unsuppressed ones among them: every read is audited.
      await ctx.db.db.transaction().execute((trx) => audit(trx, ctx, { action: 'statistics.read', recordType: 'statistics', recordId: unit.id, decision: 'allowed' }))
      const operations = q.operation !== undefined || q.compare !== undefined ? await listOperations(ctx.db.db) : []
      let from = q.from ?? `${q.year}-01-01`
      let to = q.to ?? `${q.year}-12-31`
      if (q.operation !== undefined) {
        const operation = operations.find((o) => o.id === q.operation)
        if (operation === undefined) {
          throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: 'operation', code: 'unknown_operation', message: message('faro.unknown_operation', ctx.lang) }] })
        }
        from = operation.startsOn
        to = operation.endsOn
      }
      const question = { fact: q.fact, from, to, unitId: unit.id, by: (q.by?.split(',') ?? []) as By[], where: { border: q.border, state: q.state } }
      const answer = await tableOf(ctx.db.db, question)
      if (q.compare === undefined) {
        return c.json(answer)
      }
      const previous = await tableOf(ctx.db.db, { ...question, from: yearEarlier(from), to: yearEarlier(to) })
      return c.json(withYearEarlier(answer, previous, operations))
    },
  )

  app.get(
    '/statistics/published',
    describe({
      summary: 'The figures the programmes published for a year (the book\'s years of Grupos Beta, Programa Paisano\'s reports), each beside Faro\'s count of the same thing for a year under a unit, from the summary',
      tags,
      errors: [404],
      responses: {
        200: {
          description: 'The published figures and the counts beside them',
          schema: z.object({
            bookYears: z.array(z.number()).describe('the years with published figures Faro can measure, newest first'),
            bookYear: z.number(),
            year: z.number(),
            unit: z.string(),
            items: z.array(z.object({ programme: z.enum(['beta', 'paisano']), indicator: z.string(), scope: z.string(), year: z.number(), period: z.string(), value: z.number(), source: z.string(), measured: z.number() })),
          }),
        },
      },
    }),
    requireAuth,
    query(
      z.strictObject({
        year: z.coerce.number().int().min(2000).max(2100).describe('the year counted in Faro'),
        bookYear: z.coerce.number().int().min(2000).max(2100).optional().describe('the year published; the one with the most figures by default'),
        unit: RecordId.optional(),
      }),
    ),
    async (c) => {
      const ctx = c.get('ctx')
      const q = c.req.valid('query')
      const unit = await findOrgUnit(ctx.db.db, q.unit ?? ctx.actor.orgUnitId)
      if (unit === undefined) {
        throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
      }
      if (!decide(ctx.actor, 'statistics.read', { orgUnitPath: unit.path }).allowed) {
        await auditDenied(ctx, { action: 'statistics.read', recordType: 'statistics', recordId: unit.id })
        throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
      }
      await ctx.db.db.transaction().execute((trx) => audit(trx, ctx, { action: 'statistics.read', recordType: 'statistics', recordId: unit.id, decision: 'allowed' }))
      const all = publishedFigures()
      const counts = new Map<number, number>()
      for (const f of all) {
        counts.set(f.year, (counts.get(f.year) ?? 0) + 1)
      }
      const bookYears = [...counts.keys()].sort((a, b) => b - a)
      const richest = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 2010
      const bookYear = q.bookYear ?? richest
      const items = await figuresBeside(ctx.db.db, { bookYear, from: `${q.year}-01-01`, to: `${q.year}-12-31`, unitId: unit.id })
      return c.json({ bookYears, bookYear, year: q.year, unit: unit.id, items })
    },
  )

  return app
}
