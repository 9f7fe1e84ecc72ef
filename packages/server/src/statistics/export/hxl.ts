import type { Fact } from '@faro/core'
import type { By } from '../query.ts'
import type { Bilingual } from './stat-table.ts'

/**
 * The HXL hashtags of the statistics' columns (hxlstandard.org, core dictionary 1.1), so HDX and
 * partners' HXL tools read an export without a mapping: a count carries the people hashtag of
 * what it counts with its disaggregation as attributes (`#reached+ind+f+adults+age_18_29`), a
 * breakdown the hashtag of what it names (`#adm1+name`, `#date+month`, `#country+origin+code`).
 * Custom age ranges follow HXL's `+age_5_12` pattern; nothing here invents a hashtag.
 */

/** The count's hashtag by fact: people reached, affected, or a plain value for things counted. */
export function countTag(fact: Fact): string {
  return COUNT_TAG[fact] ?? '#value+num'
}

/** A fact's name in both languages; its code for a fact newer than this list. */
export function factLabel(fact: Fact): Bilingual {
  return FACT_LABEL[fact] ?? { es: fact, en: fact }
}

// Partial: a fact added to the summary later still exports, as a plain value with its code.
const COUNT_TAG: Readonly<Partial<Record<Fact, string>>> = {
  attended: '#reached+ind',
  attended_vulnerable: '#reached+ind+vulnerable',
  service: '#reached+ind',
  rescued: '#reached+ind+rescued',
  rescued_vulnerable: '#reached+ind+rescued+vulnerable',
  patrol: '#value+num+patrols',
  patrol_encountered: '#affected+ind+encountered',
  remains: '#affected+killed',
  tally: '#value+num',
  records: '#value+num+records',
  priority_records: '#value+num+records+priority',
  case: '#value+num+cases',
  trace_request: '#output+requests',
  trace_sought: '#affected+missing+sought',
} as Partial<Record<Fact, string>>

const FACT_LABEL: Readonly<Partial<Record<Fact, Bilingual>>> = {
  attended: { es: 'Personas migrantes atendidas', en: 'Migrants given assistance' },
  attended_vulnerable: { es: 'Personas atendidas en situación de vulnerabilidad', en: 'Vulnerable migrants given assistance' },
  service: { es: 'Servicios otorgados', en: 'Services given' },
  rescued: { es: 'Personas rescatadas', en: 'People rescued' },
  patrol: { es: 'Patrullajes', en: 'Patrols' },
  patrol_encountered: { es: 'Personas encontradas en patrullajes', en: 'People met on patrols' },
  remains: { es: 'Restos humanos localizados', en: 'Human remains found' },
  tally: { es: 'Conteos de los módulos Paisano', en: 'Paisano sites\' counts' },
} as Partial<Record<Fact, Bilingual>>

/** What `kind` means for each fact, as a hashtag. */
const KIND_TAG: Readonly<Partial<Record<Fact, string>>> = {
  attended: '#indicator+type',
  attended_vulnerable: '#indicator+vulnerability',
  service: '#service+type',
  rescued: '#event+type',
  patrol: '#activity+type',
  patrol_encountered: '#activity+type',
  remains: '#status+condition',
  tally: '#indicator+type',
} as Partial<Record<Fact, string>>

const KIND_LABEL: Readonly<Partial<Record<Fact, Bilingual>>> = {
  attended: { es: 'Tipo', en: 'Kind' },
  attended_vulnerable: { es: 'Vulnerabilidad', en: 'Vulnerability' },
  service: { es: 'Servicio', en: 'Service' },
  rescued: { es: 'Emergencia', en: 'Emergency' },
  patrol: { es: 'Tipo de patrullaje', en: 'Patrol kind' },
  patrol_encountered: { es: 'Tipo de patrullaje', en: 'Patrol kind' },
  remains: { es: 'Estado de los restos', en: 'Condition of the remains' },
  tally: { es: 'Conteo', en: 'Count' },
} as Partial<Record<Fact, Bilingual>>

/** A breakdown's column: its label and hashtag (the unit gives two columns, its id and its name). */
export function dimensionColumns(b: Exclude<By, 'sex' | 'ageBand'>, fact: Fact): { key: string; label: Bilingual; hxl: string; wide?: boolean }[] {
  switch (b) {
    case 'border':
      return [{ key: b, label: { es: 'Frontera', en: 'Border' }, hxl: '#region+border+code' }]
    case 'state':
      return [{ key: b, label: { es: 'Estado', en: 'State' }, hxl: '#adm1+name', wide: true }]
    case 'unit':
      return [
        { key: 'unit', label: { es: 'Unidad (clave)', en: 'Unit (id)' }, hxl: '#org+impl+code' },
        { key: 'unitName', label: { es: 'Unidad', en: 'Unit' }, hxl: '#org+impl+name', wide: true },
      ]
    case 'operation':
      return [{ key: b, label: { es: 'Operativo', en: 'Operation' }, hxl: '#activity+operation+code' }]
    case 'year':
    case 'half':
    case 'quarter':
    case 'month':
    case 'week':
      return [{ key: b, label: PERIOD_LABEL[b], hxl: `#date+${b}` }]
    case 'day':
      return [{ key: b, label: { es: 'Día', en: 'Day' }, hxl: '#date+occurred' }]
    case 'nationality':
      return [{ key: b, label: { es: 'Nacionalidad', en: 'Nationality' }, hxl: '#country+origin+code' }]
    case 'kind':
      return [{ key: b, label: KIND_LABEL[fact] ?? { es: 'Tipo', en: 'Kind' }, hxl: KIND_TAG[fact] ?? '#indicator+type' }]
    case 'outcome':
      return [{ key: b, label: { es: 'Resultado', en: 'Outcome' }, hxl: '#status+outcome' }]
    default:
      return [{ key: b, label: { es: b, en: b }, hxl: '' }]
  }
}

const PERIOD_LABEL: Readonly<Record<'year' | 'half' | 'quarter' | 'month' | 'week', Bilingual>> = {
  year: { es: 'Año', en: 'Year' },
  half: { es: 'Semestre', en: 'Half' },
  quarter: { es: 'Trimestre', en: 'Quarter' },
  month: { es: 'Mes', en: 'Month' },
  week: { es: 'Semana ISO', en: 'ISO week' },
}

/** Sex as HXL attributes: `+f`, `+m`, `+i` (other); no attribute exists for an unknown sex. */
export const SEX_ATTRIBUTE: Readonly<Record<string, { hxl: string; label: Bilingual }>> = {
  female: { hxl: '+f', label: { es: 'Mujeres', en: 'Women' } },
  male: { hxl: '+m', label: { es: 'Hombres', en: 'Men' } },
  other: { hxl: '+i', label: { es: 'Otro', en: 'Other' } },
  unknown: { hxl: '+sex_unknown', label: { es: 'Sexo sin dato', en: 'Sex unknown' } },
}

/** Age bands as HXL's groups (`+children`, `+adolescents`, `+adults`, `+elderly`) and ranges. */
export const AGE_ATTRIBUTE: Readonly<Record<string, { hxl: string; label: Bilingual }>> = {
  '0-5': { hxl: '+children+age_0_5', label: { es: '0–5 años', en: '0–5 years' } },
  '6-11': { hxl: '+children+age_6_11', label: { es: '6–11 años', en: '6–11 years' } },
  '12-17': { hxl: '+adolescents+age_12_17', label: { es: '12–17 años', en: '12–17 years' } },
  '18-29': { hxl: '+adults+age_18_29', label: { es: '18–29 años', en: '18–29 years' } },
  '30-44': { hxl: '+adults+age_30_44', label: { es: '30–44 años', en: '30–44 years' } },
  '45-59': { hxl: '+adults+age_45_59', label: { es: '45–59 años', en: '45–59 years' } },
  '60+': { hxl: '+elderly+age_60_plus', label: { es: '60 años y más', en: '60 years and over' } },
  unknown: { hxl: '+age_unknown', label: { es: 'Edad sin dato', en: 'Age unknown' } },
}

/** The order sexes and age bands are shown in: the catalogue's, any other value after. */
export const SEX_ORDER = Object.keys(SEX_ATTRIBUTE)
export const AGE_ORDER = Object.keys(AGE_ATTRIBUTE)
