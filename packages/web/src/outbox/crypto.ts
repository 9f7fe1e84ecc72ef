/**
 * Encryption at rest of the records waiting on the device: AES-GCM 256 with a key derived by
 * PBKDF2-SHA-256 from a PIN the agent sets. The key lives only in memory, so a lost phone that
 * is locked or restarted gives away no queued payload; the PIN itself is never stored.
 * A known text encrypted with the key ("check") tells a wrong PIN from a right one.
 */

/** High enough to slow guessing a short PIN, low enough to unlock on a cheap phone in about a second. */
export const PBKDF2_ITERATIONS = 310_000
const CHECK_TEXT = 'faro-field-pin-check'

export interface Sealed {
  iv: Uint8Array
  data: ArrayBuffer
}

export function newSalt(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(16))
}

export async function deriveKey(pin: string, salt: Uint8Array, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: toBuffer(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

export async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: toBuffer(iv) }, key, new TextEncoder().encode(JSON.stringify(value)))
  return { iv, data }
}

/** Rejects when the key is wrong or the data was altered (GCM authenticates it). */
export async function open(key: CryptoKey, sealed: Sealed): Promise<unknown> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: toBuffer(sealed.iv) }, key, sealed.data)
  return JSON.parse(new TextDecoder().decode(plain))
}

export function sealCheck(key: CryptoKey): Promise<Sealed> {
  return seal(key, CHECK_TEXT)
}

export async function keyMatches(key: CryptoKey, check: Sealed): Promise<boolean> {
  try {
    return (await open(key, check)) === CHECK_TEXT
  } catch {
    return false
  }
}

/** SHA-256 of a text, hex: the checksum of an export file. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

// WebCrypto's types want an ArrayBuffer-backed view; IndexedDB may hand back other views.
function toBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy.buffer
}
