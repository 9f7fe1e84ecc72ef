import { frequencyWords, identityMatchInput, NameFrequencies, standardise, type FrequencySnapshot, type MatchFeatures, type PersonIdentity } from '@faro/core'
import { sql } from 'kysely'
import type { Executor } from '../log/context.ts'
import { indexDigest, type Keyring } from '../protection/keyring.ts'
import { openIdentities } from './registry-search.ts'

/**
 * How common each name word is among the registry's people, for the term-frequency adjustment:
 * agreeing on "Hernández" must count for less than agreeing on "Xicará", and in a registry where
 * a family or a village's surnames repeat, they count for less too. The counts are kept under
 * keyed hashes of the words (kind `word`), never a word in clear; a person is counted once, when
 * the search job first reads one of their registry records, and counted out when erased.
 */

const CHUNK = 500
type Kind = 'given' | 'surname' | 'nationality'

function wordDigests(keyring: Keyring, features: MatchFeatures): string[] {
  const { given, surname, nationality } = frequencyWords(features)
  return [
    ...[...given].map((w) => digest(keyring, 'given', w)),
    ...[...surname].map((w) => digest(keyring, 'surname', w)),
    ...(nationality === null ? [] : [digest(keyring, 'nationality', nationality)]),
  ]
}

function digest(keyring: Keyring, kind: Kind, word: string): string {
  return indexDigest(keyring, 'word', `${kind}\u001f${word}`)
}

function featuresOf(identity: PersonIdentity): MatchFeatures {
  return standardise(identityMatchInput(identity, { role: 'request' }))
}

/** Counts a registry person's words in, once; false when they were counted already. */
export async function countPerson(db: Executor, keyring: Keyring, personId: string, identity: PersonIdentity): Promise<boolean> {
  const inserted = await db.insertInto('matchCounted').values({ personId }).onConflict((oc) => oc.column('personId').doNothing()).executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    return false
  }
  for (const d of wordDigests(keyring, featuresOf(identity))) {
    await db
      .insertInto('matchWords')
      .values({ digest: d, count: 1 })
      .onConflict((oc) => oc.column('digest').doUpdateSet({ count: sql<number>`match_words.count + 1` }))
      .execute()
  }
  return true
}

/** Counts an erased person's words out, before their key goes; nothing when they were not counted. */
export async function uncountPerson(db: Executor, keyring: Keyring, personId: string): Promise<void> {
  const counted = await db.deleteFrom('matchCounted').where('personId', '=', personId).executeTakeFirst()
  if (Number(counted.numDeletedRows) === 0) {
    return
  }
  const identity = (await openIdentities(db, keyring, [personId])).get(personId)
  if (identity === undefined) {
    return
  }
  const digests = wordDigests(keyring, featuresOf(identity))
  await db.updateTable('matchWords').set({ count: sql<number>`count - 1` }).where('digest', 'in', digests).execute()
  await db.deleteFrom('matchWords').where('digest', 'in', digests).where('count', '<=', 0).execute()
}

/**
 * The registry's frequencies for the words of these records (the query and its candidates): the
 * counts are read by keyed hash and put back under the words in memory only.
 */
export async function frequenciesFor(db: Executor, keyring: Keyring, records: readonly MatchFeatures[], population: number): Promise<NameFrequencies> {
  const wanted = new Map<string, { kind: Kind; word: string }>()
  for (const features of records) {
    const { given, surname, nationality } = frequencyWords(features)
    for (const [kind, words] of [['given', given], ['surname', surname], ['nationality', nationality === null ? [] : [nationality]]] as const) {
      for (const word of words) {
        wanted.set(digest(keyring, kind, word), { kind, word })
      }
    }
  }
  const snapshot: FrequencySnapshot = { population, given: {}, surname: {}, nationality: {} }
  const digests = [...wanted.keys()]
  for (let i = 0; i < digests.length; i += CHUNK) {
    const rows = await db.selectFrom('matchWords').select(['digest', 'count']).where('digest', 'in', digests.slice(i, i + CHUNK)).execute()
    for (const row of rows) {
      const entry = wanted.get(row.digest)
      if (entry !== undefined) {
        snapshot[entry.kind][entry.word] = Number(row.count)
      }
    }
  }
  return NameFrequencies.fromSnapshot(snapshot)
}
