import { Complainant, defaultRoutingRules, folioBody, formatFolio, FOLIOS_PER_YEAR, hopDeadlines, routeCase, type ActionInput, type Actor, type CaseCategory, type CaseOpened, type Hop, type JourneyPlace, type OrgUnit } from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import { findOrgUnit } from '../accounts/org-units-repo.ts'
import { sealComplainant, storeComplainant, type SealedComplainant } from '../cases/complainant.ts'
import { hashPin } from '../cases/pins.ts'
import type { Keyring } from '../protection/keyring.ts'
import type { Db } from '../db/open.ts'
import { ActionBatch } from '../log/action-batch.ts'
import type { Ctx } from '../log/context.ts'
import { SeededRandom } from './random.ts'

/** Every demo case answers to this PIN, so the lookup can be tried. */
export const DEMO_CASE_PIN = '246810'

const COMPLAINTS = [['extortion', 30], ['seizure_of_vehicle_or_goods', 22], ['mistreatment', 18], ['abuse_of_authority', 10], ['theft', 8], ['misuse_of_procedure', 7], ['other_complaint', 5]] as const
const HELP = [['recover_seized_vehicle_or_goods', 25], ['obtain_documents', 25], ['check_vehicle_import_documents', 20], ['locate_migrant', 15], ['transport_of_remains', 5], ['other_help', 10]] as const
const ACCUSED = [['agency-aga', 35], ['agency-inm', 25], ['agency-pf', 25], ['agency-banjercito', 10], ['agency-capufe', 5]] as const
const PLACES: readonly (readonly [JourneyPlace, number])[] = [
  [{ kind: 'port_of_entry', city: 'Nuevo Laredo', state: 'Tamaulipas' }, 14],
  [{ kind: 'customs', city: 'Ciudad Juárez', state: 'Chihuahua' }, 10],
  [{ kind: 'customs', city: 'Reynosa', state: 'Tamaulipas' }, 8],
  [{ kind: 'immigration_checkpoint', highway: 'México 85', km: 26, state: 'Nuevo León' }, 8],
  [{ kind: 'toll_plaza', highway: 'México 57D', state: 'Querétaro', note: 'Caseta de Palmillas' }, 6],
  [{ kind: 'highway', highway: 'México 45', km: 120, state: 'Chihuahua' }, 8],
  [{ kind: 'airport', city: 'Guadalajara', state: 'Jalisco' }, 8],
  [{ kind: 'bus_terminal', city: 'Morelia', state: 'Michoacán' }, 6],
  [{ kind: 'city', city: 'San Luis Potosí', state: 'San Luis Potosí' }, 8],
  [{ kind: 'unknown' }, 10],
]
// Two checkpoints where the same officers ask travellers for money: the clusters the national
// office should find.
const CLUSTERS: readonly { place: JourneyPlace; agency: string; badge: string; plate: string }[] = [
  { place: { kind: 'immigration_checkpoint', highway: 'México 57', km: 25, state: 'San Luis Potosí' }, agency: 'agency-inm', badge: 'INM-0417', plate: 'SLP-31-22' },
  { place: { kind: 'customs', highway: 'México 15', km: 21, state: 'Sonora', note: 'Garita del km 21' }, agency: 'agency-aga', badge: 'AD-2280', plate: 'SON-88-10' },
]
const STORIES: Record<string, string> = {
  extortion: 'Le pidieron dinero para dejarle pasar sin revisar la camioneta.',
  seizure_of_vehicle_or_goods: 'Le retuvieron la camioneta y los regalos que traía para su familia.',
  mistreatment: 'El agente le gritó y no le quiso explicar el trámite.',
  abuse_of_authority: 'Le hicieron bajar todo el equipaje sin motivo y le amenazaron con detenerle.',
  theft: 'Después de la revisión faltaban dos cajas de herramientas.',
  misuse_of_procedure: 'Le cobraron un permiso que no correspondía.',
  other_complaint: 'Queja sobre la atención en la ventanilla.',
  recover_seized_vehicle_or_goods: 'Pide ayuda para recuperar su vehículo retenido; le cobran almacenaje por día.',
  obtain_documents: 'Perdió su pasaporte en el camino y necesita regresar a Estados Unidos.',
  check_vehicle_import_documents: 'Quiere saber si su permiso de importación temporal sigue vigente.',
  locate_migrant: 'Busca a su hermano, que viajaba hacia la frontera norte y no se ha comunicado.',
  transport_of_remains: 'Pide apoyo para trasladar las cenizas de su padre desde Texas.',
  other_help: 'Pide orientación sobre los trámites para inscribir a sus hijos en la escuela.',
}

/**
 * A winter operation of complaints and requests for help, from 1 November to `now`: categories,
 * channels and accused agencies in the proportions the programme reports, the usual life of a
 * case by its age (acknowledged, answered, closed; some late, some referred twice, some reopened),
 * and two clusters at checkpoints. Written like the field demo: batched, marked demo.
 */
export async function seedDemoCases(db: Db, ctx: Ctx, opts: { now: Date; count: number; random: SeededRandom; keyring?: Keyring | undefined; intakeUnits: readonly (readonly [{ actor: Actor; channel: CaseOpened['channel'] }, number])[] }): Promise<number> {
  const { now, random } = opts
  const agencies = (await db.db.selectFrom('orgUnits').select('id').where('kind', '=', 'agency').execute()).map((r) => r.id)
  const rules = defaultRoutingRules(agencies)
  // Without the vault's keys (`faro seed --demo`), one scrypt hash serves every demo case.
  const slowHash = opts.keyring === undefined ? await hashPin(db.db, undefined, '', DEMO_CASE_PIN) : undefined
  const start = Date.UTC(now.getUTCFullYear() - (now.getUTCMonth() < 10 ? 1 : 0), 10, 1, 14)
  const span = Math.max(1, now.getTime() - start - 3_600_000)
  const folios = new Set<string>()
  const system: Actor = { userId: 'system', role: 'paisano_coordinator', orgUnitId: 'paisano' }
  const plans: { actor: Actor; actions: ActionInput[] }[] = []
  const folioRows: { folio: string; recordId: string; pinHash: string; createdAt: string }[] = []
  // Apart from the cases' own draws, so the demo's cases stay the same with or without identities.
  const people = new SeededRandom(7919)
  const complainants: { sealed: SealedComplainant; recordId: string; actor: Actor; language: string }[] = []

  for (let i = 0; i < opts.count; i += 1) {
    const cluster = i % 25 === 0 ? CLUSTERS[(i / 25) % 2] : undefined
    const isComplaint = cluster !== undefined || random.chance(0.7)
    const category: CaseCategory = cluster ? 'extortion' : isComplaint ? random.weighted(COMPLAINTS) : random.weighted(HELP)
    const intake = random.weighted(opts.intakeUnits)
    const receivedAt = new Date(start + Math.floor(random.next() * span))
    const recordId = uuidv7({ msecs: receivedAt.getTime(), random: random.bytes(16) })
    let folio: string
    do {
      folio = formatFolio({ prefix: 'PA', year: receivedAt.getUTCFullYear() % 100, body: folioBody(random.int(0, FOLIOS_PER_YEAR - 1)) })
    } while (folios.has(folio))
    folios.add(folio)
    const accusedAgency = cluster?.agency ?? (isComplaint && random.chance(0.6) ? random.weighted(ACCUSED) : undefined)
    const opened: CaseOpened = {
      orgUnitId: intake.actor.orgUnitId,
      folio,
      kind: isComplaint ? 'complaint' : 'help_request',
      category,
      channel: intake.channel,
      receivedAt: receivedAt.toISOString(),
      description: STORIES[category] ?? 'Queja.',
      place: cluster?.place ?? random.weighted(PLACES),
      occurredFrom: new Date(receivedAt.getTime() - random.int(1, 72) * 3_600_000).toISOString(),
      language: random.chance(0.12) ? 'en' : 'es',
      contactChannel: random.weighted([['email', 40], ['phone', 45], ['none', 15]] as const),
      allowIdentityToAccused: false,
      inTransit: random.chance(0.2),
      ...(accusedAgency ? { accused: { agencyId: accusedAgency, ...(cluster ? { badge: cluster.badge, vehiclePlate: cluster.plate, description: 'Uniforme, chaleco con el nombre de la dependencia' } : {}) } } : {}),
      ...(category === 'extortion' ? { facts: { amountDemanded: random.pick([50, 100, 200, 300, 500]), currency: 'USD' as const } } : {}),
    }
    const complainant = opts.keyring === undefined ? undefined : demoComplainant(people, opened)
    if (complainant !== undefined && opts.keyring !== undefined) {
      const sealed = sealComplainant(opts.keyring, complainant)
      opened.personId = sealed.personId
      complainants.push({ sealed, recordId, actor: intake.actor, language: opened.language })
    } else if (opts.keyring !== undefined) {
      // Nobody to write to: a person who gave no address asked for no news.
      opened.contactChannel = 'none'
    }
    folioRows.push({ folio, recordId, pinHash: slowHash ?? (await hashPin(db.db, opts.keyring, recordId, DEMO_CASE_PIN)), createdAt: receivedAt.toISOString() })
    const routedAt = new Date(receivedAt.getTime() + random.int(5, 90) * 60_000)
    const decision = routeCase(rules, opened, (unit, agency) => unit === agency)
    const hops = decision.bodies.map((bodyId): Hop => ({ hopId: uuidv7({ msecs: routedAt.getTime(), random: random.bytes(16) }), bodyId, routedAt: routedAt.toISOString(), ...hopDeadlines(category, routedAt) }))
    const act = (type: string, payload: Record<string, unknown>, at: Date): ActionInput => ({ id: uuidv7({ msecs: at.getTime(), random: random.bytes(16) }), recordType: 'case', recordId, type, payload: { at: at.toISOString(), ...payload } })
    plans.push({ actor: intake.actor, actions: [{ id: uuidv7({ msecs: receivedAt.getTime(), random: random.bytes(16) }), recordType: 'case', recordId, type: 'CaseOpened', payload: opened as unknown as Record<string, unknown> }] })
    plans.push({ actor: system, actions: [act('CaseRouted', { hops }, routedAt)] })

    // The life of the case, by its age and a little luck: work happens only in the past.
    const ageDays = (now.getTime() - routedAt.getTime()) / 86_400_000
    const main = hops[0]
    if (main === undefined) {
      continue
    }
    const body: Actor = { userId: 'system', role: 'agency_liaison', orgUnitId: main.bodyId }
    const late = random.chance(0.12)
    const ackAt = new Date(routedAt.getTime() + (late ? 3 : 0.3) * 86_400_000 * random.next() + 3_600_000)
    if (ackAt >= now || (late && ageDays < 6)) {
      continue
    }
    const steps: ActionInput[] = [act('CaseAcknowledged', { hopId: main.hopId, externalRef: `${main.bodyId.replace(/^(agency|oic)-/, '').toUpperCase()}-${receivedAt.getUTCFullYear()}-${String(i + 1).padStart(4, '0')}` }, ackAt)]
    let at = ackAt
    const later = (days: number) => new Date(at.getTime() + days * 86_400_000 * (0.5 + random.next()))
    let hop = main
    let holder = body
    if (accusedAgency && random.chance(0.15)) {
      // Referred on twice: the internal control body sends it to the prosecutor, who sends it back to federal oversight.
      for (const next of ['agency-pgr', 'agency-sfp']) {
        at = later(2)
        if (at >= now || next === hop.bodyId) {
          break
        }
        const referred: Hop = { hopId: uuidv7({ msecs: at.getTime(), random: random.bytes(16) }), bodyId: next, routedAt: at.toISOString(), ...hopDeadlines(category, at) }
        plans.push({ actor: holder, actions: [...steps.splice(0), act('CaseReferred', { hopId: hop.hopId, reason: 'Corresponde a otra instancia', hops: [referred] }, at)] })
        hop = referred
        holder = { userId: 'system', role: 'agency_liaison', orgUnitId: next }
        at = later(0.5)
        if (at < now) {
          steps.push(act('CaseAcknowledged', { hopId: hop.hopId }, at))
        }
      }
    }
    if (ageDays > 6 && random.chance(0.85)) {
      at = later(ageDays > 20 ? 6 : 3)
      if (at < now) {
        steps.push(act('CaseAnswered', { hopId: hop.hopId, answer: 'Se revisó el caso y se dio respuesta a la persona.' }, at))
        at = later(2)
        if (ageDays > 12 && at < now && random.chance(0.75)) {
          const outcome = random.chance(0.7) ? 'resolved' : 'not_resolved'
          steps.push(act('CaseClosureProposed', { hopId: hop.hopId, outcome, summary: outcome === 'resolved' ? 'Se resolvió a favor de la persona.' : 'No hubo elementos para proceder.' }, at))
          plans.push({ actor: holder, actions: steps.splice(0) })
          at = later(1)
          if (at < now) {
            plans.push({ actor: system, actions: [act('CaseClosed', { outcome }, at)] })
            at = later(3)
            if (outcome === 'not_resolved' && at < now && random.chance(0.15)) {
              plans.push({ actor: system, actions: [act('CaseReopened', { reason: 'La persona aportó nuevas pruebas.' }, at)] })
            }
          }
        }
      }
    }
    if (steps.length > 0) {
      plans.push({ actor: holder, actions: steps })
    }
  }

  await db.db.transaction().execute(async (trx) => {
    for (let i = 0; i < folioRows.length; i += 500) {
      await trx.insertInto('caseFolios').values(folioRows.slice(i, i + 500)).execute()
    }
  })
  // In order, a thousand actions per commit; a case's actions keep their order across batches.
  for (let i = 0; i < plans.length; i += 400) {
    await db.db.transaction().execute(async (trx) => {
      for (const plan of plans.slice(i, i + 400)) {
        const batch = new ActionBatch(trx, { ...ctx, actor: plan.actor }, { demo: true })
        await batch.load(plan.actions)
        for (const action of plan.actions) {
          await batch.stage(action)
        }
        await batch.flush()
      }
    })
  }
  // The identities complainants gave, in the vault, once their cases exist.
  await db.db.transaction().execute(async (trx) => {
    const units = new Map<string, OrgUnit | undefined>()
    for (const c of complainants) {
      if (!units.has(c.actor.orgUnitId)) {
        units.set(c.actor.orgUnitId, await findOrgUnit(trx, c.actor.orgUnitId))
      }
      const unit = units.get(c.actor.orgUnitId)
      if (unit !== undefined && opts.keyring !== undefined) {
        await storeComplainant(trx, { ...ctx, actor: c.actor }, opts.keyring, unit, c.recordId, c.sealed, c.language)
      }
    }
  })
  return opts.count
}

const GIVEN = ['María Guadalupe', 'José Luis', 'Juan Carlos', 'Ana María', 'Francisco Javier', 'Rosa Elena', 'Miguel Ángel', 'Verónica', 'Jesús', 'Leticia', 'Ramón', 'Alejandra'] as const
const SURNAMES = ['Hernández', 'García', 'Martínez', 'López', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Flores', 'Torres', 'Rivera'] as const

/**
 * The identity some complainants give (six in ten of those who want news): invented names, an
 * address at example.org or a phone in a reserved range, and consents most people give.
 */
function demoComplainant(random: SeededRandom, opened: CaseOpened): Complainant | undefined {
  if (opened.contactChannel === 'none' || !random.chance(0.6)) {
    return undefined
  }
  const givenNames = random.pick(GIVEN)
  const firstSurname = random.pick(SURNAMES)
  const secondSurname = random.pick(SURNAMES)
  const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(' ')[0] ?? ''
  const identity = {
    givenNames,
    firstSurname,
    secondSurname,
    nationality: 'MX',
    ...(opened.contactChannel === 'email' ? { email: `${plain(givenNames)}.${plain(firstSurname)}${random.int(1, 99)}@example.org` } : { phones: [`+1 956 555 01${String(random.int(0, 99)).padStart(2, '0')}`] }),
  }
  const consents = random.chance(0.7) ? (['handling_body'] as const) : ([] as const)
  return Complainant.parse({ identity, consents: [...consents, ...(random.chance(0.3) ? (['relatives'] as const) : [])] })
}

const TOPICS = [['vehicle_import', 30], ['goods_allowed', 25], ['passports_and_documents', 20], ['taxes_and_baggage_allowance', 15], ['other_information', 10]] as const
const CALL_OUTCOMES = [['informed', 78], ['case_followed_up', 8], ['transferred', 6], ['case_opened', 6], ['dropped', 2]] as const

/**
 * The call centre's calls of the demo operation (47,963 calls in 2010: about 130 a day), most of
 * them information only; the folios of calls that opened or followed up a case are real ones.
 */
export async function seedDemoCalls(db: Db, ctx: Ctx, opts: { now: Date; perDay: number; random: SeededRandom; operator: Actor }): Promise<number> {
  const { now, random } = opts
  const start = Date.UTC(now.getUTCFullYear() - (now.getUTCMonth() < 10 ? 1 : 0), 10, 1, 6)
  const days = Math.max(1, Math.floor((now.getTime() - start) / 86_400_000))
  const folios = (await db.db.selectFrom('caseFolios').select('folio').limit(2000).execute()).map((r) => r.folio)
  const actions: ActionInput[] = []
  for (let d = 0; d < days; d += 1) {
    const count = Math.round(opts.perDay * (0.7 + random.next() * 0.6))
    for (let i = 0; i < count; i += 1) {
      const at = new Date(start + d * 86_400_000 + Math.floor(random.next() * 86_400_000))
      if (at >= now) {
        continue
      }
      const outcome = random.weighted(CALL_OUTCOMES)
      const withFolio = (outcome === 'case_opened' || outcome === 'case_followed_up') && folios.length > 0
      const id = uuidv7({ msecs: at.getTime(), random: random.bytes(16) })
      actions.push({
        id,
        recordType: 'call',
        recordId: id,
        type: 'CallLogged',
        payload: {
          orgUnitId: opts.operator.orgUnitId,
          at: at.toISOString(),
          topic: random.weighted(TOPICS),
          outcome,
          ...(withFolio ? { folio: random.pick(folios) } : {}),
          fromCountry: random.weighted([['MX', 55], ['US', 43], ['other', 2]] as const),
          language: random.chance(0.15) ? 'en' : 'es',
          minutes: random.int(1, 15),
        },
      })
    }
  }
  for (let i = 0; i < actions.length; i += 1000) {
    await db.db.transaction().execute(async (trx) => {
      const batch = new ActionBatch(trx, { ...ctx, actor: opts.operator }, { demo: true })
      const list = actions.slice(i, i + 1000)
      await batch.load(list)
      for (const action of list) {
        await batch.stage(action)
      }
      await batch.flush()
    })
  }
  return actions.length
}
