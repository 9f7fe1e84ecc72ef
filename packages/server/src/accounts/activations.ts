import { createHash, randomInt, timingSafeEqual } from 'node:crypto'
import { DomainError, message } from '@faro/core'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { audit } from '../log/audit.ts'
import type { Ctx } from '../log/context.ts'
import { hashPassword } from './passwords.ts'
import { accountWorks } from './sessions.ts'
import { findUserByUsername, upsertCredentials } from './users-repo.ts'

/**
 * Accounts made in bulk (an operation's volunteers) have no password: each gets a one-time code,
 * shown once to whoever made the accounts and handed over on paper, with which its owner sets
 * their own password the first time. The code is kept only as a hash; it holds for 30 days and
 * works once.
 */

// No 0/O, 1/I/L: the code is read off paper and typed on a phone.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const CODE_LENGTH = 10
export const ACTIVATION_DAYS = 30

export function newActivationCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
}

function hashCode(code: string): Buffer {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest()
}

/** Keeps an account's activation code (as a hash), in the caller's transaction. */
export async function storeActivation(db: Kysely<Database>, userId: string, code: string, now: Date): Promise<void> {
  await db
    .insertInto('accountActivations')
    .values({ userId, codeHash: hashCode(code).toString('base64url'), createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ACTIVATION_DAYS * 86_400_000).toISOString() })
    .execute()
}

/**
 * Sets an account's first password with its activation code. A wrong code, an unknown or expired
 * account and a used or expired code all answer the same, and are audited.
 */
export async function activate(ctx: Ctx, input: { username: string; code: string; password: string }): Promise<void> {
  const now = ctx.clock.now()
  const user = await findUserByUsername(ctx.db.db, input.username)
  const row = user && (await ctx.db.db.selectFrom('accountActivations').selectAll().where('userId', '=', user.id).executeTakeFirst())
  const given = hashCode(input.code)
  const ok = user !== undefined && row !== undefined && Date.parse(row.expiresAt) > now.getTime() && accountWorks(user, now) && timingSafeEqual(given, Buffer.from(row.codeHash, 'base64url'))
  if (!ok) {
    await ctx.db.db.transaction().execute((trx) => audit(trx, ctx, { action: 'auth.activate', recordType: 'user', recordId: user?.id ?? null, decision: 'denied' }))
    throw new DomainError('unauthenticated', message('faro.activation_failed', ctx.lang), { reason: 'activation_failed' })
  }
  const passwordHash = await hashPassword(input.password)
  await ctx.db.db.transaction().execute(async (trx) => {
    // Deleted first: of two sends of one code at once, only one sets the password.
    const taken = await trx.deleteFrom('accountActivations').where('userId', '=', user.id).where('codeHash', '=', row.codeHash).executeTakeFirst()
    if (Number(taken.numDeletedRows) === 0) {
      throw new DomainError('unauthenticated', message('faro.activation_failed', ctx.lang), { reason: 'activation_failed' })
    }
    await upsertCredentials(trx, user.id, { passwordHash }, now.toISOString())
    await audit(trx, { ...ctx, actor: { userId: user.id, role: user.role as Ctx['actor']['role'], orgUnitId: user.orgUnitId } }, { action: 'auth.activate', recordType: 'user', recordId: user.id, decision: 'allowed' })
  })
}
