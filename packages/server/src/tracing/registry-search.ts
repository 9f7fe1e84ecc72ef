import {
  blockingKeys,
  compare,
  identityMatchInput,
  PersonIdentity,
  REGISTRY_RECORD_TYPES,
  registryKindOf,
  standardise,
  type MatchComparison,
  type MatchFeatures,
  type MatchRecordKind,
  type RegistryRef,
} from '@faro/core'
import type { Executor } from '../log/context.ts'
import { indexDigest, unseal, unwrapDataKey, type Keyring } from '../protection/keyring.ts'
import { countedPopulation, frequenciesFor } from './match-words.ts'

/**
 * The search of the registry over the vault. The database holds no name in clear and no match
 * feature: only keyed hashes (HMAC, kind `match`) of each identity's blocking keys, in the name
 * index beside the other digests, written and shredded with the identity. A search looks up the
 * query's digests, opens the identities of the people they point to, standardises them and
 * scores each pair with the engine. A shredded person has no digest and no key: they are never
 * found again.
 */

/** At most this many people are scored for one query, those sharing the most keys first. */
const MAX_PEOPLE = 2000
const CHUNK = 500

/** One registry record that may be the person sought, scored and explained. */
export interface RegistryCandidate {
  ref: RegistryRef
  personId: string
  kind: MatchRecordKind
  /** When the event the record holds happened (an attention, a rescue, an admission). */
  occurredAt: string | null
  orgUnitId: string
  identity: PersonIdentity
  comparison: MatchComparison
}

/** A registry link with the record it points to. */
interface RegistryLink {
  personId: string
  recordType: string
  recordId: string
  state: string
  occurredAt: string | null
  orgUnitId: string
}

/** People sharing at least one of the digests, by how many they share, most first. */
export async function peopleSharing(db: Executor, digests: readonly string[], limit = MAX_PEOPLE): Promise<string[]> {
  if (digests.length === 0) {
    return []
  }
  const rows = await db
    .selectFrom('personNameIndex')
    .select(['personId', (eb) => eb.fn.countAll<number>().as('hits')])
    .where('kind', '=', 'match')
    .where('digest', 'in', [...new Set(digests)])
    .groupBy('personId')
    .orderBy('hits', 'desc')
    .orderBy('personId')
    .limit(limit)
    .execute()
  return rows.map((r) => r.personId)
}

/** The registry records of active (neither blocked nor shredded) people. */
export async function registryLinksOf(db: Executor, personIds: readonly string[]): Promise<RegistryLink[]> {
  const out: RegistryLink[] = []
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('personLinks')
      .innerJoin('people', 'people.id', 'personLinks.personId')
      .innerJoin('records', (j) => j.onRef('records.recordType', '=', 'personLinks.recordType').onRef('records.recordId', '=', 'personLinks.recordId'))
      .select(['personLinks.personId', 'personLinks.recordType', 'personLinks.recordId', 'records.state', 'records.occurredAt', 'records.orgUnitId'])
      .where('personLinks.personId', 'in', personIds.slice(i, i + CHUNK))
      .where('personLinks.recordType', 'in', [...REGISTRY_RECORD_TYPES])
      .where('people.status', '=', 'active')
      .execute()
    out.push(...rows)
  }
  return out
}

/** Opens the identities of many people at once; the shredded and the unreadable are left out. */
export async function openIdentities(db: Executor, keyring: Keyring, personIds: readonly string[]): Promise<Map<string, PersonIdentity>> {
  const out = new Map<string, PersonIdentity>()
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('people')
      .innerJoin('personKeys', 'personKeys.personId', 'people.id')
      .select(['people.id', 'people.ciphertext', 'personKeys.wrappedKey'])
      .where('people.id', 'in', personIds.slice(i, i + CHUNK))
      .where('people.status', '!=', 'shredded')
      .execute()
    for (const row of rows) {
      if (row.ciphertext === null) {
        continue
      }
      const key = unwrapDataKey(keyring, row.id, row.wrappedKey)
      const parsed = PersonIdentity.safeParse(JSON.parse(unseal(key, row.ciphertext, `person:${row.id}`).toString('utf8')))
      if (parsed.success) {
        out.set(row.id, parsed.data)
      }
    }
  }
  return out
}

/**
 * How many people the registry holds, for the prior odds of any one candidate (at least one): as
 * the search job counted them, or, before it has, counted from the links.
 */
export async function registryPopulation(db: Executor): Promise<number> {
  const counted = await countedPopulation(db)
  if (counted !== undefined) {
    return Math.max(counted, 1)
  }
  const row = await db
    .selectFrom('personLinks')
    .innerJoin('people', 'people.id', 'personLinks.personId')
    .select((eb) => eb.fn.count<number>('personLinks.personId').distinct().as('n'))
    .where('personLinks.recordType', 'in', [...REGISTRY_RECORD_TYPES])
    .where('people.status', '=', 'active')
    .executeTakeFirst()
  return Math.max(Number(row?.n ?? 0), 1)
}

/** A registry record's features: the identity read at the date of the event, with its kind. */
export function recordFeatures(identity: PersonIdentity, link: Pick<RegistryLink, 'recordType' | 'state' | 'occurredAt'>): { kind: MatchRecordKind; features: MatchFeatures } | undefined {
  const state = JSON.parse(link.state) as Record<string, unknown>
  const kind = registryKindOf(link.recordType, state)
  if (kind === undefined) {
    return undefined
  }
  return { kind, features: standardise(identityMatchInput(identity, { role: 'record', kind, eventDate: link.occurredAt ?? undefined })) }
}

/**
 * The registry records that may be the sought person, best first, one per person (their record
 * that scores best), at most `limit`. `nationality` keeps only candidates of that nationality
 * (a consulate reviews its own nationals).
 */
export async function searchRegistry(
  db: Executor,
  keyring: Keyring,
  sought: { identity: PersonIdentity; lastSeen?: string | undefined },
  options: { limit?: number; nationality?: string | undefined; today: string; population?: number },
): Promise<RegistryCandidate[]> {
  const query = standardise(identityMatchInput(sought.identity, { role: 'request', lastSeen: sought.lastSeen }), { today: options.today })
  const people = await peopleSharing(db, blockingKeys(query).map((key) => indexDigest(keyring, 'match', key)))
  const links = await registryLinksOf(db, people)
  const identities = await openIdentities(db, keyring, [...new Set(links.map((l) => l.personId))])
  const records = links.flatMap((link) => {
    const identity = identities.get(link.personId)
    if (identity === undefined || (options.nationality !== undefined && identity.nationality !== options.nationality)) {
      return []
    }
    const record = recordFeatures(identity, link)
    return record === undefined ? [] : [{ link, identity, ...record }]
  })
  const population = options.population ?? (await registryPopulation(db))
  const context = { frequencies: await frequenciesFor(db, keyring, [query, ...records.map((r) => r.features)], population), population }
  const best = new Map<string, RegistryCandidate>()
  for (const { link, identity, ...record } of records) {
    const comparison = compare(query, record.features, context)
    const held = best.get(link.personId)
    if (held === undefined || comparison.score > held.comparison.score) {
      best.set(link.personId, {
        ref: { recordType: link.recordType, recordId: link.recordId },
        personId: link.personId,
        kind: record.kind,
        occurredAt: link.occurredAt,
        orgUnitId: link.orgUnitId,
        identity,
        comparison,
      })
    }
  }
  return [...best.values()].sort((a, b) => b.comparison.score - a.comparison.score || a.personId.localeCompare(b.personId)).slice(0, options.limit ?? 10)
}
