import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'

/**
 * The statistics' exports at their budgets: CSV and XLSX of 1,000,000 rows, and a PDF of at least
 * 1,000 pages, each next to a baseline measured in the same run (the same rows written as
 * `JSON.stringify` lines to a file), its time printed as a ratio to the baseline's. Each export
 * runs in a child process of its own, whose peak RSS is the figure for memory.
 *
 * The child is bundled first (esbuild, the packages left outside) and run by plain node: the tsx
 * loader the server runs under adds some 40 MB of its own to any process, the same for every
 * export and for the baseline, which would measure the loader, not the writer. The idle RSS of a
 * bundled child is printed too.
 *
 * Knobs: BENCH_ROWS (1,000,000), BENCH_PAGES (1,000).
 */

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000)
const PAGES = Number(process.env.BENCH_PAGES ?? 1_000)
const BUDGETS = { csv: { s: 10, mb: 128 }, xlsx: { s: 60, mb: 150 }, pdf: { s: 10, mb: 200 } } as const

interface Run {
  kind: string
  rows: number
  ms: number
  /** CPU time (user and system): what the export costs whatever else the machine is doing. */
  cpuMs: number
  rssMB: number
  bytes: number
  pages?: number
}

const repo = path.resolve(import.meta.dirname, '../..')
// Inside the repository, so the bundle finds exceljs and pdfkit in node_modules.
const outDir = path.join(repo, 'node_modules', '.cache', 'faro-bench')
fs.mkdirSync(outDir, { recursive: true })
const child = path.join(outDir, 'stat-exports-child.js')
// Split, so each writer and the package it needs (exceljs, pdfkit) load only when that writer runs.
await build({ entryPoints: [path.join(import.meta.dirname, 'stat-exports-child.ts')], bundle: true, splitting: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outdir: outDir, outExtension: { '.js': '.js' }, logLevel: 'warning' })
fs.writeFileSync(path.join(outDir, 'package.json'), '{"type":"module"}\n')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-stat-exports-'))

function run(kind: string, rows: number): Run {
  const file = path.join(work, `${kind}-${rows}.out`)
  const line = execFileSync(process.execPath, ['--v8-pool-size=0', child, kind, String(rows), file], { encoding: 'utf8', maxBuffer: 1024 * 1024 })
  fs.rmSync(file, { force: true })
  return JSON.parse(line.trim().split('\n').at(-1) ?? '{}') as Run
}

const idle = run('baseline', 0)
console.log(`idle bundled child: ${idle.rssMB} MB peak RSS; ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)}, node ${process.version}`)
// Lines a page of the PDF holds, from a small run (its title page and first page aside): enough
// rows for PAGES pages.
const probe = run('pdf', 5_000)
const perPage = 5_000 / Math.max(1, (probe.pages ?? 3) - 2)
const pdfRows = Math.ceil(PAGES * perPage)

const results: string[] = []
for (const [kind, rows] of [['csv', ROWS], ['xlsx', ROWS], ['pdf', pdfRows]] as const) {
  const baseline = run('baseline', rows)
  const made = run(kind, rows)
  const budget = BUDGETS[kind]
  const within = made.ms / 1000 <= budget.s && made.rssMB <= budget.mb
  const what = kind === 'pdf' ? `${made.pages} pages (${rows.toLocaleString('en')} rows)` : `${rows.toLocaleString('en')} rows`
  const line = `${kind.padEnd(4)} ${what}: ${(made.ms / 1000).toFixed(1)} s (CPU ${(made.cpuMs / 1000).toFixed(1)} s), ${made.rssMB} MB peak RSS, ${(made.bytes / 1e6).toFixed(1)} MB file | baseline (JSON lines): ${(baseline.ms / 1000).toFixed(1)} s (CPU ${(baseline.cpuMs / 1000).toFixed(1)} s), ${baseline.rssMB} MB | time ×${(made.ms / baseline.ms).toFixed(1)} | budget ${budget.s} s, ${budget.mb} MB: ${within ? 'within' : 'OVER'}`
  console.log(line)
  results.push(line)
}
fs.rmSync(work, { recursive: true, force: true })
