import fs from 'node:fs'
import path from 'node:path'
import type { CreateOrgUnitInput } from '@faro/core'

const SEED_DATA = path.join(import.meta.dirname, '../../seed-data')

/** Reads a small CSV with a header row and no quoted fields (the seed files have none). */
export function readCsv(file: string): Record<string, string>[] {
  const [header = '', ...lines] = fs.readFileSync(path.join(SEED_DATA, file), 'utf8').trim().split(/\r?\n/)
  const keys = header.split(',')
  return lines.map((line) => {
    const cells = line.split(',')
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']))
  })
}

/** A lower-case ASCII slug: "San Luis Río Colorado" → "san-luis-rio-colorado". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** The 31 states with a Paisano state committee (Mexico City is served by the national office). */
export const STATES: readonly { code: string; name: string; lat: number; lon: number }[] = [
  ['AGS', 'Aguascalientes', 21.88, -102.29], ['BC', 'Baja California', 32.62, -115.45], ['BCS', 'Baja California Sur', 24.14, -110.31],
  ['CAMP', 'Campeche', 19.85, -90.53], ['CHIS', 'Chiapas', 16.75, -93.12], ['CHIH', 'Chihuahua', 28.63, -106.07],
  ['COAH', 'Coahuila', 25.42, -101.0], ['COL', 'Colima', 19.24, -103.72], ['DGO', 'Durango', 24.02, -104.66],
  ['GTO', 'Guanajuato', 21.02, -101.26], ['GRO', 'Guerrero', 17.55, -99.5], ['HGO', 'Hidalgo', 20.1, -98.76],
  ['JAL', 'Jalisco', 20.67, -103.35], ['MEX', 'Estado de México', 19.29, -99.65], ['MICH', 'Michoacán', 19.7, -101.19],
  ['MOR', 'Morelos', 18.92, -99.23], ['NAY', 'Nayarit', 21.5, -104.89], ['NL', 'Nuevo León', 25.69, -100.32],
  ['OAX', 'Oaxaca', 17.07, -96.73], ['PUE', 'Puebla', 19.04, -98.21], ['QRO', 'Querétaro', 20.59, -100.39],
  ['QROO', 'Quintana Roo', 18.5, -88.3], ['SLP', 'San Luis Potosí', 22.15, -100.98], ['SIN', 'Sinaloa', 24.81, -107.39],
  ['SON', 'Sonora', 29.07, -110.96], ['TAB', 'Tabasco', 17.99, -92.93], ['TAMPS', 'Tamaulipas', 23.74, -99.14],
  ['TLAX', 'Tlaxcala', 19.32, -98.24], ['VER', 'Veracruz', 19.54, -96.91], ['YUC', 'Yucatán', 20.97, -89.62],
  ['ZAC', 'Zacatecas', 22.77, -102.58],
].map(([code, name, lat, lon]) => ({ code: String(code), name: String(name), lat: Number(lat), lon: Number(lon) }))

/** Sample Paisano sites: airports, bus terminals, border crossings and highway points. */
export const SAMPLE_MODULES: readonly { id: string; state: string; kind: 'module' | 'observation_point'; name: string; lat: number; lon: number }[] = [
  { id: 'module-tijuana-airport', state: 'BC', kind: 'module', name: 'Módulo Aeropuerto de Tijuana', lat: 32.5411, lon: -116.97 },
  { id: 'module-san-ysidro', state: 'BC', kind: 'module', name: 'Módulo Garita San Ysidro', lat: 32.5422, lon: -117.0297 },
  { id: 'module-nuevo-laredo', state: 'TAMPS', kind: 'module', name: 'Módulo Puente Internacional Nuevo Laredo', lat: 27.4994, lon: -99.5075 },
  { id: 'module-ciudad-juarez', state: 'CHIH', kind: 'module', name: 'Módulo Puente Paso del Norte', lat: 31.7489, lon: -106.4868 },
  { id: 'module-gdl-airport', state: 'JAL', kind: 'module', name: 'Módulo Aeropuerto de Guadalajara', lat: 20.5218, lon: -103.3112 },
  { id: 'module-morelia-bus', state: 'MICH', kind: 'module', name: 'Módulo Central de Autobuses de Morelia', lat: 19.7236, lon: -101.1576 },
  { id: 'obs-highway-57-slp', state: 'SLP', kind: 'observation_point', name: 'Punto de observación Carretera 57', lat: 22.3, lon: -100.9 },
  { id: 'obs-toll-palmillas', state: 'QRO', kind: 'observation_point', name: 'Punto de observación Caseta Palmillas', lat: 20.3, lon: -99.98 },
  { id: 'obs-highway-15-son', state: 'SON', kind: 'observation_point', name: 'Punto de observación Carretera 15', lat: 30.7, lon: -111.2 },
]

/**
 * The seasonal sites of the demo besides the sample ones: in every state a module at the capital's
 * bus terminal and observation points on the federal highway and in the main square, about a fifth
 * of the 535 sites an operation opens. Unit ids say the setting (`bus`, `highway`, `square`).
 */
export const SEASONAL_SITES: readonly { id: string; state: string; kind: 'module' | 'observation_point'; name: string; lat: number; lon: number }[] = STATES.flatMap((s) => [
  { id: `module-bus-${s.code.toLowerCase()}`, state: s.code, kind: 'module' as const, name: `Módulo Central de Autobuses, ${s.name}`, lat: s.lat + 0.02, lon: s.lon - 0.03 },
  { id: `obs-highway-${s.code.toLowerCase()}`, state: s.code, kind: 'observation_point' as const, name: `Punto de observación Carretera federal, ${s.name}`, lat: s.lat - 0.12, lon: s.lon + 0.1 },
  { id: `obs-square-${s.code.toLowerCase()}`, state: s.code, kind: 'observation_point' as const, name: `Punto de observación Plaza principal, ${s.name}`, lat: s.lat + 0.005, lon: s.lon + 0.004 },
])

const US_OFFICES = [
  { id: 'paisano-us-chicago', name: 'Oficina Paisano en Chicago', city: 'Chicago', lat: 41.8781, lon: -87.6298 },
  { id: 'paisano-us-houston', name: 'Oficina Paisano en Houston', city: 'Houston', lat: 29.7604, lon: -95.3698 },
  { id: 'paisano-us-los-angeles', name: 'Oficina Paisano en Los Ángeles', city: 'Los Angeles', lat: 34.0522, lon: -118.2437 },
]

/** The org tree, parents before children: both programmes from the public data, and the partners. */
export function orgTree(): CreateOrgUnitInput[] {
  const units: CreateOrgUnitInput[] = [
    { id: 'inm', parentId: null, kind: 'national_office', name: 'Instituto Nacional de Migración — Oficina Nacional', code: 'INM', state: 'Ciudad de México', city: 'Ciudad de México', lat: 19.4326, lon: -99.1332 },
  ]
  const beta = readCsv('grupos-beta-2011.csv')
  const central = beta.find((r) => r.border === 'central')
  units.push({
    id: 'beta', parentId: 'inm', kind: 'beta_coordination', name: 'Grupos Beta — Coordinación Nacional', state: central?.state ?? 'Ciudad de México',
    city: 'Ciudad de México', border: 'central', lat: Number(central?.lat_approx ?? 19.4326), lon: Number(central?.lon_approx ?? -99.1332),
  })
  for (const r of beta.filter((row) => row.border === 'north' || row.border === 'south')) {
    units.push({
      id: `beta-${slug(r.city ?? '')}`, parentId: 'beta', kind: 'beta_group', name: `Grupo Beta ${r.city}`, state: r.state ?? '', city: r.city ?? '',
      border: r.border === 'north' ? 'north' : 'south', lat: Number(r.lat_approx), lon: Number(r.lon_approx),
    })
  }
  units.push({ id: 'paisano', parentId: 'inm', kind: 'paisano_office', name: 'Programa Paisano — Oficina Nacional', city: 'Ciudad de México', lat: 19.4326, lon: -99.1332 })
  for (const s of STATES) {
    units.push({ id: `paisano-${s.code.toLowerCase()}`, parentId: 'paisano', kind: 'state_committee', name: `Comité Estatal Paisano ${s.name}`, state: s.name, lat: s.lat, lon: s.lon })
  }
  for (const m of [...SAMPLE_MODULES, ...SEASONAL_SITES]) {
    units.push({ id: m.id, parentId: `paisano-${m.state.toLowerCase()}`, kind: m.kind, name: m.name, lat: m.lat, lon: m.lon })
  }
  for (const o of US_OFFICES) {
    units.push({ id: o.id, parentId: 'paisano', kind: 'us_office', name: o.name, city: o.city, lat: o.lat, lon: o.lon })
  }
  units.push({ id: 'partners', parentId: null, kind: 'partner_network', name: 'Comisión Intersecretarial Paisano y aliados' })
  // INM is the root of the tree; as an agency whose officials may be accused, its migration
  // control at the points of entry is a unit of the commission like the others.
  const agencies = [
    { acronym: 'INM', name: 'Instituto Nacional de Migración — Control migratorio en puntos de internación' },
    ...readCsv('paisano-agencies.csv').filter((row) => row.acronym !== 'INM').map((row) => ({ acronym: row.acronym ?? '', name: row.name_es ?? '' })),
  ]
  for (const a of agencies) {
    units.push({ id: `agency-${slug(a.acronym)}`, parentId: 'partners', kind: 'agency', code: a.acronym, name: a.name })
  }
  // Each agency's internal control body: a complaint against its officials goes there, never to
  // the agency's own liaison. Outside the agency's subtree, so its staff never reach it.
  for (const a of agencies) {
    units.push({ id: `oic-${slug(a.acronym)}`, parentId: 'partners', kind: 'internal_control', code: `OIC-${a.acronym}`, name: `Órgano Interno de Control — ${a.acronym}` })
  }
  // The consulates in Mexico of the countries most migrants come from: they ask for their
  // nationals who went missing on the way. Each carries its country's code.
  units.push({ id: 'consulates', parentId: null, kind: 'partner_network', name: 'Consulados en México' })
  for (const [country, name] of CONSULATES) {
    units.push({ id: `consulate-${country.toLowerCase()}`, parentId: 'consulates', kind: 'consulate', code: country, name, city: 'Ciudad de México', state: 'Ciudad de México' })
  }
  return units
}

const CONSULATES = [
  ['GT', 'Consulado General de Guatemala'],
  ['HN', 'Consulado General de Honduras'],
  ['SV', 'Consulado General de El Salvador'],
  ['NI', 'Consulado de Nicaragua'],
  ['CU', 'Consulado General de Cuba'],
  ['VE', 'Consulado General de Venezuela'],
  ['HT', 'Consulado General de Haití'],
] as const
