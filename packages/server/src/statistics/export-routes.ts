import { Hono } from 'hono'
import { Border, decide, DomainError, FACTS, MexicanState, message, PROBLEM_TITLES, RecordId } from '@faro/core'
import { z } from 'zod'
import { findOrgUnit } from '../accounts/org-units-repo.ts'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody } from '../http/validate.ts'
import { audit, auditDenied } from '../log/audit.ts'
import type { Ctx } from '../log/context.ts'
import { findExport, insertExport, readChunks, type ExportRow } from './export/jobs-repo.ts'
import { filenameOf, KEEP_MS, MEDIA_TYPES, startExport, type ExportDeps, type ExportFormat, type ExportSpec } from './export/run.ts'
import { BY, type By } from './query.ts'

/**
 * Exports of the statistics as jobs (`/api/statistics/exports`): a table question as CSV (with its
 * HXL row), XLSX, JSON or PDF, deaths, remains and rescues in IOM's Missing Migrants columns, or
 * the programme's yearly report as a PDF. The client names the job (its id makes asking twice
 * harmless), polls its progress and downloads the file once done; only the account that asked
 * sees it, for 24 hours. Exact figures, under the same `statistics.read` policy as the table.
 */

const tags = ['statistics']
const FORMATS = ['csv', 'xlsx', 'json', 'pdf', 'mmp'] as const satisfies readonly ExportFormat[]
const Day = z.iso.date()

const ExportQuestion = z
  .strictObject({
    fact: z.enum(FACTS).optional().describe('what is counted; not needed for `mmp`, which lists remains and rescues'),
    unit: RecordId.optional().describe('the unit whose subtree is counted; the account\'s own by default'),
    border: Border.optional().describe('only the units of the subtree on this border (inherited from the nearest ancestor that has one)'),
    state: MexicanState.optional().describe('only the units of the subtree in this state (inherited as the border)'),
    from: Day.describe('first day'),
    to: Day.describe('last day, both included; five years at most'),
    by: z
      .union([z.array(z.enum(BY)).max(3), z.string().regex(/^[a-zA-Z]+(,[a-zA-Z]+){0,2}$/).transform((v) => v.split(','))])
      .optional()
      .describe(`up to three of ${BY.join(', ')}: as a list or separated by commas; sex and age band become the counts' columns`),
  })
  .superRefine((q, ctx) => {
    if (q.from > q.to) {
      ctx.addIssue({ code: 'custom', message: 'faro.export_period_order', path: ['to'] })
    } else if (Date.parse(q.to) - Date.parse(q.from) > 366 * 5 * 86_400_000) {
      ctx.addIssue({ code: 'custom', message: 'faro.export_period_long', path: ['to'] })
    }
    const by = q.by ?? []
    if (new Set(by).size !== by.length || by.some((b) => !(BY as readonly string[]).includes(b))) {
      ctx.addIssue({ code: 'custom', message: 'faro.export_by_once', path: ['by'] })
    }
  })

const ExportReport = z.strictObject({
  kind: z.literal('yearly').describe('the programme\'s yearly report'),
  year: z.number().int().min(2000).max(2100),
  unit: RecordId.optional().describe('the unit reported on; the account\'s own by default'),
})

export const ExportRequest = z
  .strictObject({
    id: z.uuid().describe('chosen by the client: the same id again returns the same job'),
    format: z.enum(FORMATS).describe('csv (with an HXL row), xlsx, json, pdf, or mmp (IOM Missing Migrants columns, CSV)'),
    question: ExportQuestion.optional(),
    report: ExportReport.optional().describe('instead of a question, with format pdf'),
  })
  .superRefine((r, ctx) => {
    if ((r.question === undefined) === (r.report === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'faro.export_question_or_report', path: ['question'] })
      return
    }
    if (r.report !== undefined && r.format !== 'pdf') {
      ctx.addIssue({ code: 'custom', message: 'faro.export_report_pdf', path: ['format'] })
    }
    if (r.question !== undefined && r.format !== 'mmp' && r.question.fact === undefined) {
      ctx.addIssue({ code: 'custom', message: 'faro.export_fact_required', path: ['question', 'fact'] })
    }
  })

export const ExportJob = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number().describe('0 to 1'),
  rows: z.number().describe('rows written so far (lines of a report\'s tables)'),
  format: z.enum(FORMATS),
  filename: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
})

export function statisticsExportRoutes(deps: Pick<ExportDeps, 'logger'> = {}) {
  const app = new Hono<AppEnv>()

  app.post(
    '/statistics/exports',
    describe({
      summary: 'Asks for an export of the statistics, made in the background: a table question as CSV with an HXL row, XLSX, JSON or PDF; remains and rescues in IOM Missing Migrants columns (`mmp`); or the yearly report as PDF. 202 with the job; the same id again gives the same job (200)',
      tags,
      errors: [404, 409],
      responses: { 202: { description: 'The job, queued', schema: ExportJob }, 200: { description: 'The job this id already named', schema: ExportJob } },
    }),
    requireAuth,
    jsonBody(ExportRequest),
    async (c) => {
      const ctx = c.get('ctx')
      const body = c.req.valid('json')
      const unit = await findOrgUnit(ctx.db.db, body.question?.unit ?? body.report?.unit ?? ctx.actor.orgUnitId)
      if (unit === undefined) {
        throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
      }
      if (!decide(ctx.actor, 'statistics.read', { orgUnitPath: unit.path }).allowed) {
        await auditDenied(ctx, { action: 'statistics.read', recordType: 'stat_export', recordId: body.id })
        throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
      }
      const spec: ExportSpec =
        body.report !== undefined
          ? { kind: 'report', report: body.report.kind, year: body.report.year, unitId: unit.id, unitName: unit.name }
          : {
              kind: 'question',
              ...(body.format === 'mmp' ? {} : { fact: body.question?.fact }),
              from: body.question?.from ?? '',
              to: body.question?.to ?? '',
              unitId: unit.id,
              unitName: unit.name,
              ...(body.question?.border === undefined ? {} : { border: body.question.border }),
              ...(body.question?.state === undefined ? {} : { state: body.question.state }),
              by: (body.question?.by ?? []) as By[],
            }
      const question = JSON.stringify(spec)
      const now = ctx.clock.now()
      const { row, created } = await ctx.db.db.transaction().execute(async (trx) => {
        const result = await insertExport(trx, {
          id: body.id,
          userId: ctx.actor.userId,
          unitId: unit.id,
          format: body.format,
          lang: ctx.lang,
          question,
          filename: filenameOf(body.format, spec),
          mediaType: MEDIA_TYPES[body.format],
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + KEEP_MS).toISOString(),
        })
        if (result.created) {
          await audit(trx, ctx, { action: 'statistics.read', recordType: 'stat_export', recordId: body.id, decision: 'allowed' })
        }
        return result
      })
      if (!created) {
        if (row.userId !== ctx.actor.userId || row.format !== body.format || row.question !== question) {
          throw new DomainError('conflict', message('faro.export_id_reused', ctx.lang), { reason: 'export_id_reused' })
        }
        return c.json(jobOf(row), 200)
      }
      // Started here rather than at the scheduler's next tick: a small table is ready by the
      // client's first poll. Another process's tick may take it first; the claim decides.
      startExport({ db: ctx.db, clock: ctx.clock, logger: deps.logger }, body.id)
      return c.json(jobOf(row), 202)
    },
  )

  app.get(
    '/statistics/exports/:id',
    describe({ summary: 'An export job\'s status and progress (the account that asked for it only)', tags, responses: { 200: { description: 'The job', schema: ExportJob } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      return c.json(jobOf(await ownExport(ctx, c.req.param('id'))))
    },
  )

  app.get(
    '/statistics/exports/:id/file',
    describe({ summary: 'An export\'s file, as an attachment, once done (409 until then); kept 24 hours', tags, errors: [409], responses: { 200: { description: 'The file: text/csv, XLSX, JSON or PDF' } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      const job = await ownExport(ctx, c.req.param('id'))
      if (job.status !== 'done' || job.claim === null) {
        throw new DomainError('conflict', message('faro.export_not_ready', ctx.lang), { reason: 'export_not_ready' })
      }
      await ctx.db.db.transaction().execute((trx) => audit(trx, ctx, { action: 'statistics.read', recordType: 'stat_export', recordId: job.id, decision: 'allowed' }))
      const chunks = readChunks(ctx.db.db, job.id, job.claim)[Symbol.asyncIterator]()
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await chunks.next()
          if (next.done === true) {
            controller.close()
            return
          }
          controller.enqueue(next.value)
        },
      })
      return new Response(body, {
        headers: {
          'content-type': job.mediaType,
          'content-disposition': `attachment; filename="${job.filename}"`,
          ...(job.size === null ? {} : { 'content-length': String(job.size) }),
          'cache-control': 'no-store',
        },
      })
    },
  )

  return app
}

/** The job as the API shows it. */
function jobOf(row: ExportRow): z.infer<typeof ExportJob> {
  return { id: row.id, status: row.status, progress: row.progress, rows: row.rows, format: row.format as ExportFormat, filename: row.filename, createdAt: row.createdAt, finishedAt: row.finishedAt }
}

/** The caller's own export, not yet expired; anyone else's is as if it did not exist. */
async function ownExport(ctx: Ctx, id: string): Promise<ExportRow> {
  const row = await findExport(ctx.db.db, id)
  if (row === undefined || row.userId !== ctx.actor.userId || row.expiresAt <= ctx.clock.now().toISOString()) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  return row
}
