import { v7 as uuidv7 } from 'uuid'
import {
  addBusinessDays,
  DomainError,
  message,
  PROBLEM_TITLES,
  PersonIdentity,
  scopesOf,
  type RightsKind,
  type RightsRequest,
  type PersonIdentity as Identity,
  type RegisterRightsRequestInput,
  type RefuseRightsRequestInput,
} from '@faro/core'
import type { Selectable } from 'kysely'
import type { z } from 'zod'
import type { RightsRequestsTable } from '../../db/schema.ts'
import { disclosuresOf } from '../people/consents-repo.ts'
import { audit } from '../../log/audit.ts'
import { inTransaction, type Ctx, type Executor } from '../../log/context.ts'
import { personFor, requireAction } from '../guard.ts'
import { invalidField as invalid } from '../../accounts/accounts.ts'
import type { ProtectionDeps } from '../settings.ts'
import { decryptIdentity, rewriteIdentity } from '../people/vault.ts'

type Row = Selectable<RightsRequestsTable>

/** Registers an ARCO request from a person identified through the vault; the deadline is set now. */
export async function registerRequest(ctx: Ctx, p: ProtectionDeps, input: z.infer<typeof RegisterRightsRequestInput>): Promise<RightsRequest> {
  requireAction(ctx, 'rights.manage', scopesOf(ctx.actor.role, 'rights.manage'))
  if (input.kind === 'opposition' && input.purpose === undefined) {
    throw invalid(ctx, 'purpose', 'required', 'faro.purpose_required')
  }
  const id = uuidv7()
  const receivedAt = input.receivedAt ?? ctx.clock.now().toISOString()
  await inTransaction(ctx, async (trx) => {
    await personFor(ctx, trx, 'rights.manage', input.personId, { allowShredded: input.kind === 'access' })
    await trx
      .insertInto('rightsRequests')
      .values({ id, personId: input.personId, kind: input.kind, status: 'open', channel: input.channel, purpose: input.purpose ?? null, receivedAt, dueAt: addBusinessDays(new Date(receivedAt), p.settings.answerBusinessDays, p.settings.holidays).toISOString(), extended: 0, recordedBy: ctx.actor.userId })
      .execute()
    await audit(trx, ctx, { action: 'rights.register', recordType: 'rights_request', recordId: id, decision: 'allowed' })
  })
  return getRequest(ctx, id)
}

/** The queue: open requests first, nearest deadline first. */
export async function listRequests(ctx: Ctx): Promise<RightsRequest[]> {
  requireAction(ctx, 'rights.manage', scopesOf(ctx.actor.role, 'rights.manage'))
  const rows = await ctx.db.db.selectFrom('rightsRequests').selectAll().orderBy('dueAt').limit(500).execute()
  const order = (r: Row) => (['open', 'extended', 'blocked'].includes(r.status) ? 0 : 1)
  return rows.sort((a, b) => order(a) - order(b)).map(toRequest)
}

export async function getRequest(ctx: Ctx, id: string): Promise<RightsRequest> {
  return toRequest(await load(ctx, ctx.db.db, id))
}

/** Extends the deadline once, by the configured business days, for a written reason. */
export async function extendRequest(ctx: Ctx, p: ProtectionDeps, id: string, reason: string): Promise<RightsRequest> {
  await inTransaction(ctx, async (trx) => {
    const row = await openRow(ctx, trx, id)
    if (row.extended === 1) {
      throw new DomainError('conflict', message('faro.rights_extended', ctx.lang), { reason: 'already_extended' })
    }
    const dueAt = addBusinessDays(new Date(row.dueAt), p.settings.extensionBusinessDays, p.settings.holidays).toISOString()
    await trx.updateTable('rightsRequests').set({ dueAt, extended: 1, status: 'extended', extensionReason: reason }).where('id', '=', id).execute()
    await audit(trx, ctx, { action: 'rights.extend', recordType: 'rights_request', recordId: id, decision: 'allowed' })
  })
  return getRequest(ctx, id)
}

/** Refuses on a legal ground with a written reason, notified by the channel the request came by. */
export async function refuseRequest(ctx: Ctx, id: string, input: z.infer<typeof RefuseRightsRequestInput>): Promise<RightsRequest> {
  await inTransaction(ctx, async (trx) => {
    await openRow(ctx, trx, id)
    await trx.updateTable('rightsRequests').set({ status: 'refused', refusalGround: input.ground, refusalReason: input.reason, resolvedAt: ctx.clock.now().toISOString() }).where('id', '=', id).execute()
    await audit(trx, ctx, { action: 'rights.refuse', recordType: 'rights_request', recordId: id, decision: 'allowed' })
  })
  return getRequest(ctx, id)
}

/** Rectification: corrects the identity and lists every recipient it was disclosed to, to pass it on. */
export async function rectify(ctx: Ctx, p: ProtectionDeps, id: string, change: Partial<Identity>): Promise<{ request: RightsRequest; notify: { class: string | null; name: string | null; country: string | null; channel: string; at: string }[] }> {
  const notify = await inTransaction(ctx, async (trx) => {
    const row = await openRow(ctx, trx, id, 'rectification')
    const person = await personFor(ctx, trx, 'rights.manage', row.personId)
    const current = await decryptIdentity(trx, p.keyring, person)
    if (current === undefined) {
      throw new DomainError('not_found', message('faro.person_shredded', ctx.lang), { reason: 'person_shredded' })
    }
    const now = ctx.clock.now().toISOString()
    await rewriteIdentity(trx, p.keyring, person, PersonIdentity.parse({ ...current, ...change }), now)
    await trx.updateTable('rightsRequests').set({ status: 'completed', resolvedAt: now }).where('id', '=', id).execute()
    await audit(trx, ctx, { action: 'rights.rectify', recordType: 'rights_request', recordId: id, decision: 'allowed' })
    const seen = new Set<string>()
    return (await disclosuresOf(trx, row.personId))
      .filter((d) => d.allowed === 1 && d.recipientClass !== null)
      .map((d) => ({ class: d.recipientClass, name: d.recipientName, country: d.recipientCountry, channel: d.channel, at: d.at }))
      .filter((r) => {
        const key = `${r.class}|${r.name ?? ''}|${r.country ?? ''}`
        return seen.has(key) ? false : (seen.add(key), true)
      })
  })
  return { request: await getRequest(ctx, id), notify }
}

/** Cancellation: blocks the identity now (no use, no disclosure) and schedules its shredding. */
export async function cancel(ctx: Ctx, p: ProtectionDeps, id: string): Promise<RightsRequest> {
  await inTransaction(ctx, async (trx) => {
    const row = await openRow(ctx, trx, id, 'cancellation')
    await personFor(ctx, trx, 'rights.manage', row.personId)
    const now = ctx.clock.now()
    const shredAt = new Date(now.getTime() + p.settings.blockingDays * 86_400_000).toISOString()
    await trx.updateTable('people').set({ status: 'blocked', blockedAt: now.toISOString(), shredAt, updatedAt: now.toISOString() }).where('id', '=', row.personId).execute()
    await trx.updateTable('rightsRequests').set({ status: 'blocked', shredAt }).where('id', '=', id).execute()
    await audit(trx, ctx, { action: 'rights.cancel', recordType: 'rights_request', recordId: id, decision: 'allowed' })
  })
  return getRequest(ctx, id)
}

/** Opposition: the purpose objected to is refused by the disclosure check from now on. */
export async function oppose(ctx: Ctx, id: string): Promise<RightsRequest> {
  await inTransaction(ctx, async (trx) => {
    const row = await openRow(ctx, trx, id, 'opposition')
    const now = ctx.clock.now().toISOString()
    await trx.insertInto('oppositions').values({ personId: row.personId, purpose: row.purpose ?? '', requestId: id, at: now }).onConflict((oc) => oc.doNothing()).execute()
    await trx.updateTable('rightsRequests').set({ status: 'completed', resolvedAt: now }).where('id', '=', id).execute()
    await audit(trx, ctx, { action: 'rights.oppose', recordType: 'rights_request', recordId: id, decision: 'allowed' })
  })
  return getRequest(ctx, id)
}

/** Loads a request the caller may handle; it must still be open and, when given, of the kind. */
export async function openRow(ctx: Ctx, trx: Executor, id: string, kind?: RightsKind): Promise<Row> {
  const row = await load(ctx, trx, id)
  if (row.status !== 'open' && row.status !== 'extended') {
    throw new DomainError('conflict', message('faro.rights_closed', ctx.lang), { reason: 'request_closed' })
  }
  if (kind !== undefined && row.kind !== kind) {
    throw new DomainError('conflict', message('faro.rights_wrong_kind', ctx.lang), { reason: 'wrong_kind' })
  }
  return row
}

async function load(ctx: Ctx, db: Executor, id: string): Promise<Row> {
  requireAction(ctx, 'rights.manage', scopesOf(ctx.actor.role, 'rights.manage'))
  const row = await db.selectFrom('rightsRequests').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  return row
}

export function toRequest(r: Row): RightsRequest {
  return {
    id: r.id,
    personId: r.personId,
    kind: r.kind as RightsRequest['kind'],
    status: r.status as RightsRequest['status'],
    channel: r.channel,
    purpose: r.purpose as RightsRequest['purpose'],
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    extended: r.extended === 1,
    resolvedAt: r.resolvedAt,
    refusalGround: r.refusalGround as RightsRequest['refusalGround'],
    shredAt: r.shredAt,
  }
}
