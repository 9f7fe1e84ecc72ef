import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, listeningLine, loadConfig } from './config.ts'

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..')

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      database: { kind: 'sqlite', file: path.resolve('data', 'faro.sqlite') },
      dataDir: path.resolve('data'),
      logLevel: 'info',
      secureCookies: 'auto',
      trustProxy: false,
      sessionHours: 12,
      maxBodyBytes: 1024 * 1024,
      webDist: path.join(REPO_ROOT, 'packages/web/dist'),
      mapTileUrl: undefined,
      demoHistory: true,
      mail: { smtpUrl: undefined, from: 'Faro <no-reply@faro.invalid>' },
      publicUrl: undefined,
      protection: {
        masterKey: undefined,
        masterKeyFile: undefined,
        shredListFile: path.resolve('data', 'shred-list.txt'),
        answerBusinessDays: 20,
        extensionBusinessDays: 10,
        holidays: [],
        blockingDays: 30,
        retentionDays: {},
      },
    })
  })

  it('treats empty values as unset', () => {
    expect(loadConfig({ FARO_PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 8080, database: { kind: 'sqlite' } })
  })

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      FARO_PORT: '9000',
      FARO_HOST: '127.0.0.1',
      FARO_DATA_DIR: '/srv/faro',
      FARO_LOG_LEVEL: 'warn',
      FARO_SECURE_COOKIES: 'true',
      FARO_TRUST_PROXY: 'true',
      FARO_SESSION_HOURS: '8',
      FARO_MAX_BODY_BYTES: '2048',
      FARO_WEB_DIST: '/srv/faro-web',
      FARO_SMTP_URL: 'smtp://faro:s3cret@mail.example.org:587',
      FARO_MAIL_FROM: 'Faro <faro@example.org>',
      FARO_PUBLIC_URL: 'https://faro.example.org',
      FARO_DEMO_HISTORY: 'false',
    })
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      database: { kind: 'sqlite', file: '/srv/faro/faro.sqlite' },
      dataDir: '/srv/faro',
      logLevel: 'warn',
      secureCookies: 'true',
      trustProxy: true,
      sessionHours: 8,
      maxBodyBytes: 2048,
      webDist: '/srv/faro-web',
      demoHistory: false,
      mail: { smtpUrl: 'smtp://faro:s3cret@mail.example.org:587', from: 'Faro <faro@example.org>' },
      publicUrl: 'https://faro.example.org',
      protection: expect.objectContaining({ shredListFile: '/srv/faro/shred-list.txt' }),
    })
  })

  it('refuses a mail server that is not an smtp:// or smtps:// URL, without echoing its password', () => {
    const error = configError({ FARO_SMTP_URL: 'http://faro:s3cret@mail.example.org' })
    expect(error.message).toMatch(/^FARO_SMTP_URL: expected the SMTP server/)
    expect(error.message).not.toContain('s3cret')
  })

  it('picks PostgreSQL when DATABASE_URL is set', () => {
    for (const url of ['postgres://faro@db.example:5432/faro', 'postgresql://faro:secret@10.0.0.5/faro']) {
      expect(loadConfig({ DATABASE_URL: url, FARO_DATA_DIR: '/srv/faro' }).database).toEqual({ kind: 'postgres', url })
    }
  })

  it('keeps the owner URL for migrations apart from the application URL', () => {
    const env = { DATABASE_URL: 'postgres://faro_app:app@db.example/faro', DATABASE_MIGRATE_URL: 'postgresql://faro_owner:owner@db.example/faro' }
    expect(loadConfig(env).database).toEqual({ kind: 'postgres', url: env.DATABASE_URL, migrateUrl: env.DATABASE_MIGRATE_URL })
  })

  it('rejects an owner URL without DATABASE_URL, and a malformed one, without echoing it', () => {
    const alone = configError({ DATABASE_MIGRATE_URL: 'postgres://faro_owner:s3cret@db.example/faro' })
    expect(alone.message).toBe('DATABASE_MIGRATE_URL: expected a postgres:// URL of the role that owns the tables, used only to migrate, and only together with DATABASE_URL, got a value (not shown) without DATABASE_URL')
    const malformed = configError({ DATABASE_URL: 'postgres://faro_app@db.example/faro', DATABASE_MIGRATE_URL: 'mysql://root:s3cret@db/faro' })
    expect(malformed.message).toMatch(/^DATABASE_MIGRATE_URL: expected a postgres:\/\/ URL .*, got a value \(not shown\)$/)
    expect(`${alone.message}${malformed.message}`).not.toContain('s3cret')
  })

  it('ignores variables it does not know', () => {
    expect(loadConfig({ PORT: 'abc', FARO_UNKNOWN: 'x' }).port).toBe(8080)
  })

  for (const [value, got] of [['abc', '"abc"'], ['70000', '"70000"'], ['0', '"0"'], ['80.5', '"80.5"']] as const) {
    it(`rejects FARO_PORT=${value} with one line saying what is expected and what it got`, () => {
      const error = configError({ FARO_PORT: value })
      expect(error.message).toBe(`FARO_PORT: expected an integer port between 1 and 65535, got ${got}`)
    })
  }

  it('rejects an unknown FARO_LOG_LEVEL with one line listing the levels', () => {
    const error = configError({ FARO_LOG_LEVEL: 'verbose' })
    expect(error.message).toBe('FARO_LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "verbose"')
  })

  it('rejects a DATABASE_URL that is not a postgres:// URL, without echoing it (it may hold a password)', () => {
    const error = configError({ DATABASE_URL: 'mysql://faro:s3cret@db/faro' })
    expect(error.message).toMatch(/^DATABASE_URL: expected a postgres:\/\/ URL.*, got a value \(not shown\)$/)
    expect(error.message).not.toContain('s3cret')
  })

  it('reads the protection settings', () => {
    const key = Buffer.alloc(32, 7).toString('base64')
    const config = loadConfig({ FARO_MASTER_KEY: key, FARO_HOLIDAYS: '2026-12-25,2027-01-01', FARO_RETENTION_DAYS: 'attention=100,rescue=2000', FARO_BLOCKING_DAYS: '0' })
    expect(config.protection).toMatchObject({ masterKey: key, holidays: ['2026-12-25', '2027-01-01'], retentionDays: { attention: 100, rescue: 2000 }, blockingDays: 0 })
  })

  it('rejects a master key that is not 32 bytes of base64 without echoing it', () => {
    const error = configError({ FARO_MASTER_KEY: 'c2VjcmV0' })
    expect(error.message).toMatch(/^FARO_MASTER_KEY: expected 32 random bytes in base64/)
    expect(error.message).not.toContain('c2VjcmV0')
  })

  it('rejects a retention override for an unknown record type', () => {
    expect(configError({ FARO_RETENTION_DAYS: 'atention=30' }).message).toMatch(/^FARO_RETENTION_DAYS: expected retention overrides in days as type=days, types among place, attention, .*unlinked, got "atention=30"$/)
  })

  it('rejects a malformed holiday list', () => {
    expect(configError({ FARO_HOLIDAYS: '25/12/2026' }).message).toBe('FARO_HOLIDAYS: expected comma-separated YYYY-MM-DD non-working days, got "25/12/2026"')
  })

  it('prints the address it listens on, and says so when that is every interface', () => {
    expect(listeningLine('127.0.0.1', 8080)).toBe('Faro is listening on http://127.0.0.1:8080/ (staff app: http://127.0.0.1:8080/app/)')
    expect(listeningLine('0.0.0.0', 9000)).toBe('Faro is listening on http://localhost:9000/ (staff app: http://localhost:9000/app/), on every network interface')
    expect(listeningLine('::1', 8080)).toBe('Faro is listening on http://[::1]:8080/ (staff app: http://[::1]:8080/app/)')
  })

  it('accepts a map tile template on another host or on this one', () => {
    for (const url of ['https://tiles.example.org/osm/{z}/{x}/{y}.png', 'http://10.0.0.5:8081/{z}/{x}/{y}.png', '/tiles/{z}/{x}/{y}.png']) {
      expect(loadConfig({ FARO_MAP_TILE_URL: url }).mapTileUrl).toBe(url)
    }
  })

  for (const url of ['tiles.example.org/{z}/{x}/{y}.png', 'ftp://tiles.example.org/{z}/{x}/{y}.png', 'https://tiles.example.org/{z}/{x}.png', '//tiles.example.org/{z}/{x}/{y}.png', 'https://{s}.tile.example.org/{z}/{x}/{y}.png', 'https://tiles.example.org']) {
    it(`rejects FARO_MAP_TILE_URL=${url} with one line naming the variable`, () => {
      expect(configError({ FARO_MAP_TILE_URL: url }).message).toBe(
        `FARO_MAP_TILE_URL: expected a tile URL template with {z}, {x} and {y}: https://host/..., http://host/... or a same-origin path starting with /, got ${JSON.stringify(url)}`,
      )
    })
  }

  it('takes a plain-text credit for the tiles and refuses markup in it', () => {
    expect(loadConfig({ FARO_MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors' }).mapTileAttribution).toBe('© OpenStreetMap contributors')
    expect(configError({ FARO_MAP_TILE_ATTRIBUTION: '<a href="x">OSM</a>' }).message).toMatch(/^FARO_MAP_TILE_ATTRIBUTION: expected plain text, at most 300 characters and no < or >/)
  })

  it('keeps the message on one line when the value holds a newline', () => {
    const error = configError({ FARO_SESSION_HOURS: '12\n13' })
    expect(error.message).toMatch(/^FARO_SESSION_HOURS: expected session lifetime in hours, 1 to 720, got "12\\n13"$/)
    expect(error.message).not.toContain('\n')
  })
})

describe('faro CLI with a wrong setting', () => {
  it('exits with code 2 and one line on stderr naming FARO_PORT', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, FARO_PORT: 'abc' }
    delete env.DATABASE_URL
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', 'start'], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 30_000 })
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    const lines = result.stderr.split('\n').filter((l) => l !== '')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('FARO_PORT')
    expect(lines[0]).toBe('faro: FARO_PORT: expected an integer port between 1 and 65535, got "abc"')
  })
})

describe('faro start --build-web', () => {
  it('stops with code 1 when the staff app does not build, showing what the build said, and never listens', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-build-web-'))
    try {
      // What `npm run build:web` runs is npm's business; a stand-in for npm that fails the way a
      // broken build does checks what start makes of it.
      const npm = path.join(dir, 'npm-cli.js')
      fs.writeFileSync(npm, "console.error('vite: src/main.tsx: Unexpected token'); process.exit(3)\n")
      const env: NodeJS.ProcessEnv = { ...process.env, npm_execpath: npm, FARO_DATA_DIR: dir, FARO_MASTER_KEY: randomBytes(32).toString('base64'), FARO_PORT: '1' }
      delete env.DATABASE_URL
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', 'start', '--build-web'], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 })
      expect(result.status).toBe(1)
      expect(result.stdout).toBe('Building the staff app…\n')
      expect(result.stderr.split('\n').filter((l) => l !== '')).toEqual(['vite: src/main.tsx: Unexpected token', 'faro: the staff app could not be built (npm run build:web): exit 3'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
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
