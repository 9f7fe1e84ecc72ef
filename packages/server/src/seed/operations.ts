import { localDay, parseAction, TALLY_COUNTS, type Actor, type ActionInput } from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import { accountsEndAt } from '../operations/volunteer-import.ts'
import type { Db } from '../db/open.ts'
import { ActionBatch } from '../log/action-batch.ts'
import type { Ctx } from '../log/context.ts'
import { demoEditions } from './guide.ts'
import { SAMPLE_MODULES, SEASONAL_SITES } from './org-tree.ts'
import type { SeededRandom } from './random.ts'

/**
 * Paisano's winter operation in the demo, open today: the sample modules and observation points
 * and three seasonal sites in every state as its sites (about a fifth of the 535), a few
 * volunteers at each sample site (accounts `vol.<site>.<n>` with the demo password, which stop
 * working the day after the operation ends), this week's rosters with some gaps, the sites'
 * tallies of the days gone by, its escorted convoys, and the guide's editions (guide.ts). Beside
 * it, the groups' special operation for a caravan reaching Tapachula, with today's surge sheets.
 */

const DAY = 86_400_000
const SETTINGS: Readonly<Record<string, string>> = { airport: 'airport', bus: 'bus_terminal', highway: 'highway', toll: 'toll_booth', square: 'square' }
const INSTITUTIONS = ['Universidad Autónoma de Baja California', 'Universidad de Guadalajara', 'Universidad Michoacana', 'Universidad Autónoma de San Luis Potosí', 'Cruz Roja Juventud', 'CETYS Universidad', 'Universidad Autónoma de Querétaro']

export async function seedDemoOperation(db: Db, ctx: Ctx, demo: { now: Date; random: SeededRandom; passwordHash: string }): Promise<{ records: number; volunteers: number }> {
  const { now, random } = demo
  const day = (offset: number) => localDay(new Date(now.getTime() + offset * DAY))
  const id = () => uuidv7({ msecs: now.getTime(), random: random.bytes(16) })
  const office: Actor = { userId: 'system', role: 'paisano_coordinator', orgUnitId: 'paisano' }
  const operationId = id()
  const operation = { orgUnitId: 'paisano', kind: 'winter', name: `Operativo Invierno ${day(0).slice(0, 4)}`, startsOn: day(-34), endsOn: day(33) }
  const actions: ActionInput[] = [parseAction({ id: id(), recordType: 'operation', recordId: operationId, type: 'OperationOpened', payload: operation }, 'es')]
  const tallies: { actor: Actor; action: ActionInput }[] = []
  const createdAt = now.toISOString()
  const expiresAt = accountsEndAt(operation)
  let volunteers = 0
  for (const site of SAMPLE_MODULES) {
    const setting = Object.entries(SETTINGS).find(([word]) => site.id.includes(word))?.[1] ?? (site.kind === 'module' ? 'border_crossing' : 'highway')
    actions.push(parseAction({ id: id(), recordType: 'site', recordId: id(), type: 'SiteOpened', payload: { orgUnitId: site.id, operationId, setting, hours: site.kind === 'module' ? '8:00–20:00 todos los días' : '7:00–19:00 todos los días', location: { lat: site.lat, lon: site.lon } } }, 'es'))
    const people: string[] = []
    for (let n = 1; n <= random.int(3, 6); n++) {
      const userId = id()
      await db.db.insertInto('users').values({ id: userId, username: `vol.${site.id.replace(/^(module|obs)-/, '')}.${n}`, displayName: `Voluntariado ${n} (demo), ${site.name}`, role: 'module_volunteer', orgUnitId: site.id, disabled: 0, demo: 1, createdAt, email: null, expiresAt }).execute()
      await db.db.insertInto('credentials').values({ userId, passwordHash: demo.passwordHash, totpSecret: null, totpPendingSecret: null, updatedAt: createdAt }).execute()
      people.push(userId)
      volunteers += 1
      actions.push(
        parseAction(
          {
            id: id(),
            recordType: 'volunteer',
            recordId: userId,
            type: 'VolunteerRecruited',
            payload: { orgUnitId: site.id, userId, operationId, institution: random.pick(INSTITUTIONS), socialService: random.chance(0.7), languages: ['es', ...(random.chance(0.6) ? ['en'] : [])], days: random.pick([['fri', 'sat', 'sun'], ['mon', 'tue', 'wed'], ['sat', 'sun'], ['thu', 'fri', 'sat', 'sun']]), dayParts: [random.pick(['morning', 'afternoon'] as const)], trainings: [{ topic: 'guide', completedOn: day(-40) }, { topic: 'rights', completedOn: day(-39) }, ...(random.chance(0.6) ? [{ topic: 'complaints_intake', completedOn: day(-38) }] : [])] },
          },
          'es',
        ),
      )
    }
    // This week's roster: two shifts a day, two volunteers needed on each, not always found.
    for (let d = 0; d < 7; d++) {
      for (const [starts, ends] of [['08:00', '14:00'], ['14:00', '20:00']] as const) {
        const on = people.filter(() => random.chance(0.45)).slice(0, 2)
        actions.push(parseAction({ id: id(), recordType: 'shift', recordId: id(), type: 'ShiftPlanned', payload: { orgUnitId: site.id, operationId, date: day(d), starts, ends, needed: 2, volunteers: on } }, 'es'))
      }
    }
    // The days gone by: each volunteer's tally of the days they served.
    for (let d = -20; d < 0; d++) {
      for (const userId of people.filter(() => random.chance(0.35))) {
        const busy = site.kind === 'module' ? 3 : 1
        const counts = { guidance: random.int(5, 40) * busy, guides: random.int(3, 30) * busy, complaintReferrals: random.chance(0.3) ? random.int(1, 3) : 0, helpReferrals: random.chance(0.2) ? 1 : 0, otherReferrals: random.chance(0.15) ? 1 : 0 }
        tallies.push({ actor: { userId, role: 'module_volunteer', orgUnitId: site.id }, action: parseAction({ id: id(), recordType: 'tally', recordId: `tally-${userId}-${day(d)}`, type: 'TallyOpened', payload: { orgUnitId: site.id, operationId, day: day(d), ...Object.fromEntries(TALLY_COUNTS.map((k) => [k, counts[k]])) } }, 'es') })
      }
    }
  }
  for (const site of SEASONAL_SITES) {
    const setting = Object.entries(SETTINGS).find(([word]) => site.id.includes(word))?.[1] ?? 'other'
    actions.push(parseAction({ id: id(), recordType: 'site', recordId: id(), type: 'SiteOpened', payload: { orgUnitId: site.id, operationId, setting, hours: site.kind === 'module' ? '9:00–19:00 todos los días' : '8:00–18:00 viernes a domingo', location: { lat: site.lat, lon: site.lon } } }, 'es'))
  }
  actions.push(...demoConvoys(operationId, now, id), ...demoEditions(now, id))
  const surge = demoSurge(now, random, id)
  await db.db.transaction().execute(async (trx) => {
    const groups = new ActionBatch(trx, { ...ctx, actor: { userId: 'system', role: 'group_coordinator', orgUnitId: 'beta' } }, { demo: true })
    await groups.load(surge)
    for (const action of surge) {
      await groups.stage(action)
    }
    await groups.flush()
    const batch = new ActionBatch(trx, { ...ctx, actor: office }, { demo: true })
    await batch.load(actions)
    for (const action of actions) {
      await batch.stage(action)
    }
    await batch.flush()
    // Each volunteer keeps their own tallies: one batch per volunteer.
    const byVolunteer = new Map<string, { actor: Actor; list: ActionInput[] }>()
    for (const { actor, action } of tallies) {
      const held = byVolunteer.get(actor.userId) ?? { actor, list: [] }
      held.list.push(action)
      byVolunteer.set(actor.userId, held)
    }
    for (const { actor, list } of byVolunteer.values()) {
      const own = new ActionBatch(trx, { ...ctx, actor }, { demo: true })
      await own.load(list)
      for (const action of list) {
        await own.stage(action)
      }
      await own.flush()
    }
  })
  const records = new Set([...actions, ...tallies.map((t) => t.action), ...surge].map((a) => `${a.recordType}/${a.recordId}`)).size
  return { records, volunteers }
}

/**
 * The winter operation's convoys: one that arrived last week with a breakdown on the way, and
 * three ahead, two of them published.
 */
function demoConvoys(operationId: string, now: Date, id: () => string): ActionInput[] {
  const at = (days: number, hour: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hour + 6)).toISOString()
  const convoys = [
    { days: -6, from: 'Puente Internacional Colombia', state: 'Nuevo León', route: 'Colombia – Monterrey – Saltillo – San Luis Potosí – Querétaro', to: ['San Luis Potosí', 'Querétaro', 'Guanajuato'], vehicles: 74, people: 281, status: 'arrived', published: true },
    { days: 3, from: 'Puente Internacional Nuevo Laredo II', state: 'Tamaulipas', route: 'Nuevo Laredo – Monterrey – Matehuala – San Luis Potosí', to: ['San Luis Potosí', 'Zacatecas', 'Jalisco'], vehicles: 60, people: 230, status: 'scheduled', published: true },
    { days: 5, from: 'Garita de Nogales', state: 'Sonora', route: 'Nogales – Hermosillo – Ciudad Obregón – Los Mochis – Culiacán', to: ['Sinaloa', 'Nayarit', 'Jalisco'], vehicles: 45, people: 170, status: 'scheduled', published: true },
    { days: 10, from: 'Puente Internacional Paso del Norte', state: 'Chihuahua', route: 'Ciudad Juárez – Chihuahua – Torreón – Zacatecas', to: ['Durango', 'Zacatecas', 'Aguascalientes'], vehicles: 50, people: 200, status: 'scheduled', published: false },
  ] as const
  return convoys.flatMap((c) => {
    const recordId = id()
    const scheduled = parseAction({ id: id(), recordType: 'convoy', recordId, type: 'ConvoyScheduled', payload: { orgUnitId: 'paisano', operationId, departurePoint: c.from, departureState: c.state, departsAt: at(c.days, 7), route: c.route, destinationStates: [...c.to], vehicles: c.vehicles, people: c.people, escortId: 'agency-pf', status: c.status, published: c.published, notes: 'Reunión una hora antes de la salida, con los documentos del vehículo a la mano.' } }, 'es')
    const incident = c.status === 'arrived' ? [parseAction({ id: id(), recordType: 'convoy', recordId, type: 'ConvoyIncidentReported', payload: { at: at(c.days, 11), kind: 'breakdown', place: 'Carretera 57, km 120', description: 'Una camioneta con una llanta ponchada; el convoy esperó 25 minutos y siguió completo.' } }, 'es')] : []
    return [scheduled, ...incident]
  })
}

/**
 * The groups' special operation for a caravan reaching Tapachula, open since two days ago: four
 * operators counting at the bridge and the temporary shelter for the last ten hours, a tap every
 * ten minutes (several people sent together, as a phone does after a while offline), on one
 * sheet per operator and local day.
 */
function demoSurge(now: Date, random: SeededRandom, id: () => string): ActionInput[] {
  const day = (offset: number) => localDay(new Date(now.getTime() + offset * DAY))
  const operationId = id()
  const actions: ActionInput[] = [parseAction({ id: id(), recordType: 'operation', recordId: operationId, type: 'OperationOpened', payload: { orgUnitId: 'beta', kind: 'special', reason: 'caravan', name: 'Caravana en Tapachula', startsOn: day(-2), endsOn: day(12), units: ['beta-tapachula', 'beta-tuxtla-gutierrez'] } }, 'es')]
  const nationalities = ['HN', 'HN', 'HN', 'GT', 'SV', 'VE', 'VE', 'HT', 'CU', 'NI', 'unknown']
  for (const [point, operators, pace] of [['Puente Rodolfo Robles', 3, 10], ['Albergue temporal Tapachula', 1, 4]] as const) {
    for (let o = 0; o < operators; o++) {
      const sheets = new Map<string, string>()
      // The last tap a moment ago, so every point has today's sheet whatever the hour: seeded a
      // few minutes after midnight, a tap every ten minutes from a random start left the shelter's
      // single operator none today.
      const last = now.getTime() - random.int(1, 59) * 1000
      for (let t = last - 10 * 3_600_000 + 10 * 60_000; t <= last; t += 10 * 60_000) {
        const sheetDay = localDay(new Date(t))
        let recordId = sheets.get(sheetDay)
        if (recordId === undefined) {
          recordId = id()
          sheets.set(sheetDay, recordId)
          actions.push(parseAction({ id: id(), recordType: 'surge', recordId, type: 'SurgeOpened', payload: { orgUnitId: 'beta-tapachula', operationId, day: sheetDay, point } }, 'es'))
        }
        const groups = Array.from({ length: random.int(Math.max(1, pace - 3), pace + 3) }, () => {
          const family = random.chance(0.25)
          return { count: family ? random.int(2, 5) : 1, sex: random.pick(['male', 'male', 'female', 'unknown'] as const), ageBand: family ? random.pick(['0-5', '6-11', '30-44'] as const) : random.pick(['18-29', '18-29', '30-44', '45-59', '12-17'] as const), nationality: random.pick(nationalities), vulnerabilities: family ? ['travelling_with_children'] : random.chance(0.04) ? ['unaccompanied_child'] : random.chance(0.03) ? ['pregnant'] : [] }
        })
        actions.push(parseAction({ id: id(), recordType: 'surge', recordId, type: 'SurgeCounted', payload: { at: new Date(t).toISOString(), groups, services: random.chance(0.8) ? ['water', 'orientation'] : ['water', 'first_aid'] } }, 'es'))
      }
    }
  }
  return actions
}
