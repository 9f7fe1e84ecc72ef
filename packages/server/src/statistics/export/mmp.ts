import { createHash } from 'node:crypto'
import { localDate, type PeopleCount } from '@faro/core'
import type { Kysely } from 'kysely'
import { listOrgUnits } from '../../accounts/org-units-repo.ts'
import type { Database } from '../../db/schema.ts'
import { unitStates, zoneOfPath } from '../summaries.ts'
import type { StatColumn, StatRow, StatTable } from './stat-table.ts'

/**
 * Deaths, remains and rescues in the columns of IOM's Missing Migrants Project, as its download
 * (`Missing_Migrants_Global_Figures_allData.csv`) names them, so IOM can take Faro's records
 * without a mapping: one row per `remains` and `rescue` record under a unit, with counts, date,
 * place and cause, never a name, a vault id, a note or a free-text place description. The
 * mapping of each column is in docs/statistics.md ("Exports").
 */

/** The 25 columns of the MMP dataset, in its order and spelling (research notes §3.2). */
export const MMP_COLUMNS = [
  'Main ID',
  'Incident ID',
  'Incident Type',
  'Region of Incident',
  'Incident Date',
  'Incident Year',
  'Month',
  'Number of Dead',
  'Minimum Estimated Number of Missing',
  'Total Number of Dead and Missing',
  'Number of Survivors',
  'Number of Females',
  'Number of Males',
  'Number of Children',
  'Country of Origin',
  'Region of Origin',
  'Cause of Death',
  'Country of Incident',
  'Migration Route',
  'Location of Incident',
  'Coordinates',
  'UNSD Geographical Grouping',
  'Information Source',
  'URL',
  'Source Quality',
] as const

/** The hashtags of HDX's own MMP feed (OCHA-DAP/hdx-scraper-iom-missingmigrants), where it has one. */
const MMP_HXL: Readonly<Partial<Record<(typeof MMP_COLUMNS)[number], string>>> = {
  'Main ID': '#meta+id',
  'Incident ID': '#meta+id+incident',
  'Incident Type': '#event+type',
  'Region of Incident': '#region+name',
  'Incident Date': '#date+occurred',
  'Incident Year': '#date+year',
  Month: '#date+month',
  'Number of Dead': '#affected+killed',
  'Minimum Estimated Number of Missing': '#affected+missing',
  'Total Number of Dead and Missing': '#affected+killed+missing+total',
  'Number of Survivors': '#affected+survivors',
  'Number of Females': '#affected+f',
  'Number of Males': '#affected+m',
  'Number of Children': '#affected+children',
  'Country of Origin': '#country+origin+name',
  'Region of Origin': '#region+origin+name',
  'Cause of Death': '#cause+type',
  'Country of Incident': '#country+event',
  'Migration Route': '#route+description',
  'Location of Incident': '#loc+description',
  Coordinates: '#geo+coord',
  'UNSD Geographical Grouping': '#region+unsd+name',
  'Information Source': '#meta+source+name',
  URL: '#meta+url',
  'Source Quality': '#meta+source+quality',
}

export interface MmpQuestion {
  unitId: string
  from: string
  to: string
  /** Only the records of these units (a border or a state drilled into); all under the unit when left out. */
  only?: readonly string[]
}

/** The MMP table of the remains and rescues under a unit whose day falls in the period. */
export async function mmpTable(db: Kysely<Database>, q: MmpQuestion): Promise<StatTable> {
  const columns: StatColumn[] = MMP_COLUMNS.map((c) => ({ key: c, label: { es: c, en: c }, hxl: MMP_HXL[c] ?? '' }))
  const counted = await inPeriod(db, q).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst()
  return { title: { es: 'Muertes, restos y rescates (IOM Missing Migrants)', en: 'Deaths, remains and rescues (IOM Missing Migrants)' }, columns, rows: mmpRows(db, q), rowCount: Number(counted?.n ?? 0) }
}

/** MMP's cause categories for the programme's emergencies (MMP methodology, 2022 onwards). */
const CAUSE: Readonly<Record<string, string>> = {
  lost_in_desert: 'Harsh environmental conditions / lack of adequate shelter, food, water',
  heat_stroke: 'Harsh environmental conditions / lack of adequate shelter, food, water',
  dehydration: 'Harsh environmental conditions / lack of adequate shelter, food, water',
  hypothermia: 'Harsh environmental conditions / lack of adequate shelter, food, water',
  drowning_river: 'Drowning',
  train_accident: 'Vehicle accident / death linked to hazardous transport',
  fall_injury: 'Accidental death',
  crime_victim: 'Violence',
  other: 'Mixed or unknown',
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const CHILD_BANDS = new Set(['0-5', '6-11', '12-17'])

/** The remains and rescues under the unit around the period. */
function inPeriod(db: Kysely<Database>, q: MmpQuestion) {
  return (
    db
      .selectFrom('records')
      .where('recordType', 'in', ['remains', 'rescue'])
      .where('orgUnitPath', 'like', `%/${q.unitId}/%`)
      .$if(q.only !== undefined, (w) => w.where('orgUnitId', 'in', q.only?.length ? [...q.only] : ['']))
      // A day in Mexico's zones starts at most 8 hours after UTC's and ends 6 before: a day's
      // margin either side, then the record's own day decides.
      .where('occurredAt', '>=', shiftDay(q.from, -1))
      .where('occurredAt', '<', shiftDay(q.to, 2))
  )
}

async function* mmpRows(db: Kysely<Database>, q: MmpQuestion): AsyncIterable<StatRow> {
  const units = new Map((await listOrgUnits(db)).map((u) => [u.id, u]))
  const states = await unitStates(db)
  const countries = new Intl.DisplayNames(['en'], { type: 'region' })
  let after = ''
  for (;;) {
    const page = await inPeriod(db, q).select(['recordType', 'recordId', 'orgUnitId', 'orgUnitPath', 'state', 'occurredAt']).where('recordId', '>', after).orderBy('recordId').limit(1000).execute()
    for (const r of page) {
      const s = JSON.parse(r.state) as Record<string, unknown>
      const at = String(r.recordType === 'remains' ? s.foundAt : s.at)
      const day = localDate(at, zoneOfPath(r.orgUnitPath, states))
      if (day < q.from || day > q.to) {
        continue
      }
      const unit = units.get(r.orgUnitId)
      const border = [...(unit?.path ?? [])].reverse().map((id) => units.get(id)?.border).find((b) => b === 'north' || b === 'south')
      const people = Array.isArray(s.people) ? (s.people as PeopleCount[]) : []
      const total = people.reduce((sum, g) => sum + g.count, 0)
      const deceased = r.recordType === 'remains' || s.outcome === 'deceased'
      const dead = r.recordType === 'remains' ? (typeof s.count === 'number' ? s.count : 1) : deceased ? total : 0
      // Sex, children and origin describe the dead, as in MMP; remains have none of them.
      const known = r.recordType === 'rescue' && deceased
      const sum = (pick: (g: PeopleCount) => boolean) => (known ? people.filter(pick).reduce((n, g) => n + g.count, 0) : null)
      const origins = known ? [...new Set(people.map((g) => g.nationality ?? 'unknown'))].map((c) => (c === 'unknown' ? 'Unknown' : (countries.of(c) ?? c))).sort() : []
      const location = s.location as { lat?: number; lon?: number } | undefined
      const id = incidentId(r.recordType, r.recordId, day)
      yield {
        'Main ID': id,
        'Incident ID': id,
        'Incident Type': 'Incident',
        'Region of Incident': border === 'north' ? 'North America' : 'Central America',
        'Incident Date': day,
        'Incident Year': Number(day.slice(0, 4)),
        Month: MONTHS[Number(day.slice(5, 7)) - 1] ?? '',
        'Number of Dead': dead,
        'Minimum Estimated Number of Missing': null,
        'Total Number of Dead and Missing': dead,
        'Number of Survivors': r.recordType === 'rescue' && !deceased ? total : null,
        'Number of Females': sum((g) => g.sex === 'female'),
        'Number of Males': sum((g) => g.sex === 'male'),
        'Number of Children': sum((g) => CHILD_BANDS.has(g.ageBand ?? '')),
        'Country of Origin': origins.join(','),
        'Region of Origin': null,
        'Cause of Death': deceased ? (r.recordType === 'remains' ? 'Mixed or unknown' : (CAUSE[String(s.emergencyType)] ?? 'Mixed or unknown')) : null,
        'Country of Incident': 'Mexico',
        'Migration Route': border === 'north' ? 'US-Mexico border crossing' : null,
        'Location of Incident': [unit?.city, unit?.state].filter((p) => p !== undefined && p !== null && p !== '').join(', '),
        Coordinates: location?.lat === undefined || location.lon === undefined ? null : `${location.lat.toFixed(5)}, ${location.lon.toFixed(5)}`,
        'UNSD Geographical Grouping': 'Central America',
        'Information Source': unit?.name ?? '',
        URL: null,
        // First-hand records of a government field programme: MMP's 4; remains an authority has
        // been told of (the prosecutor, the forensic service) carry the official record's 5.
        'Source Quality': r.recordType === 'remains' && typeof s.authorityNotified === 'string' ? 5 : 4,
      }
    }
    if (page.length < 1000) {
      return
    }
    after = page.at(-1)?.recordId ?? after
  }
}

/** An incident's id: the year, FARO and a digest of the record, stable and naming no one. */
function incidentId(recordType: string, recordId: string, day: string): string {
  return `${day.slice(0, 4)}.FARO${createHash('sha256').update(`${recordType}/${recordId}`).digest('hex').slice(0, 10).toUpperCase()}`
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString()
}
