import { easterSunday, localDay, parseAction, type ActionInput, type Actor } from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../db/open.ts'
import { ActionBatch } from '../log/action-batch.ts'
import type { Ctx } from '../log/context.ts'
import { AGE_BANDS, DEMO_DAYS, EMERGENCIES_NORTH, EMERGENCIES_SOUTH, NATIONALITIES, SEXES, VULNERABILITIES, YEARLY_2010, type GroupRow } from './activity.ts'
import { slug } from './org-tree.ts'
import type { SeededRandom } from './random.ts'

/**
 * The programmes' history before the demo's three months of records: the Grupos Beta's daily
 * reports typed in from paper for every day from the winter before last year's up to those
 * records, at the rates of the book's year (2010: ../seed-data/grupos-beta-statistics.csv), so
 * last year's tables land within a few percent of the book's; and Paisano's Easter, summer and
 * winter operations of last year, and this year's Easter and summer, with each module's daily
 * tallies at the rate of its 2010 figure of nationals assisted.
 */

/** Programa Paisano's nationals assisted in 2010 (../shared/data/paisano-statistics.csv). */
export const PAISANO_2010 = { nationalsAssisted: 2_261_714 }

/** The book's other 2010 figures for Grupos Beta: humanitarian assistance and first aid. */
export const BETA_2010_SERVICES = { humanitarianAssistance: 186_628, firstAid: 791 }

const DAY = 86_400_000

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10)
}

/** Paisano's three seasonal operations of a year: Holy Week, summer, and winter into January. */
export function seasonsOf(year: number): { kind: 'easter' | 'summer' | 'winter'; name: string; startsOn: string; endsOn: string }[] {
  const easter = easterSunday(year).toISOString().slice(0, 10)
  return [
    { kind: 'easter', name: `Operativo Semana Santa ${year}`, startsOn: addDays(easter, -24), endsOn: addDays(easter, 8) },
    { kind: 'summer', name: `Operativo Verano ${year}`, startsOn: `${year}-06-28`, endsOn: `${year}-08-31` },
    { kind: 'winter', name: `Operativo Invierno ${year}`, startsOn: `${year}-11-15`, endsOn: `${year + 1}-01-08` },
  ]
}

/** A whole number around `mean`: its floor, plus one with the chance of its fraction. */
function around(random: SeededRandom, mean: number): number {
  const floor = Math.floor(mean)
  return floor + (random.chance(mean - floor) ? 1 : 0)
}

/** `total` people split into a few groups by sex, age band and nationality, some vulnerable. */
function mix(random: SeededRandom, total: number, parts: number) {
  const groups = new Map<string, { count: number; sex: string; ageBand: string; nationality: string; vulnerabilities: string[] }>()
  let left = total
  for (let i = 0; i < parts && left > 0; i++) {
    const count = i === parts - 1 ? left : Math.max(1, Math.round((left / (parts - i)) * (0.5 + random.next())))
    const g = { sex: random.weighted(SEXES), ageBand: random.weighted(AGE_BANDS), nationality: random.weighted(NATIONALITIES), vulnerabilities: random.chance(0.08) ? [random.pick(VULNERABILITIES)] : [] }
    const key = `${g.sex}|${g.ageBand}|${g.nationality}|${g.vulnerabilities.join()}`
    const n = Math.min(count, left)
    groups.set(key, { ...g, count: (groups.get(key)?.count ?? 0) + n })
    left -= n
  }
  return [...groups.values()]
}

/** Every group's daily report of every day from `from` to `to`, both included, at the book's yearly rates. */
export function dailyReports(groups: readonly GroupRow[], from: string, to: string, random: SeededRandom): { unitId: string; day: string; payload: Record<string, unknown> }[] {
  const weightOf = (g: GroupRow) => Math.max(3, Number(g.staff_2011) || 0)
  const northWeight = groups.filter((g) => g.border === 'north').reduce((s, g) => s + weightOf(g), 0)
  const southWeight = groups.filter((g) => g.border === 'south').reduce((s, g) => s + weightOf(g), 0)
  const allWeight = northWeight + southWeight
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1
  const YEAR = 365
  const attendedTotal = YEARLY_2010.attendedNorth + YEARLY_2010.attendedSouth
  const out: { unitId: string; day: string; payload: Record<string, unknown> }[] = []
  for (const g of groups) {
    const north = g.border === 'north'
    const w = weightOf(g)
    const share = north ? w / northWeight : w / southWeight
    const attendedPerDay = ((north ? YEARLY_2010.attendedNorth : YEARLY_2010.attendedSouth) * share) / YEAR
    const patrolsPerDay = (YEARLY_2010.patrols * (w / allWeight)) / YEAR
    const rescuedPerDay = (YEARLY_2010.rescued * (w / allWeight)) / YEAR
    // First aid is rare (791 in 2010): its share is dealt out over the days, not drawn.
    const firstAid = new Array<number>(days).fill(0)
    for (let n = Math.round(((BETA_2010_SERVICES.firstAid * (w / allWeight)) / YEAR) * days); n > 0; n--) {
      const d = random.int(0, days - 1)
      firstAid[d] = (firstAid[d] ?? 0) + 1
    }
    for (let d = 0; d < days; d++) {
      const day = addDays(from, d)
      const attended = around(random, attendedPerDay * (0.6 + 0.8 * random.next()))
      const people = attended > 0 ? mix(random, attended, Math.min(attended, random.int(2, 6))) : []
      const services: Record<string, number> = {}
      const give = (service: string, n: number) => {
        if (n > 0) {
          services[service] = n
        }
      }
      give('orientation', Math.round(attended * 0.95))
      give('water', around(random, attended * (BETA_2010_SERVICES.humanitarianAssistance / attendedTotal)))
      give('food', Math.round(attended * 0.55))
      give('first_aid', Math.min(attended, firstAid[d] ?? 0))
      give('phone_call', Math.round(attended * 0.2))
      const patrols = around(random, patrolsPerDay)
      const preventive = Math.round(patrols * 0.7)
      let toRescue = around(random, rescuedPerDay)
      const rescues: Record<string, unknown>[] = []
      while (toRescue > 0) {
        const n = Math.min(toRescue, random.int(1, 4))
        rescues.push({ emergencyType: random.weighted(north ? EMERGENCIES_NORTH : EMERGENCIES_SOUTH), outcome: random.weighted([['unharmed', 45], ['first_aid', 38], ['transferred_to_hospital', 15], ['deceased', 2]] as const), people: mix(random, n, 1) })
        toRescue -= n
      }
      out.push({
        unitId: `beta-${slug(g.city ?? '')}`,
        day,
        payload: {
          day,
          attended: people,
          services,
          patrols: { ...(preventive > 0 ? { preventive } : {}), ...(patrols - preventive > 0 ? { reconnaissance: patrols - preventive } : {}) },
          peopleEncountered: patrols > 0 ? random.int(0, 12 * patrols) : 0,
          rescues,
          remains: north && random.chance(0.02) ? 1 : 0,
          source: 'paper',
        },
      })
    }
  }
  return out
}

/**
 * Writes the previous year's history into the demo: the groups' daily reports (each group's own,
 * as its field agent) and Paisano's three operations of that year with each module's daily
 * tallies. Returns the records written.
 */
export async function seedDemoHistory(db: Db, ctx: Ctx, demo: { now: Date; random: SeededRandom; groups: readonly GroupRow[]; agents: ReadonlyMap<string, Actor> }): Promise<number> {
  const year = Number(localDay(demo.now).slice(0, 4)) - 1
  // From the winter before last year's (so last winter compares with one a year earlier) to the day
  // before the demo's own records start.
  const activityStarts = localDay(new Date(demo.now.getTime() - DEMO_DAYS * DAY))
  const { random } = demo
  const id = (at: number) => uuidv7({ msecs: at, random: random.bytes(16) })
  const byActor = new Map<string, { actor: Actor; list: ActionInput[] }>()
  const add = (actor: Actor, action: ActionInput) => {
    const key = `${actor.userId}|${actor.orgUnitId}`
    const held = byActor.get(key) ?? { actor, list: [] }
    held.list.push(action)
    byActor.set(key, held)
  }
  for (const r of dailyReports(demo.groups, `${year - 1}-11-15`, addDays(activityStarts, -1), random)) {
    const actor = demo.agents.get(r.unitId)
    if (actor !== undefined) {
      add(actor, parseAction({ id: id(Date.parse(`${r.day}T23:00:00Z`)), recordType: 'daily_report', recordId: `demo-report-${r.unitId}-${r.day}`, type: 'DailyReportFiled', payload: { orgUnitId: r.unitId, ...r.payload } }, 'es'))
    }
  }
  const office: Actor = { userId: 'system', role: 'paisano_coordinator', orgUnitId: 'paisano' }
  const modules = (await db.db.selectFrom('orgUnits').select('id').where('kind', '=', 'module').orderBy('id').execute()).map((m) => m.id)
  // Last year's three operations, and this year's Easter and summer ones (this winter's is open).
  const seasons = [...seasonsOf(year), ...seasonsOf(year + 1).filter((o) => o.kind !== 'winter')]
  // A year's figure spread over the days of its operations that fall in it (winter runs into January).
  const opDays = seasonsOf(year).reduce((sum, o) => sum + (Date.parse(o.endsOn < `${year + 1}` ? o.endsOn : `${year}-12-31`) - Date.parse(o.startsOn)) / DAY + 1, 0)
  const perSiteDay = PAISANO_2010.nationalsAssisted / opDays / Math.max(1, modules.length)
  for (const season of seasons) {
    const operationId = id(Date.parse(`${season.startsOn}T12:00:00Z`))
    add(office, parseAction({ id: operationId, recordType: 'operation', recordId: operationId, type: 'OperationOpened', payload: { orgUnitId: 'paisano', ...season } }, 'es'))
    for (let day = season.startsOn; day <= season.endsOn; day = addDays(day, 1)) {
      for (const site of modules) {
        const guidance = around(random, perSiteDay * (0.6 + 0.8 * random.next()))
        const counts = { guidance, guides: Math.round(guidance * 0.4), complaintReferrals: around(random, guidance * 0.002), helpReferrals: around(random, guidance * 0.004), otherReferrals: around(random, guidance * 0.001) }
        add({ userId: 'system', role: 'module_volunteer', orgUnitId: site }, parseAction({ id: id(Date.parse(`${day}T23:00:00Z`)), recordType: 'tally', recordId: `demo-tally-${site}-${day}`, type: 'TallyOpened', payload: { orgUnitId: site, operationId, day, ...counts } }, 'es'))
      }
    }
  }
  let written = 0
  for (const { actor, list } of byActor.values()) {
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500)
      await db.db.transaction().execute(async (trx) => {
        const batch = new ActionBatch(trx, { ...ctx, actor }, { demo: true })
        await batch.load(chunk)
        for (const action of chunk) {
          await batch.stage(action)
        }
        await batch.flush()
      })
      written += chunk.length
    }
  }
  return written
}
