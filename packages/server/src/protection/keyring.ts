import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { makePrivateDir } from '../private-files.ts'

/**
 * Envelope encryption for the identity vault. The master key never encrypts data: keys are
 * derived from it, one that wraps each person's random data key (AES-256-GCM), one that keys
 * the HMACs of the name index, so that the index cannot be brute-forced without the master key,
 * one that seals the staff's second-factor (TOTP) secrets, and one that wraps the data key of
 * each evidence file attached to a record.
 */
export interface Keyring {
  readonly version: number
  readonly wrapKey: Buffer
  readonly indexKey: Buffer
  readonly totpKey: Buffer
  readonly attachmentKey: Buffer
}

const SEALED_PREFIX = 'v1.'

/** Derives the vault, second-factor and attachment keys from a 32-byte master key. */
export function keyringFrom(master: Buffer): Keyring {
  if (master.length !== 32) {
    throw new Error('the master key must be 32 bytes')
  }
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32))
  return { version: 1, wrapKey: derive('faro vault wrap v1'), indexKey: derive('faro name index v1'), totpKey: derive('faro totp secrets v1'), attachmentKey: derive('faro attachments v1') }
}

/** Whether two keyrings come from the same master key, compared without leaking timing. */
export function sameKeyring(a: Keyring, b: Keyring): boolean {
  return timingSafeEqual(a.wrapKey, b.wrapKey)
}

/** A keyring over a random master key: for tests and for apps built without configuration. */
export function ephemeralKeyring(): Keyring {
  return keyringFrom(randomBytes(32))
}

/** Reads a base64 master key; throws a one-line message naming what is wrong, never the key. */
export function parseMasterKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64')
  if (key.length !== 32 || key.toString('base64') !== base64.trim()) {
    throw new Error('expected 32 bytes in base64 (44 characters)')
  }
  return key
}

/** Writes a new random master key file readable only by its owner; returns nothing secret. */
export function generateMasterKeyFile(file: string): void {
  makePrivateDir(path.dirname(file))
  fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
}

/** A fresh data key for one person. */
export function newDataKey(): Buffer {
  return randomBytes(32)
}

/**
 * Encrypts with AES-256-GCM, a random 96-bit nonce, and the associated data bound in (the person
 * id), so that a ciphertext moved to another person's row fails to open.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
}

/** Opens what `seal` produced; a wrong key, wrong person or altered byte throws. */
export function unseal(key: Buffer, sealed: string, aad: string): Buffer {
  if (!sealed.startsWith(SEALED_PREFIX)) {
    throw new Error('unknown ciphertext version')
  }
  const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64')
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()])
}

/** Wraps a person's data key with the master-derived wrap key. */
export function wrapDataKey(keyring: Keyring, personId: string, dataKey: Buffer): string {
  return seal(keyring.wrapKey, dataKey, `key:${personId}`)
}

export function unwrapDataKey(keyring: Keyring, personId: string, wrapped: string): Buffer {
  return unseal(keyring.wrapKey, wrapped, `key:${personId}`)
}

/** The keyed hash stored in the name index for one normalised token of a kind. */
export function indexDigest(keyring: Keyring, kind: string, value: string): string {
  return createHmac('sha256', keyring.indexKey).update(`${kind}\u001f${value}`).digest('base64url')
}
