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
 * the search job first reads one of their registry records, and counted out when erased. The
 * number of people counted is kept beside them, the registry's size for the prior.
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

const POPULATION_KEY = 'match_population'

/**
 * Counts registry people's words in, each person once (those counted already are passed over), in
 * one transaction: one upsert per distinct word, and the registry's size beside them.
 */
export async function countPeople(db: Executor, keyring: Keyring, people: ReadonlyMap<string, PersonIdentity>): Promise<number> {
  if (people.size === 0) {
    return 0
  }
  return db.transaction().execute(async (trx) => {
    const ids = [...people.keys()]
    const counted = new Set<string>()
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const row of await trx.selectFrom('matchCounted').select('personId').where('personId', 'in', ids.slice(i, i + CHUNK)).execute()) {
        counted.add(row.personId)
      }
    }
    const fresh = ids.filter((id) => !counted.has(id))
    if (fresh.length === 0) {
      return 0
    }
    const deltas = new Map<string, number>()
    for (const id of fresh) {
      const identity = people.get(id)
      if (identity !== undefined) {
        for (const d of wordDigests(keyring, featuresOf(identity))) {
          deltas.set(d, (deltas.get(d) ?? 0) + 1)
        }
      }
    }
    for (let i = 0; i < fresh.length; i += CHUNK) {
      await trx.insertInto('matchCounted').values(fresh.slice(i, i + CHUNK).map((personId) => ({ personId }))).execute()
    }
    for (const [digest, n] of deltas) {
      await trx
        .insertInto('matchWords')
        .values({ digest, count: n })
        .onConflict((oc) => oc.column('digest').doUpdateSet({ count: sql<number>`match_words.count + ${n}` }))
        .execute()
    }
    await movePopulation(trx, fresh.length)
    return fresh.length
  })
}

async function movePopulation(db: Executor, delta: number): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key: POPULATION_KEY, value: String(Math.max(delta, 0)) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<string>`cast(cast(meta.value as integer) + ${delta} as text)` }))
    .execute()
}

/** How many registry people are counted; undefined before the search job has counted any. */
export async function countedPopulation(db: Executor): Promise<number | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', POPULATION_KEY).executeTakeFirst()
  return row === undefined ? undefined : Number(row.value)
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
  await movePopulation(db, -1)
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
