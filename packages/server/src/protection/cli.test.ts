import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-retention-cli-'))

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

function faro(args: string[], extra: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, FARO_DATA_DIR: dir, ...extra }
  delete env.DATABASE_URL
  return spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 })
}

describe('faro retention', () => {
  it('refuses to run without a master key, with one line and exit code 2', () => {
    const result = faro(['retention', 'run'], {})
    expect(result.status).toBe(2)
    expect(result.stderr.trim()).toBe('faro: FARO_MASTER_KEY or FARO_MASTER_KEY_FILE: expected a 32-byte base64 master key, got (unset)')
  })

  it('runs and reports with a key file', () => {
    const keyFile = path.join(dir, 'master.key')
    fs.writeFileSync(keyFile, `${Buffer.alloc(32, 3).toString('base64')}\n`)
    const run = faro(['retention', 'run'], { FARO_MASTER_KEY_FILE: keyFile })
    expect(run.stdout).toContain('retention run: 0 identities shredded')
    expect(run.status).toBe(0)
    expect(faro(['retention', 'report'], { FARO_MASTER_KEY_FILE: keyFile }).status).toBe(0)
  })

  it('rejects a key file that does not hold 32 bytes, without printing it', () => {
    const keyFile = path.join(dir, 'short.key')
    fs.writeFileSync(keyFile, 'c2hvcnQ=\n')
    const result = faro(['retention', 'run'], { FARO_MASTER_KEY_FILE: keyFile })
    expect(result.status).toBe(2)
    expect(result.stderr).not.toContain('c2hvcnQ')
  })
})
