import { Hono } from 'hono'
import { decide, DomainError, FACTS, PROBLEM_TITLES, RecordId } from '@faro/core'
import { sql } from 'kysely'
import { z } from 'zod'
import { findOrgUnit, findUnitIdsUnder } from '../accounts/org-units-repo.ts'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { query } from '../http/validate.ts'
import { auditDenied } from '../log/audit.ts'

/**
 * The statistics over HTTP (`/api/statistics`): a fact's counts for a unit and its subtree over a
 * run of days, broken down by up to three dimensions, read from the summary table (never from the
 * records). Exact counts for the offices that may read them; what leaves for the public or for
 * partners goes through disclosure control first (disclosure.ts).
 */

const tags = ['statistics']
const BY = ['unit', 'year', 'month', 'day', 'sex', 'ageBand', 'nationality', 'kind', 'outcome'] as const
type By = (typeof BY)[number]

const COLUMN: Readonly<Record<By, string>> = {
  unit: 'unit_id',
  year: 'substr(day, 1, 4)',
  month: 'substr(day, 1, 7)',
  day: 'day',
  sex: 'sex',
  ageBand: 'age_band',
  nationality: 'nationality',
  kind: 'kind',
  outcome: 'outcome',
}

const Day = z.iso.date()
const TableQuery = z
  .strictObject({
    fact: z.enum(FACTS),
    from: Day,
    to: Day,
    unit: RecordId.optional().describe('the unit whose subtree is counted; the account\'s own by default'),
    by: z
      .string()
      .regex(/^[a-zA-Z]+(,[a-zA-Z]+){0,2}$/, 'up to three of unit, year, month, day, sex, ageBand, nationality, kind, outcome, separated by commas')
      .refine((v) => v.split(',').every((b) => (BY as readonly string[]).includes(b)), 'up to three of unit, year, month, day, sex, ageBand, nationality, kind, outcome')
      .refine((v) => new Set(v.split(',')).size === v.split(',').length, 'each dimension once')
      .optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'the end cannot come before the start', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 5 * 86_400_000, { message: 'five years at most', path: ['to'] })

const Row = z.record(z.string(), z.union([z.string(), z.number()]))

export function statisticsRoutes() {
  const app = new Hono<AppEnv>()

  app.get(
    '/statistics/table',
    describe({
      summary: 'A fact\'s counts (people attended, rescued, services given, patrols, remains, Paisano tallies) under a unit from one day to another, each record on its own state\'s day, broken down by up to three dimensions (`by`), largest first',
      tags,
      responses: { 200: { description: 'The table', schema: z.object({ fact: z.enum(FACTS), from: Day, to: Day, unit: z.string(), by: z.array(z.enum(BY)), rows: z.array(Row), total: z.number() }) } },
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
      const by = (q.by?.split(',') ?? []) as By[]
      const units = await findUnitIdsUnder(ctx.db.db, unit.id)
      const columns = by.map((b) => sql`${sql.raw(COLUMN[b])} as ${sql.ref(b)}`)
      const groups = by.map((b) => sql.raw(COLUMN[b]))
      const rows = await sql<Record<string, string | number>>`select ${sql.join([...columns, sql`sum(n) as n`])} from stat_cells where fact = ${q.fact} and day >= ${q.from} and day <= ${q.to} and unit_id in (${sql.join(units)}) ${groups.length > 0 ? sql`group by ${sql.join(groups)}` : sql``}`.execute(ctx.db.db)
      const items = rows.rows.map((r) => ({ ...r, n: Number(r.n ?? 0) })).filter((r) => r.n !== 0)
      items.sort((a, b) => b.n - a.n || JSON.stringify(a).localeCompare(JSON.stringify(b)))
      return c.json({ fact: q.fact, from: q.from, to: q.to, unit: unit.id, by, rows: items, total: items.reduce((sum, r) => sum + r.n, 0) })
    },
  )

  return app
}
