import { v7 as uuidv7 } from 'uuid'
import { DomainError, purgeDueAt } from '@faro/core'
import { retentionCandidates, shredPerson } from '../people/people-repo.ts'
import { uncountPerson } from '../../tracing/match-words.ts'
import { audit, type AuditCtx } from '../../log/audit.ts'
import type { Executor } from '../../log/context.ts'
import { heldSince, isHeld, lockPerson } from './holds.ts'
import type { ProtectionDeps } from '../settings.ts'

export interface PurgePlanItem {
  personId: string
  reason: 'retention' | 'cancellation'
  dueAt: string
  /** When the oldest active legal hold was placed; null when not held. Never the hold's reason. */
  heldSince: string | null
}

/**
 * When each identity will be purged: the end of its blocking period after a cancellation, or
 * the end of retention of the closed records it is linked to. Identities linked to an open
 * record are kept and not listed. A held identity is listed with `heldSince`: it is not purged,
 * even past its date, until every hold on it is released.
 */
export async function purgePlan(db: Executor, p: ProtectionDeps): Promise<PurgePlanItem[]> {
  const items: Omit<PurgePlanItem, 'heldSince'>[] = []
  for (const { person, links } of await retentionCandidates(db)) {
    if (person.status === 'blocked' && person.shredAt !== null) {
      items.push({ personId: person.id, reason: 'cancellation', dueAt: person.shredAt })
      continue
    }
    const due = purgeDueAt({ createdAt: person.createdAt, links: links.map((l) => ({ recordType: l.recordType, closedAt: closedAt(l) })) }, p.settings.retentionDays)
    if (due !== null) {
      items.push({ personId: person.id, reason: 'retention', dueAt: due.toISOString() })
    }
  }
  const held = await heldSince(db, items.map((i) => i.personId))
  return items.map((i) => ({ ...i, heldSince: held.get(i.personId) ?? null })).sort((a, b) => a.dueAt.localeCompare(b.dueAt))
}

/** Refusal to erase a person under an active legal hold. */
export class PersonHeld extends DomainError {
  constructor() {
    super('conflict', 'person under legal hold', { reason: 'person_held' })
  }
}

/**
 * The retention job: shreds every identity whose time has come, audited per person and as a
 * run, and adds each to the shred list outside the database.
 */
export async function runRetention(ctx: AuditCtx, p: ProtectionDeps): Promise<{ shredded: string[] }> {
  const now = ctx.clock.now()
  const due = (await purgePlan(ctx.db.db, p)).filter((i) => i.heldSince === null && Date.parse(i.dueAt) <= now.getTime())
  const shredded: string[] = []
  for (const item of due) {
    try {
      await shred(ctx, p, item.personId, 'person.shred')
      shredded.push(item.personId)
    } catch (error) {
      // A hold placed since the plan was read wins; the next run sees it in the plan.
      if (!(error instanceof PersonHeld)) {
        throw error
      }
    }
  }
  await ctx.db.db.transaction().execute(async (trx) => {
    await trx.insertInto('retentionRuns').values({ id: uuidv7(), ranAt: now.toISOString(), actorId: ctx.actor.userId, shredded: shredded.length, personIds: JSON.stringify(shredded) }).execute()
    await audit(trx, ctx, { action: 'retention.run', recordType: 'person', decision: 'allowed' })
  })
  return { shredded }
}

/**
 * Crypto-shreds one person: the shred list on disk first (so a crash in between errs towards
 * erasure), then the key, ciphertext and index go in one transaction with the audit row;
 * a pending cancellation request is completed with it. Refuses (`PersonHeld`) while a legal
 * hold is active, before anything reaches the shred list.
 */
export async function shred(ctx: AuditCtx, p: ProtectionDeps, personId: string, action: string): Promise<void> {
  const at = ctx.clock.now().toISOString()
  await ctx.db.db.transaction().execute(async (trx) => {
    // Checked inside the transaction, under the person's lock, and before the shred list: an
    // entry there is an erasure that every restart would repeat.
    await lockPerson(trx, ctx, personId)
    if (await isHeld(trx, personId)) {
      throw new PersonHeld()
    }
    p.shredList.add(personId, at)
    // While the key is still there: the person's name words leave the registry's counts.
    await uncountPerson(trx, p.keyring, personId)
    await shredPerson(trx, personId, at)
    await trx.updateTable('rightsRequests').set({ status: 'completed', resolvedAt: at }).where('personId', '=', personId).where('status', '=', 'blocked').execute()
    await audit(trx, ctx, { action, recordType: 'person', recordId: personId, decision: 'allowed' })
  })
}

/**
 * Shreds again everyone on the shred list whose key is back, as after restoring a backup taken
 * before their erasure. Run after every restore and at every start. Legal holds do not stop it:
 * `shred` never lists a held person, so a hold found here came back with an old backup and had
 * been released before the erasure.
 */
export async function reapplyShredList(ctx: AuditCtx, p: Pick<ProtectionDeps, 'shredList'>): Promise<number> {
  const ids = p.shredList.ids()
  let again = 0
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    const back = await ctx.db.db
      .selectFrom('people')
      .select('id')
      .where('id', 'in', chunk)
      .where((eb) => eb.or([eb('status', '!=', 'shredded'), eb('ciphertext', 'is not', null)]))
      .execute()
    const keys = await ctx.db.db.selectFrom('personKeys').select('personId').where('personId', 'in', chunk).execute()
    for (const id of new Set([...back.map((r) => r.id), ...keys.map((r) => r.personId)])) {
      await ctx.db.db.transaction().execute(async (trx) => {
        await shredPerson(trx, id, ctx.clock.now().toISOString())
        await audit(trx, ctx, { action: 'person.shred_reapplied', recordType: 'person', recordId: id, decision: 'allowed' })
      })
      again += 1
    }
  }
  return again
}

/** A linked record is closed when it has no status or a closed one; field records close when recorded. */
function closedAt(link: { state: string | null; updatedAt: string | null }): string | null {
  if (link.state === null || link.updatedAt === null) {
    // The record is gone: nothing needs the identity any more.
    return '1970-01-01T00:00:00.000Z'
  }
  const state = JSON.parse(link.state) as { status?: unknown }
  if (typeof state.status === 'string' && !['closed', 'resolved', 'completed'].includes(state.status)) {
    return null
  }
  return link.updatedAt
}
