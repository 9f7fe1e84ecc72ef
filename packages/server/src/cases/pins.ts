import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { dummyPasswordHash, hashPassword, verifyPassword } from '../accounts/passwords.ts'
import { seal, unseal, type Keyring } from '../protection/keyring.ts'

/**
 * Case PINs. Six digits are a million possibilities: no slow hash keeps them from someone who holds
 * the database, but a key they do not hold does. Each PIN is stored as an HMAC-SHA-256 under a
 * random key, bound to its case; the key lives in `meta`, sealed under the master key like the
 * vault's data keys, so a copy of the database alone opens no PIN, and a master-key rotation
 * seals it again without touching a PIN. Checking is a hash, not a scrypt: intake and lookups
 * are no longer bound by it. Hashes of the older kind (scrypt) are still checked.
 */
const META_KEY = 'case_pin_key'
const AAD = 'faro case pins v1'
const PREFIX = 'hmac1$'

const cache = new WeakMap<Kysely<Database>, WeakMap<Keyring, Buffer>>()

/** The PIN key, made on first use; two processes making it at once agree on the first stored. */
export async function casePinKey(db: Kysely<Database>, keyring: Keyring): Promise<Buffer> {
  const known = cache.get(db)?.get(keyring)
  if (known !== undefined) {
    return known
  }
  await db
    .insertInto('meta')
    .values({ key: META_KEY, value: seal(keyring.wrapKey, randomBytes(32), AAD) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  const row = await db.selectFrom('meta').select('value').where('key', '=', META_KEY).executeTakeFirstOrThrow()
  const key = unseal(keyring.wrapKey, row.value, AAD)
  const byKeyring = cache.get(db) ?? new WeakMap<Keyring, Buffer>()
  byKeyring.set(keyring, key)
  cache.set(db, byKeyring)
  return key
}

/** Seals the PIN key again under a new master key (the rotation's transaction). */
export async function resealCasePinKey(db: Kysely<Database>, oldKeyring: Keyring, newKeyring: Keyring): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', META_KEY).executeTakeFirst()
  if (row === undefined) {
    return 0
  }
  const key = unseal(oldKeyring.wrapKey, row.value, AAD)
  await db.updateTable('meta').set({ value: seal(newKeyring.wrapKey, key, AAD) }).where('key', '=', META_KEY).execute()
  return 1
}

function mac(key: Buffer, recordId: string, pin: string): Buffer {
  return createHmac('sha256', key).update(`${recordId}\u0000${pin}`).digest()
}

/** The stored form of a case's PIN: keyed when the vault's keys are at hand, else a scrypt hash. */
export async function hashPin(db: Kysely<Database>, keyring: Keyring | undefined, recordId: string, pin: string): Promise<string> {
  return keyring === undefined ? hashPassword(pin) : PREFIX + mac(await casePinKey(db, keyring), recordId, pin).toString('base64url')
}

/**
 * Whether `pin` is the case's; `stored` undefined (no such folio) takes the same work as a wrong
 * PIN of the same kind, so the answer's time tells nothing.
 */
export async function verifyPin(db: Kysely<Database>, keyring: Keyring | undefined, recordId: string, pin: string, stored: string | undefined): Promise<boolean> {
  if (stored === undefined) {
    if (keyring !== undefined) {
      mac(await casePinKey(db, keyring), recordId, pin)
      return false
    }
    await verifyPassword(pin, await dummyPasswordHash())
    return false
  }
  if (!stored.startsWith(PREFIX)) {
    return verifyPassword(pin, stored)
  }
  if (keyring === undefined) {
    return false
  }
  const expected = Buffer.from(stored.slice(PREFIX.length), 'base64url')
  const actual = mac(await casePinKey(db, keyring), recordId, pin)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
