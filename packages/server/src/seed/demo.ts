import { v7 as uuidv7 } from 'uuid'
import { parseAction, type ActionInput, type Actor, type CreateOrgUnitInput, type Role } from '@faro/core'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { countOrgUnits } from '../accounts/org-units-repo.ts'
import { createOrgUnit, createUser } from '../accounts/accounts.ts'
import type { Ctx } from '../log/context.ts'
import { ActionBatch } from '../log/action-batch.ts'
import { generateActivity, type DemoAction } from './activity.ts'
import { stateAreas } from './areas.ts'
import { orgTree, readCsv, SAMPLE_MODULES, slug } from './org-tree.ts'
import { SeededRandom } from './random.ts'
import { seedDemoCalls, seedDemoCases } from './cases.ts'
import { seedDemoTracing } from './tracing.ts'
import { seedDemoRegistries } from './registries.ts'
import { seedDemoOperation } from './operations.ts'
import { seedDemoHistory } from './history.ts'
import { seedDemoApprovals } from './approvals.ts'
import { hashPassword } from '../accounts/passwords.ts'
import type { Keyring } from '../protection/keyring.ts'

/** Complaints and requests for help in the demo winter operation. */
export const DEMO_CASES = 3000

/** The demo password of every demo account; printed at start, never valid outside a demo. */
export const DEMO_PASSWORD = 'faro-demo-2026'

/** One demo account per role, in the order they are printed. */
export const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: Role; orgUnitId: string }[] = [
  { username: 'agente.tijuana', displayName: 'Agente de campo (demo), Tijuana', role: 'field_agent', orgUnitId: 'beta-tijuana' },
  { username: 'coordinador.tijuana', displayName: 'Coordinación (demo), Tijuana', role: 'group_coordinator', orgUnitId: 'beta-tijuana' },
  { username: 'coordinacion.beta', displayName: 'Coordinación nacional de Grupos Beta (demo)', role: 'group_coordinator', orgUnitId: 'beta' },
  { username: 'analista.nacional', displayName: 'Análisis nacional (demo)', role: 'national_analyst', orgUnitId: 'inm' },
  { username: 'voluntario.tijuana', displayName: 'Voluntariado (demo), Aeropuerto de Tijuana', role: 'module_volunteer', orgUnitId: 'module-tijuana-airport' },
  { username: 'operador.centro', displayName: 'Centro de llamadas (demo)', role: 'call_centre_operator', orgUnitId: 'paisano' },
  { username: 'coordinacion.paisano', displayName: 'Coordinación nacional Paisano (demo)', role: 'paisano_coordinator', orgUnitId: 'paisano' },
  { username: 'enlace.profeco', displayName: 'Enlace PROFECO (demo)', role: 'agency_liaison', orgUnitId: 'agency-profeco' },
  { username: 'enlace.oic.aduanas', displayName: 'Enlace del Órgano Interno de Control de Aduanas (demo)', role: 'agency_liaison', orgUnitId: 'oic-aga' },
  { username: 'enlace.banjercito', displayName: 'Enlace Banjército (demo)', role: 'agency_liaison', orgUnitId: 'agency-banjercito' },
  { username: 'consulado.honduras', displayName: 'Protección consular (demo), Consulado General de Honduras', role: 'consulate_officer', orgUnitId: 'consulate-hn' },
  { username: 'editor.guia', displayName: 'Edición de la Guía Paisano (demo)', role: 'guide_editor', orgUnitId: 'paisano' },
  { username: 'proteccion.datos', displayName: 'Protección de datos (demo)', role: 'data_protection_officer', orgUnitId: 'inm' },
  { username: 'admin', displayName: 'Administración (demo)', role: 'administrator', orgUnitId: 'inm' },
]

/** The seed acts as the system: a national administrator that exists in no account table. */
export function systemCtx(db: Db, clock: Clock): Ctx {
  return { db, clock, actor: { userId: 'system', role: 'administrator', orgUnitId: 'inm' }, requestId: 'seed', lang: 'es' }
}

/** Adds the org tree from the public data; does nothing when units exist already. */
export async function seedOrgUnits(db: Db, clock: Clock): Promise<number> {
  if ((await countOrgUnits(db.db)) > 0) {
    return 0
  }
  const ctx = systemCtx(db, clock)
  const units: CreateOrgUnitInput[] = orgTree()
  for (const unit of units) {
    await createOrgUnit(ctx, unit)
  }
  return units.length
}

export interface DemoSummary {
  seeded: boolean
  accounts: typeof DEMO_ACCOUNTS
  actions: number
  /** Paisano cases of the demo winter operation. */
  cases?: number
  /** Calls logged by the call centre in that operation. */
  calls?: number
  /** Location requests for missing migrants. */
  requests?: number
  /** Entries of partners' lists imported into the registry. */
  listed?: number
  /** Staff profiles, certificates and equipment of the groups. */
  registries?: number
  /** The winter operation's records: the operation, its sites, volunteers, shifts and tallies. */
  operations?: number
  /** Last year's records: the groups' daily reports and Paisano's three operations with their tallies. */
  history?: number
}

/**
 * Seeds the labelled demo once: the org tree, one account per role (and one field agent per
 * group, who made the activity), help points, towers and signs, and about three months of
 * field activity at the yearly rates the programme published. Marked `demo` everywhere.
 */
export async function seedDemo(db: Db, clock: Clock, seed = 2026, keyring?: Keyring, opts: { history?: boolean } = {}): Promise<DemoSummary> {
  await seedOrgUnits(db, clock)
  const done = await db.db.selectFrom('meta').select('value').where('key', '=', 'demo_seeded_at').executeTakeFirst()
  if (done) {
    return { seeded: false, accounts: DEMO_ACCOUNTS, actions: 0, cases: 0 }
  }
  const ctx = systemCtx(db, clock)
  // One scrypt for the published demo password, not one per account.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  for (const account of DEMO_ACCOUNTS) {
    await createUser(ctx, { ...account, password: DEMO_PASSWORD }, { demo: true, passwordHash })
  }
  const groups = readCsv('grupos-beta-2011.csv').filter((r) => r.border === 'north' || r.border === 'south')
  const agents = new Map<string, Actor>()
  for (const g of groups) {
    const unitId = `beta-${slug(g.city ?? '')}`
    const existing = DEMO_ACCOUNTS.find((a) => a.role === 'field_agent' && a.orgUnitId === unitId)
    const user = existing
      ? await db.db.selectFrom('users').selectAll().where('username', '=', existing.username).executeTakeFirstOrThrow()
      : await createUser(ctx, { username: `agente.${slug(g.city ?? '')}`, displayName: `Agente de campo (demo), ${g.city}`, role: 'field_agent', orgUnitId: unitId, password: DEMO_PASSWORD }, { demo: true, passwordHash })
    agents.set(unitId, { userId: user.id, role: 'field_agent', orgUnitId: unitId })
  }
  const random = new SeededRandom(seed)
  const actions = generateActivity({ groups, modules: SAMPLE_MODULES, now: clock.now(), random, areas: stateAreas() })
  await applyDemoActions(db, clock, actions, agents, random)
  const history = opts.history === false ? 0 : await seedDemoHistory(db, ctx, { now: clock.now(), random: new SeededRandom(seed + 13), groups, agents })
  const registries = await seedDemoRegistries(db, ctx, { now: clock.now(), random: new SeededRandom(seed + 7), passwordHash })
  const operation = await seedDemoOperation(db, ctx, { now: clock.now(), random: new SeededRandom(seed + 11), passwordHash })
  const byName = async (username: string): Promise<Actor> => {
    const u = await db.db.selectFrom('users').select(['id', 'role', 'orgUnitId']).where('username', '=', username).executeTakeFirstOrThrow()
    return { userId: u.id, role: u.role as Role, orgUnitId: u.orgUnitId }
  }
  const cases = await seedDemoCases(db, ctx, {
    now: clock.now(),
    count: DEMO_CASES,
    random,
    keyring,
    intakeUnits: [
      [{ actor: await byName('voluntario.tijuana'), channel: 'module' }, 45],
      [{ actor: await byName('operador.centro'), channel: 'call_centre' }, 35],
      // The web form (the public site's) files as the national office; observers as their point.
      [{ actor: { userId: 'system', role: 'paisano_coordinator', orgUnitId: 'paisano' }, channel: 'web' }, 10],
      [{ actor: { userId: 'system', role: 'module_volunteer', orgUnitId: 'obs-highway-57-slp' }, channel: 'observation_point' }, 10],
    ],
  })
  const calls = await seedDemoCalls(db, ctx, { now: clock.now(), perDay: 130, random, operator: await byName('operador.centro') })
  const tracing = keyring === undefined ? undefined : await seedDemoTracing(db, ctx, { now: clock.now(), keyring, filers: [await byName('consulado.honduras'), await byName('operador.centro')] })
  await seedDemoApprovals(db, clock)
  await db.db.insertInto('meta').values({ key: 'demo_seeded_at', value: clock.now().toISOString() }).execute()
  return { seeded: true, accounts: DEMO_ACCOUNTS, actions: actions.length, cases, calls, requests: tracing?.requests ?? 0, listed: tracing?.listed ?? 0, registries: registries.records, operations: operation.records, history }
}

async function applyDemoActions(db: Db, clock: Clock, actions: DemoAction[], agents: Map<string, Actor>, random: SeededRandom): Promise<void> {
  const admin = systemCtx(db, clock)
  // Batched commits and batched writes: a year of a country's field work is seeded at first start.
  for (let i = 0; i < actions.length; i += 1000) {
    const byActor = new Map<Actor, ActionInput[]>()
    for (const a of actions.slice(i, i + 1000)) {
      const actor = a.recordType === 'place' ? admin.actor : agents.get(String(a.payload.orgUnitId))
      if (!actor) {
        continue
      }
      const id = uuidv7({ msecs: a.at.getTime(), random: random.bytes(16) })
      const list = byActor.get(actor) ?? []
      list.push(parseAction({ id, recordType: a.recordType, recordId: a.recordId, type: a.type, payload: a.payload, clientTime: a.at.toISOString() }, 'es'))
      byActor.set(actor, list)
    }
    await db.db.transaction().execute(async (trx) => {
      for (const [actor, list] of byActor) {
        const batch = new ActionBatch(trx, { ...admin, actor }, { demo: true })
        await batch.load(list)
        for (const action of list) {
          await batch.stage(action)
        }
        await batch.flush()
      }
    })
  }
}
