import { AgeBand, EmergencyType, PatrolKind, RemainsCondition, Service, Sex, TALLY_COUNTS, type Fact } from '@faro/core'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { PublicLang } from '../public/languages.ts'
import { DEFAULT_K, protect, SENSITIVE_K, type CountTable, type ProtectedTable } from './disclosure.ts'
import { DIMENSION_WORDS, type Dimension, type Words } from './published-words.ts'
import { listOperations, tableOf, type By, type OperationPeriod } from './query.ts'

/**
 * What each programme publishes for a period, table by table: a two-way count table of one fact
 * by two dimensions under the programme's unit, with its row and column totals, protected by
 * `protect()` at its k (5; 10 for protection-sensitive counts: remains and deaths, unaccompanied
 * children, trafficking) before anyone outside sees it. Adding a table is one entry in
 * `PUBLISHED_TABLES`: its words come from `published-words.ts`, its HXL tags from its fact and
 * dimensions.
 */

export const PROGRAMMES = ['beta', 'paisano'] as const
export type Programme = (typeof PROGRAMMES)[number]

/** Each programme's unit (whose subtree is counted) and the kinds of period it publishes. */
export const PROGRAMME_INFO: Readonly<Record<Programme, { unitId: string; periods: 'year' | 'operation'; approvalKinds: readonly string[]; name: Words }>> = {
  beta: { unitId: 'beta', periods: 'year', approvalKinds: ['beta_group'], name: { es: 'Grupos Beta', en: 'Grupos Beta', fr: 'Grupos Beta', ht: 'Grupos Beta', pt: 'Grupos Beta' } },
  paisano: { unitId: 'paisano', periods: 'operation', approvalKinds: ['state_committee'], name: { es: 'Programa Paisano', en: 'Paisano Programme', fr: 'Programme Paisano', ht: 'Pwogram Paisano', pt: 'Programa Paisano' } },
}

export interface PublishedTableDef {
  /** Its name in file names and URLs: lowercase words and hyphens. */
  id: string
  programme: Programme
  fact: Fact
  rows: Dimension
  cols: Dimension
  k: number
  /** The HXL hashtag of its counts (`#reached+ind`); a column adds its value's attribute. */
  count: string
  /** What its counts are of, for the withheld cells' legend. */
  noun: 'people' | 'patrols' | 'remains'
  title: Words
}

export const PUBLISHED_TABLES: readonly PublishedTableDef[] = [
  { id: 'attended-border-sex', programme: 'beta', fact: 'attended', rows: 'border', cols: 'sex', k: DEFAULT_K, count: '#reached+ind', noun: 'people', title: { es: 'Personas migrantes atendidas, por frontera y sexo', en: 'Migrants given humanitarian attention, by border and sex', fr: 'Personnes migrantes prises en charge, par frontière et sexe', ht: 'Moun migran yo ede, pa fwontyè ak sèks', pt: 'Pessoas migrantes atendidas, por fronteira e sexo' } },
  { id: 'attended-state-age', programme: 'beta', fact: 'attended', rows: 'state', cols: 'ageBand', k: DEFAULT_K, count: '#reached+ind', noun: 'people', title: { es: 'Personas migrantes atendidas, por estado y edad', en: 'Migrants given humanitarian attention, by state and age', fr: 'Personnes migrantes prises en charge, par État et âge', ht: 'Moun migran yo ede, pa eta ak laj', pt: 'Pessoas migrantes atendidas, por estado e idade' } },
  { id: 'attended-nationality-sex', programme: 'beta', fact: 'attended', rows: 'nationality', cols: 'sex', k: DEFAULT_K, count: '#reached+ind', noun: 'people', title: { es: 'Personas migrantes atendidas, por nacionalidad y sexo', en: 'Migrants given humanitarian attention, by nationality and sex', fr: 'Personnes migrantes prises en charge, par nationalité et sexe', ht: 'Moun migran yo ede, pa nasyonalite ak sèks', pt: 'Pessoas migrantes atendidas, por nacionalidade e sexo' } },
  { id: 'services-border-service', programme: 'beta', fact: 'service', rows: 'border', cols: 'service', k: DEFAULT_K, count: '#reached+ind', noun: 'people', title: { es: 'Servicios dados, por frontera y servicio (personas)', en: 'Services given, by border and service (people)', fr: 'Services rendus, par frontière et service (personnes)', ht: 'Sèvis yo bay, pa fwontyè ak sèvis (moun)', pt: 'Serviços prestados, por fronteira e serviço (pessoas)' } },
  { id: 'rescued-state-emergency', programme: 'beta', fact: 'rescued', rows: 'state', cols: 'emergency', k: DEFAULT_K, count: '#reached+ind+rescued', noun: 'people', title: { es: 'Personas rescatadas, por estado y emergencia', en: 'People rescued, by state and emergency', fr: 'Personnes secourues, par État et urgence', ht: 'Moun yo sove, pa eta ak ijans', pt: 'Pessoas resgatadas, por estado e emergência' } },
  { id: 'patrols-border-kind', programme: 'beta', fact: 'patrol', rows: 'border', cols: 'patrolKind', k: DEFAULT_K, count: '#value+patrols', noun: 'patrols', title: { es: 'Patrullajes, por frontera y tipo', en: 'Patrols, by border and kind', fr: 'Patrouilles, par frontière et type', ht: 'Patwouy, pa fwontyè ak kalite', pt: 'Patrulhas, por fronteira e tipo' } },
  { id: 'remains-state-condition', programme: 'beta', fact: 'remains', rows: 'state', cols: 'condition', k: SENSITIVE_K, count: '#affected+killed', noun: 'remains', title: { es: 'Restos humanos localizados, por estado y estado de los restos', en: 'Human remains found, by state and condition', fr: 'Restes humains retrouvés, par État et état des restes', ht: 'Kò moun yo jwenn, pa eta ak eta kò yo', pt: 'Restos humanos encontrados, por estado e condição' } },
  { id: 'tallies-state-kind', programme: 'paisano', fact: 'tally', rows: 'state', cols: 'tallyKind', k: DEFAULT_K, count: '#reached+ind', noun: 'people', title: { es: 'Atención en los módulos Paisano, por estado y qué se contó', en: 'Paisano sites\' work, by state and what was counted', fr: 'Travail des points Paisano, par État et ce qui a été compté', ht: 'Travay pwen Paisano yo, pa eta ak sa ki te konte', pt: 'Atendimento nos postos Paisano, por estado e o que foi contado' } },
]

/** A period a programme publishes: a year (`2026`) or an operation by its kind and first year (`winter-2026`). */
export interface PublishedPeriod {
  key: string
  from: string
  to: string
  /** The operation, for an operation's period. */
  operation?: OperationPeriod
}

/** A table as computed now: the exact counts (never published) and their protected form. */
export interface BuiltTable {
  def: PublishedTableDef
  period: string
  counts: CountTable
  protected: ProtectedTable
}

/** How a dimension is asked of the summary table, its values' order, and its HXL tag as a column of its own. */
export const DIMENSIONS: Readonly<Record<Dimension, { by: By; order?: readonly string[]; hxl: string }>> = {
  border: { by: 'border', order: ['north', 'south', 'central'], hxl: '#region+name' },
  state: { by: 'state', hxl: '#adm1+name' },
  nationality: { by: 'nationality', hxl: '#country+origin+name' },
  sex: { by: 'sex', order: Sex.options, hxl: '#indicator+sex' },
  ageBand: { by: 'ageBand', order: AgeBand.options, hxl: '#indicator+age' },
  service: { by: 'kind', order: Service.options, hxl: '#service+type' },
  emergency: { by: 'kind', order: EmergencyType.options, hxl: '#event+type' },
  patrolKind: { by: 'kind', order: PatrolKind.options, hxl: '#activity+type' },
  condition: { by: 'kind', order: RemainsCondition.options, hxl: '#indicator+condition' },
  tallyKind: { by: 'kind', order: TALLY_COUNTS, hxl: '#indicator+type' },
}

/** The tables a programme publishes. */
export function tablesOf(programme: Programme): PublishedTableDef[] {
  return PUBLISHED_TABLES.filter((t) => t.programme === programme)
}

/** The table named `id`, if any. */
export function findTable(id: string): PublishedTableDef | undefined {
  return PUBLISHED_TABLES.find((t) => t.id === id)
}

/** The key of an operation's period: its kind and the year it starts (`winter-2026`). */
export function operationKey(o: Pick<OperationPeriod, 'kind' | 'startsOn'>): string {
  return `${o.kind}-${o.startsOn.slice(0, 4)}`
}

/** A period's days from its key, for the programme; undefined when the key names none. */
export async function periodOf(db: Kysely<Database>, programme: Programme, key: string): Promise<PublishedPeriod | undefined> {
  if (PROGRAMME_INFO[programme].periods === 'year') {
    return /^\d{4}$/.test(key) ? { key, from: `${key}-01-01`, to: `${key}-12-31` } : undefined
  }
  const operation = (await listOperations(db)).find((o) => o.kind !== 'special' && operationKey(o) === key)
  return operation === undefined ? undefined : { key, from: operation.startsOn, to: operation.endsOn, operation }
}

/** The exact counts of a table over a period, rows and columns in their order (columns: every value of their list). */
export async function countTable(db: Kysely<Database>, def: PublishedTableDef, period: PublishedPeriod): Promise<CountTable> {
  const r = DIMENSIONS[def.rows]
  const c = DIMENSIONS[def.cols]
  const answer = await tableOf(db, { fact: def.fact, from: period.from, to: period.to, unitId: PROGRAMME_INFO[def.programme].unitId, by: [r.by, c.by] })
  const rows = ordered(answer.rows.map((x) => String(x[r.by])), r.order, false)
  const cols = ordered(answer.rows.map((x) => String(x[c.by])), c.order, true)
  const cells = rows.map(() => cols.map(() => 0))
  for (const x of answer.rows) {
    const i = rows.indexOf(String(x[r.by]))
    const j = cols.indexOf(String(x[c.by]))
    const line = cells[i]
    if (line !== undefined && j >= 0) {
      line[j] = (line[j] ?? 0) + Number(x.n)
    }
  }
  return { rows, cols, cells }
}

/** Every table of a programme over a period, counted now and protected. */
export async function buildTables(db: Kysely<Database>, programme: Programme, period: PublishedPeriod): Promise<BuiltTable[]> {
  const out: BuiltTable[] = []
  for (const def of tablesOf(programme)) {
    const counts = await countTable(db, def, period)
    out.push({ def, period: period.key, counts, protected: await protect(counts, def.k) })
  }
  return out
}

/** The HXL tags of a table's columns as published: its row dimension, each column's count, the total. */
export function hxlTags(def: PublishedTableDef, cols: readonly string[]): string[] {
  return [DIMENSIONS[def.rows].hxl, ...cols.map((v) => `${def.count}+${hxlAttribute(def.cols, v)}`), `${def.count}+total`]
}

/** A table's title and its dimensions' names in a language. */
export function tableWords(def: PublishedTableDef, lang: PublicLang): { title: string; rows: string; cols: string } {
  return { title: def.title[lang], rows: DIMENSION_WORDS[def.rows][lang], cols: DIMENSION_WORDS[def.cols][lang] }
}

const SEX_ATTRIBUTES: Readonly<Record<string, string>> = { female: 'f', male: 'm', other: 'i', unknown: 'sex_unknown' }

function hxlAttribute(dimension: Dimension, value: string): string {
  if (dimension === 'sex') {
    return SEX_ATTRIBUTES[value] ?? 'sex_unknown'
  }
  if (dimension === 'ageBand') {
    return value === 'unknown' || value === '' ? 'age_unknown' : `age${value.replace('+', '_plus').replace('-', '_')}`
  }
  const word = value === '' ? 'unknown' : value.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9_]/g, '_')
  return word
}

/** The values in their list's order (then alphabetically), "not recorded" last; a column list holds every value of its list. */
function ordered(values: readonly string[], order: readonly string[] | undefined, complete: boolean): string[] {
  const seen = new Set(values)
  if (complete && order !== undefined) {
    for (const v of order) {
      seen.add(v)
    }
  }
  const rank = (v: string) => (v === '' || v === 'unknown' ? 2 : order?.includes(v) === true ? 0 : 1)
  return [...seen].sort((a, b) => rank(a) - rank(b) || (order?.indexOf(a) ?? 0) - (order?.indexOf(b) ?? 0) || a.localeCompare(b))
}
