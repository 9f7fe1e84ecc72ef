import { randomInt } from 'node:crypto'
import { defaultRoutingRules, folioBody, formatFolio, FOLIOS_PER_YEAR, RoutingRuleSet } from '@faro/core'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

/**
 * Gives a case a folio: four characters drawn at random, so folios say nothing about how many
 * cases there are and cannot be walked through. Called under the log lock, so the check and the
 * insert cannot race another intake.
 */
export async function allocateFolio(db: Kysely<Database>, recordId: string, pinHash: string, now: Date, year: number): Promise<string> {
  for (;;) {
    const folio = formatFolio({ prefix: 'PA', year: year % 100, body: folioBody(randomInt(FOLIOS_PER_YEAR)) })
    const taken = await db.selectFrom('caseFolios').select('folio').where('folio', '=', folio).executeTakeFirst()
    if (taken === undefined) {
      await db.insertInto('caseFolios').values({ folio, recordId, pinHash, createdAt: now.toISOString() }).execute()
      return folio
    }
  }
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
