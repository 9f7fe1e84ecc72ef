import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'
import type { Keyring } from '../protection/keyring.ts'
import { isPublicLang, type PublicLang } from './languages.ts'

/**
 * The hidden token of a public form: what the server chose when it drew the form (the case's id,
 * its PIN, the language) and until when it holds. Sent back with the form, it makes the intake
 * idempotent: pressed twice, the form files the same case and shows the same folio and PIN.
 *
 * The payload is encrypted (AES-256-GCM, so the PIN cannot be read in the page) and the whole
 * token is signed (HMAC-SHA-256) with keys derived by HKDF from the vault's wrap key, itself
 * derived from the master key: a token made by one Faro process is read by the others, and a
 * master-key rotation makes the forms in flight ask to be sent again. Without a keyring the keys
 * are random per process.
 */

export const FORM_TOKEN_TTL_MS = 2 * 3_600_000
const VERSION = 'f1'

export interface FormTokenPayload {
  /** The intake's id: a uuidv7 drawn with the form. */
  id: string
  /** Six digits drawn with the form. */
  pin: string
  lang: PublicLang
  /** Milliseconds since the epoch after which the token is refused. */
  exp: number
}

export interface FormTokenKeys {
  enc: Buffer
  mac: Buffer
}

export function formTokenKeys(keyring: Keyring | undefined): FormTokenKeys {
  const base = keyring?.wrapKey ?? randomBytes(32)
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', base, Buffer.alloc(0), info, 32))
  return { enc: derive('faro public form token enc v1'), mac: derive('faro public form token mac v1') }
}

/** A new form's payload: a new case id, a new PIN, for two hours. */
export function newFormPayload(lang: PublicLang, now: Date): FormTokenPayload {
  return { id: uuidv7(), pin: String(randomInt(1_000_000)).padStart(6, '0'), lang, exp: now.getTime() + FORM_TOKEN_TTL_MS }
}

export function sealFormToken(keys: FormTokenKeys, payload: FormTokenPayload, purpose: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keys.enc, iv)
  cipher.setAAD(Buffer.from(`${VERSION}|${purpose}`))
  const body = Buffer.concat([iv, cipher.update(JSON.stringify(payload), 'utf8'), cipher.final(), cipher.getAuthTag()])
  const signed = `${VERSION}.${body.toString('base64url')}`
  return `${signed}.${mac(keys, signed, purpose).toString('base64url')}`
}

/** The payload, or undefined when the token is forged, altered, made for another form or expired. */
export function openFormToken(keys: FormTokenKeys, token: string | undefined, purpose: string, now: Date): FormTokenPayload | undefined {
  if (token === undefined || token.length > 1000) {
    return undefined
  }
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] !== VERSION) {
    return undefined
  }
  const signed = `${parts[0]}.${parts[1]}`
  const given = Buffer.from(parts[2] ?? '', 'base64url')
  const expected = mac(keys, signed, purpose)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return undefined
  }
  try {
    const body = Buffer.from(parts[1] ?? '', 'base64url')
    const iv = body.subarray(0, 12)
    const tag = body.subarray(body.length - 16)
    const decipher = createDecipheriv('aes-256-gcm', keys.enc, iv)
    decipher.setAAD(Buffer.from(`${VERSION}|${purpose}`))
    decipher.setAuthTag(tag)
    const text = Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]).toString('utf8')
    const payload = JSON.parse(text) as Partial<FormTokenPayload>
    const ok =
      typeof payload.id === 'string' &&
      /^[0-9a-f-]{36}$/.test(payload.id) &&
      typeof payload.pin === 'string' &&
      /^\d{6}$/.test(payload.pin) &&
      typeof payload.lang === 'string' &&
      isPublicLang(payload.lang) &&
      typeof payload.exp === 'number'
    if (!ok || payload.exp === undefined || payload.exp < now.getTime()) {
      return undefined
    }
    return payload as FormTokenPayload
  } catch {
    return undefined
  }
}

function mac(keys: FormTokenKeys, signed: string, purpose: string): Buffer {
  return createHmac('sha256', keys.mac).update(`${purpose}\u0000${signed}`).digest()
}
