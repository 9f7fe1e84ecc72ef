import type { Insertable, Selectable } from 'kysely'
import type { PeopleTable, PersonLinksTable } from '../../db/schema.ts'
import type { Executor } from '../../log/context.ts'

export type PersonRow = Selectable<PeopleTable>
export type PersonLinkRow = Selectable<PersonLinksTable>

export async function insertPerson(db: Executor, row: Insertable<PeopleTable>, key: { wrappedKey: string; keyVersion: number }): Promise<void> {
  await db.insertInto('people').values(row).execute()
  await db.insertInto('personKeys').values({ personId: row.id, ...key, createdAt: row.createdAt }).execute()
}

export function findPerson(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findWrappedKey(db: Executor, personId: string): Promise<string | undefined> {
  const row = await db.selectFrom('personKeys').select('wrappedKey').where('personId', '=', personId).executeTakeFirst()
  return row?.wrappedKey
}

export async function updatePersonIdentity(db: Executor, id: string, ciphertext: string, presentFields: string[], at: string): Promise<void> {
  await db.updateTable('people').set({ ciphertext, presentFields: JSON.stringify(presentFields), updatedAt: at }).where('id', '=', id).execute()
}

/** Replaces the keyed-hash index of a person's names and phones. */
export async function replaceNameIndex(db: Executor, personId: string, entries: readonly { kind: string; digest: string }[]): Promise<void> {
  await db.deleteFrom('personNameIndex').where('personId', '=', personId).execute()
  if (entries.length > 0) {
    await db.insertInto('personNameIndex').values(entries.map((e) => ({ personId, ...e }))).execute()
  }
}

/** People whose index holds any of the digests, with how many matched of each kind. */
export function matchNameIndex(db: Executor, digests: readonly string[]): Promise<{ personId: string; kind: string; hits: number }[]> {
  if (digests.length === 0) {
    return Promise.resolve([])
  }
  return db
    .selectFrom('personNameIndex')
    .select(['personId', 'kind', (eb) => eb.fn.countAll<number>().as('hits')])
    .where('digest', 'in', [...digests])
    .groupBy(['personId', 'kind'])
    .execute()
}

export function findPeople(db: Executor, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) {
    return Promise.resolve([])
  }
  return db.selectFrom('people').selectAll().where('id', 'in', [...ids]).execute()
}

export async function insertLinks(db: Executor, rows: readonly Insertable<PersonLinksTable>[]): Promise<void> {
  if (rows.length > 0) {
    await db.insertInto('personLinks').values([...rows]).onConflict((oc) => oc.doNothing()).execute()
  }
}

export function linksOf(db: Executor, personId: string): Promise<PersonLinkRow[]> {
  return db.selectFrom('personLinks').selectAll().where('personId', '=', personId).orderBy('createdAt').execute()
}

/**
 * Crypto-shredding: the wrapped key, the ciphertext and the name index go; the person row stays
 * as a tombstone and its links keep the records' anonymous counts whole.
 */
export async function shredPerson(db: Executor, personId: string, at: string): Promise<void> {
  await db.deleteFrom('personKeys').where('personId', '=', personId).execute()
  await db.deleteFrom('personNameIndex').where('personId', '=', personId).execute()
  await db
    .updateTable('people')
    .set({ status: 'shredded', ciphertext: null, presentFields: '[]', shreddedAt: at, updatedAt: at })
    .where('id', '=', personId)
    .execute()
}

/** Every person not yet shredded, with the records they are linked to; for the retention job. */
export async function retentionCandidates(db: Executor): Promise<{ person: PersonRow; links: { recordType: string; state: string | null; updatedAt: string | null }[] }[]> {
  // Two queries, not one per person: the job runs over every identity each day.
  const people = await db.selectFrom('people').selectAll().where('status', '!=', 'shredded').execute()
  const links = await db
    .selectFrom('personLinks')
    .innerJoin('people', 'people.id', 'personLinks.personId')
    .leftJoin('records', (j) => j.onRef('records.recordType', '=', 'personLinks.recordType').onRef('records.recordId', '=', 'personLinks.recordId'))
    .select(['personLinks.personId', 'personLinks.recordType', 'records.state', 'records.updatedAt'])
    .where('people.status', '!=', 'shredded')
    .execute()
  const byPerson = new Map<string, { recordType: string; state: string | null; updatedAt: string | null }[]>()
  for (const { personId, ...link } of links) {
    byPerson.set(personId, [...(byPerson.get(personId) ?? []), link])
  }
  return people.map((person) => ({ person, links: byPerson.get(person.id) ?? [] }))
}

/** A person's wrapped data key and sealed identity, for re-keying in pages by person id. */
export interface KeyRow {
  personId: string
  wrappedKey: string
  ciphertext: string | null
}

/** Up to `limit` keyed people after the given id, in id order. */
export function keyPage(db: Executor, after: string, limit: number): Promise<KeyRow[]> {
  return db
    .selectFrom('personKeys')
    .innerJoin('people', 'people.id', 'personKeys.personId')
    .select(['personKeys.personId', 'personKeys.wrappedKey', 'people.ciphertext'])
    .where('personKeys.personId', '>', after)
    .orderBy('personKeys.personId')
    .limit(limit)
    .execute()
}

export async function updateWrappedKey(db: Executor, personId: string, wrappedKey: string): Promise<void> {
  await db.updateTable('personKeys').set({ wrappedKey }).where('personId', '=', personId).execute()
}
