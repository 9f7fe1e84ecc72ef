import fs from 'node:fs'
import path from 'node:path'
import { RecordType } from '@faro/core'
import { z } from 'zod'

// A misspelt record type would silently keep the default: only known names are accepted.
const RETENTION_KEYS: readonly string[] = [...RecordType.options, 'unlinked']

/** Every setting Faro reads from the environment, with its default and what it expects. */
const ENV = z.object({
  FARO_PORT: z.coerce.number().int().min(1).max(65535).default(8080)
    .describe('an integer port between 1 and 65535'),
  // Only this machine by default: the demo's password is published in the README.
  FARO_HOST: z.string().min(1).default('127.0.0.1').describe('an interface address such as 127.0.0.1 or 0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional()
    .describe('a postgres:// URL; leave unset for the embedded SQLite database'),
  DATABASE_MIGRATE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional()
    .describe('a postgres:// URL of the role that owns the tables, used only to migrate, and only together with DATABASE_URL'),
  FARO_DATA_DIR: z.string().min(1).default('./data').describe('a directory for the SQLite database file'),
  FARO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
    .describe('one of fatal, error, warn, info, debug, trace, silent'),
  FARO_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto')
    .describe('auto (secure when the request came over HTTPS), true or false'),
  FARO_TRUST_PROXY: z.enum(['true', 'false']).default('false')
    .describe('true only behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto, else false'),
  FARO_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12)
    .describe('session lifetime in hours, 1 to 720'),
  FARO_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024)
    .describe('largest accepted request body in bytes, 1024 to 52428800'),
  FARO_WEB_DIST: z.string().min(1).optional().describe('directory of the built staff app'),
  FARO_MASTER_KEY: z.string().refine(isMasterKey).optional()
    .describe('32 random bytes in base64 (44 characters), e.g. from `openssl rand -base64 32`'),
  FARO_MASTER_KEY_FILE: z.string().min(1).optional().describe('a file holding the base64 master key'),
  FARO_SHRED_LIST_FILE: z.string().min(1).optional().describe('a file for the ids of erased people, outside the database'),
  FARO_RIGHTS_DAYS: z.coerce.number().int().min(1).max(90).default(20).describe('business days to answer a rights request, 1 to 90'),
  FARO_RIGHTS_EXTENSION_DAYS: z.coerce.number().int().min(0).max(90).default(10).describe('business days of the one extension, 0 to 90'),
  FARO_HOLIDAYS: z.string().regex(/^\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*$/).optional()
    .describe('comma-separated YYYY-MM-DD non-working days'),
  FARO_BLOCKING_DAYS: z.coerce.number().int().min(0).max(3650).default(30).describe('days a cancelled identity stays blocked before shredding, 0 to 3650'),
  FARO_MAP_TILE_URL: z.string().refine(isTileTemplate).optional()
    .describe('a tile URL template with {z}, {x} and {y}: https://host/..., http://host/... or a same-origin path starting with /'),
  FARO_MAP_TILE_ATTRIBUTION: z.string().max(300).regex(/^[^<>]+$/).optional()
    .describe('plain text, at most 300 characters and no < or >, crediting the tiles as their terms ask, e.g. © OpenStreetMap contributors'),
  FARO_SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/).optional()
    .describe('the SMTP server Faro sends mail through, smtp://user:password@host:587 or smtps://…:465; unset, messages wait in the outbox'),
  FARO_MAIL_FROM: z.string().min(3).max(200).default('Faro <no-reply@faro.invalid>').describe('the From of every message Faro sends'),
  FARO_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional().describe('the address people open Faro at, e.g. https://faro.example.org, for links in messages'),
  FARO_MAP_PMTILES: z.string().min(1).optional()
    .describe('a readable PMTiles version 3 file of vector tiles on this server, e.g. /srv/faro/mexico.pmtiles'),
  FARO_DEMO_HISTORY: z.enum(['true', 'false']).default('true')
    .describe('with --demo: also seed last year (the groups\' daily reports, Paisano\'s three operations and their tallies) for the statistics; false seeds a few seconds faster'),
  FARO_CLOCK_OFFSET_FILE: z.string().min(1).optional()
    .describe('a file holding milliseconds to add to the system clock, for rehearsals and browser tests (an edition published at its time); leave unset in service'),
  FARO_RETENTION_DAYS: z.string().regex(/^[a-z_]+=\d{1,5}(,[a-z_]+=\d{1,5})*$/)
    .refine((v) => v.split(',').every((kv) => RETENTION_KEYS.includes(kv.split('=')[0] ?? '')))
    .optional()
    .describe(`retention overrides in days as type=days, types among ${RETENTION_KEYS.join(', ')}`),
})

/**
 * A tile template the maps can use and the CSP can allow: the placeholders only in the path, so
 * the origin added to img-src is one fixed origin (no `{s}` subdomains, no protocol-relative `//`).
 */
function isTileTemplate(value: string): boolean {
  if (!['{z}', '{x}', '{y}'].every((p) => value.includes(p)) || /\s/.test(value)) {
    return false
  }
  if (value.startsWith('/')) {
    return !value.startsWith('//')
  }
  const match = /^(https?:\/\/[^/?#]+)\//.exec(value)
  if (!match?.[1] || /[{}@]/.test(match[1])) {
    return false
  }
  try {
    return new URL(match[1]).hostname !== ''
  } catch {
    return false
  }
}

function isMasterKey(value: string): boolean {
  const key = Buffer.from(value, 'base64')
  return key.length === 32 && key.toString('base64') === value
}

export interface Config {
  port: number
  host: string
  /**
   * `url` is the application's connection. `migrateUrl`, when set, is the owner's: migrations,
   * grants and restores run with it, so the application's role needs no owner rights.
   */
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; migrateUrl?: string }
  dataDir: string
  logLevel: z.infer<typeof ENV>['FARO_LOG_LEVEL']
  secureCookies: 'auto' | 'true' | 'false'
  trustProxy: boolean
  sessionHours: number
  maxBodyBytes: number
  webDist: string
  /** The maps' tile URL template; unset, the maps draw only the bundled outlines. */
  mapTileUrl: string | undefined
  /** The credit the tiles' or the map file's terms ask for, shown on every map that draws them. */
  mapTileAttribution: string | undefined
  /** The vector map file served at /map/basemap.pmtiles, an absolute path checked at start. */
  mapPmtilesFile: string | undefined
  /** FARO_CLOCK_OFFSET_FILE: the server's clock is the system's plus the milliseconds it holds. */
  clockOffsetFile: string | undefined
  /** FARO_DEMO_HISTORY: the demo also holds last year, for the statistics. */
  demoHistory: boolean
  mail: { smtpUrl: string | undefined; from: string }
  /** Where people open Faro, for links in messages; unset, links are paths. */
  publicUrl: string | undefined
  protection: {
    /** The master key in base64 when given directly; otherwise read from `masterKeyFile`. */
    masterKey: string | undefined
    masterKeyFile: string | undefined
    shredListFile: string
    answerBusinessDays: number
    extensionBusinessDays: number
    holidays: string[]
    blockingDays: number
    retentionDays: Record<string, number>
  }
}

/**
 * Where to open Faro: the address it listens on, or localhost when it listens on every interface
 * (which it then says, since others can reach it too).
 */
export function listeningLine(host: string, port: number): string {
  const everywhere = host === '0.0.0.0' || host === '::'
  const shown = everywhere ? 'localhost' : host.includes(':') ? `[${host}]` : host
  const base = `http://${shown}:${port}/`
  return `Faro is listening on ${base} (staff app: ${base}app/)${everywhere ? ', on every network interface' : ''}`
}

/** A wrong setting: its message is one line naming the variable and what is expected. */
export class ConfigError extends Error {}

/**
 * Reads and validates the configuration. A wrong value throws `ConfigError` with one line that
 * names the variable, what it got and what it expects, so start-up stops with a clear reason.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in ENV.shape && v !== undefined && v !== ''))
  const parsed = ENV.safeParse(present)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const name = String(issue?.path[0] ?? 'environment')
    const field = ENV.shape[name as keyof typeof ENV.shape]
    const got = shown(name, env[name])
    throw new ConfigError(`${name}: expected ${field?.description ?? 'a valid value'}, got ${got}`)
  }
  const e = parsed.data
  if (e.DATABASE_MIGRATE_URL && !e.DATABASE_URL) {
    throw new ConfigError(`DATABASE_MIGRATE_URL: expected ${ENV.shape.DATABASE_MIGRATE_URL.description ?? ''}, got ${shown('DATABASE_MIGRATE_URL', env.DATABASE_MIGRATE_URL)} without DATABASE_URL`)
  }
  const dataDir = path.resolve(e.FARO_DATA_DIR)
  const mapPmtilesFile = e.FARO_MAP_PMTILES === undefined ? undefined : path.resolve(e.FARO_MAP_PMTILES)
  if (mapPmtilesFile !== undefined) {
    const problem = pmtilesProblem(mapPmtilesFile)
    if (problem) {
      throw new ConfigError(`FARO_MAP_PMTILES: expected ${ENV.shape.FARO_MAP_PMTILES.description ?? ''}, got ${shown('FARO_MAP_PMTILES', env.FARO_MAP_PMTILES)} (${problem})`)
    }
  }
  return {
    port: e.FARO_PORT,
    host: e.FARO_HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, ...(e.DATABASE_MIGRATE_URL ? { migrateUrl: e.DATABASE_MIGRATE_URL } : {}) }
      : { kind: 'sqlite', file: path.join(dataDir, 'faro.sqlite') },
    dataDir,
    logLevel: e.FARO_LOG_LEVEL,
    secureCookies: e.FARO_SECURE_COOKIES,
    trustProxy: e.FARO_TRUST_PROXY === 'true',
    sessionHours: e.FARO_SESSION_HOURS,
    maxBodyBytes: e.FARO_MAX_BODY_BYTES,
    webDist: path.resolve(e.FARO_WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist')),
    mapTileUrl: e.FARO_MAP_TILE_URL,
    mapTileAttribution: e.FARO_MAP_TILE_ATTRIBUTION,
    mapPmtilesFile,
    clockOffsetFile: e.FARO_CLOCK_OFFSET_FILE === undefined ? undefined : path.resolve(e.FARO_CLOCK_OFFSET_FILE),
    demoHistory: e.FARO_DEMO_HISTORY === 'true',
    mail: { smtpUrl: e.FARO_SMTP_URL, from: e.FARO_MAIL_FROM },
    publicUrl: e.FARO_PUBLIC_URL,
    protection: {
      masterKey: e.FARO_MASTER_KEY,
      masterKeyFile: e.FARO_MASTER_KEY_FILE ? path.resolve(e.FARO_MASTER_KEY_FILE) : undefined,
      shredListFile: path.resolve(e.FARO_SHRED_LIST_FILE ?? path.join(dataDir, 'shred-list.txt')),
      answerBusinessDays: e.FARO_RIGHTS_DAYS,
      extensionBusinessDays: e.FARO_RIGHTS_EXTENSION_DAYS,
      holidays: e.FARO_HOLIDAYS ? e.FARO_HOLIDAYS.split(',') : [],
      blockingDays: e.FARO_BLOCKING_DAYS,
      retentionDays: Object.fromEntries((e.FARO_RETENTION_DAYS ?? '').split(',').filter(Boolean).map((kv) => kv.split('=')).map(([k, v]) => [k ?? '', Number(v)])),
    },
  }
}

/**
 * Why a file cannot be the maps' base map, or undefined when it can: it must be a regular file
 * this process may read, starting with the PMTiles version 3 header ("PMTiles" and the byte 3).
 * Checked once at start, so a wrong path stops Faro instead of leaving every map without it.
 */
function pmtilesProblem(file: string): string | undefined {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? e.code : undefined
    return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'not readable by this process' : 'cannot be opened'
  }
  try {
    if (!fs.fstatSync(fd).isFile()) {
      return 'not a regular file'
    }
    const magic = Buffer.alloc(8)
    const read = fs.readSync(fd, magic, 0, 8, 0)
    if (read < 8 || magic.toString('latin1', 0, 7) !== 'PMTiles' || magic[7] !== 3) {
      return 'not a PMTiles version 3 file'
    }
    return undefined
  } catch {
    return 'cannot be read'
  } finally {
    fs.closeSync(fd)
  }
}

// A secret is never echoed, not even a wrong one: it may be the right key mistyped. Database URLs
// usually carry a password, the owner's that of the most powerful role Faro knows.
const SECRETS: readonly string[] = ['FARO_MASTER_KEY', 'DATABASE_URL', 'DATABASE_MIGRATE_URL', 'FARO_SMTP_URL']

function shown(name: string, value: string | undefined): string {
  if (value === undefined) {
    return '(unset)'
  }
  return SECRETS.includes(name) ? 'a value (not shown)' : JSON.stringify(value)
}
