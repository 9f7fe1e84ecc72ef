import { blockingKeys, identityMatchInput, namePhoneticKeys, nameTokens, normalisePhone, PersonIdentity, presentFields, standardise, type PersonIdentity as Identity } from '@faro/core'
import { findWrappedKey, replaceNameIndex, updatePersonIdentity, type PersonRow } from './people-repo.ts'
import type { Executor } from '../../log/context.ts'
import { indexDigest, newDataKey, seal, unseal, unwrapDataKey, wrapDataKey, type Keyring } from '../keyring.ts'

/** Encrypts a new identity under a fresh data key; returns what the rows store. */
export function encryptNew(keyring: Keyring, personId: string, identity: Identity): { ciphertext: string; wrappedKey: string } {
  const dataKey = newDataKey()
  return { ciphertext: seal(dataKey, Buffer.from(JSON.stringify(identity)), `person:${personId}`), wrappedKey: wrapDataKey(keyring, personId, dataKey) }
}

/**
 * Decrypts a person's identity, or returns undefined when the key is gone (shredded): nothing
 * else in Faro can read it.
 */
export async function decryptIdentity(db: Executor, keyring: Keyring, person: PersonRow): Promise<Identity | undefined> {
  const wrapped = await findWrappedKey(db, person.id)
  if (wrapped === undefined || person.ciphertext === null) {
    return undefined
  }
  const dataKey = unwrapDataKey(keyring, person.id, wrapped)
  return PersonIdentity.parse(JSON.parse(unseal(dataKey, person.ciphertext, `person:${person.id}`).toString('utf8')))
}

/** Re-encrypts a changed identity under the person's existing data key and rebuilds its index. */
export async function rewriteIdentity(db: Executor, keyring: Keyring, person: PersonRow, identity: Identity, at: string): Promise<void> {
  const wrapped = await findWrappedKey(db, person.id)
  if (wrapped === undefined) {
    throw new Error('identity key missing')
  }
  const dataKey = unwrapDataKey(keyring, person.id, wrapped)
  await updatePersonIdentity(db, person.id, seal(dataKey, Buffer.from(JSON.stringify(identity)), `person:${person.id}`), presentFields(identity), at)
  await replaceNameIndex(db, person.id, indexEntries(keyring, identity))
}

/**
 * Rebuilds a person's index under another keyring from their stored ciphertext and data key, for
 * a master-key rotation; returns how many digests were written.
 */
export async function reindexIdentity(db: Executor, keyring: Keyring, personId: string, dataKey: Buffer, ciphertext: string): Promise<number> {
  const identity = PersonIdentity.parse(JSON.parse(unseal(dataKey, ciphertext, `person:${personId}`).toString('utf8')))
  const entries = indexEntries(keyring, identity)
  await replaceNameIndex(db, personId, entries)
  return entries.length
}

/**
 * The keyed hashes a person is found by: name tokens, their phonetic keys and phone digits (the
 * staff's search), and the matching engine's blocking keys (`match`: the search for missing
 * migrants, see tracing/registry-search.ts).
 */
export function indexEntries(keyring: Keyring, identity: Identity): { kind: string; digest: string }[] {
  const names = [identity.givenNames, identity.firstSurname, identity.secondSurname, identity.fullName, ...identity.aliases].filter((n): n is string => n !== undefined).join(' ')
  return dedupe([
    ...nameTokens(names).map((t) => ({ kind: 'token', digest: indexDigest(keyring, 'token', t) })),
    ...namePhoneticKeys(names).map((k) => ({ kind: 'phonetic', digest: indexDigest(keyring, 'phonetic', k) })),
    ...identity.phones.map(normalisePhone).filter((p) => p.length >= 6).map((p) => ({ kind: 'phone', digest: indexDigest(keyring, 'phone', p) })),
    ...matchKeys(identity).map((k) => ({ kind: 'match', digest: indexDigest(keyring, 'match', k) })),
  ])
}

/** The matching engine's blocking keys of an identity (the same on both sides of a search). */
export function matchKeys(identity: Identity): string[] {
  return blockingKeys(standardise(identityMatchInput(identity, { role: 'request' })))
}

/** The digests to look up for a search: the same normalisation as the index. */
export function searchDigests(keyring: Keyring, q: { name?: string | undefined; phone?: string | undefined }): string[] {
  const out: string[] = []
  if (q.name !== undefined) {
    out.push(...nameTokens(q.name).map((t) => indexDigest(keyring, 'token', t)))
    out.push(...namePhoneticKeys(q.name).map((k) => indexDigest(keyring, 'phonetic', k)))
  }
  if (q.phone !== undefined) {
    out.push(indexDigest(keyring, 'phone', normalisePhone(q.phone)))
  }
  return [...new Set(out)]
}

function dedupe(entries: { kind: string; digest: string }[]): { kind: string; digest: string }[] {
  const seen = new Set<string>()
  return entries.filter((e) => (seen.has(e.digest) ? false : (seen.add(e.digest), true)))
}
