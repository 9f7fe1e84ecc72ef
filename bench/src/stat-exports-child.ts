import fs from 'node:fs'
import { once } from 'node:events'
import type { StatColumn, StatRow } from '../../packages/server/src/statistics/export/stat-table.ts'

/**
 * One export of the statistics benchmark (stat-exports.ts), in a process of its own so its peak
 * RSS is the export's: `node stat-exports-child.mjs <csv|xlsx|pdf|baseline> <rows> <file>`. The
 * rows are generated as a table question's answer looks (the period, the unit and its name, a
 * month, a nationality, counts by sex and a total, a withheld cell now and then) and fed to the
 * writer straight from a generator. Prints one JSON line: ms, peak RSS (MB), bytes, rows. Each
 * writer is imported only when it runs, so a CSV's figure does not carry exceljs and pdfkit.
 */

const [kind = 'csv', count = '1000', file = '/dev/null'] = process.argv.slice(2)
const rows = Number(count)

const COLUMNS: StatColumn[] = [
  { key: 'indicator', label: { es: 'Indicador', en: 'Indicator' }, hxl: '#indicator+code', constant: true },
  { key: 'from', label: { es: 'Desde', en: 'From' }, hxl: '#date+start', constant: true },
  { key: 'to', label: { es: 'Hasta', en: 'To' }, hxl: '#date+end', constant: true },
  { key: 'unit', label: { es: 'Unidad (clave)', en: 'Unit (id)' }, hxl: '#org+impl+code' },
  { key: 'unitName', label: { es: 'Unidad', en: 'Unit' }, hxl: '#org+impl+name', wide: true },
  { key: 'month', label: { es: 'Mes', en: 'Month' }, hxl: '#date+month' },
  { key: 'nationality', label: { es: 'Nacionalidad', en: 'Nationality' }, hxl: '#country+origin+code' },
  { key: 'n_female', label: { es: 'Mujeres', en: 'Women' }, hxl: '#reached+ind+f' },
  { key: 'n_male', label: { es: 'Hombres', en: 'Men' }, hxl: '#reached+ind+m' },
  { key: 'total', label: { es: 'Total', en: 'Total' }, hxl: '#reached+ind+total' },
]
const NATIONALITIES = ['HN', 'GT', 'SV', 'MX', 'VE', 'HT', 'CU', 'NI', 'EC', 'CO']

function* generate(): Iterable<StatRow> {
  for (let i = 0; i < rows; i++) {
    const group = i % 22
    const female = (i * 7) % 97
    const male = (i * 13) % 89
    yield {
      indicator: 'attended',
      from: '2021-01-01',
      to: '2025-12-31',
      unit: `beta-group-${group}`,
      unitName: `Grupo Beta ${group} — frontera ${group < 11 ? 'norte' : 'sur'}`,
      month: `${2021 + (i % 5)}-${String((i % 12) + 1).padStart(2, '0')}`,
      nationality: NATIONALITIES[i % NATIONALITIES.length] ?? 'unknown',
      n_female: female > 0 && female < 5 ? '<5' : female,
      n_male: male,
      total: female + male,
    }
  }
}

const table = { title: { es: 'Personas atendidas', en: 'People attended' }, columns: COLUMNS, rows: generate() }
const out = fs.createWriteStream(file)
const started = performance.now()
const cpuStarted = process.cpuUsage()
let written: number
switch (kind) {
  case 'csv': {
    const { writeCsv } = await import('../../packages/server/src/statistics/export/csv.ts')
    written = await writeCsv(table, out, 'es')
    break
  }
  case 'xlsx': {
    const { writeXlsx } = await import('../../packages/server/src/statistics/export/xlsx.ts')
    written = await writeXlsx(table, out, 'es')
    break
  }
  case 'pdf': {
    const { writePdf } = await import('../../packages/server/src/statistics/export/pdf.ts')
    written = await writePdf(table, out, 'es', { subtitle: '2021–2025', unit: 'Grupos Beta', generatedAt: '2026-12-05', year: 2025 })
    break
  }
  default: {
    // The baseline: the same rows as JSON lines, the least any writer could do with them.
    written = 0
    let batch = ''
    for (const row of generate()) {
      batch += `${JSON.stringify(row)}\n`
      written += 1
      if (written % 1000 === 0) {
        if (!out.write(batch)) {
          await once(out, 'drain')
        }
        batch = ''
      }
    }
    out.end(batch)
    await once(out, 'finish')
  }
}
const ms = performance.now() - started
const cpu = process.cpuUsage(cpuStarted)
const pages = kind === 'pdf' ? (fs.readFileSync(file, 'latin1').match(/\/Type \/Page[^s]/g) ?? []).length : undefined
process.stdout.write(`${JSON.stringify({ kind, rows: written, ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), rssMB: Math.round(process.resourceUsage().maxRSS / 1024), bytes: fs.statSync(file).size, pages })}\n`)
