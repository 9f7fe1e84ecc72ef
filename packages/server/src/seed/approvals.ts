import type { Actor, Role } from '@faro/core'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { Ctx } from '../log/context.ts'
import { approvePeriod } from '../statistics/approvals.ts'
import { listOperations, tableOf } from '../statistics/query.ts'
import { operationKey, PROGRAMME_INFO } from '../statistics/published.ts'
import { DEMO_DAYS } from './activity.ts'

/**
 * The demo's open data: Grupos Beta's last complete year and Paisano's last winter operation
 * approved by the coordinators and then published by the national offices, so `/es/datos` shows
 * tables from the first start. When the demo holds no people attended in the last complete year
 * (its activity covers three months), the year its activity begins in; when no winter operation
 * has ended with tallies, the current one: a period with no records would publish only zeros.
 */
export async function seedDemoApprovals(db: Db, clock: Clock): Promise<{ beta: string; paisano?: string }> {
  const actor = async (username: string): Promise<Actor> => {
    const u = await db.db.selectFrom('users').select(['id', 'role', 'orgUnitId']).where('username', '=', username).executeTakeFirstOrThrow()
    return { userId: u.id, role: u.role as Role, orgUnitId: u.orgUnitId }
  }
  const as = async (username: string): Promise<Ctx> => ({ db, clock, actor: await actor(username), requestId: 'seed', lang: 'es' })
  const units = await db.db.selectFrom('orgUnits').select(['id', 'parentId', 'kind']).execute()
  const approveAll = async (programme: 'beta' | 'paisano', period: string, coordinator: Ctx, national: Ctx) => {
    const info = PROGRAMME_INFO[programme]
    for (const unit of units.filter((u) => u.parentId === info.unitId && info.approvalKinds.includes(u.kind))) {
      await approvePeriod(coordinator, { period, unit: unit.id })
    }
    await approvePeriod(national, { period, unit: info.unitId })
  }
  const now = clock.now()
  const lastYear = String(now.getUTCFullYear() - 1)
  const counted = async (fact: 'attended' | 'tally', unitId: string, from: string, to: string) => (await tableOf(db.db, { fact, from, to, unitId, by: [] })).total > 0
  const year = (await counted('attended', 'beta', `${lastYear}-01-01`, `${lastYear}-12-31`)) ? lastYear : new Date(now.getTime() - DEMO_DAYS * 86_400_000).toISOString().slice(0, 4)
  await approveAll('beta', year, await as('coordinacion.beta'), await as('analista.nacional'))
  const today = now.toISOString().slice(0, 10)
  const winters = (await listOperations(db.db)).filter((o) => o.kind === 'winter')
  const ended: typeof winters = []
  for (const o of winters) {
    if (o.endsOn < today && (await counted('tally', 'paisano', o.startsOn, o.endsOn))) {
      ended.push(o)
    }
  }
  const winter = ended.at(-1) ?? winters.at(-1)
  if (winter === undefined) {
    return { beta: year }
  }
  const paisano = await as('coordinacion.paisano')
  await approveAll('paisano', operationKey(winter), paisano, paisano)
  return { beta: year, paisano: operationKey(winter) }
}
