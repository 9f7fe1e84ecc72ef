import type { Writable } from 'node:stream'
import type { Fact, Lang } from '@faro/core'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { tableOf, type By, type TableAnswer } from '../query.ts'
import { AGE_ATTRIBUTE, SEX_ATTRIBUTE } from './hxl.ts'
import { caption, drawTable, EXACT_NOTE, GENERATED, heading, type PdfColumn, streamedPdf, titlePage } from './pdf.ts'
import type { Bilingual, OnRows } from './stat-table.ts'

/**
 * The programme's year as its yearly book lays it out: a title page, then assistance to migrants
 * by border (north, south, total) with sex and age, services given, patrols, rescues and first
 * aid, then people attended by group and month, a long table over as many pages as it takes. Every
 * figure comes from the summary table (`tableOf`), exact, for the offices.
 */
export interface YearlyReport {
  year: number
  unitId: string
  unitName: string
}

/** The sections, in order: the job's progress moves by one at the end of each. */
export const REPORT_SECTIONS = 7

export async function writeYearlyReport(db: Kysely<Database>, report: YearlyReport, out: Writable, lang: Lang, generatedAt: string, onSection?: OnRows): Promise<number> {
  const t = (b: Bilingual) => b[lang]
  const ask = (fact: Fact, by: By[]) => tableOf(db, { fact, from: `${report.year}-01-01`, to: `${report.year}-12-31`, unitId: report.unitId, by })
  const title = t({ es: `Informe anual ${report.year}`, en: `Yearly report ${report.year}` })
  const { doc, end } = streamedPdf(out, { title: `${title} — ${report.unitName}`, lang, year: report.year })
  let lines = 0
  const done = async (section: number, n: number) => {
    lines += n
    await onSection?.(section)
  }

  titlePage(doc, { title, subtitle: t({ es: 'Protección a migrantes: cifras del año', en: 'Migrant protection: the year in figures' }), unit: report.unitName, note: EXACT_NOTE[lang], generated: `${GENERATED[lang]} ${generatedAt.slice(0, 10)}` })
  await done(1, 0)

  // Assistance to migrants, by border, with sex and age.
  heading(doc, t({ es: '1. Asistencia a migrantes', en: '1. Assistance to migrants' }))
  caption(doc, t({ es: 'Personas atendidas por frontera, sexo y grupo de edad.', en: 'People given assistance by border, sex and age group.' }))
  const [bySex, byAge] = await Promise.all([ask('attended', ['border', 'sex']), ask('attended', ['border', 'ageBand'])])
  const sexes = ['female', 'male', 'other', 'unknown']
  const ages = [['0-5', '6-11', '12-17'], ['18-29', '30-44', '45-59'], ['60+'], ['unknown']]
  const ageLabels: Bilingual[] = [{ es: '0–17', en: '0–17' }, { es: '18–59', en: '18–59' }, { es: '60 y más', en: '60+' }, AGE_ATTRIBUTE.unknown?.label ?? { es: '?', en: '?' }]
  const sexCells = cross(bySex, 'border', 'sex')
  const ageCells = cross(byAge, 'border', 'ageBand')
  const borders = bordersOf([bySex])
  const assistance = (b: string | undefined) => {
    const pick = (cells: Map<string, Map<string, number>>, keys: string[]) => keys.reduce((sum, k) => sum + (b === undefined ? [...cells.values()].reduce((s, m) => s + (m.get(k) ?? 0), 0) : (cells.get(b)?.get(k) ?? 0)), 0)
    return [t(b === undefined ? TOTAL : borderLabel(b)), ...sexes.map((s) => pick(sexCells, [s])), ...ages.map((a) => pick(ageCells, a)), pick(sexCells, sexes)]
  }
  await done(2, await drawTable(doc, [{ label: t({ es: 'Frontera', en: 'Border' }), weight: 2 }, ...sexes.map((s) => num(t(SEX_ATTRIBUTE[s]?.label ?? { es: s, en: s }))), ...ageLabels.map((l) => num(t(l))), num(t(TOTAL))], [...borders.map((b) => assistance(b)), assistance(undefined)]))

  // Services given, by border.
  heading(doc, t({ es: '2. Servicios otorgados', en: '2. Services given' }))
  caption(doc, t({ es: 'Personas que recibieron cada servicio, por frontera.', en: 'People given each service, by border.' }))
  await done(3, await drawTable(doc, byBorderColumns(t({ es: 'Servicio', en: 'Service' }), borders, t), byBorderRows(await ask('service', ['kind', 'border']), 'kind', borders, (k) => t(SERVICE[k] ?? { es: k, en: k }))))

  // Patrols, by kind and border, with the people met on them.
  heading(doc, t({ es: '3. Patrullajes', en: '3. Patrols' }))
  caption(doc, t({ es: 'Patrullajes por tipo y frontera, y personas encontradas en ellos.', en: 'Patrols by kind and border, and the people met on them.' }))
  const met = cross(await ask('patrol_encountered', ['kind']), 'kind', '')
  const patrolRows = byBorderRows(await ask('patrol', ['kind', 'border']), 'kind', borders, (k) => t(PATROL[k] ?? { es: k, en: k }))
  const patrolKinds = [...cross(await ask('patrol', ['kind']), 'kind', '').keys()]
  await done(4, await drawTable(doc, [...byBorderColumns(t({ es: 'Tipo', en: 'Kind' }), borders, t), num(t({ es: 'Personas encontradas', en: 'People met' }))], patrolRows.map((r, i) => [...r, i < patrolKinds.length ? (met.get(patrolKinds[i] ?? '')?.get('') ?? 0) : [...met.values()].reduce((s, m) => s + (m.get('') ?? 0), 0)])))

  // Rescues, by emergency and by outcome.
  heading(doc, t({ es: '4. Rescates', en: '4. Rescues' }))
  caption(doc, t({ es: 'Personas rescatadas por tipo de emergencia y frontera.', en: 'People rescued by emergency and border.' }))
  const rescuedHow = await ask('rescued', ['outcome', 'month', 'border'])
  let n = await drawTable(doc, byBorderColumns(t({ es: 'Emergencia', en: 'Emergency' }), borders, t), byBorderRows(await ask('rescued', ['kind', 'border']), 'kind', borders, (k) => t(EMERGENCY[k] ?? { es: k, en: k })))
  caption(doc, t({ es: 'Personas rescatadas por resultado y frontera.', en: 'People rescued by outcome and border.' }))
  n += await drawTable(doc, byBorderColumns(t({ es: 'Resultado', en: 'Outcome' }), borders, t), byBorderRows(rescuedHow, 'outcome', borders, (k) => t(OUTCOME[k] ?? { es: k, en: k })))
  await done(5, n)

  // First aid: at attentions (the service) and at rescues (the outcome), month by month.
  heading(doc, t({ es: '5. Primeros auxilios', en: '5. First aid' }))
  caption(doc, t({ es: 'Personas que recibieron primeros auxilios, por mes: en la atención (por frontera) y en rescates.', en: 'People given first aid, by month: at attentions (by border) and at rescues.' }))
  const firstAid = await ask('service', ['kind', 'month', 'border'])
  const aidRows = Array.from({ length: 12 }, (_, i) => {
    const month = `${report.year}-${String(i + 1).padStart(2, '0')}`
    const given = (b?: string) => firstAid.rows.filter((r) => r.kind === 'first_aid' && r.month === month && (b === undefined || r.border === b)).reduce((s, r) => s + Number(r.n), 0)
    const rescued = rescuedHow.rows.filter((r) => r.outcome === 'first_aid' && r.month === month).reduce((s, r) => s + Number(r.n), 0)
    return [monthName(i, lang), ...borders.map((b) => given(b)), given(), rescued]
  })
  await done(6, await drawTable(doc, [...byBorderColumns(t({ es: 'Mes', en: 'Month' }), borders, t), num(t({ es: 'En rescates', en: 'At rescues' }))], aidRows))

  // The long table: every group's month.
  heading(doc, t({ es: '6. Personas atendidas por unidad y mes', en: '6. People given assistance by unit and month' }))
  const byUnit = await ask('attended', ['unit', 'month', 'sex'])
  const units = new Map<string, { name: string; month: string; cells: Map<string, number> }>()
  for (const r of byUnit.rows) {
    const key = `${byUnit.units[String(r.unit)]?.name ?? String(r.unit)}\u0000${String(r.month)}`
    const line = units.get(key) ?? { name: byUnit.units[String(r.unit)]?.name ?? String(r.unit), month: String(r.month), cells: new Map<string, number>() }
    line.cells.set(String(r.sex), (line.cells.get(String(r.sex)) ?? 0) + Number(r.n))
    units.set(key, line)
  }
  const unitRows = [...units.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, u]) => [u.name, u.month, ...sexes.map((s) => u.cells.get(s) ?? 0), [...u.cells.values()].reduce((s, v) => s + v, 0)])
  await done(7, await drawTable(doc, [{ label: t({ es: 'Unidad', en: 'Unit' }), weight: 4 }, { label: t({ es: 'Mes', en: 'Month' }), weight: 1.2 }, ...sexes.map((s) => num(t(SEX_ATTRIBUTE[s]?.label ?? { es: s, en: s }))), num(t(TOTAL))], unitRows))
  await end()
  return lines
}

const TOTAL: Bilingual = { es: 'Total', en: 'Total' }

function num(label: string): PdfColumn {
  return { label, weight: 1, align: 'right' }
}

/** Counts of an answer by two of its dimensions ('' for none): row value → column value → count. */
function cross(answer: TableAnswer, row: string, col: string): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>()
  for (const r of answer.rows) {
    const rv = String(r[row] ?? '')
    const cv = col === '' ? '' : String(r[col] ?? '')
    const line = out.get(rv) ?? new Map<string, number>()
    line.set(cv, (line.get(cv) ?? 0) + Number(r.n))
    out.set(rv, line)
  }
  return out
}

/** North and south always, in that order, then any other border the answers name. */
function bordersOf(answers: readonly TableAnswer[]): string[] {
  const seen = new Set(answers.flatMap((a) => a.rows.map((r) => String(r.border ?? ''))))
  return ['north', 'south', ...[...seen].filter((b) => b !== 'north' && b !== 'south').sort()]
}

function borderLabel(b: string): Bilingual {
  return BORDER[b] ?? { es: 'Sin frontera', en: 'No border' }
}

function byBorderColumns(first: string, borders: readonly string[], t: (b: Bilingual) => string): PdfColumn[] {
  return [{ label: first, weight: 3 }, ...borders.map((b) => num(t(borderLabel(b)))), num(t(TOTAL))]
}

/** One line per value of `row` (largest first), its count at each border and its total, then the totals. */
function byBorderRows(answer: TableAnswer, row: string, borders: readonly string[], label: (v: string) => string): (string | number)[][] {
  const cells = cross(answer, row, 'border')
  const sum = (m: Map<string, number> | undefined, b?: string) => (b === undefined ? [...(m?.values() ?? [])].reduce((s, v) => s + v, 0) : (m?.get(b) ?? 0))
  const lines = [...cells.entries()].sort(([ka, a], [kb, b]) => sum(b) - sum(a) || ka.localeCompare(kb)).map(([k, m]) => [label(k), ...borders.map((b) => sum(m, b)), sum(m)])
  const totals = borders.map((b) => [...cells.values()].reduce((s, m) => s + sum(m, b), 0))
  return [...lines, ['Total', ...totals, totals.reduce((s, v) => s + v, 0)]]
}

function monthName(i: number, lang: Lang): string {
  const name = new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, i, 1)))
  return name.charAt(0).toUpperCase() + name.slice(1)
}

const BORDER: Readonly<Record<string, Bilingual>> = {
  north: { es: 'Frontera norte', en: 'Northern border' },
  south: { es: 'Frontera sur', en: 'Southern border' },
  central: { es: 'Coordinación nacional', en: 'National coordination' },
}

const SERVICE: Readonly<Record<string, Bilingual>> = {
  orientation: { es: 'Orientación', en: 'Orientation' },
  water: { es: 'Agua', en: 'Water' },
  food: { es: 'Alimentos', en: 'Food' },
  medicine: { es: 'Medicamentos', en: 'Medicine' },
  first_aid: { es: 'Primeros auxilios', en: 'First aid' },
  hospital_transfer: { es: 'Traslado a hospital', en: 'Transfer to hospital' },
  shelter_transfer: { es: 'Traslado a albergue', en: 'Transfer to shelter' },
  phone_call: { es: 'Llamada telefónica', en: 'Phone call' },
  bus_fare_discount: { es: 'Descuento en pasaje', en: 'Bus fare discount' },
  legal_advice: { es: 'Asesoría legal', en: 'Legal advice' },
  complaint_taken: { es: 'Queja recibida', en: 'Complaint taken' },
}

const PATROL: Readonly<Record<string, Bilingual>> = {
  preventive: { es: 'Preventivo', en: 'Preventive' },
  reconnaissance: { es: 'Reconocimiento', en: 'Reconnaissance' },
}

const EMERGENCY: Readonly<Record<string, Bilingual>> = {
  lost_in_desert: { es: 'Extraviado en el desierto', en: 'Lost in the desert' },
  heat_stroke: { es: 'Golpe de calor', en: 'Heat stroke' },
  dehydration: { es: 'Deshidratación', en: 'Dehydration' },
  hypothermia: { es: 'Hipotermia', en: 'Hypothermia' },
  drowning_river: { es: 'Ahogamiento en río', en: 'Drowning in a river' },
  train_accident: { es: 'Accidente de tren', en: 'Train accident' },
  fall_injury: { es: 'Lesión por caída', en: 'Fall injury' },
  crime_victim: { es: 'Víctima de delito', en: 'Victim of crime' },
  other: { es: 'Otra', en: 'Other' },
}

const OUTCOME: Readonly<Record<string, Bilingual>> = {
  unharmed: { es: 'Ilesa', en: 'Unharmed' },
  first_aid: { es: 'Primeros auxilios', en: 'First aid' },
  transferred_to_hospital: { es: 'Trasladada a hospital', en: 'Taken to hospital' },
  deceased: { es: 'Fallecida', en: 'Deceased' },
}
