import { parseAction, TALLY_COUNTS, type Actor, type ActionInput } from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import { accountsEndAt } from '../operations/volunteer-import.ts'
import type { Db } from '../db/open.ts'
import { ActionBatch } from '../log/action-batch.ts'
import type { Ctx } from '../log/context.ts'
import { SAMPLE_MODULES } from './org-tree.ts'
import type { SeededRandom } from './random.ts'

/**
 * Paisano's winter operation in the demo, open today: the sample modules and observation points
 * as its sites, a few volunteers at each (accounts `vol.<site>.<n>` with the demo password, which
 * stop working the day after the operation ends), this week's rosters with some gaps, and the
 * sites' tallies of the days gone by.
 */

const DAY = 86_400_000
const SETTINGS: Readonly<Record<string, string>> = { airport: 'airport', bus: 'bus_terminal', highway: 'highway', toll: 'toll_booth' }
const INSTITUTIONS = ['Universidad Autónoma de Baja California', 'Universidad de Guadalajara', 'Universidad Michoacana', 'Universidad Autónoma de San Luis Potosí', 'Cruz Roja Juventud', 'CETYS Universidad', 'Universidad Autónoma de Querétaro']

export async function seedDemoOperation(db: Db, ctx: Ctx, demo: { now: Date; random: SeededRandom; passwordHash: string }): Promise<{ records: number; volunteers: number }> {
  const { now, random } = demo
  const day = (offset: number) => new Date(now.getTime() - 6 * 3_600_000 + offset * DAY).toISOString().slice(0, 10)
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
  await db.db.transaction().execute(async (trx) => {
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
  return { records: actions.length + tallies.length, volunteers }
}
