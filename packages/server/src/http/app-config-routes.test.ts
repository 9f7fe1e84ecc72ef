import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { createApp } from './app.ts'
import { makeTestDb, testAppConfig } from '../test/harness.ts'

describe('GET /api/config', () => {
  let db: Db
  beforeAll(async () => {
    db = await makeTestDb('sqlite')
  })
  afterAll(async () => db?.close())

  function appWith(mapTileUrl: string | undefined, mapTileAttribution?: string, mapPmtilesFile?: string) {
    return createApp({ db, clock: new ManualClock(), config: testAppConfig({ mapTileUrl, mapTileAttribution, mapPmtilesFile }), logger: pino({ level: 'silent' }) })
  }

  it('tells anyone the configured tile template and its credit', async () => {
    const res = await appWith('https://tiles.example.org/osm/{z}/{x}/{y}.png', '© OpenStreetMap contributors').request('/api/config')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ mapTileUrl: 'https://tiles.example.org/osm/{z}/{x}/{y}.png', mapTileAttribution: '© OpenStreetMap contributors', mapPmtilesUrl: null })
  })

  it('names the URL of the map file, never its path on the server', async () => {
    const res = await appWith(undefined, '© OpenStreetMap contributors', '/srv/faro/secret-place/mexico.pmtiles').request('/api/config')
    const body = await res.json()
    expect(body).toEqual({ mapTileUrl: null, mapTileAttribution: '© OpenStreetMap contributors', mapPmtilesUrl: '/map/basemap.pmtiles' })
    expect(JSON.stringify(body)).not.toContain('secret-place')
  })

  it('answers null when no tiles are configured', async () => {
    const res = await appWith(undefined).request('/api/config')
    expect(await res.json()).toEqual({ mapTileUrl: null, mapTileAttribution: null, mapPmtilesUrl: null })
  })
})

describe('Content-Security-Policy img-src', () => {
  let db: Db
  beforeAll(async () => {
    db = await makeTestDb('sqlite')
  })
  afterAll(async () => db?.close())

  async function imgSrc(mapTileUrl: string | undefined): Promise<string[]> {
    const app = createApp({ db, clock: new ManualClock(), config: testAppConfig({ mapTileUrl }), logger: pino({ level: 'silent' }) })
    const csp = (await app.request('/healthz')).headers.get('content-security-policy') ?? ''
    const directive = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('img-src '))
    return directive?.split(/\s+/).slice(1) ?? []
  }

  it('allows only this origin and data: when no tiles are configured', async () => {
    expect(await imgSrc(undefined)).toEqual(["'self'", 'data:'])
  })

  it('adds the origin of the configured tiles, and nothing of their path', async () => {
    expect(await imgSrc('https://tiles.example.org:8443/osm/{z}/{x}/{y}.png')).toEqual(["'self'", 'data:', 'https://tiles.example.org:8443'])
  })

  it('adds nothing for tiles served from this origin', async () => {
    expect(await imgSrc('/tiles/{z}/{x}/{y}.png')).toEqual(["'self'", 'data:'])
  })
})
