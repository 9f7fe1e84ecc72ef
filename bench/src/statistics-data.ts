import fs from 'node:fs'
import { cellsOf, type RecordType, type StatCell } from '@faro/core'
import pg from 'pg'
import { SQLite } from '../../packages/server/src/db/sqlite-driver.ts'
import type { Db } from '../../packages/server/src/db/open.ts'
import { SeededRandom } from '../../packages/server/src/seed/random.ts'
import { applyCells, unitStates, zoneOfPath } from '../../packages/server/src/statistics/summaries.ts'

// The statistics benchmark's records: anonymous attentions, rescues, patrols, remains and Paisano
// tallies over about three years, in the demo's org tree, written straight into `records` (each
// record's state as the log keeps it: the creating action's payload) with their summary cells
// added by the real `cellsOf` and `applyCells`, a day at a time. Every person group also goes to a
// CSV file of flat facts, which DuckDB loads as the third way of answering the same questions.

// The mixes of the demo's seed (seed/activity.ts), from the programme's published figures.
const NATIONALITIES = [['HN', 30], ['GT', 25], ['SV', 12], ['MX', 10], ['NI', 5], ['VE', 6], ['HT', 4], ['CU', 3], ['EC', 2], ['CO', 2], ['unknown', 6]] as const
const AGE_BANDS = [['0-5', 4], ['6-11', 4], ['12-17', 8], ['18-29', 42], ['30-44', 30], ['45-59', 9], ['60+', 2], ['unknown', 4]] as const
const SEXES = [['male', 70], ['female', 27], ['other', 1], ['unknown', 2]] as const
const VULNERABILITIES = ['unaccompanied_child', 'travelling_with_children', 'pregnant', 'disability', 'chronic_illness', 'older_person', 'indigenous_language_speaker', 'victim_of_crime'] as const
const SETTINGS = [['base', 30], ['patrol', 30], ['rail_tracks', 20], ['bus_terminal', 10], ['shelter', 10]] as const
const EMERGENCIES = [['lost_in_desert', 20], ['heat_stroke', 15], ['dehydration', 25], ['train_accident', 10], ['fall_injury', 15], ['drowning_river', 10], ['other', 5]] as const
const OUTCOMES = [['unharmed', 45], ['first_aid', 38], ['transferred_to_hospital', 15], ['deceased', 2]] as const
const CONDITIONS = [['recent', 30], ['decomposed', 35], ['skeletal', 25], ['unknown', 10]] as const
const SERVICES = [['water', 0.8], ['food', 0.6], ['medicine', 0.15], ['first_aid', 0.05], ['phone_call', 0.2], ['legal_advice', 0.05]] as const
/** Shares of the field records (tallies are one per site and day, apart). */
const MIX: readonly (readonly [RecordType, number])[] = [['attention', 85], ['patrol', 11], ['rescue', 3.5], ['remains', 0.5]]

export const DAYS = 3 * 365 + 1

export interface Unit {
  id: string
  kind: string
  path: string
  border: string | null
  weight: number
}

export interface Generated {
  records: number
  cells: number
  facts: number
  seconds: number
}

const COLUMNS = ['record_type', 'record_id', 'org_unit_id', 'org_unit_path', 'owner_id', 'state', 'routed_to', 'excluded_units', 'priority', 'demo', 'version', 'created_at', 'updated_at', 'occurred_at', 'alert_at', 'needs_review'] as const
type Row = readonly [string, string, string, string, string, string, string, string, number, number, number, string, string, string, null, number]

/**
 * Writes `total` records ending on `lastDay` (YYYY-MM-DD, Mexico City) into the database, their
 * cells through `applyCells`, and the person groups to `factsFile` as CSV
 * (type,day,unit_id,border,sex,age_band,nationality,n). Progress on stderr. With no target, only
 * the CSV is written (the same rows again, for a database kept from an earlier run).
 */
export async function generate(db: Db, target: { sqliteFile?: string; pgUrl?: string }, opts: { total: number; lastDay: string; factsFile: string; seed?: number }): Promise<Generated> {
  const started = performance.now()
  const random = new SeededRandom(opts.seed ?? 2026)
  const units = await unitsOf(db)
  const groups = units.filter((u) => u.kind === 'beta_group')
  const sites = units.filter((u) => u.kind === 'module' || u.kind === 'observation_point')
  const states = await unitStates(db.db)
  const zones = new Map(units.map((u) => [u.id, zoneOfPath(u.path, states)]))
  const writer = target.sqliteFile !== undefined ? sqliteWriter(target.sqliteFile) : target.pgUrl !== undefined ? await pgWriter(target.pgUrl) : undefined
  const facts = fs.createWriteStream(opts.factsFile)
  const first = Date.parse(`${opts.lastDay}T00:00:00Z`) - (DAYS - 1) * 86_400_000
  // Seasons and growth: more in summer and in the later years, less on Sundays.
  const weights = Array.from({ length: DAYS }, (_, d) => {
    const day = new Date(first + d * 86_400_000)
    const season = 1 + 0.35 * Math.sin(((day.getUTCMonth() - 2) / 12) * 2 * Math.PI)
    return season * (0.8 + (0.4 * d) / DAYS) * (day.getUTCDay() === 0 ? 0.7 : 1)
  })
  const prefix = [0]
  for (const w of weights) {
    prefix.push((prefix.at(-1) ?? 0) + w)
  }
  const weightSum = prefix.at(-1) ?? 1
  const tallies = Math.min(sites.length * DAYS, Math.round(opts.total * 0.011))
  const fieldTotal = opts.total - tallies
  let written = 0
  let factCount = 0
  const serial: Record<string, number> = {}
  for (let d = 0; d < DAYS; d++) {
    const day = new Date(first + d * 86_400_000).toISOString().slice(0, 10)
    // The day's share, rounded so the days add up to the total exactly.
    const upTo = (i: number) => Math.round((fieldTotal * (prefix[i] ?? 0)) / weightSum)
    const count = upTo(d + 1) - upTo(d)
    const rows: Row[] = []
    const cells: StatCell[] = []
    let csv = ''
    const add = (type: RecordType, unit: Unit, state: Record<string, unknown>, at: string) => {
      serial[type] = (serial[type] ?? 0) + 1
      const id = `${type.slice(0, 3)}-${String(serial[type]).padStart(9, '0')}`
      const people = Array.isArray(state.people) ? (state.people as { vulnerabilities: string[] }[]) : []
      rows.push([type, id, unit.id, unit.path, 'bench', JSON.stringify(state), '[]', '[]', people.some((p) => p.vulnerabilities.length > 0) ? 1 : 0, 0, 1, at, at, at, null, 0])
      const own = cellsOf(type, state, { timeZone: zones.get(unit.id) ?? 'America/Mexico_City', createdAt: at })
      cells.push(...own)
      for (const c of own) {
        if (c.fact === 'attended' || c.fact === 'rescued') {
          csv += `${type},${c.day},${unit.id},${unit.border ?? ''},${c.sex},${c.ageBand},${c.nationality},${c.n}\n`
          factCount += 1
        }
      }
    }
    for (let i = 0; i < count; i++) {
      const unit = pickWeighted(random, groups)
      // Between six in the morning and ten at night in Mexico City: the same date in every zone.
      const at = new Date(Date.parse(`${day}T12:00:00Z`) + Math.floor(random.next() * 16 * 3_600_000)).toISOString()
      const type = random.weighted(MIX)
      add(type, unit, stateOf(random, type, unit.id, at), at)
    }
    const todaysTallies = tallyWritten(d + 1, tallies) - tallyWritten(d, tallies)
    for (let i = 0; i < todaysTallies; i++) {
      const unit = sites[(d * 7 + i) % sites.length] ?? sites[0]
      if (unit !== undefined) {
        add('tally', unit, { orgUnitId: unit.id, day, guidance: random.int(5, 400), guides: random.int(0, 200), complaintReferrals: random.int(0, 3), helpReferrals: random.int(0, 5) }, `${day}T18:00:00.000Z`)
      }
    }
    if (writer !== undefined) {
      await writer.write(rows)
      await applyCells(db.db, db.dialect, cells)
    }
    written += rows.length
    if (!facts.write(csv)) {
      await new Promise<void>((resolve) => facts.once('drain', () => resolve()))
    }
    if (d % 30 === 0 || d === DAYS - 1) {
      const seconds = (performance.now() - started) / 1000
      process.stderr.write(`\r  ${day}: ${written.toLocaleString('en')} records written (${Math.round(written / seconds).toLocaleString('en')}/s)   `)
    }
  }
  process.stderr.write('\n')
  await new Promise<void>((resolve, reject) => facts.end((error?: Error | null) => (error ? reject(error) : resolve())))
  await writer?.close()
  const stored = await db.db.selectFrom('statCells').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return { records: written, cells: Number(stored.n), facts: factCount, seconds: (performance.now() - started) / 1000 }
}

/** How many tallies fall before day `d`: spread evenly over the days. */
function tallyWritten(d: number, tallies: number): number {
  return Math.round((tallies * d) / DAYS)
}

export async function unitsOf(db: Db): Promise<Unit[]> {
  const rows = await db.db.selectFrom('orgUnits').select(['id', 'kind', 'path', 'border']).orderBy('path').execute()
  // The groups' weights: the field staff of 2011 (seed-data/grupos-beta-2011.csv), at least 3.
  const staff: Record<string, number> = { 'beta-tijuana': 13, 'beta-tecate': 9, 'beta-mexicali': 7, 'beta-nogales': 8, 'beta-agua-prieta': 10, 'beta-piedras-negras': 13, 'beta-matamoros': 8, 'beta-tapachula': 18, 'beta-tuxtla-gutierrez': 9, 'beta-comitan': 10, 'beta-tenosique': 8 }
  return rows.map((r) => ({ id: r.id, kind: r.kind, path: r.path, border: r.border, weight: staff[r.id] ?? 4 }))
}

function pickWeighted(random: SeededRandom, units: readonly Unit[]): Unit {
  return random.weighted(units.map((u) => [u, u.weight] as const))
}

function peopleGroups(random: SeededRandom, total: number) {
  const parts = total > 3 && random.chance(0.5) ? 2 : 1
  const first = parts === 2 ? random.int(1, total - 1) : total
  return [first, total - first].filter((c) => c > 0).map((count) => ({
    count,
    sex: random.weighted(SEXES),
    ageBand: random.weighted(AGE_BANDS),
    nationality: random.weighted(NATIONALITIES),
    vulnerabilities: random.chance(0.08) ? [random.pick(VULNERABILITIES)] : [],
  }))
}

function point(random: SeededRandom) {
  return { lat: Math.round((14.5 + random.next() * 18) * 1e4) / 1e4, lon: Math.round((-117 + random.next() * 26) * 1e4) / 1e4, accuracyM: random.int(5, 60) }
}

/** A record's state as its creating action leaves it: the payload. */
function stateOf(random: SeededRandom, type: RecordType, orgUnitId: string, at: string): Record<string, unknown> {
  switch (type) {
    case 'attention':
      return { orgUnitId, at, location: point(random), setting: random.weighted(SETTINGS), people: peopleGroups(random, random.int(1, 6)), services: ['orientation', ...SERVICES.filter(([, p]) => random.chance(p)).map(([s]) => s)] }
    case 'rescue':
      return { orgUnitId, at, location: point(random), emergencyType: random.weighted(EMERGENCIES), people: peopleGroups(random, random.int(1, 5)), outcome: random.weighted(OUTCOMES), partners: [], equipment: ['Botiquín'] }
    case 'patrol':
      return { orgUnitId, kind: random.chance(0.7) ? 'preventive' : 'reconnaissance', startedAt: at, endedAt: new Date(Date.parse(at) + random.int(2, 9) * 3_600_000).toISOString(), distanceKm: random.int(10, 180), peopleEncountered: random.int(0, 30), vehicle: 'Camioneta 4x4' }
    default:
      return { orgUnitId, foundAt: at, location: point(random), count: random.chance(0.9) ? 1 : random.int(2, 4), condition: random.weighted(CONDITIONS) }
  }
}

interface Writer {
  write(rows: readonly Row[]): Promise<void>
  close(): Promise<void>
}

/** Prepared statement, one transaction per day, on its own connection; the setup is not timed. */
function sqliteWriter(file: string): Writer {
  const conn = new SQLite(file)
  conn.pragma('journal_mode = WAL')
  conn.pragma('synchronous = OFF')
  conn.pragma('cache_size = -262144')
  const insert = conn.prepare(`insert into records (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`)
  const day = conn.transaction((rows: readonly Row[]) => {
    for (const row of rows) {
      insert.run(...row)
    }
  })
  return {
    write: (rows) => {
      day(rows)
      return Promise.resolve()
    },
    close: () => {
      conn.pragma('wal_checkpoint(TRUNCATE)')
      conn.close()
      return Promise.resolve()
    },
  }
}

/** One INSERT … SELECT FROM unnest(…) per day: one array parameter per column. */
async function pgWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const types = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'int', 'int', 'text', 'text', 'text', 'text', 'int']
  const text = `insert into records (${COLUMNS.join(', ')}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`
  return {
    write: async (rows) => {
      if (rows.length > 0) {
        await client.query(text, COLUMNS.map((_, c) => rows.map((r) => r[c])))
      }
    },
    close: () => client.end(),
  }
}
