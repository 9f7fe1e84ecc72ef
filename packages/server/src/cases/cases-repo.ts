import { randomInt } from 'node:crypto'
import { defaultRoutingRules, folioBody, formatFolio, FOLIOS_PER_YEAR, RoutingRuleSet, type FolioPrefix } from '@faro/core'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

/**
 * Gives a case a folio: four characters drawn at random, so folios say nothing about how many
 * cases there are and cannot be walked through. Called under the log lock, so the check and the
 * insert cannot race another intake.
 */
export async function allocateFolio(db: Kysely<Database>, recordId: string, pinHash: string, now: Date, year: number, prefix: FolioPrefix = 'PA'): Promise<string> {
  const folio = await freeFolio(db, year, prefix)
  await db.insertInto('caseFolios').values({ folio, recordId, pinHash, createdAt: now.toISOString() }).execute()
  return folio
}

/** A folio neither given to a case nor reserved; under the log lock, nobody takes it meanwhile. */
async function freeFolio(db: Kysely<Database>, year: number, prefix: FolioPrefix = 'PA'): Promise<string> {
  for (;;) {
    const folio = formatFolio({ prefix, year: year % 100, body: folioBody(randomInt(FOLIOS_PER_YEAR)) })
    const given = await db.selectFrom('caseFolios').select('folio').where('folio', '=', folio).executeTakeFirst()
    const reserved = given ?? (await db.selectFrom('folioReservations').select('folio').where('folio', '=', folio).executeTakeFirst())
    if (reserved === undefined) {
      return folio
    }
  }
}

/** Reserves `count` folios for an account (under the log lock), for cases it will take offline. */
export async function reserveFolios(db: Kysely<Database>, userId: string, count: number, now: Date, year: number): Promise<string[]> {
  const folios: string[] = []
  for (let i = 0; i < count; i += 1) {
    const folio = await freeFolio(db, year)
    await db.insertInto('folioReservations').values({ folio, reservedBy: userId, reservedAt: now.toISOString(), recordId: null, usedAt: null }).execute()
    folios.push(folio)
  }
  return folios
}

/** The folios an account holds and has not used yet, oldest first. */
export async function unusedReservations(db: Kysely<Database>, userId: string): Promise<{ folio: string; reservedAt: string }[]> {
  return db.selectFrom('folioReservations').select(['folio', 'reservedAt']).where('reservedBy', '=', userId).where('usedAt', 'is', null).orderBy('reservedAt').orderBy('folio').execute()
}

/**
 * Gives a case a folio its account reserved: false when the folio is not the account's or was
 * already used (by another intake: a retry of the same intake never gets here).
 */
export async function useReservedFolio(db: Kysely<Database>, folio: string, userId: string, recordId: string, pinHash: string, now: Date): Promise<boolean> {
  const claimed = await db.updateTable('folioReservations').set({ usedAt: now.toISOString(), recordId }).where('folio', '=', folio).where('reservedBy', '=', userId).where('usedAt', 'is', null).executeTakeFirst()
  if (Number(claimed.numUpdatedRows) !== 1) {
    return false
  }
  await db.insertInto('caseFolios').values({ folio, recordId, pinHash, createdAt: now.toISOString() }).execute()
  return true
}

export async function findFolioOfRecord(db: Kysely<Database>, recordId: string): Promise<string | undefined> {
  return (await db.selectFrom('caseFolios').select('folio').where('recordId', '=', recordId).executeTakeFirst())?.folio
}

export async function findFolio(db: Kysely<Database>, folio: string) {
  return db.selectFrom('caseFolios').selectAll().where('folio', '=', folio).executeTakeFirst()
}

/** Counts a wrong PIN; after `limit` in a row the folio answers nothing until `lockUntil`. */
export async function recordPinFailure(db: Kysely<Database>, folio: string, limit: number, lockUntil: Date): Promise<void> {
  // Each statement is atomic on both dialects: parallel wrong guesses all count.
  await db.updateTable('caseFolios').set((eb) => ({ pinFailures: eb('pinFailures', '+', 1) })).where('folio', '=', folio).execute()
  await db.updateTable('caseFolios').set({ pinFailures: 0, pinLockedUntil: lockUntil.toISOString() }).where('folio', '=', folio).where('pinFailures', '>=', limit).execute()
}

export async function clearPinFailures(db: Kysely<Database>, folio: string): Promise<void> {
  await db.updateTable('caseFolios').set({ pinFailures: 0 }).where('folio', '=', folio).execute()
}

/** The routing rules in force: the latest version, or the starting set made from the agencies. */
export async function currentRuleSet(db: Kysely<Database>): Promise<{ version: number; rules: RoutingRuleSet }> {
  const row = await db.selectFrom('routingRuleSets').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst()
  if (row !== undefined) {
    return { version: row.version, rules: RoutingRuleSet.parse(JSON.parse(row.rules)) }
  }
  const agencies = await db.selectFrom('orgUnits').select('id').where('kind', '=', 'agency').orderBy('id').execute()
  return { version: 0, rules: defaultRoutingRules(agencies.map((a) => a.id)) }
}

/** The versions of the routing rules, newest first, without their content. */
export async function listRuleSetVersions(db: Kysely<Database>) {
  return db.selectFrom('routingRuleSets').select(['version', 'createdBy', 'createdAt', 'note']).orderBy('version', 'desc').execute()
}

/** Stores a new version; the version number is the next one, so two editors cannot both be "3". */
export async function saveRuleSet(db: Kysely<Database>, rules: RoutingRuleSet, by: string, note: string, now: Date, basedOn: number): Promise<number | undefined> {
  const latest = await db.selectFrom('routingRuleSets').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst()
  if ((latest?.version ?? 0) !== basedOn) {
    return undefined
  }
  // Two editors saving on the same version: the primary key lets one in, the other gets nothing.
  const version = basedOn + 1
  const result = await db
    .insertInto('routingRuleSets')
    .values({ version, rules: JSON.stringify(rules), createdBy: by, createdAt: now.toISOString(), note })
    .onConflict((oc) => oc.column('version').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? version : undefined
}
