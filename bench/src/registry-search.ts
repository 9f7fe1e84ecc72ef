import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { findPgBin, startPgCluster } from '../../packages/server/src/test/postgres-cluster.ts'
import { login, startServer, type BenchServer, type Session } from './common.ts'
import { matchingDataset, type MatchingDataset, type RegistryRow, type RequestRow } from './matching-data.ts'

// The search for missing migrants as the server runs it: a seeded registry (matching-data.ts)
// imported through POST /api/tracing/imports into the vault (identities encrypted per person, the
// blocking keys as keyed hashes in person_name_index), location requests filed through
// POST /api/tracing/requests, and each one's review (GET /api/tracing/requests/:id/review: keys
// looked up, candidates decrypted, standardised and scored per request) timed and checked against
// the dataset's truth; next to the staff's name search (POST /api/people/search, keyed hashes of
// name tokens and phonetic keys) for the same requests, interleaved, on the same server and data.
// Then the search job's pass over a late list of BENCH_LATE_CHUNK records, BENCH_LATE of them the
// sought records of requests filed before it (run in the server's process on SIGUSR2, as the job
// runs it every minute), against the same job's first pass over the registry with no request open.
// Usage: npm run bench:registry-search --workspace @faro/bench [-- sqlite|postgres]

const RECORDS = Number(process.env.BENCH_REGISTRY ?? 20_000)
const PRESENT = Number(process.env.BENCH_PRESENT ?? 400)
const ABSENT = Number(process.env.BENCH_ABSENT ?? 200)
const LATE = Number(process.env.BENCH_LATE ?? 50)
const LATE_CHUNK = Number(process.env.BENCH_LATE_CHUNK ?? 500)
const SEED = Number(process.env.BENCH_SEED ?? 20261205)
/** The server's body limit is 1 MB (FARO_MAX_BODY_BYTES); each import's body stays under this. */
const BODY_BUDGET = 900_000
const SOURCE = 'Bench: lista de un hospital'

interface Timing {
  p50: number
  p95: number
  max: number
  total: number
}

interface Entry {
  sourceRef: string
  personId: string
}

interface Filed {
  request: RequestRow
  recordId: string
  /** Its sought record comes in the late list. */
  late: boolean
}

async function run(dialect: 'sqlite' | 'postgres', data: MatchingDataset): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-bench-registry-'))
  const cluster = dialect === 'postgres' ? await startPgCluster() : undefined
  const server = await startServer(cluster ? cluster.url : path.join(dir, 'faro.sqlite'), { role: 'group_coordinator', unit: 'beta' })
  try {
    const base = `http://127.0.0.1:${server.port}`
    const session = await login(base)
    const api = client(base, session)
    // The job's first pass on the empty database marks its index as current (match-index.ts), as a
    // fresh server's job does within its first minute; otherwise the pass after the import would
    // rewrite every identity's digests once.
    await alertPass(server)

    // The registry, split: the late list (the sought records of the last BENCH_LATE present
    // requests and background records) is imported after the requests are filed.
    const lateTargets = new Set<string>()
    for (const request of data.requests.slice(PRESENT, PRESENT + LATE)) {
      const target = data.truth.get(request.id)?.target
      if (target) {
        lateTargets.add(target)
      }
    }
    const all = [...data.registry()]
    const nameless = all.filter((r) => !hasName(r))
    const named = all.filter(hasName)
    const lateBackground = named.filter((r) => r.id.startsWith('r')).slice(-(LATE_CHUNK - lateTargets.size))
    const lateIds = new Set([...lateTargets, ...lateBackground.map((r) => r.id)])
    const initial = named.filter((r) => !lateIds.has(r.id))
    const late = named.filter((r) => lateIds.has(r.id))
    console.log(`${dialect}: registry of ${fmt(initial.length)} records imported first (${fmt(nameless.length)} without any name left out: a row needs one), ${fmt(late.length)} later (${lateTargets.size} of them sought by requests filed before)`)

    // 1. Import, in chunks under the body limit; each chunk previewed first (parsed and checked,
    // nothing stored): the baseline.
    const chunks = chunksOf(initial)
    const previewMs: number[] = []
    const importMs: number[] = []
    for (const chunk of chunks) {
      const content = chunk.map((r) => JSON.stringify(r)).join('\n')
      let t = performance.now()
      await api.post('/api/tracing/imports/preview', { source: SOURCE, format: 'jsonl', content }, 200)
      previewMs.push(performance.now() - t)
      t = performance.now()
      const result = (await api.post('/api/tracing/imports', { id: uuidv7(), source: SOURCE, format: 'jsonl', content }, 201)) as { rows: number }
      importMs.push(performance.now() - t)
      if (result.rows !== chunk.length) {
        throw new Error(`imported ${result.rows} rows of ${chunk.length}`)
      }
    }
    const importSeconds = sum(importMs) / 1000
    const previewSeconds = sum(previewMs) / 1000
    console.log(`  import: ${fmt(initial.length)} rows in ${chunks.length} lists of ≤ ${fmt(Math.max(...chunks.map((c) => c.length)))} rows, ${importSeconds.toFixed(1)} s: ${fmt(initial.length / importSeconds)} rows/s (a list: p50 ${timing(importMs).p50.toFixed(0)} ms); a 5,000-row list would take ${((5000 / initial.length) * importSeconds).toFixed(1)} s`)
    console.log(`    baseline, the same lists previewed (read and checked, nothing stored): ${fmt(initial.length / previewSeconds)} rows/s; import / preview ${(previewSeconds / importSeconds).toFixed(3)} of the rate`)

    // The search job's first pass over the new entries (no request open yet): each person's words
    // counted, which the term-frequency adjustment of every review then reads.
    const catchUp = await alertPass(server)
    console.log(`  search job, first pass over the registry (no request open): ${fmt(catchUp.records)} records in ${(catchUp.ms / 1000).toFixed(1)} s, ${(catchUp.ms / catchUp.records).toFixed(2)} ms per record`)

    // Which vault person and list id each registry entry holds: read once from the records list.
    const entries = await registryEntries(api)
    const personOf = new Map([...entries.values()].map((e) => [e.sourceRef, e.personId]))

    // 2. The requests, one sought person each.
    const filed: Filed[] = []
    const fileMs: number[] = []
    for (const [index, request] of data.requests.entries()) {
      const t = performance.now()
      const result = (await api.post('/api/tracing/requests', requestBody(request), 201)) as { recordId: string }
      fileMs.push(performance.now() - t)
      filed.push({ request, recordId: result.recordId, late: index >= PRESENT && index < PRESENT + LATE })
    }
    console.log(`  ${fmt(filed.length)} requests filed: p50 ${timing(fileMs).p50.toFixed(0)} ms, p95 ${timing(fileMs).p95.toFixed(0)} ms`)

    // 3. Review and the staff's name search, request by request, interleaved.
    const reviewMs: number[] = []
    const searchMs: number[] = []
    const review = { n: 0, at1: 0, at10: 0, candidates: 0, strong: 0, possible: 0, falseName: { n: 0, at10: 0 } }
    const search = { n: 0, at1: 0, at10: 0, results: 0 }
    let absentStrong = 0
    for (const { request, recordId } of filed.filter((f) => !f.late)) {
      const truth = data.truth.get(request.id)
      let t = performance.now()
      const answer = (await api.get(`/api/tracing/requests/${recordId}/review`)) as { items: { candidates: { recordId: string; band: string }[] }[] }
      reviewMs.push(performance.now() - t)
      const candidates = (answer.items[0]?.candidates ?? []).slice(0, 10)
      const refs = candidates.map((c) => entries.get(c.recordId)?.sourceRef)
      t = performance.now()
      const found = (await api.post('/api/people/search', { name: [request.given_names, request.surname1, request.surname2].filter(Boolean).join(' ') }, 200)) as { items: { id: string; links: { recordType: string }[] }[] }
      searchMs.push(performance.now() - t)
      // The people the requests themselves sought are in the vault too: a reviewer passes them by.
      const people = found.items.filter((p) => p.links.some((l) => l.recordType === 'registry_entry')).slice(0, 10).map((p) => p.id)
      if (truth?.present !== true) {
        absentStrong += candidates.some((c) => c.band === 'strong') ? 1 : 0
        continue
      }
      const target = truth.target ?? ''
      const rank = refs.indexOf(target)
      if (truth.phenomenon === 'false_name') {
        review.falseName.n++
        review.falseName.at10 += rank >= 0 ? 1 : 0
        continue
      }
      review.n++
      review.at1 += rank === 0 ? 1 : 0
      review.at10 += rank >= 0 ? 1 : 0
      review.candidates += candidates.length
      review.strong += rank >= 0 && candidates[rank]?.band === 'strong' ? 1 : 0
      review.possible += rank >= 0 && candidates[rank]?.band === 'possible' ? 1 : 0
      const person = personOf.get(target)
      const personRank = person === undefined ? -1 : people.indexOf(person)
      search.n++
      search.at1 += personRank === 0 ? 1 : 0
      search.at10 += personRank >= 0 ? 1 : 0
      search.results += people.length
    }
    const r = timing(reviewMs)
    const s = timing(searchMs)
    console.log(`  review (GET /api/tracing/requests/:id/review), ${fmt(reviewMs.length)} requests: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(0)} ms; recall@1 ${(review.at1 / review.n).toFixed(3)}, recall@10 ${(review.at10 / review.n).toFixed(3)} (n = ${review.n}, false names apart: ${review.falseName.at10} of ${review.falseName.n} in the first ten)`)
    console.log(`    the sought record strong ${pct(review.strong / review.n)}, possible ${pct(review.possible / review.n)}; absent people with a strong candidate ${absentStrong} of ${ABSENT}`)
    console.log(`    baseline, the staff's name search (POST /api/people/search): p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(0)} ms; recall@1 ${(search.at1 / search.n).toFixed(3)}, recall@10 ${(search.at10 / search.n).toFixed(3)}`)
    console.log(`    review / name search: p50 ${(r.p50 / s.p50).toFixed(1)}×, p95 ${(r.p95 / s.p95).toFixed(1)}×; recall@1 ${(review.at1 / Math.max(search.at1, 1)).toFixed(2)}×, recall@10 ${(review.at10 / Math.max(search.at10, 1)).toFixed(2)}×`)

    // 4. A late list after the requests: its import, then the search job's pass over it.
    const lateContent = late.map((row) => JSON.stringify(row)).join('\n')
    let t = performance.now()
    await api.post('/api/tracing/imports', { id: uuidv7(), source: SOURCE, format: 'jsonl', content: lateContent }, 201)
    const lateImportMs = performance.now() - t
    t = performance.now()
    const pass = await alertPass(server)
    const lateEntries = await registryEntries(api)
    const open = filed.length
    let right = 0
    let alertsSeen = 0
    let lateFound = 0
    for (const { request, recordId } of filed) {
      const view = (await api.get(`/api/cases/${recordId}`)) as { state: { traces?: Record<string, { found?: Record<string, { band: string }> }> } }
      const found = Object.values(view.state.traces ?? {}).flatMap((trace) => Object.keys(trace.found ?? {}))
      const target = data.truth.get(request.id)?.target
      for (const key of found) {
        alertsSeen++
        const ref = lateEntries.get(key.slice(key.indexOf('/') + 1))?.sourceRef
        if (ref !== undefined && ref === target) {
          right++
          lateFound += lateTargets.has(ref) ? 1 : 0
        }
      }
    }
    const perRecord = pass.ms / pass.records
    console.log(`  late list of ${fmt(late.length)} records: imported in ${lateImportMs.toFixed(0)} ms; the search job's pass in ${(pass.ms / 1000).toFixed(2)} s (${pass.records} records against ${open} open requests, ${perRecord.toFixed(2)} ms per record), ${pass.alerts} alerts`)
    console.log(`    baseline, the first pass with no request open: ${(catchUp.ms / catchUp.records).toFixed(2)} ms per record; ratio ${(perRecord / (catchUp.ms / catchUp.records)).toFixed(1)}×`)
    console.log(`    alerts: ${alertsSeen} in the requests' logs, ${right} of them the sought person's record; ${lateFound} of the ${lateTargets.size} late sought records alerted their request`)
  } finally {
    await server.stop()
    cluster?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function hasName(r: RegistryRow): boolean {
  return Boolean(r.given_names || r.surname1 || r.surname2 || r.full_name || r.aliases.length > 0)
}

/** Rows in lists whose request body stays under the budget. */
function chunksOf(rows: readonly RegistryRow[]): RegistryRow[][] {
  const out: RegistryRow[][] = []
  let current: RegistryRow[] = []
  let bytes = 200
  for (const row of rows) {
    const size = Buffer.byteLength(JSON.stringify(JSON.stringify(row))) + 2
    if (current.length > 0 && bytes + size > BODY_BUDGET) {
      out.push(current)
      current = []
      bytes = 200
    }
    current.push(row)
    bytes += size
  }
  if (current.length > 0) {
    out.push(current)
  }
  return out
}

function requestBody(r: RequestRow): Record<string, unknown> {
  const identity = {
    ...(r.given_names ? { givenNames: r.given_names } : {}),
    ...(r.surname1 ? { firstSurname: r.surname1 } : {}),
    ...(r.surname2 ? { secondSurname: r.surname2 } : {}),
    aliases: r.aliases,
    ...(r.sex ? { sex: r.sex === 'F' ? 'female' : 'male' } : {}),
    ...(r.birth_date ? { birthDate: r.birth_date } : {}),
    ...(r.age_years !== null ? { approximateAge: r.age_years } : {}),
    ...(r.nationality ? { nationality: r.nationality } : {}),
  }
  return {
    id: uuidv7(),
    channel: 'field',
    relationship: 'other_relative',
    description: `Salió rumbo al norte; la última noticia fue desde ${r.last_seen_place}.`,
    sought: [{ identity, lastContact: { date: r.last_seen_date, place: r.last_seen_place } }],
  }
}

/** Every registry entry's list id and vault person, by record id. */
async function registryEntries(api: Api): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>()
  let cursor: string | null = null
  do {
    const page = (await api.get(`/api/records/registry_entry?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)) as { items: { recordId: string; state: { sourceRef?: string; personIds?: string[] } }[]; next: string | null }
    for (const item of page.items) {
      out.set(item.recordId, { sourceRef: item.state.sourceRef ?? '', personId: item.state.personIds?.[0] ?? '' })
    }
    cursor = page.next
  } while (cursor !== null)
  return out
}

/** Runs the search job's pass in the server's process and waits for its figures. */
async function alertPass(server: BenchServer): Promise<{ records: number; alerts: number; ms: number }> {
  const line = server.nextLine('{"alertPass"')
  server.child.kill('SIGUSR2')
  const pass = (JSON.parse(await line) as { alertPass: { records: number; alerts: number; ms: number; error?: string } }).alertPass
  if (pass.error !== undefined) {
    throw new Error(`the search job failed: ${pass.error}`)
  }
  return pass
}

interface Api {
  get(p: string): Promise<unknown>
  post(p: string, body: unknown, status: number): Promise<unknown>
}

function client(base: string, session: Session): Api {
  const headers = { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf }
  const check = async (res: Response, p: string, status: number) => {
    if (res.status !== status) {
      throw new Error(`${p} answered ${res.status}: ${(await res.text()).slice(0, 2000)}`)
    }
    return res.json() as Promise<unknown>
  }
  return {
    get: async (p) => check(await fetch(`${base}${p}`, { headers }), p, 200),
    post: async (p, body, status) => check(await fetch(`${base}${p}`, { method: 'POST', headers, body: JSON.stringify(body) }), p, status),
  }
}

function timing(ms: readonly number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, total: sum(sorted) }
}

function sum(ms: readonly number[]): number {
  return ms.reduce((a, b) => a + b, 0)
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`
}

const only = process.argv[2]
const data = matchingDataset({ seed: SEED, records: RECORDS + LATE_CHUNK, present: PRESENT + LATE, absent: ABSENT })
console.log(`registry search: ${fmt(RECORDS)} registry records, ${fmt(PRESENT)} requests present, ${fmt(ABSENT)} absent, ${LATE} more whose record comes later; seed ${SEED}, node ${process.version}, ${os.cpus().length} cores`)
for (const dialect of ['sqlite', 'postgres'] as const) {
  if ((only === undefined || only === dialect) && (dialect === 'sqlite' || findPgBin() !== undefined)) {
    await run(dialect, data)
  }
}
