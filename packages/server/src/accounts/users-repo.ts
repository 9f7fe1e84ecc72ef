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
  change: Partial<Pick<UserRow, 'displayName' | 'role' | 'orgUnitId' | 'disabled' | 'email'>>,
): Promise<void> {
  await db.updateTable('users').set(change).where('id', '=', id).execute()
}

/** Users whose org unit lies in the subtree of `underPath` (an encoded path), or all when omitted. */
/** Enabled accounts with the administrator role: the ones who can still manage every other. */
export async function countActiveAdministrators(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'administrator').where('disabled', '=', 0).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listUsers(db: Kysely<Database>, underUnitId?: string): Promise<(UserRow & { totpEnabled: boolean })[]> {
  // Only whether a secret is set leaves the database, never the (sealed) secret itself.
  let q = db
    .selectFrom('users')
    .innerJoin('orgUnits', 'orgUnits.id', 'users.orgUnitId')
    .leftJoin('credentials', 'credentials.userId', 'users.id')
    .selectAll('users')
    .select((eb) => eb.case().when('credentials.totpSecret', 'is not', null).then(1).else(0).end().as('totpSet'))
  if (underUnitId !== undefined) {
    q = q.where('orgUnits.path', 'like', `%/${underUnitId}/%`)
  }
  const rows = await q.orderBy('users.username').execute()
  return rows.map(({ totpSet, ...u }) => ({ ...u, totpEnabled: Number(totpSet) === 1 }))
}

export async function getCredentials(db: Kysely<Database>, userId: string) {
  return db.selectFrom('credentials').selectAll().where('userId', '=', userId).executeTakeFirst()
}

/** Sets the password hash; second-factor columns are written only through `setTotpColumns`. */
export async function upsertCredentials(db: Kysely<Database>, userId: string, change: { passwordHash: string }, now: string): Promise<void> {
  const existing = await getCredentials(db, userId)
  if (existing) {
    await db.updateTable('credentials').set({ ...change, updatedAt: now }).where('userId', '=', userId).execute()
    return
  }
  await db.insertInto('credentials').values({ userId, passwordHash: change.passwordHash, totpSecret: null, totpPendingSecret: null, updatedAt: now }).execute()
}

/** The stored second-factor columns: sealed, or plain in a database not yet upgraded. */
export interface StoredTotp {
  userId: string
  totpSecret: string | null
  totpPendingSecret: string | null
}

export async function findTotpColumns(db: Kysely<Database>, userId: string): Promise<StoredTotp | undefined> {
  return db.selectFrom('credentials').select(['userId', 'totpSecret', 'totpPendingSecret']).where('userId', '=', userId).executeTakeFirst()
}

/** Every account with a second-factor secret, active or pending. */
export async function listTotpColumns(db: Kysely<Database>): Promise<StoredTotp[]> {
  return db
    .selectFrom('credentials')
    .select(['userId', 'totpSecret', 'totpPendingSecret'])
    .where((eb) => eb.or([eb('totpSecret', 'is not', null), eb('totpPendingSecret', 'is not', null)]))
    .orderBy('userId')
    .execute()
}

/** Writes the second-factor columns of an account that has credentials; throws when it has none. */
export async function setTotpColumns(
  db: Kysely<Database>,
  userId: string,
  change: { totpSecret?: string | null; totpPendingSecret?: string | null },
  now: string,
): Promise<void> {
  const result = await db.updateTable('credentials').set({ ...change, updatedAt: now }).where('userId', '=', userId).executeTakeFirst()
  if (result.numUpdatedRows === 0n) {
    throw new Error('the account has no credentials')
  }
}

/**
 * Replaces one column's value only if it still holds `from`, so that an upgrade racing with an
 * enrolment never overwrites the newer secret. Leaves `updatedAt` alone: nothing changed for
 * the account.
 */
export async function replaceTotpColumn(db: Kysely<Database>, userId: string, column: 'totpSecret' | 'totpPendingSecret', from: string, to: string): Promise<void> {
  await db.updateTable('credentials').set(column, to).where('userId', '=', userId).where(column, '=', from).execute()
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
    email: row.email,
    totpEnabled,
    createdAt: row.createdAt,
  }
}
