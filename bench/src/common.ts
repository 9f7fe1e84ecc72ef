import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { v7 as uuidv7 } from 'uuid'

export const USER = 'bench-agent'
export const PASSWORD = 'correct horse battery staple'

export interface BenchServer {
  child: ChildProcess
  port: number
  /** The next line the server prints that starts with this prefix (its other lines go to stderr). */
  nextLine(prefix: string): Promise<string>
  stop(): Promise<void>
}

/**
 * Starts bench-server.ts in a child process on the database and waits for its port. The account
 * it creates is a field agent of beta-tijuana unless `account` says otherwise.
 */
export async function startServer(target: string, account?: { role: string; unit: string }): Promise<BenchServer> {
  // BENCH_PROFILE=<dir> writes a CPU profile of the server (open it in Chrome's DevTools);
  // BENCH_NODE_FLAGS passes more flags to its node (--trace-gc, say).
  const flags = [...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)]
  // --v8-pool-size=0 as `npm run faro -- start` runs it (docs/operations.md).
  const child = spawn(process.execPath, ['--v8-pool-size=0', ...flags, '--import', 'tsx', path.join(import.meta.dirname, 'bench-server.ts'), target, USER, PASSWORD, ...(account ? [account.role, account.unit] : [])], { stdio: ['ignore', 'pipe', 'inherit'] })
  const stdout = child.stdout
  if (stdout === null) {
    throw new Error('no stdout')
  }
  const waiting: { prefix: string; resolve: (line: string) => void }[] = []
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
    // Other lines (--trace-gc, say) pass through to stderr.
    createInterface({ input: stdout }).on('line', (line) => {
      const waiter = waiting.findIndex((w) => line.startsWith(w.prefix))
      if (line.startsWith('{"port"')) {
        resolve((JSON.parse(line) as { port: number }).port)
      } else if (waiter >= 0) {
        waiting.splice(waiter, 1)[0]?.resolve(line)
      } else {
        process.stderr.write(`${line}\n`)
      }
    })
  })
  return {
    child,
    port,
    nextLine: (prefix) => new Promise((resolve) => waiting.push({ prefix, resolve })),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export interface Session {
  cookie: string
  csrf: string
}

export async function login(base: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USER, password: PASSWORD }) })
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status} ${await res.text()}`)
  }
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: ((await res.json()) as { csrfToken: string }).csrfToken }
}

export interface BenchAction {
  id: string
  deviceCounter: number
  recordType: string
  recordId: string
  type: string
  payload: Record<string, unknown>
  clientTime: string
}

/**
 * A typical field action: "N people attended, water + food + orientation, here", with a GPS fix
 * and a count split by sex and age band, as the 3-tap form produces it.
 */
export function typicalAction(deviceCounter: number, at: Date): BenchAction {
  const time = at.toISOString()
  return {
    id: uuidv7(),
    deviceCounter,
    recordType: 'attention',
    // As the field app makes them: UUIDv7, so time-ordered like the log itself.
    recordId: uuidv7(),
    type: 'AttentionRecorded',
    payload: {
      orgUnitId: 'beta-tijuana',
      at: time,
      location: { lat: round(32.5 + Math.random() * 0.1, 5), lon: round(-117 + Math.random() * 0.1, 5), accuracyM: Math.round(5 + Math.random() * 30) },
      setting: 'rail_tracks',
      people: [{ count: 1 + Math.floor(Math.random() * 6), sex: 'male', ageBand: '18-29', nationality: 'HN' }, { count: 1 + Math.floor(Math.random() * 3), sex: 'female', ageBand: '18-29', nationality: 'HN' }],
      services: ['water', 'food', 'orientation'],
    },
    clientTime: time,
  }
}

function round(n: number, digits: number): number {
  return Math.round(n * 10 ** digits) / 10 ** digits
}

export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}
