import type { RecordType } from '@faro/core'
import type { Area } from './areas.ts'
import { SeededRandom } from './random.ts'
import { slug } from './org-tree.ts'

export interface DemoAction {
  recordType: RecordType
  recordId: string
  type: string
  at: Date
  payload: Record<string, unknown>
}

/**
 * Yearly figures the programme published for 2010 (../seed-data/grupos-beta-statistics.csv);
 * the demo generates activity at these rates, so its totals are of the same order.
 */
export const YEARLY_2010 = { attendedNorth: 159_540, attendedSouth: 69_269, patrols: 15_173, rescued: 4_163 }

export const DEMO_DAYS = 91

export const NATIONALITIES = [['HN', 30], ['GT', 25], ['SV', 12], ['MX', 10], ['NI', 5], ['VE', 6], ['HT', 4], ['CU', 3], ['EC', 2], ['CO', 2], ['unknown', 6]] as const
export const AGE_BANDS = [['0-5', 4], ['6-11', 4], ['12-17', 8], ['18-29', 42], ['30-44', 30], ['45-59', 9], ['60+', 2], ['unknown', 4]] as const
export const SEXES = [['male', 70], ['female', 27], ['other', 1], ['unknown', 2]] as const
export const VULNERABILITIES = ['unaccompanied_child', 'travelling_with_children', 'pregnant', 'disability', 'chronic_illness', 'older_person', 'indigenous_language_speaker', 'victim_of_crime'] as const
const SETTINGS_NORTH = [['base', 30], ['patrol', 40], ['bus_terminal', 15], ['shelter', 10], ['other', 5]] as const
const SETTINGS_SOUTH = [['rail_tracks', 45], ['base', 20], ['patrol', 15], ['shelter', 15], ['other', 5]] as const
export const EMERGENCIES_NORTH = [['lost_in_desert', 30], ['heat_stroke', 20], ['dehydration', 25], ['hypothermia', 8], ['drowning_river', 10], ['fall_injury', 5], ['other', 2]] as const
export const EMERGENCIES_SOUTH = [['train_accident', 25], ['fall_injury', 25], ['crime_victim', 20], ['dehydration', 15], ['drowning_river', 10], ['other', 5]] as const

export interface GroupRow {
  state?: string
  city?: string
  border?: string
  staff_2011?: string
  lat_approx?: string
  lon_approx?: string
}

/** Field activity, towers, signs and help points for about three months up to `now`. */
export function generateActivity(opts: {
  groups: GroupRow[]
  modules: readonly { id: string; name: string; lat: number; lon: number; kind?: 'module' | 'observation_point' }[]
  now: Date
  random: SeededRandom
  /** Where each state is: a generated point must fall in its group's state (not at sea, not abroad). */
  areas?: ReadonlyMap<string, Area>
}): DemoAction[] {
  const { groups, random, now } = opts
  const out: DemoAction[] = []
  const start = now.getTime() - DEMO_DAYS * 86_400_000
  const share = DEMO_DAYS / 365
  const weightOf = (g: GroupRow) => Math.max(3, Number(g.staff_2011) || 0)
  const northWeight = groups.filter((g) => g.border === 'north').reduce((s, g) => s + weightOf(g), 0)
  const southWeight = groups.filter((g) => g.border === 'south').reduce((s, g) => s + weightOf(g), 0)
  const allWeight = northWeight + southWeight
  const placeAt = new Date(start)

  for (const g of groups) {
    const unitId = `beta-${slug(g.city ?? '')}`
    const north = g.border === 'north'
    const lat = Number(g.lat_approx)
    const lon = Number(g.lon_approx)
    const area = opts.areas?.get(g.state ?? '')
    // Positions come from a generator of their own, so drawing again until a point falls on land
    // in the group's state leaves every other generated figure as it was.
    const spot = new SeededRandom(hashOf(g.city ?? ''))
    const near = (km: number) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const p = { lat: round(lat + (spot.next() - 0.5) * (km / 55)), lon: round(lon + (spot.next() - 0.5) * (km / 55)) }
        if (area === undefined || area(p.lat, p.lon)) {
          return { ...p, accuracyM: random.int(5, 60) }
        }
      }
      return { lat, lon, accuracyM: random.int(5, 60) }
    }
    const when = () => new Date(start + random.next() * (now.getTime() - start))

    out.push({ recordType: 'place', recordId: `demo-base-${slug(g.city ?? '')}`, type: 'PlaceRegistered', at: placeAt, payload: { orgUnitId: unitId, kind: 'group_base', name: `Base Grupo Beta ${g.city}`, location: { lat, lon } } })
    const towers = north ? random.int(1, 3) : 0
    for (let i = 1; i <= towers; i++) {
      out.push({ recordType: 'place', recordId: `demo-tower-${slug(g.city ?? '')}-${i}`, type: 'PlaceRegistered', at: placeAt, payload: { orgUnitId: unitId, kind: 'orientation_tower', name: `Torre de orientación ${g.city} ${i}`, location: near(60), status: random.chance(0.15) ? 'needs_repair' : 'active', description: 'Torre de 10 m con luz estroboscópica, tanque de agua y sombra (demo)' } })
    }
    for (let i = 1; i <= random.int(1, 3); i++) {
      out.push({ recordType: 'place', recordId: `demo-sign-${slug(g.city ?? '')}-${i}`, type: 'PlaceRegistered', at: placeAt, payload: { orgUnitId: unitId, kind: 'warning_sign', name: `Señal de advertencia ${g.city} ${i}`, location: near(40) } })
    }

    const w = weightOf(g)
    const attended = Math.round((north ? YEARLY_2010.attendedNorth * (w / northWeight) : YEARLY_2010.attendedSouth * (w / southWeight)) * share)
    let remaining = attended
    let n = 0
    while (remaining > 0) {
      const people = peopleGroups(random, Math.min(remaining, random.int(1, 24)))
      remaining -= people.reduce((s, p) => s + p.count, 0)
      const services = ['orientation', ...(random.chance(0.8) ? ['water'] : []), ...(random.chance(0.6) ? ['food'] : []), ...(random.chance(0.15) ? ['medicine'] : []), ...(random.chance(0.05) ? ['first_aid'] : []), ...(random.chance(0.2) ? ['phone_call'] : []), ...(random.chance(0.05) ? ['legal_advice'] : [])]
      const at = when()
      out.push({ recordType: 'attention', recordId: `demo-att-${slug(g.city ?? '')}-${++n}`, type: 'AttentionRecorded', at, payload: { orgUnitId: unitId, at: at.toISOString(), location: near(30), setting: random.weighted(north ? SETTINGS_NORTH : SETTINGS_SOUTH), people, services } })
    }
    const patrols = Math.round(YEARLY_2010.patrols * (w / allWeight) * share)
    for (let i = 1; i <= patrols; i++) {
      const startedAt = when()
      const hours = random.int(2, 9)
      const route = Array.from({ length: random.int(2, 5) }, () => near(40))
      out.push({ recordType: 'patrol', recordId: `demo-pat-${slug(g.city ?? '')}-${i}`, type: 'PatrolRecorded', at: startedAt, payload: { orgUnitId: unitId, kind: random.chance(0.7) ? 'preventive' : 'reconnaissance', startedAt: startedAt.toISOString(), endedAt: new Date(startedAt.getTime() + hours * 3_600_000).toISOString(), route, distanceKm: random.int(10, 180), peopleEncountered: random.int(0, 30), vehicle: random.chance(0.8) ? 'Camioneta 4x4' : 'A pie' } })
    }
    let rescued = Math.round(YEARLY_2010.rescued * (w / allWeight) * share)
    let r = 0
    while (rescued > 0) {
      const people = peopleGroups(random, Math.min(rescued, random.int(1, 5)))
      rescued -= people.reduce((s, p) => s + p.count, 0)
      const at = when()
      out.push({ recordType: 'rescue', recordId: `demo-res-${slug(g.city ?? '')}-${++r}`, type: 'RescueRecorded', at, payload: { orgUnitId: unitId, at: at.toISOString(), location: near(80), emergencyType: random.weighted(north ? EMERGENCIES_NORTH : EMERGENCIES_SOUTH), people, outcome: random.weighted([['unharmed', 45], ['first_aid', 38], ['transferred_to_hospital', 15], ['deceased', 2]] as const), partners: random.chance(0.4) ? [random.pick(['civil_protection', 'red_cross', 'municipal_services', 'us_border_patrol_sar'] as const)] : [], equipment: random.chance(0.5) ? ['GPS', 'Botiquín'] : ['Botiquín'] } })
    }
  }
  for (const m of opts.modules) {
    out.push({
      recordType: 'place',
      recordId: `demo-place-${m.id}`,
      type: 'PlaceRegistered',
      at: placeAt,
      payload: { orgUnitId: m.id, kind: m.kind ?? 'module', name: m.name, location: { lat: m.lat, lon: m.lon }, hours: m.kind === 'observation_point' ? 'Durante los operativos de Semana Santa, verano e invierno (demo)' : 'Todos los días, 8:00 a 20:00; 24 horas en los operativos (demo)' },
    })
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime())
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

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000
}

/** A stable seed from a name, so each group's positions are the same on every machine. */
function hashOf(text: string): number {
  let h = 2166136261
  for (const ch of text) {
    h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619)
  }
  return h >>> 0
}
