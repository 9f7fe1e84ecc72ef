import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { PMTiles, type RangeResponse, type Source } from 'pmtiles'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { makeTestDb, testAppConfig } from '../test/harness.ts'
import { landAndSeaTile, pmtilesArchive } from '../test/pmtiles-file.ts'
import { createApp } from './app.ts'

const URL_PATH = '/map/basemap.pmtiles'

describe('GET /map/basemap.pmtiles', () => {
  let db: Db
  let dir = ''
  let file = ''
  let bytes: Buffer = Buffer.alloc(0)
  beforeAll(async () => {
    db = await makeTestDb('sqlite')
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-basemap-'))
    file = path.join(dir, 'mexico.pmtiles')
    bytes = pmtilesArchive(landAndSeaTile())
    fs.writeFileSync(file, bytes)
  })
  afterAll(async () => {
    await db?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  function appWith(mapPmtilesFile: string | undefined) {
    return createApp({ db, clock: new ManualClock(), config: testAppConfig({ mapPmtilesFile }), logger: pino({ level: 'silent' }) })
  }

  it('sends the whole file, with what a browser needs to cache it and ask for ranges', async () => {
    const res = await appWith(file).request(URL_PATH, { headers: { 'accept-encoding': 'gzip, br' } })
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes)
    expect(res.headers.get('content-length')).toBe(String(bytes.length))
    expect(res.headers.get('content-type')).toBe('application/vnd.pmtiles')
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/)
    expect(Date.parse(res.headers.get('last-modified') ?? '')).toBeGreaterThan(0)
    expect(res.headers.get('cache-control')).toBe('public, max-age=604800, no-transform')
    // Compressing it would break the byte ranges.
    expect(res.headers.get('content-encoding')).toBeNull()
  })

  it('sends one range as 206 with its Content-Range', async () => {
    const res = await appWith(file).request(URL_PATH, { headers: { range: 'bytes=0-126' } })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes 0-126/${bytes.length}`)
    expect(res.headers.get('content-length')).toBe('127')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes.subarray(0, 127))
  })

  it('sends the last bytes for a suffix range, and the rest of the file for an open one', async () => {
    const suffix = await appWith(file).request(URL_PATH, { headers: { range: 'bytes=-10' } })
    expect(suffix.status).toBe(206)
    expect(suffix.headers.get('content-range')).toBe(`bytes ${bytes.length - 10}-${bytes.length - 1}/${bytes.length}`)
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 10))
    const open = await appWith(file).request(URL_PATH, { headers: { range: 'bytes=100-' } })
    expect(open.status).toBe(206)
    expect(Buffer.from(await open.arrayBuffer())).toEqual(bytes.subarray(100))
  })

  it('cuts a range that runs past the end at the last byte', async () => {
    const res = await appWith(file).request(URL_PATH, { headers: { range: `bytes=120-${bytes.length + 5000}` } })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes 120-${bytes.length - 1}/${bytes.length}`)
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes.subarray(120))
  })

  it('answers 416 with the size for a range that starts past the end', async () => {
    for (const range of [`bytes=${bytes.length}-`, `bytes=${bytes.length + 10}-${bytes.length + 20}`, 'bytes=-0']) {
      const res = await appWith(file).request(URL_PATH, { headers: { range } })
      expect(res.status, range).toBe(416)
      expect(res.headers.get('content-range'), range).toBe(`bytes */${bytes.length}`)
    }
  })

  it('sends the whole file for a Range it does not serve: malformed, several ranges, or of an older copy', async () => {
    const cases: Record<string, string>[] = [{ range: 'bytes=5-2' }, { range: 'lines=1-2' }, { range: 'bytes=0-1,5-6' }, { range: 'bytes=0-1', 'if-range': '"an-old-copy"' }]
    for (const headers of cases) {
      const res = await appWith(file).request(URL_PATH, { headers })
      expect(res.status, JSON.stringify(headers)).toBe(200)
      expect((await res.arrayBuffer()).byteLength).toBe(bytes.length)
    }
  })

  it('answers HEAD with the headers and no body', async () => {
    const res = await appWith(file).request(URL_PATH, { method: 'HEAD', headers: { range: 'bytes=0-9' } })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-length')).toBe('10')
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect((await res.arrayBuffer()).byteLength).toBe(0)
  })

  it('answers 304 when the browser already has this version', async () => {
    const app = appWith(file)
    const first = await app.request(URL_PATH, { method: 'HEAD' })
    const etag = first.headers.get('etag') ?? ''
    const again = await app.request(URL_PATH, { headers: { 'if-none-match': etag, range: 'bytes=0-9' } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    const since = await app.request(URL_PATH, { headers: { 'if-modified-since': first.headers.get('last-modified') ?? '' } })
    expect(since.status).toBe(304)
  })

  it('is readable by the map reader the app uses, through range requests alone', async () => {
    const app = appWith(file)
    const ranges: string[] = []
    const source: Source = {
      getKey: () => URL_PATH,
      async getBytes(offset: number, length: number): Promise<RangeResponse> {
        const range = `bytes=${offset}-${offset + length - 1}`
        ranges.push(range)
        const res = await app.request(URL_PATH, { headers: { range } })
        expect(res.status).toBe(206)
        return { data: await res.arrayBuffer(), etag: res.headers.get('etag') ?? undefined }
      },
    }
    const archive = new PMTiles(source)
    const header = await archive.getHeader()
    expect(header).toMatchObject({ specVersion: 3, minZoom: 0, maxZoom: 1, numAddressedTiles: 5 })
    for (const [z, x, y] of [[0, 0, 0], [1, 1, 0]] as const) {
      const tile = await archive.getZxy(z, x, y)
      expect(tile && Buffer.from(tile.data)).toEqual(Buffer.from(landAndSeaTile()))
    }
    expect(await archive.getZxy(2, 0, 0)).toBeUndefined()
    expect(ranges.length).toBeGreaterThan(0)
  })

  it('is a 404 when no map file is configured', async () => {
    const res = await appWith(undefined).request(URL_PATH)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect((await appWith(undefined).request(URL_PATH, { method: 'HEAD' })).status).toBe(404)
  })

  it('is a 404 when the configured file has gone', async () => {
    const res = await appWith(path.join(dir, 'removed.pmtiles')).request(URL_PATH, { headers: { range: 'bytes=0-9' } })
    expect(res.status).toBe(404)
  })

  it('serves that one file at that one URL: no other path reaches the disk', async () => {
    fs.writeFileSync(path.join(dir, 'other.txt'), 'not for the web')
    const app = appWith(file)
    for (const probe of ['/map/other.txt', '/map/basemap.pmtiles/../other.txt', '/map/..%2fother.txt', '/map/%2e%2e/%2e%2e/etc/passwd', '/map/basemap.pmtiles%00.txt', '/map/', `/map/${path.basename(file)}`]) {
      const res = await app.request(probe)
      expect(res.status, probe).toBe(404)
      expect(await res.text(), probe).not.toContain('not for the web')
    }
  })
})
