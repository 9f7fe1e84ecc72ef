import { v7 as uuidv7 } from 'uuid'
import { DomainError, PROBLEM_TITLES, type LegalHold, type PlaceLegalHoldInput, type ReleaseLegalHoldInput } from '@faro/core'
import { audit } from '../../log/audit.ts'
import { inTransaction, type Ctx, type Executor } from '../../log/context.ts'
import { supportsRowLocks } from '../../db/dialect.ts'
import { personFor } from '../guard.ts'

/**
 * Places a legal hold on a person. Several may be active at once (one per proceeding); the
 * person stays held while any is. The audit row names the person, never the reason.
 */
export async function placeHold(ctx: Ctx, personId: string, input: PlaceLegalHoldInput): Promise<LegalHold> {
  const id = uuidv7()
  await inTransaction(ctx, async (trx) => {
    await lockPerson(trx, ctx, personId)
    // A shredded identity has nothing left to keep: personFor answers 404.
    await personFor(ctx, trx, 'person.hold', personId)
    await trx.insertInto('legalHolds').values({ id, personId, reason: input.reason, reference: input.reference, placedBy: ctx.actor.userId, placedAt: ctx.clock.now().toISOString() }).execute()
    await audit(trx, ctx, { action: 'person.hold', recordType: 'person', recordId: personId, decision: 'allowed' })
  })
  return loadHold(ctx, ctx.db.db, personId, id)
}

/** Releases one active hold for a written reason; erasure resumes once no hold is left. */
export async function releaseHold(ctx: Ctx, personId: string, holdId: string, input: ReleaseLegalHoldInput): Promise<LegalHold> {
  await inTransaction(ctx, async (trx) => {
    await personFor(ctx, trx, 'person.hold', personId, { allowShredded: true })
    const hold = await loadHold(ctx, trx, personId, holdId)
    if (hold.releasedAt !== null) {
      throw new DomainError('conflict', PROBLEM_TITLES.conflict[ctx.lang], { reason: 'hold_released' })
    }
    await trx.updateTable('legalHolds').set({ releasedBy: ctx.actor.userId, releasedAt: ctx.clock.now().toISOString(), releaseReason: input.reason }).where('id', '=', holdId).execute()
    await audit(trx, ctx, { action: 'person.hold_release', recordType: 'person', recordId: personId, decision: 'allowed' })
  })
  return loadHold(ctx, ctx.db.db, personId, holdId)
}

/** Every hold of a person, active first, newest first; reading them is audited. */
export async function listHolds(ctx: Ctx, personId: string): Promise<LegalHold[]> {
  await personFor(ctx, ctx.db.db, 'person.hold', personId, { allowShredded: true })
  const rows = await holdsQuery(ctx.db.db).where('legalHolds.personId', '=', personId).orderBy('legalHolds.placedAt', 'desc').execute()
  await inTransaction(ctx, (trx) => audit(trx, ctx, { action: 'person.hold_list', recordType: 'person', recordId: personId, decision: 'allowed' }))
  return rows.map(toHold).sort((a, b) => Number(a.releasedAt !== null) - Number(b.releasedAt !== null))
}

/**
 * The people among `personIds` under an active hold, with the placement of their oldest active
 * hold: since when they have been held.
 */
export async function heldSince(db: Executor, personIds: readonly string[]): Promise<Map<string, string>> {
  const held = new Map<string, string>()
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('legalHolds')
      .select(['personId', (eb) => eb.fn.min('placedAt').as('since')])
      .where('personId', 'in', personIds.slice(i, i + 500))
      .where('releasedAt', 'is', null)
      .groupBy('personId')
      .execute()
    for (const r of rows) {
      held.set(r.personId, String(r.since))
    }
  }
  return held
}

/**
 * Serialises placing a hold and erasing the same person. On PostgreSQL a shred that checked for
 * holds could otherwise miss one committed a moment later and erase a held person; both take
 * this row lock first. SQLite writers are already serialised by its write lock.
 */
export async function lockPerson(trx: Executor, ctx: Pick<Ctx, 'db'>, personId: string): Promise<void> {
  if (supportsRowLocks(ctx.db.dialect)) {
    await trx.selectFrom('people').select('id').where('id', '=', personId).forUpdate().execute()
  }
}

/** True while any hold on the person is active. */
export async function isHeld(db: Executor, personId: string): Promise<boolean> {
  return (await heldSince(db, [personId])).has(personId)
}

function holdsQuery(db: Executor) {
  return db
    .selectFrom('legalHolds')
    .leftJoin('users', 'users.id', 'legalHolds.placedBy')
    .selectAll('legalHolds')
    .select('users.displayName as placedByName')
}

async function loadHold(ctx: Ctx, db: Executor, personId: string, holdId: string): Promise<LegalHold> {
  const row = await holdsQuery(db).where('legalHolds.id', '=', holdId).where('legalHolds.personId', '=', personId).executeTakeFirst()
  if (row === undefined) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  return toHold(row)
}

function toHold(r: { id: string; personId: string; reason: string; reference: string; placedBy: string; placedByName: string | null; placedAt: string; releasedBy: string | null; releasedAt: string | null; releaseReason: string | null }): LegalHold {
  return { id: r.id, personId: r.personId, reason: r.reason, reference: r.reference, placedBy: r.placedBy, placedByName: r.placedByName, placedAt: r.placedAt, releasedBy: r.releasedBy, releasedAt: r.releasedAt, releaseReason: r.releaseReason }
}
