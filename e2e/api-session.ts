/**
 * A signed-in API client for preparing browser tests through the public API (no database
 * access): it keeps the session cookie and echoes the CSRF token on writes, like the web app.
 */
import { createHmac } from 'node:crypto'

export interface ApiSession {
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Response>
}

export async function apiSession(baseUrl: string, username: string, password: string): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!login.ok) {
    throw new Error(`login of ${username} failed: ${login.status} ${await login.text()}`)
  }
  const me: { csrfToken?: string } = await login.json()
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  return {
    request: (method, path, body) =>
      fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          ...(me.csrfToken ? { 'x-csrf-token': me.csrfToken } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  }
}

/** RFC 6238 time-based code (SHA-1, 6 digits, 30 s), as authenticator apps compute it. */
export function totpCode(secretBase32: string, at: number): string {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)))
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest()
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f
  const value = mac.readUInt32BE(offset) & 0x7fffffff
  return String(value % 1_000_000).padStart(6, '0')
}

function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = 0
  let value = 0
  const out: number[] = []
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = alphabet.indexOf(char)
    if (index < 0) {
      throw new Error(`not base32: ${char}`)
    }
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(out)
}
