import * as OTPAuth from 'otpauth'
import type { Logger } from 'pino'
import type { Db } from '../db/open.ts'
import { seal, unseal, type Keyring } from '../protection/keyring.ts'
import { findTotpColumns, listTotpColumns, replaceTotpColumn, setTotpColumns, type StoredTotp } from './users-repo.ts'
import type { Executor } from '../log/context.ts'

/**
 * The one way in and out of the second-factor columns. Secrets are stored sealed (AES-256-GCM
 * under the keyring's TOTP key) with the account id and the column bound in as associated data,
 * so a copy of the database, or of a backup, does not mint codes, and a sealed value moved to
 * another account or column does not open. Plain values from before sealing are still read, and
 * `sealPlainTotpSecrets` upgrades them when the server starts.
 */

/** A stored second-factor column, by its name in the database (bound into the ciphertext). */
export type TotpColumn = 'totp_secret' | 'totp_pending_secret'

/** Both stored secrets of an account: the row field and the column its seal is bound to. */
const TOTP_FIELDS = [['totpSecret', 'totp_secret'], ['totpPendingSecret', 'totp_pending_secret']] as const

/** Starts enrolment: a new secret, stored sealed as pending; returns it once, to scan. */
export async function startTotpEnrolment(db: Executor, keyring: Keyring, userId: string, now: string): Promise<string> {
  const secret = new OTPAuth.Secret({ size: 20 }).base32
  await setTotpColumns(db, userId, { totpPendingSecret: sealTotpSecret(keyring, userId, 'totp_pending_secret', secret) }, now)
  return secret
}

/** The pending secret, or undefined when there is none or it does not open here. */
export async function readPendingTotp(db: Executor, keyring: Keyring, userId: string): Promise<string | undefined> {
  const stored = await findTotpColumns(db, userId)
  return openTotpSecret(keyring, userId, 'totp_pending_secret', stored?.totpPendingSecret ?? null)
}

/** Turns the second factor on with a confirmed pending secret, sealed again for its new column. */
export async function activateTotp(db: Executor, keyring: Keyring, userId: string, secret: string, now: string): Promise<void> {
  await setTotpColumns(db, userId, { totpSecret: sealTotpSecret(keyring, userId, 'totp_secret', secret), totpPendingSecret: null }, now)
}

/**
 * Forgets both the active and the pending secret, so the account signs in with its password
 * alone until it enrols again. Needs no key: a lost master key must not block the way out.
 */
export async function clearTotp(db: Executor, userId: string, now: string): Promise<void> {
  await setTotpColumns(db, userId, { totpSecret: null, totpPendingSecret: null }, now)
}

/** Whether the account signs in with a second factor; reads no secret. */
export async function totpEnabled(db: Executor, userId: string): Promise<boolean> {
  return ((await findTotpColumns(db, userId))?.totpSecret ?? null) !== null
}

/**
 * Checks a code against an account's stored active secret. A value that does not open (another
 * key, another account's row, altered bytes) never verifies: the sign-in is refused, not broken.
 */
export function verifyStoredTotp(keyring: Keyring, userId: string, stored: string, code: string, now: Date): boolean {
  const secret = openTotpSecret(keyring, userId, 'totp_secret', stored)
  return secret !== undefined && checkTotp(secret, code, now)
}

/** A TOTP (RFC 6238, 30 s, six digits, SHA-1) for the authenticator app to scan. */
export function totpFor(secretBase32: string, label = 'Faro'): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: 'Faro', label, secret: OTPAuth.Secret.fromBase32(secretBase32) })
}

/** Accepts the code of the current step and of the previous and next one, for clock drift. */
export function checkTotp(secretBase32: string, code: string, now: Date): boolean {
  try {
    return totpFor(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null
  } catch {
    // A legacy value that is not base32 cannot verify anything.
    return false
  }
}

/**
 * Seals every plain secret left by an older Faro, in one transaction, and logs how many (never a
 * secret or an account). Sealed values are left alone, so running it again changes nothing.
 */
export async function sealPlainTotpSecrets(db: Db, keyring: Keyring, logger: Pick<Logger, 'info'>): Promise<number> {
  const sealed = await db.db.transaction().execute(async (trx) => {
    let count = 0
    for (const row of await listTotpColumns(trx)) {
      for (const [field, column] of TOTP_FIELDS) {
        const value = row[field]
        if (value === null || isSealed(value)) {
          continue
        }
        await replaceTotpColumn(trx, row.userId, field, value, sealTotpSecret(keyring, row.userId, column, value))
        count += 1
      }
    }
    return count
  })
  if (sealed > 0) {
    logger.info({ count: sealed }, 'plain second-factor secrets sealed')
  }
  return sealed
}

/**
 * Seals both second-factor columns of an account again under a new keyring, plain legacy values
 * included, for a master-key rotation; returns how many values moved. Throws when a stored value
 * does not open under the old keyring, rather than leave a secret no key opens.
 */
export async function resealTotpSecret(db: Executor, oldKeyring: Keyring, newKeyring: Keyring, row: StoredTotp): Promise<number> {
  let count = 0
  for (const [field, column] of TOTP_FIELDS) {
    const value = row[field]
    // An empty value verifies nothing under any key.
    if (value === null || value === '') {
      continue
    }
    const secret = openTotpSecret(oldKeyring, row.userId, column, value)
    if (secret === undefined) {
      throw new Error('a second-factor secret does not open with the old key')
    }
    await replaceTotpColumn(db, row.userId, field, value, sealTotpSecret(newKeyring, row.userId, column, secret))
    count += 1
  }
  return count
}

/** The stored form: a scheme version, then the AES-GCM envelope shared with the vault. */
export function sealTotpSecret(keyring: Keyring, userId: string, column: TotpColumn, secretBase32: string): string {
  return SCHEME + seal(keyring.totpKey, Buffer.from(secretBase32, 'utf8'), aad(userId, column))
}

/** The base32 secret of a stored value (sealed, or plain from before sealing); undefined if none or unreadable. */
export function openTotpSecret(keyring: Keyring, userId: string, column: TotpColumn, stored: string | null): string | undefined {
  // An empty secret would be an HMAC key anyone knows.
  if (stored === null || stored === '') {
    return undefined
  }
  if (!isSealed(stored)) {
    return stored
  }
  try {
    return unseal(keyring.totpKey, stored.slice(SCHEME.length), aad(userId, column)).toString('utf8')
  } catch {
    return undefined
  }
}

// Base32 has no lower case or colon, so no plain secret can start with it.
const SCHEME = 'v1:'

function isSealed(stored: string): boolean {
  return stored.startsWith(SCHEME)
}

function aad(userId: string, column: TotpColumn): string {
  return `totp:${column}:${userId}`
}
