import type { Kysely, Selectable } from 'kysely'
import type { Role, User } from '@faro/core'
import type { Database, UsersTable } from '../db/schema.ts'

export type UserRow = Selectable<UsersTable>

export async function insertUser(db: Kysely<Database>, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute()
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  change: Partial<Pick<UserRow, 'displayName' | 'role' | 'orgUnitId' | 'disabled'>>,
): Promise<void> {
  await db.updateTable('users').set(change).where('id', '=', id).execute()
}

/** Users whose org unit lies in the subtree of `underPath` (an encoded path), or all when omitted. */
export async function listUsers(db: Kysely<Database>, underUnitId?: string): Promise<(UserRow & { totpEnabled: boolean })[]> {
  let q = db
    .selectFrom('users')
    .innerJoin('orgUnits', 'orgUnits.id', 'users.orgUnitId')
    .leftJoin('credentials', 'credentials.userId', 'users.id')
    .selectAll('users')
    .select('credentials.totpSecret')
  if (underUnitId !== undefined) {
    q = q.where('orgUnits.path', 'like', `%/${underUnitId}/%`)
  }
  const rows = await q.orderBy('users.username').execute()
  return rows.map(({ totpSecret, ...u }) => ({ ...u, totpEnabled: totpSecret !== null }))
}

export async function getCredentials(db: Kysely<Database>, userId: string) {
  return db.selectFrom('credentials').selectAll().where('userId', '=', userId).executeTakeFirst()
}

export async function upsertCredentials(
  db: Kysely<Database>,
  userId: string,
  change: { passwordHash?: string; totpSecret?: string | null; totpPendingSecret?: string | null },
  now: string,
): Promise<void> {
  const existing = await getCredentials(db, userId)
  if (existing) {
    await db.updateTable('credentials').set({ ...change, updatedAt: now }).where('userId', '=', userId).execute()
    return
  }
  if (change.passwordHash === undefined) {
    throw new Error('a new credential needs a password')
  }
  await db
    .insertInto('credentials')
    .values({
      userId,
      passwordHash: change.passwordHash,
      totpSecret: change.totpSecret ?? null,
      totpPendingSecret: change.totpPendingSecret ?? null,
      updatedAt: now,
    })
    .execute()
}

/** The API view of an account: never a hash or a secret. */
export function toUser(row: UserRow, totpEnabled: boolean): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    orgUnitId: row.orgUnitId,
    disabled: row.disabled === 1,
    totpEnabled,
    createdAt: row.createdAt,
  }
}
