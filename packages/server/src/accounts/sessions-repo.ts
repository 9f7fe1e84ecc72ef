import { sql, type Kysely, type Selectable } from 'kysely'
import { supportsRowLocks } from '../db/dialect.ts'
import type { DialectName } from '../db/open.ts'
import type { ApiTokensTable, Database, SessionsTable } from '../db/schema.ts'

export type SessionRow = Selectable<SessionsTable>
export type ApiTokenRow = Selectable<ApiTokensTable>

export async function insertSession(db: Kysely<Database>, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute()
}

export async function findLiveSession(db: Kysely<Database>, idHash: string, now: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('idHash', '=', idHash).where('expiresAt', '>', now).executeTakeFirst()
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('idHash', '=', idHash).execute()
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute()
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expiresAt', '<=', now).execute()
}

export async function insertApiToken(db: Kysely<Database>, row: ApiTokenRow): Promise<void> {
  await db.insertInto('apiTokens').values(row).execute()
}

export async function findLiveApiToken(db: Kysely<Database>, tokenHash: string, now: string): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('apiTokens')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
    .executeTakeFirst()
}

export async function listApiTokens(db: Kysely<Database>, userId?: string): Promise<ApiTokenRow[]> {
  let q = db.selectFrom('apiTokens').selectAll()
  if (userId !== undefined) {
    q = q.where('userId', '=', userId)
  }
  return q.orderBy('createdAt', 'desc').execute()
}

export async function findApiToken(db: Kysely<Database>, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function revokeApiToken(db: Kysely<Database>, id: string, now: string): Promise<void> {
  await db.updateTable('apiTokens').set({ revokedAt: now }).where('id', '=', id).execute()
}

/**
 * Reserves one sign-in attempt under each key before the password is checked, and counts the
 * attempts within the window, this one included. The reservation and the count are one atomic
 * step: on PostgreSQL a transaction lock per key serialises them across processes; on SQLite the
 * insert comes first, so it takes the write lock before the count reads. An attempt over a limit
 * is rolled back with `refuse`, which must throw, and so is never counted.
 */
export async function revokeApiTokensOfUser(db: Kysely<Database>, userId: string, now: string): Promise<void> {
  await db.updateTable('apiTokens').set({ revokedAt: now }).where('userId', '=', userId).where('revokedAt', 'is', null).execute()
}

export async function reserveLoginAttempt(
  db: Kysely<Database>,
  dialect: DialectName,
  keys: readonly { key: string; limit: number }[],
  at: string,
  since: string,
  refuse: (oldest: string | undefined) => never,
): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    if (supportsRowLocks(dialect)) {
      // One lock order for every caller, so two attempts never wait on each other's lock.
      for (const { key } of [...keys].sort((a, b) => a.key.localeCompare(b.key))) {
        await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx)
      }
    }
    const ids: number[] = []
    for (const { key } of keys) {
      const row = await trx.insertInto('loginFailures').values({ key, failedAt: at }).returning('id').executeTakeFirstOrThrow()
      ids.push(Number(row.id))
    }
    for (const { key, limit } of keys) {
      const counted = await countLoginFailures(trx, key, since)
      if (counted.count > limit) {
        refuse(counted.oldest)
      }
    }
    return ids
  })
}

/** Takes back reserved attempts that turned out not to be failures. */
export async function releaseLoginAttempts(db: Kysely<Database>, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) {
    await db.deleteFrom('loginFailures').where('id', 'in', [...ids]).execute()
  }
}

export async function countLoginFailures(db: Kysely<Database>, key: string, since: string): Promise<{ count: number; oldest?: string }> {
  const row = await db
    .selectFrom('loginFailures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('failedAt').as('oldest')])
    .where('key', '=', key)
    .where('failedAt', '>', since)
    .executeTakeFirstOrThrow()
  return { count: Number(row.n), ...(row.oldest ? { oldest: String(row.oldest) } : {}) }
}

export async function clearLoginFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('loginFailures').where('key', '=', key).execute()
}
