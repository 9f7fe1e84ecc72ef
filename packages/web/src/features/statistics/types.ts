/**
 * The statistics API as the pages read it (GET /api/statistics/table, the export jobs). Declared
 * here rather than taken from the server, which the web never imports.
 */

/** The facts the pages offer, in the order of the picker. */
export const STAT_FACTS = ['attended', 'attended_vulnerable', 'service', 'rescued', 'patrol', 'patrol_encountered', 'remains', 'tally'] as const
export type StatFact = (typeof STAT_FACTS)[number]

/** The facts the yearly report reads besides: Paisano's cases (complaints, requests for help). */
export type BookFact = StatFact | 'case'

/** A dimension of the table question. */
export type Dim = 'border' | 'state' | 'unit' | 'operation' | 'year' | 'half' | 'quarter' | 'month' | 'week' | 'day' | 'sex' | 'ageBand' | 'nationality' | 'kind' | 'outcome' | 'channel' | 'body' | 'timing'

/** One row: its value of every dimension asked, its count and, compared, the count a year earlier. */
export type TableRow = Record<string, string | number> & { n: number; previous?: number }

export interface UnitLabel {
  name: string
  kind: string
  state: string | null
  border: string | null
}

/** GET /api/statistics/table. */
export interface TableAnswer {
  fact: string
  from: string
  to: string
  unit: string
  by: Dim[]
  rows: TableRow[]
  total: number
  previousTotal?: number
  units: Record<string, UnitLabel>
}

/** GET /api/operations: an operation, newest first. */
export interface OperationItem {
  recordId: string
  kind: string
  name: string
  startsOn: string
  endsOn: string
  status: 'upcoming' | 'open' | 'ended'
}

/** An export job (POST /api/statistics/exports, GET /api/statistics/exports/:id). */
export interface ExportJob {
  id: string
  status: 'queued' | 'running' | 'done' | 'failed'
  progress: number
  rows?: number
  format: ExportFormat
  filename?: string
  error?: string
}

export type ExportFormat = 'csv' | 'xlsx' | 'json' | 'pdf'

/** What an export asks: the page's table question, or the programme's yearly report. */
export type ExportRequest = { question: { fact: StatFact; unit?: string; border?: string; state?: string; from: string; to: string; by?: Dim[] } } | { report: { kind: 'yearly'; year: number; unit?: string } }
