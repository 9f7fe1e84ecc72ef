import fs from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { MatchIndex, MatchRecordKind, blockingKeys, standardise, type MatchInput } from '@faro/core'
import { z } from 'zod'

/**
 * `faro match batch`: the matching engine alone, on JSONL files, with no database: every
 * request searched against the registry, the best ten candidates written per request. The
 * contract is in docs/tracing.md ("The command-line contract").
 */

const Id = z.union([z.string().min(1), z.number()])
const Name = z.string().nullable().optional()
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD or null').nullable().optional()
const Common = {
  id: Id,
  given_names: Name,
  surname1: Name,
  surname2: Name,
  aliases: z.array(z.string()).nullable().optional(),
  sex: z.enum(['M', 'F']).nullable().optional(),
  nationality: z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166 alpha-2 code or null').nullable().optional(),
  birth_date: IsoDate,
  age_years: z.number().int().min(0).max(130).nullable().optional(),
}

/** One line of REGISTRY.jsonl. */
export const RegistryLine = z.object({
  ...Common,
  kind: MatchRecordKind.nullable().optional(),
  full_name: Name,
  event_date: IsoDate,
  event_place: z.string().nullable().optional(),
})
export type RegistryLine = z.infer<typeof RegistryLine>

/** One line of REQUESTS.jsonl. */
export const RequestLine = z.object({
  ...Common,
  full_name: Name,
  last_seen_date: IsoDate,
  last_seen_place: z.string().nullable().optional(),
})
export type RequestLine = z.infer<typeof RequestLine>

/** A line of a JSONL file that is not what the contract says. */
export class BadLineError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: ${detail}`)
  }
}

/** The fields both kinds of line share, as the engine reads them. */
function personInput(line: RegistryLine | RequestLine): Omit<MatchInput, 'role' | 'kind' | 'eventDate'> {
  return {
    givenNames: line.given_names,
    surname1: line.surname1,
    surname2: line.surname2,
    fullName: line.full_name,
    aliases: (line.aliases ?? []).slice(0, 20),
    sex: line.sex ?? null,
    nationality: line.nationality?.toUpperCase() ?? null,
    birthDate: line.birth_date,
    ageYears: line.age_years === null || line.age_years === undefined ? null : Math.min(120, line.age_years),
  }
}

/** A registry line as the engine's input. */
export function registryInput(line: RegistryLine): MatchInput {
  return { role: 'record', kind: line.kind ?? null, ...personInput(line), eventDate: line.event_date }
}

/** A request line as the engine's input. */
export function requestInput(line: RequestLine): MatchInput {
  return { role: 'request', ...personInput(line), eventDate: line.last_seen_date }
}

/**
 * Reads a JSONL file line by line (never as one string), parsing each non-empty line with the
 * schema; throws BadLineError naming the file and line at the first bad one.
 */
export async function* readJsonl<T>(file: string, schema: z.ZodType<T>): AsyncGenerator<T> {
  const input = fs.createReadStream(file, { encoding: 'utf8' })
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let number = 0
  try {
    for await (const text of lines) {
      number++
      if (text.trim() === '') {
        continue
      }
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        throw new BadLineError(file, number, 'not valid JSON')
      }
      const parsed = schema.safeParse(json)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
        throw new BadLineError(file, number, `${where}${issue?.message ?? 'not a valid line'}`)
      }
      yield parsed.data
    }
  } finally {
    lines.close()
    input.destroy()
  }
}

/** Figures of one run, printed on stderr. */
export interface BatchReport {
  records: number
  requests: number
  buildSeconds: number
  p50Ms: number
  p95Ms: number
  peakRssMb: number
}

/** Runs the batch: index the registry, search each request, write OUT. */
export async function runMatchBatch(paths: { registry: string; requests: string; out: string }, today: string): Promise<BatchReport> {
  const index = new MatchIndex()
  // The engine indexes by line; the ids of the file are given back as they were written.
  const ids: (string | number)[] = []
  const started = performance.now()
  for await (const line of readJsonl(paths.registry, RegistryLine)) {
    const features = standardise(registryInput(line), { today })
    index.add(String(ids.length), blockingKeys(features), features)
    ids.push(line.id)
  }
  const buildSeconds = (performance.now() - started) / 1000
  const out = fs.createWriteStream(paths.out, { encoding: 'utf8' })
  const times: number[] = []
  try {
    for await (const line of readJsonl(paths.requests, RequestLine)) {
      const t0 = performance.now()
      const candidates = index.search(standardise(requestInput(line), { today }), { limit: 10 })
      times.push(performance.now() - t0)
      const row = {
        request_id: line.id,
        candidates: candidates.map((c) => ({ id: ids[Number(c.id)] ?? c.id, score: Math.round(c.score * 100) / 100, band: c.band })),
      }
      if (!out.write(`${JSON.stringify(row)}\n`)) {
        await once(out, 'drain')
      }
    }
  } finally {
    out.end()
    await once(out, 'close')
  }
  times.sort((a, b) => a - b)
  return {
    records: ids.length,
    requests: times.length,
    buildSeconds,
    p50Ms: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }
}

const USAGE = 'usage: faro match batch --registry REGISTRY.jsonl --requests REQUESTS.jsonl --out OUT.jsonl'

/** `faro match …`: only `batch` for now. Returns the exit code. */
export async function matchCommand(args: string[]): Promise<number> {
  let values: { registry?: string; requests?: string; out?: string }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({ args, allowPositionals: true, options: { registry: { type: 'string' }, requests: { type: 'string' }, out: { type: 'string' } } }))
  } catch (e) {
    process.stderr.write(`faro: ${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`)
    return 2
  }
  const { registry, requests, out } = values
  if (positionals[0] !== 'batch' || positionals.length !== 1 || !registry || !requests || !out) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  for (const [flag, file] of [['--registry', registry], ['--requests', requests]] as const) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      process.stderr.write(`faro: ${flag}: no such file: ${file}\n`)
      return 2
    }
  }
  try {
    const report = await runMatchBatch({ registry, requests, out }, new Date().toISOString().slice(0, 10))
    process.stderr.write(
      `match batch: ${report.records.toLocaleString('en-US')} registry records indexed in ${report.buildSeconds.toFixed(1)} s\n` +
        `match batch: ${report.requests.toLocaleString('en-US')} requests; per query p50 ${report.p50Ms.toFixed(1)} ms, p95 ${report.p95Ms.toFixed(1)} ms; peak RSS ${Math.round(report.peakRssMb)} MB\n`,
    )
    return 0
  } catch (e) {
    if (e instanceof BadLineError) {
      // No half-written answer is left behind to be mistaken for a whole one.
      fs.rmSync(out, { force: true })
      process.stderr.write(`faro: ${e.message}\n`)
      return 2
    }
    throw e
  }
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) {
    return 0
  }
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}
