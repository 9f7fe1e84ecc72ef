import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireBuiltApp, startFaro, type RunningFaro } from './harness.ts'

/** The shell must start quickly on a cheap phone over a weak connection. */
const INITIAL_SCRIPT_BUDGET = 150 * 1024
/** What a first visit, even to the login page, lets the service worker download. */
const SHELL_PRECACHE_BUDGET = 250 * 1024
const ACCEPT = 'br, gzip'

/**
 * Bytes as served: each file fetched from the running server the way a browser asks for it
 * (Accept-Encoding), counted as it crosses the wire. A file sent uncompressed counts in full.
 */
describe('bytes on the wire', () => {
  let faro: RunningFaro | undefined
  beforeAll(async () => {
    requireBuiltApp()
    faro = await startFaro()
  })
  afterAll(() => faro?.stop())

  async function wire(path: string): Promise<{ bytes: number; encoding: string | null; raw: number }> {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const res = await fetch(`${faro.baseUrl}${path}`, { headers: { 'accept-encoding': ACCEPT } })
    expect({ path, status: res.status }).toEqual({ path, status: 200 })
    const length = Number(res.headers.get('content-length'))
    // fetch decodes the body; the header says what was sent.
    const raw = (await res.arrayBuffer()).byteLength
    return { bytes: Number.isFinite(length) && length > 0 ? length : raw, encoding: res.headers.get('content-encoding'), raw }
  }

  it('keeps the initial JavaScript of the shell within 150 KB as sent, compressed', async () => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const index = await (await fetch(`${faro.baseUrl}/app/`)).text()
    const scripts = [...index.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="(\/app\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '')
    expect(scripts.length).toBeGreaterThan(0)
    let total = 0
    for (const url of scripts) {
      const sent = await wire(url)
      expect({ url, encoding: sent.encoding }).toEqual({ url, encoding: 'br' })
      console.log(`  ${url}: ${(sent.bytes / 1024).toFixed(1)} KB as sent (${(sent.raw / 1024).toFixed(1)} KB raw)`)
      total += sent.bytes
    }
    console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KB on the wire (budget ${INITIAL_SCRIPT_BUDGET / 1024} KB, ${((total / INITIAL_SCRIPT_BUDGET) * 100).toFixed(0)}% used)`)
    expect(total).toBeLessThanOrEqual(INITIAL_SCRIPT_BUDGET)
  })

  it('lets a first visit precache only the shell, within 250 KB as sent; field mode is not in it', async () => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const sw = await (await fetch(`${faro.baseUrl}/app/sw.js`)).text()
    const json = /"(\{\\"version\\":.*?\})"/.exec(sw)?.[1]
    const manifest: { shell: string[]; field: string[] } = JSON.parse(JSON.parse(`"${json ?? ''}"`))
    let shell = 0
    for (const file of manifest.shell) {
      shell += (await wire(`/app/${file}`)).bytes
    }
    let field = 0
    for (const file of manifest.field) {
      field += (await wire(`/app/${file}`)).bytes
    }
    console.log(`precache: shell ${(shell / 1024).toFixed(1)} KB for everyone, field mode ${(field / 1024).toFixed(1)} KB more for field accounts, as sent`)
    expect(shell).toBeLessThanOrEqual(SHELL_PRECACHE_BUDGET)
    expect(field).toBeGreaterThan(0)
  })

  it('compresses API answers for clients that accept it', async () => {
    if (!faro) {
      throw new Error('the server did not start')
    }
    const res = await fetch(`${faro.baseUrl}/api/openapi.json`, { headers: { 'accept-encoding': 'gzip' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})
