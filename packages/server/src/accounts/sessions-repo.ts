import type { Kysely, Selectable } from 'kysely'
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

export async function recordLoginFailure(db: Kysely<Database>, key: string, at: string): Promise<void> {
  await db.insertInto('loginFailures').values({ key, failedAt: at }).execute()
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
