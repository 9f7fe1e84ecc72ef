import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { newDataKey, seal, unseal, type Keyring } from '../protection/keyring.ts'

/**
 * Encryption of evidence files, as the vault does for identities: each file gets its own random
 * 256-bit data key; the bytes are AES-256-GCM under it, bound to the file's id and record; the
 * data key is stored wrapped by the attachment key derived from the master key. A file's name,
 * which may name someone, is sealed under the same data key.
 */
export interface SealedFile {
  wrappedKey: string
  /** IV (12 bytes), GCM tag (16 bytes), then the encrypted bytes. */
  ciphertext: Buffer
  nameSealed: string | null
}

/** Where a file belongs: bound into its ciphertext, so a row moved to another record does not open. */
export interface FileOwner {
  id: string
  recordType: string
  recordId: string
}

export function sealFile(keyring: Keyring, owner: FileOwner, bytes: Uint8Array, name: string | undefined): SealedFile {
  const dataKey = newDataKey()
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv)
  cipher.setAAD(Buffer.from(bytesAad(owner), 'utf8'))
  const body = Buffer.concat([cipher.update(bytes), cipher.final()])
  return {
    wrappedKey: wrapAttachmentKey(keyring, owner.id, dataKey),
    ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]),
    nameSealed: name === undefined ? null : seal(dataKey, Buffer.from(name, 'utf8'), `attachment-name:${owner.id}`),
  }
}

/** The file's bytes; a wrong key, another record or an altered byte throws. */
export function openFile(keyring: Keyring, owner: FileOwner, wrappedKey: string, ciphertext: Uint8Array): Buffer {
  const raw = Buffer.from(ciphertext.buffer, ciphertext.byteOffset, ciphertext.byteLength)
  const decipher = createDecipheriv('aes-256-gcm', unwrapAttachmentKey(keyring, owner.id, wrappedKey), raw.subarray(0, 12))
  decipher.setAAD(Buffer.from(bytesAad(owner), 'utf8'))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()])
}

/** The file's name, or null when none was kept. */
export function openFileName(keyring: Keyring, id: string, wrappedKey: string, nameSealed: string | null): string | null {
  if (nameSealed === null) {
    return null
  }
  return unseal(unwrapAttachmentKey(keyring, id, wrappedKey), nameSealed, `attachment-name:${id}`).toString('utf8')
}

export function wrapAttachmentKey(keyring: Keyring, id: string, dataKey: Buffer): string {
  return seal(keyring.attachmentKey, dataKey, `attachment-key:${id}`)
}

export function unwrapAttachmentKey(keyring: Keyring, id: string, wrapped: string): Buffer {
  return unseal(keyring.attachmentKey, wrapped, `attachment-key:${id}`)
}

/** SHA-256 of the bytes as received, in lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function bytesAad(owner: FileOwner): string {
  return `attachment:${owner.id}:${owner.recordType}:${owner.recordId}`
}
