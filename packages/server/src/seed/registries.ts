import { parseAction, TRAINING_CATALOGUE, type Actor, type CatalogueCourse, type EquipmentType, type StaffFunction } from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../db/open.ts'
import { ActionBatch } from '../log/action-batch.ts'
import type { Ctx } from '../log/context.ts'
import type { ActionInput } from '@faro/core'
import { readCsv, slug } from './org-tree.ts'
import type { SeededRandom } from './random.ts'

/**
 * The groups' registries in the demo: each group's staff as the 2011 table counts them (the demo
 * field agent and more accounts of the group, all signing in with the demo password), each with a
 * profile and certificates — some expiring within weeks, a few fitness checks past —, each group's
 * vehicles and equipment — some in repair, some old, some due for service —, and the towers and
 * signs on an inspection schedule, a few of them overdue.
 */

const DAY = 86_400_000
const FUNCTIONS: readonly (readonly [StaffFunction, number])[] = [['rescuer', 45], ['paramedic', 14], ['driver', 12], ['liaison', 8], ['nurse', 6], ['doctor', 3], ['lawyer', 3], ['administrative', 6], ['other', 3]]
const RESCUE: readonly CatalogueCourse[] = ['first_aid', 'land_water_rescue', 'rappel', 'search_rescue', 'rope_systems', 'pre_hospital_care', 'defensive_driving', 'cpr', 'swimming', 'gps', 'crisis_management']
const HUMANITARIAN: readonly CatalogueCourse[] = ['human_rights_migration', 'legal_procedures', 'trafficking_women_children', 'trafficking_victims']
const ISSUERS = [['red_cross', 35], ['civil_protection', 25], ['inm', 15], ['icrc', 8], ['iom', 7], ['us_trainers', 10]] as const
/** Groups on rivers: the Bravo on the north border, the Suchiate and the Usumacinta on the south. */
const RIVER_GROUPS = new Set(['beta-matamoros', 'beta-piedras-negras', 'beta-ciudad-acuna', 'beta-ojinaga', 'beta-ciudad-juarez', 'beta-tapachula', 'beta-tenosique'])

export interface RegistriesDemo {
  now: Date
  random: SeededRandom
  /** The demo's password hash, written for every staff account it adds (hashed once). */
  passwordHash: string
}

export async function seedDemoRegistries(db: Db, ctx: Ctx, demo: RegistriesDemo): Promise<{ staff: number; records: number }> {
  const { random, now } = demo
  const day = (offsetDays: number) => new Date(now.getTime() + offsetDays * DAY).toISOString().slice(0, 10)
  const groups = readCsv('grupos-beta-2011.csv').filter((r) => r.border === 'north' || r.border === 'south')
  const coordination: Actor = { userId: 'system', role: 'group_coordinator', orgUnitId: 'beta' }
  const actions: ActionInput[] = []
  const add = (recordType: string, recordId: string, type: string, payload: Record<string, unknown>) => {
    actions.push(parseAction({ id: uuidv7({ msecs: now.getTime(), random: random.bytes(16) }), recordType, recordId, type, payload }, 'es'))
  }
  let staffCount = 0
  const createdAt = now.toISOString()
  for (const g of groups) {
    const unitId = `beta-${slug(g.city ?? '')}`
    const existing = await db.db.selectFrom('users').select(['id']).where('orgUnitId', '=', unitId).execute()
    const wanted = Math.max(Number(g.staff_2011 ?? 0), existing.length)
    const staff = existing.map((u) => u.id)
    for (let i = staff.length + 1; i <= wanted; i++) {
      const id = uuidv7({ msecs: now.getTime(), random: random.bytes(16) })
      await db.db.insertInto('users').values({ id, username: `personal${i}.${slug(g.city ?? '')}`, displayName: `Personal ${i} (demo), Grupo Beta ${g.city}`, role: 'field_agent', orgUnitId: unitId, disabled: 0, demo: 1, createdAt, email: null }).execute()
      await db.db.insertInto('credentials').values({ userId: id, passwordHash: demo.passwordHash, totpSecret: null, totpPendingSecret: null, updatedAt: createdAt }).execute()
      staff.push(id)
    }
    // The group's duty roster from yesterday to the week's end: three shifts a day, two on each,
    // taking turns down the list, so "who is on duty tonight" has an answer.
    for (let d = -1; d < 7; d++) {
      for (const [k, [starts, ends]] of ([['06:00', '14:00'], ['14:00', '22:00'], ['22:00', '06:00']] as const).entries()) {
        const first = ((d + 1) * 3 + k) * 2
        const on = staff.length === 0 ? [] : [...new Set([staff[first % staff.length], staff[(first + 1) % staff.length]])].filter((s): s is string => s !== undefined)
        add('shift', uuidv7({ msecs: now.getTime(), random: random.bytes(16) }), 'ShiftPlanned', { orgUnitId: unitId, date: day(d), starts, ends, needed: 2, volunteers: on })
      }
    }
    for (const [index, userId] of staff.entries()) {
      staffCount += 1
      const fit = random.chance(0.1) ? random.int(-20, -1) : random.chance(0.15) ? random.int(1, 55) : random.int(70, 360)
      add('staff_profile', userId, 'StaffProfileRecorded', {
        orgUnitId: unitId,
        userId,
        function: index === 0 && staff.length > 3 ? 'coordinator' : random.weighted(FUNCTIONS),
        governmentLevel: random.weighted([['federal', 70], ['state', 6], ['municipal', 24]] as const),
        startDate: day(-random.int(200, 6500)),
        languages: ['es', ...(random.chance(0.3) ? ['en'] : []), ...(g.border === 'south' && random.chance(0.1) ? ['mam'] : [])],
        fitUntil: day(fit),
      })
      const courses = [...new Set([random.pick(RESCUE), random.pick(RESCUE), 'first_aid' as const, random.pick(HUMANITARIAN), ...(random.chance(0.5) ? [random.pick(RESCUE)] : [])])]
      for (const course of courses) {
        const validity = TRAINING_CATALOGUE[course].validityMonths
        // Most certificates hold well past today; about one in eight ends within the next 60 days.
        const endsIn = random.chance(0.12) ? random.int(3, 58) : random.chance(0.05) ? -random.int(5, 90) : random.int(90, 600)
        const expiresOn = validity === null ? undefined : day(endsIn)
        const issuedOn = validity === null ? day(-random.int(60, 1500)) : day(endsIn - validity * 30)
        const id = uuidv7({ msecs: now.getTime(), random: random.bytes(16) })
        add('certificate', id, 'CertificateRecorded', { orgUnitId: unitId, userId, course, issuer: random.weighted(ISSUERS), issuedOn, ...(expiresOn ? { expiresOn } : {}) })
      }
    }
    const items: { type: EquipmentType; quantity?: number }[] = [
      { type: 'jeep' },
      { type: 'pickup' },
      ...(random.chance(0.6) ? [{ type: 'four_wheeler' as const }] : []),
      ...(random.chance(0.3) ? [{ type: 'ambulance' as const }] : []),
      ...(RIVER_GROUPS.has(unitId) ? [{ type: 'boat' as const }, { type: 'inflatable_raft' as const }, { type: 'outboard_motor' as const }, ...(random.chance(0.4) ? [{ type: 'airboat' as const }] : [])] : []),
      ...(random.chance(0.25) ? [{ type: 'drone' as const }] : []),
      { type: 'lifejackets', quantity: random.int(6, 20) },
      { type: 'ropes', quantity: random.int(4, 12) },
      { type: 'stretchers', quantity: random.int(1, 4) },
      { type: 'first_aid_kits', quantity: random.int(3, 10) },
      { type: 'gps', quantity: random.int(1, 4) },
      { type: 'rappel_gear', quantity: random.int(1, 6) },
      { type: 'radio', quantity: random.int(2, 8) },
    ]
    for (const [n, item] of items.entries()) {
      const id = uuidv7({ msecs: now.getTime(), random: random.bytes(16) })
      const vehicle = item.quantity === undefined
      const status = random.weighted([['in_service', 82], ['in_repair', 10], ['out_of_service', 6], ['lost', 2]] as const)
      add('equipment', id, 'EquipmentRegistered', {
        orgUnitId: unitId,
        type: item.type,
        identifier: vehicle ? `${(g.state ?? '').slice(0, 3).toUpperCase()}-${String(random.int(1000, 9999))}` : `INV-${slug(g.city ?? '').toUpperCase()}-${String(n + 1).padStart(2, '0')}`,
        ...(item.quantity ? { quantity: item.quantity } : {}),
        status,
        condition: status === 'in_service' ? random.weighted([['good', 60], ['fair', 30], ['poor', 10]] as const) : random.weighted([['fair', 40], ['poor', 60]] as const),
        acquiredOn: day(-random.int(200, vehicle ? 6000 : 2800)),
        ...(vehicle ? { nextServiceOn: day(random.int(-20, 200)), usage: random.int(20_000, 240_000) } : {}),
        ...(vehicle && staff.length > 0 ? { crew: [random.pick(staff)] } : {}),
      })
    }
  }
  // Towers and signs on a schedule: towers monthly, signs every three months; most inspected in time.
  const places = await db.db.selectFrom('records').select(['recordId', 'state']).where('recordType', '=', 'place').execute()
  const scheduled: ActionInput[] = []
  for (const place of places) {
    const state = JSON.parse(place.state) as { kind: string }
    if (state.kind !== 'orientation_tower' && state.kind !== 'warning_sign') {
      continue
    }
    const every = state.kind === 'orientation_tower' ? 30 : 90
    scheduled.push(parseAction({ id: uuidv7({ msecs: now.getTime(), random: random.bytes(16) }), recordType: 'place', recordId: place.recordId, type: 'PlaceUpdated', payload: { inspectionEveryDays: every } }, 'es'))
    const ago = random.chance(0.2) ? every + random.int(3, 40) : random.int(1, every - 1)
    scheduled.push(
      parseAction(
        {
          id: uuidv7({ msecs: now.getTime(), random: random.bytes(16) }),
          recordType: 'place',
          recordId: place.recordId,
          type: 'PlaceInspected',
          payload: { inspectedAt: new Date(now.getTime() - ago * DAY).toISOString(), damage: random.weighted([['none', 80], ['minor', 15], ['severe', 5]] as const), ...(state.kind === 'orientation_tower' ? { strobeWorking: random.chance(0.85), waterTankLevel: random.weighted([['full', 40], ['half', 35], ['low', 15], ['empty', 10]] as const) } : {}) },
        },
        'es',
      ),
    )
  }
  await db.db.transaction().execute(async (trx) => {
    for (const [actor, list] of [[coordination, actions], [{ userId: 'system', role: 'administrator', orgUnitId: 'inm' } as Actor, scheduled]] as const) {
      for (let i = 0; i < list.length; i += 1000) {
        const chunk = list.slice(i, i + 1000)
        const batch = new ActionBatch(trx, { ...ctx, actor }, { demo: true })
        await batch.load(chunk)
        for (const action of chunk) {
          await batch.stage(action)
        }
        await batch.flush()
      }
    }
  })
  return { staff: staffCount, records: actions.length }
}
