import { localDay, type OperationOpened } from '@faro/core'
import { listOrgUnits } from '../accounts/org-units-repo.ts'
import type { Ctx } from '../log/context.ts'

// What the operations' views share: today's day, an operation's state on it, units with their
// state, accounts' names.

/** Today in Mexico's centre. */
export function today(ctx: Pick<Ctx, 'clock'>): string {
  return localDay(ctx.clock.now())
}

export function statusOf(operation: Pick<OperationOpened, 'startsOn' | 'endsOn'>, day: string): 'upcoming' | 'open' | 'ended' {
  return day < operation.startsOn ? 'upcoming' : day > operation.endsOn ? 'ended' : 'open'
}

/** A unit as the operations' views (and the public site's help pages) show it. */
export interface UnitWithState {
  name: string
  kind: string
  state: string | null
  city: string | null
  /** Where the unit itself stands, when it says. */
  lat: number | null
  lon: number | null
}

/** Every unit with the state it lies in: its own, or the nearest of its ancestors' (a module's state committee's). */
export async function unitsWithState(ctx: Pick<Ctx, 'db'>): Promise<Map<string, UnitWithState>> {
  const all = await listOrgUnits(ctx.db.db)
  const byId = new Map(all.map((u) => [u.id, u]))
  return new Map(
    all.map((u) => {
      const state = [...u.path].reverse().map((id) => byId.get(id)?.state).find((s) => s !== undefined && s !== '') ?? null
      return [u.id, { name: u.name, kind: u.kind, state, city: u.city ?? null, lat: u.lat ?? null, lon: u.lon ?? null }]
    }),
  )
}

export async function namesOf(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) {
    return new Map()
  }
  const rows = await ctx.db.db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', unique).execute()
  return new Map(rows.map((r) => [r.id, r.displayName]))
}

