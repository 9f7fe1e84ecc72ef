import { Hono } from 'hono'
import { addCounts, parseInput, RecordId, type OperationOpened, type SurgeState } from '@faro/core'
import { z } from 'zod'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { query } from '../http/validate.ts'
import { allVisibleRecords, readRecord } from '../log/records.ts'
import { statusOf, today, unitsWithState } from './views.ts'

/**
 * The surge dashboard of a special operation: the arrivals counted at each point, per hour, with
 * their breakdowns, added up from the operators' sheets (`surge` records, kept offline and synced
 * like any field record). Each sheet's fold already holds its hourly counts, so a day of 20,000
 * taps at one point is read as a few dozen sheets, not 20,000 actions; a sheet synced a moment ago
 * is in the next answer.
 */

const Counts = z.record(z.string(), z.number())
const Breakdown = { people: z.number().int(), bySex: Counts, byAge: Counts, byNationality: Counts, byVulnerability: Counts, byService: Counts, byHour: Counts.describe('arrivals per hour, keyed by the hour\'s start in UTC: 2026-12-05T14') }
const Point = z.object({ key: z.string(), point: z.string(), placeId: z.string().nullable(), orgUnitId: z.string(), unitName: z.string(), sheets: z.number().int().describe('operators\' sheets counted'), lastAt: z.string().nullable(), ...Breakdown })
const Answer = z.object({
  operation: z.object({ recordId: z.string(), name: z.string(), reason: z.string().nullable(), status: z.enum(['upcoming', 'open', 'ended']) }),
  day: z.string(),
  hours: z.array(z.string()).describe('every hour with arrivals, in order'),
  points: z.array(Point).describe('the points, most arrivals first'),
  total: z.object({ sheets: z.number().int(), lastAt: z.string().nullable(), ...Breakdown }),
})
type Totals = Omit<z.infer<typeof Point>, 'key' | 'point' | 'placeId' | 'orgUnitId' | 'unitName'>

const empty = (): Totals => ({ sheets: 0, lastAt: null, people: 0, bySex: {}, byAge: {}, byNationality: {}, byVulnerability: {}, byService: {}, byHour: {} })

function addSheet(into: Totals, sheet: SurgeState): Totals {
  const later = sheet.lastAt !== undefined && (into.lastAt === null || sheet.lastAt > into.lastAt)
  return {
    sheets: into.sheets + 1,
    lastAt: later ? (sheet.lastAt ?? null) : into.lastAt,
    people: into.people + sheet.people,
    bySex: addCounts(into.bySex, sheet.bySex),
    byAge: addCounts(into.byAge, sheet.byAge),
    byNationality: addCounts(into.byNationality, sheet.byNationality),
    byVulnerability: addCounts(into.byVulnerability, sheet.byVulnerability),
    byService: addCounts(into.byService, sheet.byService),
    byHour: addCounts(into.byHour, sheet.byHour),
  }
}

/** One point however its operators wrote it: the place when named, else the name without case or extra spaces. */
function pointKey(sheet: SurgeState): string {
  return `${sheet.orgUnitId}|${sheet.placeId ?? sheet.point.trim().toLocaleLowerCase('es').replace(/\s+/g, ' ')}`
}

export function surgeRoutes() {
  const app = new Hono<AppEnv>()

  app.get(
    '/operations/:recordId/surge',
    describe({ errors: [404], summary: 'A special operation\'s surge dashboard for a day: arrivals per point per hour, by sex, age band, nationality, vulnerability and service, from the sheets the caller may read', tags: ['operations'], responses: { 200: { description: 'The dashboard', schema: Answer } } }),
    requireAuth,
    query(z.strictObject({ day: z.iso.date().optional().describe('the sheets\' day; default: today in Mexico\'s centre') })),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const operation = await readRecord(ctx, 'operation', recordId)
      const state = operation.state as unknown as OperationOpened
      const day = c.req.valid('query').day ?? today(ctx)
      const sheets = (await allVisibleRecords<SurgeState>(ctx, 'surge')).filter((s) => s.state.operationId === recordId && s.state.day === day)
      const units = await unitsWithState(ctx)
      const points = new Map<string, z.infer<typeof Point>>()
      // A point is shown by the way most of the people counted there were written down.
      const spellings = new Map<string, Map<string, number>>()
      let total = empty()
      for (const { state: sheet } of sheets) {
        const key = pointKey(sheet)
        const current = points.get(key) ?? { key, point: sheet.point, placeId: sheet.placeId ?? null, orgUnitId: sheet.orgUnitId, unitName: units.get(sheet.orgUnitId)?.name ?? sheet.orgUnitId, ...empty() }
        const written = spellings.get(key) ?? new Map<string, number>()
        written.set(sheet.point.trim(), (written.get(sheet.point.trim()) ?? 0) + sheet.people)
        spellings.set(key, written)
        const point = [...written].reduce((best, next) => (next[1] > best[1] ? next : best))[0]
        points.set(key, { ...current, ...addSheet(current, sheet), point })
        total = addSheet(total, sheet)
      }
      return c.json({
        operation: { recordId, name: state.name, reason: state.reason ?? null, status: statusOf(state, today(ctx)) },
        day,
        hours: Object.keys(total.byHour).sort(),
        points: [...points.values()].sort((a, b) => b.people - a.people || a.point.localeCompare(b.point)),
        total,
      })
    },
  )

  return app
}
