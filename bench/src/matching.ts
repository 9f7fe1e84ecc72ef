import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { MatchIndex, blockingKeys, foldText, standardise, type MatchBand } from '@faro/core'
import { registryInput, requestInput } from '../../packages/server/src/cli/match-batch.ts'
import { findPgBin, startPgCluster } from '../../packages/server/src/test/postgres-cluster.ts'
import { PHENOMENA, matchingDataset, type MatchingDataset, type Phenomenon, type RegistryRow, type RequestRow } from './matching-data.ts'

// The matching engine on a seeded registry of BENCH_MATCH_RECORDS (1,000,000) records and
// BENCH_MATCH_PRESENT (4,800) requests whose person is in it plus BENCH_MATCH_ABSENT (2,000)
// whose person is not: index build time and memory, per-query latency, recall@1 and @10
// overall and per phenomenon, false strong alerts, relatives and namesakes called strong;
// next to two baselines in the same run: exact accent-folded given name + first surname, and
// PostgreSQL pg_trgm similarity on the full name (BENCH_MATCH_PG_QUERIES requests; set
// BENCH_MATCH_PG=0 to skip). BENCH_MATCH_CLI=1 also runs `faro match batch` on the same data
// written as JSONL. Usage: npm run bench:matching --workspace @faro/bench

const RECORDS = Number(process.env.BENCH_MATCH_RECORDS ?? 1_000_000)
const PRESENT = Number(process.env.BENCH_MATCH_PRESENT ?? 4_800)
const ABSENT = Number(process.env.BENCH_MATCH_ABSENT ?? 2_000)
const SEED = Number(process.env.BENCH_SEED ?? 20261205)
const PG_QUERIES = Number(process.env.BENCH_MATCH_PG_QUERIES ?? 1_000)
const TODAY = '2026-01-01'

interface Outcome {
  rank: number
  blocked: boolean
  bandOfTarget: MatchBand | null
  strongWrong: number
}

interface Tally {
  n: number
  at1: number
  at10: number
  blocked: number
}

async function main(): Promise<void> {
  console.log(`matching: ${fmt(RECORDS)} registry records, ${fmt(PRESENT)} requests present, ${fmt(ABSENT)} absent, seed ${SEED}, node ${process.version}, ${os.cpus().length} cores`)
  const data = matchingDataset({ seed: SEED, records: RECORDS, present: PRESENT, absent: ABSENT })

  // Build: standardise, keys, index, one record at a time, as `faro match batch` does.
  const index = new MatchIndex()
  const rssBefore = process.memoryUsage().rss
  let generateMs = 0
  let buildMs = 0
  let t = performance.now()
  for (const row of data.registry()) {
    const t1 = performance.now()
    generateMs += t1 - t
    const features = standardise(registryInput(row), { today: TODAY })
    index.add(row.id, blockingKeys(features), features)
    t = performance.now()
    buildMs += t - t1
  }
  const rssBuilt = process.memoryUsage().rss
  console.log(`engine: index built in ${(buildMs / 1000).toFixed(1)} s (standardise + keys + index; generating the records took another ${(generateMs / 1000).toFixed(1)} s); RSS ${mb(rssBuilt)} MB (${mb(rssBuilt - rssBefore)} MB for the index)`)

  // Queries.
  const times: number[] = []
  const outcomes = new Map<string, Outcome>()
  let falseStrong = 0
  let relativesStrong = 0
  let relativesTotal = 0
  const relativeStrongByKind = new Map<string, number>()
  for (const request of data.requests) {
    const truth = data.truth.get(request.id)
    if (!truth) {
      continue
    }
    const t0 = performance.now()
    const query = standardise(requestInput(request), { today: TODAY })
    const candidates = index.search(query, { limit: 10 })
    times.push(performance.now() - t0)
    const strong = candidates.filter((c) => c.band === 'strong')
    if (!truth.present && strong.length > 0) {
      falseStrong++
    }
    for (const relative of truth.relatives) {
      relativesTotal++
      if (strong.some((c) => c.id === relative.id)) {
        relativesStrong++
        relativeStrongByKind.set(relative.relation, (relativeStrongByKind.get(relative.relation) ?? 0) + 1)
      }
    }
    if (truth.present && truth.target !== null) {
      const rank = candidates.findIndex((c) => c.id === truth.target)
      const blocked = rank >= 0 || index.candidates(blockingKeys(query)).includes(truth.target)
      outcomes.set(request.id, { rank, blocked, bandOfTarget: rank >= 0 ? (candidates[rank]?.band ?? null) : null, strongWrong: strong.filter((c) => c.id !== truth.target).length })
    }
  }
  times.sort((a, b) => a - b)
  const rssQueried = process.memoryUsage().rss
  console.log(`engine: ${fmt(times.length)} queries, p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, max ${quantile(times, 1).toFixed(1)} ms; RSS ${mb(rssQueried)} MB`)
  report(data, outcomes, falseStrong, relativesStrong, relativesTotal, relativeStrongByKind)

  // Baseline 1: exact accent-folded first given name + first surname.
  const exact = exactBaseline(data)
  console.log('')
  console.log(`baseline exact (folded first given name + first surname): recall@1 ${exact.at1.toFixed(3)}, recall@10 ${exact.at10.toFixed(3)}; absent requests with an exact hit ${pct(exact.absentHit)}; ${fmt(exact.keys)} keys built in ${(exact.buildMs / 1000).toFixed(1)} s`)

  // Baseline 2: pg_trgm.
  if (process.env.BENCH_MATCH_PG !== '0') {
    if (findPgBin() === undefined) {
      console.log('baseline pg_trgm: skipped, PostgreSQL is not installed')
    } else {
      await trigramBaseline(data)
    }
  }
  if (process.env.BENCH_MATCH_CLI === '1') {
    runCli(data)
  }
}

function report(data: MatchingDataset, outcomes: Map<string, Outcome>, falseStrong: number, relativesStrong: number, relativesTotal: number, byKind: Map<string, number>): void {
  const per = new Map<Phenomenon, Tally>()
  const headline: Tally = { n: 0, at1: 0, at10: 0, blocked: 0 }
  const targetBands = new Map<string, number>()
  let strongWrong = 0
  let strongRight = 0
  for (const [id, outcome] of outcomes) {
    const truth = data.truth.get(id)
    if (!truth?.phenomenon) {
      continue
    }
    const tally = per.get(truth.phenomenon) ?? { n: 0, at1: 0, at10: 0, blocked: 0 }
    count(tally, outcome)
    per.set(truth.phenomenon, tally)
    if (truth.phenomenon !== 'false_name') {
      count(headline, outcome)
      targetBands.set(outcome.bandOfTarget ?? 'not in top 10', (targetBands.get(outcome.bandOfTarget ?? 'not in top 10') ?? 0) + 1)
    }
    strongWrong += outcome.strongWrong
    strongRight += outcome.bandOfTarget === 'strong' ? 1 : 0
  }
  console.log('')
  console.log(`engine, sought people present with a name (all phenomena but false_name), n = ${fmt(headline.n)}:`)
  console.log(`  recall@1 ${(headline.at1 / headline.n).toFixed(3)}   recall@10 ${(headline.at10 / headline.n).toFixed(3)}   blocking recall ${(headline.blocked / headline.n).toFixed(3)}`)
  console.log(`  band of the sought record: ${[...targetBands].map(([b, n]) => `${b} ${pct(n / headline.n)}`).join(', ')}`)
  console.log(`  strong candidates that were the sought person: ${fmt(strongRight)} of ${fmt(strongRight + strongWrong)} (${pct(strongRight / Math.max(1, strongRight + strongWrong))})`)
  console.log(`false strong alerts (absent people with a strong candidate): ${fmt(falseStrong)} of ${fmt(ABSENT)} (${pct(falseStrong / Math.max(1, ABSENT))})`)
  console.log(`relatives and namesakes called strong: ${fmt(relativesStrong)} of ${fmt(relativesTotal)}${relativesStrong > 0 ? ` (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`)
  console.log('')
  console.log('phenomenon               n   blocked  recall@1  recall@10')
  for (const phenomenon of PHENOMENA) {
    const t = per.get(phenomenon)
    if (!t || t.n === 0) {
      continue
    }
    console.log(`${phenomenon.padEnd(20)} ${String(t.n).padStart(5)}   ${(t.blocked / t.n).toFixed(3)}    ${(t.at1 / t.n).toFixed(3)}     ${(t.at10 / t.n).toFixed(3)}`)
  }
}

function count(tally: Tally, outcome: Outcome): void {
  tally.n++
  tally.at1 += outcome.rank === 0 ? 1 : 0
  tally.at10 += outcome.rank >= 0 ? 1 : 0
  tally.blocked += outcome.blocked ? 1 : 0
}

function firstWord(text: string | null | undefined): string {
  return foldText(text ?? '').split(' ')[0] ?? ''
}

/** The first given-name word and first surname word as a system without matching would key them. */
function exactKey(given: string | null, surname: string | null, full: string | null): string {
  if (given === null && surname === null && full !== null) {
    const words = foldText(full).split(' ')
    return `${words[0] ?? ''}|${words[words.length - 1] ?? ''}`
  }
  return `${firstWord(given)}|${firstWord(surname)}`
}

function exactBaseline(data: MatchingDataset): { at1: number; at10: number; absentHit: number; keys: number; buildMs: number } {
  const t0 = performance.now()
  const map = new Map<string, string[]>()
  for (const row of data.registry()) {
    const key = exactKey(row.given_names, row.surname1, row.full_name)
    const list = map.get(key)
    if (list === undefined) {
      map.set(key, [row.id])
    } else if (list.length < 10) {
      list.push(row.id)
    }
  }
  const buildMs = performance.now() - t0
  let at1 = 0
  let at10 = 0
  let n = 0
  let absentHit = 0
  for (const request of data.requests) {
    const truth = data.truth.get(request.id)
    const hits = map.get(exactKey(request.given_names, request.surname1, null)) ?? []
    if (!truth?.present) {
      absentHit += hits.length > 0 ? 1 : 0
      continue
    }
    if (truth.phenomenon === 'false_name' || truth.target === null) {
      continue
    }
    n++
    at1 += hits[0] === truth.target ? 1 : 0
    at10 += hits.includes(truth.target) ? 1 : 0
  }
  return { at1: at1 / n, at10: at10 / n, absentHit: absentHit / Math.max(1, ABSENT), keys: map.size, buildMs }
}

function fullNameOf(row: Pick<RegistryRow, 'given_names' | 'surname1' | 'surname2'> & { full_name?: string | null }): string {
  return row.full_name ?? [row.given_names, row.surname1, row.surname2].filter(Boolean).join(' ')
}

async function trigramBaseline(data: MatchingDataset): Promise<void> {
  const cluster = await startPgCluster()
  const client = new pg.Client({ connectionString: cluster.url })
  await client.connect()
  try {
    try {
      await client.query('create extension pg_trgm')
    } catch (e) {
      console.log(`baseline pg_trgm: skipped, the pg_trgm extension is not available (${e instanceof Error ? e.message : String(e)})`)
      return
    }
    await client.query('create table registry (id text primary key, name text not null)')
    const t0 = performance.now()
    let values: string[] = []
    const flush = async () => {
      if (values.length === 0) {
        return
      }
      const params = Array.from({ length: values.length / 2 }, (_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(',')
      await client.query(`insert into registry (id, name) values ${params}`, values)
      values = []
    }
    for (const row of data.registry()) {
      const name = fullNameOf(row)
      if (name !== '') {
        values.push(row.id, name)
      }
      if (values.length === 4000) {
        await flush()
      }
    }
    await flush()
    const loaded = performance.now()
    await client.query('create index registry_name_trgm on registry using gin (name gin_trgm_ops)')
    await client.query('analyze registry')
    const indexed = performance.now()
    const version = (await client.query<{ v: string }>('select extversion as v from pg_extension where extname = $1', ['pg_trgm'])).rows[0]?.v
    console.log(`baseline pg_trgm ${version}: ${fmt(data.size)} names loaded in ${((loaded - t0) / 1000).toFixed(1)} s, GIN trigram index built in ${((indexed - loaded) / 1000).toFixed(1)} s`)
    const present = data.requests.filter((r) => data.truth.get(r.id)?.present && data.truth.get(r.id)?.phenomenon !== 'false_name').slice(0, Math.round(PG_QUERIES * 0.7))
    const absent = data.requests.filter((r) => !data.truth.get(r.id)?.present).slice(0, PG_QUERIES - present.length)
    const times: number[] = []
    let at1 = 0
    let at10 = 0
    let identical = 0
    const search = async (request: RequestRow) => {
      const t = performance.now()
      const { rows } = await client.query<{ id: string; s: number }>('select id, similarity(name, $1) as s from registry where name % $1 order by s desc limit 10', [fullNameOf(request)])
      times.push(performance.now() - t)
      return rows
    }
    for (const request of present) {
      const rows = await search(request)
      const target = data.truth.get(request.id)?.target
      at1 += rows[0]?.id === target ? 1 : 0
      at10 += rows.some((r) => r.id === target) ? 1 : 0
    }
    for (const request of absent) {
      const rows = await search(request)
      identical += (rows[0]?.s ?? 0) >= 1 ? 1 : 0
    }
    times.sort((a, b) => a - b)
    console.log(
      `baseline pg_trgm (similarity on the full name as written, threshold 0.3, ${fmt(present.length)} present and ${fmt(absent.length)} absent requests): ` +
        `recall@1 ${(at1 / present.length).toFixed(3)}, recall@10 ${(at10 / present.length).toFixed(3)}; absent requests with an identical name at the top ${pct(identical / Math.max(1, absent.length))}; ` +
        `per query p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`,
    )
  } finally {
    await client.end()
    cluster.stop()
  }
}

/** Writes the data as JSONL and runs `faro match batch` on it, as an evaluator would. */
function runCli(data: MatchingDataset): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-match-'))
  try {
    const registry = path.join(dir, 'registry.jsonl')
    const requests = path.join(dir, 'requests.jsonl')
    const out = path.join(dir, 'out.jsonl')
    const fd = fs.openSync(registry, 'w')
    let chunk: string[] = []
    for (const row of data.registry()) {
      chunk.push(JSON.stringify(row))
      if (chunk.length === 10_000) {
        fs.writeSync(fd, `${chunk.join('\n')}\n`)
        chunk = []
      }
    }
    fs.writeSync(fd, chunk.length > 0 ? `${chunk.join('\n')}\n` : '')
    fs.closeSync(fd)
    fs.writeFileSync(requests, data.requests.map((r) => JSON.stringify(r)).join('\n') + '\n')
    const root = path.resolve(import.meta.dirname, '../..')
    const t0 = performance.now()
    const run = spawnSync(process.execPath, ['--v8-pool-size=0', '--import', 'tsx', path.join(root, 'packages/server/src/cli/main.ts'), 'match', 'batch', '--registry', registry, '--requests', requests, '--out', out], { encoding: 'utf8', cwd: root })
    const seconds = (performance.now() - t0) / 1000
    const lines = run.status === 0 ? fs.readFileSync(out, 'utf8').trim().split('\n').length : 0
    console.log('')
    console.log(`faro match batch on the same data as JSONL: exit ${run.status}, ${fmt(lines)} lines written, ${seconds.toFixed(1)} s in all`)
    process.stdout.write(run.stderr.split('\n').filter(Boolean).map((l) => `  ${l}\n`).join(''))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}

function mb(bytes: number): string {
  return fmt(bytes / 1024 / 1024)
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`
}

await main()
