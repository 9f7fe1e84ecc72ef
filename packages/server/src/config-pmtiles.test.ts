import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'
import { landAndSeaTile, pmtilesArchive } from './test/pmtiles-file.ts'

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..')
const EXPECTED = 'expected a readable PMTiles version 3 file of vector tiles on this server, e.g. /srv/faro/mexico.pmtiles'

describe('FARO_MAP_PMTILES', () => {
  let dir = ''
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-pmtiles-config-'))
    fs.writeFileSync(path.join(dir, 'mexico.pmtiles'), pmtilesArchive(landAndSeaTile()))
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'PMTiles are great\n')
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('is unset by default', () => {
    expect(loadConfig({}).mapPmtilesFile).toBeUndefined()
  })

  it('accepts a PMTiles file and keeps its absolute path', () => {
    const file = path.join(dir, 'mexico.pmtiles')
    expect(loadConfig({ FARO_MAP_PMTILES: path.relative(process.cwd(), file) }).mapPmtilesFile).toBe(file)
  })

  it('refuses a missing file, naming the setting, the path and why', () => {
    const missing = path.join(dir, 'nowhere.pmtiles')
    expect(configError({ FARO_MAP_PMTILES: missing }).message).toBe(`FARO_MAP_PMTILES: ${EXPECTED}, got ${JSON.stringify(missing)} (no such file)`)
  })

  it('refuses a directory and a file that is not a PMTiles archive', () => {
    expect(configError({ FARO_MAP_PMTILES: dir }).message).toContain('(not a regular file)')
    expect(configError({ FARO_MAP_PMTILES: path.join(dir, 'notes.txt') }).message).toContain('(not a PMTiles version 3 file)')
  })

  it.skipIf(process.getuid?.() === 0)('refuses a file this process may not read', () => {
    const locked = path.join(dir, 'locked.pmtiles')
    fs.writeFileSync(locked, pmtilesArchive(landAndSeaTile()))
    fs.chmodSync(locked, 0o000)
    expect(configError({ FARO_MAP_PMTILES: locked }).message).toContain('(not readable by this process)')
  })

  it('stops `faro start` with code 2 and that one line, before anything else', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, FARO_MAP_PMTILES: path.join(dir, 'nowhere.pmtiles') }
    delete env.DATABASE_URL
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', 'start'], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 30_000 })
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim().split('\n')).toEqual([`faro: FARO_MAP_PMTILES: ${EXPECTED}, got ${JSON.stringify(path.join(dir, 'nowhere.pmtiles'))} (no such file)`])
  })
})

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env)
  } catch (e) {
    if (e instanceof ConfigError) {
      expect(e.message.split('\n')).toHaveLength(1)
      return e
    }
    throw e
  }
  return expect.fail(`loadConfig accepted ${JSON.stringify(env)}`)
}
