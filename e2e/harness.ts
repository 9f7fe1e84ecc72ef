/**
 * Runs the real Faro server (a SQLite demo of its own in a temp dir, free loopback port) and Debian's
 * Chromium for the browser tests. Nothing is built or downloaded here: the staff app must have
 * been built with `npm run build:web` first.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { inject } from 'vitest'

export const REPO_ROOT = path.resolve(import.meta.dirname, '..')
export const OUTPUT_DIR = path.join(import.meta.dirname, 'output')
export const CHROMIUM_PATH = '/usr/bin/chromium'
export const DEMO_PASSWORD = 'faro-demo-2026'

/** One demo account per role, as seeded by `faro start --demo`. */
export const DEMO_ACCOUNTS = [
  { username: 'agente.tijuana', role: 'field_agent' },
  { username: 'coordinador.tijuana', role: 'group_coordinator' },
  { username: 'analista.nacional', role: 'national_analyst' },
  { username: 'voluntario.tijuana', role: 'module_volunteer' },
  { username: 'operador.centro', role: 'call_centre_operator' },
  { username: 'coordinacion.paisano', role: 'paisano_coordinator' },
  { username: 'enlace.profeco', role: 'agency_liaison' },
  { username: 'enlace.oic.aduanas', role: 'agency_liaison' },
  { username: 'enlace.banjercito', role: 'agency_liaison' },
  { username: 'editor.guia', role: 'guide_editor' },
  { username: 'proteccion.datos', role: 'data_protection_officer' },
  { username: 'admin', role: 'administrator' },
] as const

const WEB_INDEX = path.join(REPO_ROOT, 'packages/web/dist/index.html')
const START_TIMEOUT_MS = 120_000

/**
 * Without Chromium the browser tests are skipped on a developer machine, but in CI (env CI set)
 * they run and fail in `requireChromium`, so a missing browser never passes silently.
 */
export const SKIP_BROWSER_TESTS = !fs.existsSync(CHROMIUM_PATH) && !process.env.CI

export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: install Debian's chromium package (apt-get install chromium). The browser tests are required when CI is set.`)
  }
}

export function requireBuiltApp(): void {
  if (!fs.existsSync(WEB_INDEX)) {
    throw new Error(`${path.relative(REPO_ROOT, WEB_INDEX)} is missing: run \`npm run build:web\` before the browser tests.`)
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** What every browser test starts with: the checks, the output folder, a server and Chromium. */
export async function startBrowserAndFaro(extraEnv: NodeJS.ProcessEnv = {}): Promise<{ faro: RunningFaro; browser: Browser }> {
  requireChromium()
  requireBuiltApp()
  fs.mkdirSync(OUTPUT_DIR, { recursive: true })
  const [faro, browser] = await Promise.all([startFaro(extraEnv), launchBrowser()])
  return { faro, browser }
}

/** Closes what a browser test opened, whatever of it did open. */
export async function closeAll(contexts: readonly (BrowserContext | undefined)[], browser: Browser | undefined, faro: RunningFaro | undefined): Promise<void> {
  await Promise.all(contexts.map((c) => c?.close()))
  await browser?.close()
  await faro?.stop()
}

export interface RunningFaro {
  baseUrl: string
  stop(): Promise<void>
}

/**
 * Starts `faro start --demo` as a child process (with `extraEnv`, e.g. an SMTP server) on a demo
 * database of its own, and waits until /healthz answers. The demo is seeded once per run (and per
 * `FARO_DEMO_HISTORY`) and copied for each server after that: seeding it is most of a start.
 */
export async function startFaro(extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningFaro> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-e2e-'))
  const template = await demoTemplate(extraEnv.FARO_DEMO_HISTORY ?? 'false')
  if (template !== undefined) {
    fs.cpSync(template, dataDir, { recursive: true })
  }
  const running = await launchFaro(dataDir, extraEnv)
  return {
    baseUrl: running.baseUrl,
    stop: async () => {
      await running.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * A seeded demo's data folder to copy, made on first use: a server seeds it, runs its start-up
 * work and stops. Not outside the browser tests' runner (nowhere to keep it), and made again when
 * a day has turned since in any of the country's time zones, so "today" in a test is the seed's.
 */
async function demoTemplate(history: string): Promise<string | undefined> {
  let root: string | undefined
  try {
    root = inject('demoTemplates')
  } catch {
    return undefined
  }
  if (!root) {
    return undefined
  }
  const dir = path.join(root, `history-${history}`)
  const made = path.join(dir, 'made-at')
  if (fs.existsSync(made) && sameDayInMexico(new Date(fs.readFileSync(made, 'utf8')), new Date())) {
    return dir
  }
  const seeding = fs.mkdtempSync(path.join(root, 'seeding-'))
  const madeAt = new Date()
  const server = await launchFaro(seeding, { FARO_DEMO_HISTORY: history })
  await server.stop()
  fs.writeFileSync(path.join(seeding, 'made-at'), madeAt.toISOString())
  fs.rmSync(dir, { recursive: true, force: true })
  fs.renameSync(seeding, dir)
  return dir
}

/** Whether two instants fall on the same day in UTC and in every zone from UTC−5 to UTC−8. */
function sameDayInMexico(a: Date, b: Date): boolean {
  return [0, -5, -6, -7, -8].every((hours) => {
    const day = (d: Date) => Math.floor((d.getTime() + hours * 3_600_000) / 86_400_000)
    return day(a) === day(b)
  })
}

async function launchFaro(dataDir: string, extraEnv: NodeJS.ProcessEnv): Promise<RunningFaro> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = { ...process.env, FARO_PORT: String(port), FARO_HOST: '127.0.0.1', FARO_DATA_DIR: dataDir, FARO_LOG_LEVEL: 'warn', FARO_DEMO_HISTORY: 'false', ...extraEnv }
  // The tests own their database: never reach a PostgreSQL configured in the outer environment.
  delete env.DATABASE_URL
  delete env.FARO_WEB_DIST
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', 'start', '--demo'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)

  const stop = () => terminate(child)
  try {
    await waitForHealth(baseUrl, child, () => output)
  } catch (error) {
    await stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  return { baseUrl, stop }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`faro exited with code ${child.exitCode} before it was healthy:\n${output()}`)
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`)
      if (response.ok) {
        return
      }
    } catch {
      // Not listening yet: the demo is still being seeded.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`faro did not answer ${baseUrl}/healthz within ${START_TIMEOUT_MS / 1000} s:\n${output()}`)
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address && typeof address === 'object') {
          resolve(address.port)
        } else {
          reject(new Error('could not read the free port'))
        }
      })
    })
  })
}
