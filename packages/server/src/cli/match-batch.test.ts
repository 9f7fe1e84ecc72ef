import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..')
const MAIN = path.join(REPO_ROOT, 'packages/server/src/cli/main.ts')
const dirs: string[] = []

afterAll(() => {
  for (const dir of dirs) {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

/** Runs `faro match batch` as `npm run faro --` does, on files written to a fresh directory. */
function runBatch(files: { registry?: string; requests?: string }, args?: (paths: Record<'registry' | 'requests' | 'out', string>) => string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-match-batch-'))
  dirs.push(dir)
  const paths = { registry: path.join(dir, 'registry.jsonl'), requests: path.join(dir, 'requests.jsonl'), out: path.join(dir, 'out.jsonl') }
  fs.writeFileSync(paths.registry, files.registry ?? '')
  fs.writeFileSync(paths.requests, files.requests ?? '')
  const argv = args ? args(paths) : ['--registry', paths.registry, '--requests', paths.requests, '--out', paths.out]
  const run = spawnSync(process.execPath, ['--v8-pool-size=0', '--import', 'tsx', MAIN, 'match', 'batch', ...argv], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, FARO_LOG_LEVEL: 'silent' } })
  const out = fs.existsSync(paths.out) ? fs.readFileSync(paths.out, 'utf8') : null
  return { status: run.status, stderr: run.stderr, out, paths }
}

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n'

const registryRow = (id: string | number, fields: object) => ({
  id,
  kind: 'attended',
  given_names: null,
  surname1: null,
  surname2: null,
  full_name: null,
  aliases: [],
  sex: null,
  nationality: null,
  birth_date: null,
  age_years: null,
  event_date: '2024-05-01',
  event_place: 'Tijuana',
  ...fields,
})

const requestRow = (id: string, fields: object) => ({
  id,
  given_names: null,
  surname1: null,
  surname2: null,
  aliases: [],
  sex: null,
  nationality: null,
  birth_date: null,
  age_years: null,
  last_seen_date: '2024-04-01',
  last_seen_place: 'Tapachula',
  ...fields,
})

describe('faro match batch', () => {
  it('writes one line per request with at most ten candidates, best first, and prints its timing', () => {
    const registry = [
      registryRow('r-1', { given_names: 'JUAN CARLOS', surname1: 'HERNANDEZ', birth_date: '1994-05-03', sex: 'M', nationality: 'MX' }),
      registryRow(2, { full_name: 'HERNANDEZ LOPEZ JUAN CARLOS', age_years: 30, sex: 'M' }),
      registryRow('r-3', { given_names: 'Pedro', surname1: 'Hernández', surname2: 'López', birth_date: '1991-07-20', sex: 'M' }),
      registryRow('r-4', { given_names: null, full_name: null, kind: 'deceased', age_years: 35 }),
      ...Array.from({ length: 14 }, (_, i) => registryRow(`x-${i}`, { given_names: 'Juan', surname1: 'Hernández', surname2: `Otro${i}`, age_years: 20 + i })),
    ]
    const requests = [
      requestRow('q-1', { given_names: 'Juan Carlos', surname1: 'Hernández', surname2: 'López', birth_date: '1994-03-05', sex: 'M', nationality: 'MX' }),
      requestRow('q-2', { given_names: 'Ana', surname1: 'Xicay', surname2: 'Tzoc', age_years: 22 }),
    ]
    const { status, stderr, out } = runBatch({ registry: jsonl(registry), requests: `${jsonl(requests)}\n` })
    expect(status).toBe(0)
    expect(stderr).toMatch(/18 registry records indexed in [\d.]+ s/)
    expect(stderr).toMatch(/2 requests; per query p50 [\d.]+ ms, p95 [\d.]+ ms/)
    const lines = (out ?? '').trim().split('\n').map((l) => JSON.parse(l) as { request_id: string; candidates: { id: string | number; score: number; band: string }[] })
    expect(lines.map((l) => l.request_id)).toEqual(['q-1', 'q-2'])
    const [first, second] = lines
    expect(first?.candidates.length).toBe(10)
    expect(first?.candidates[0]).toEqual({ id: 'r-1', score: expect.any(Number), band: 'strong' })
    expect(first?.candidates.map((c) => c.id)).toContain(2)
    const scores = first?.candidates.map((c) => c.score) ?? []
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    for (const c of first?.candidates ?? []) {
      expect(['strong', 'possible', 'weak']).toContain(c.band)
      expect(Object.keys(c)).toEqual(['id', 'score', 'band'])
    }
    expect(first?.candidates.find((c) => c.id === 'r-3')?.band).not.toBe('strong')
    expect(second?.candidates).toEqual([])
  })

  it('stops at a malformed line, naming the file and the line, with exit code 2 and no output left', () => {
    const registry = `${jsonl([registryRow('r-1', { given_names: 'Ana', surname1: 'Pop' })])}\n{"id": "r-2", "given_names": "Ana"\n`
    const { status, stderr, out, paths } = runBatch({ registry, requests: jsonl([requestRow('q-1', { given_names: 'Ana' })]) })
    expect(status).toBe(2)
    expect(stderr).toContain(`${paths.registry}:3: not valid JSON`)
    expect(out).toBeNull()
  })

  it('names the field of a line that breaks the contract', () => {
    const requests = jsonl([requestRow('q-1', { given_names: 'Ana' }), requestRow('q-2', { birth_date: '5/3/1994' })])
    const { status, stderr, paths } = runBatch({ registry: jsonl([registryRow('r-1', { given_names: 'Ana' })]), requests })
    expect(status).toBe(2)
    expect(stderr).toContain(`${paths.requests}:2: birth_date: expected YYYY-MM-DD or null`)
  })

  it('refuses missing arguments and files with exit code 2', () => {
    const missing = runBatch({}, (p) => ['--registry', p.registry, '--out', p.out])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('usage: faro match batch')
    const absent = runBatch({}, (p) => ['--registry', path.join(path.dirname(p.registry), 'nope.jsonl'), '--requests', p.requests, '--out', p.out])
    expect(absent.status).toBe(2)
    expect(absent.stderr).toContain('--registry: no such file')
  })
})
