import fs from 'node:fs/promises'
import { Hono, type HonoRequest } from 'hono'
import { parseRange } from './byte-range.ts'
import type { AppEnv } from './env.ts'
import { problem } from './problem.ts'

/** Where the staff app finds the vector map file; GET /api/config names it when there is one. */
export const BASEMAP_PATH = '/map/basemap.pmtiles'
/**
 * The file is the same public map for everyone, so browsers may keep what they fetched of it for
 * a week, and keep using it offline in the field; then they revalidate with the ETag. A replaced
 * file has a new ETag, which the map reader notices and reloads. `no-transform`: a proxy that
 * compressed the file would break its byte ranges.
 */
const CACHE_CONTROL = 'public, max-age=604800, no-transform'
const CHUNK_BYTES = 64 * 1024

/**
 * Serves the file of FARO_MAP_PMTILES at one fixed URL, with HTTP range requests (the map reader
 * asks for a header, directories and one tile at a time), HEAD, and conditional requests. The path
 * on disk comes from the configuration only, never from the URL, so no request can reach another
 * file. Without the setting nothing is mounted, and the URL is a 404 like any unknown one.
 */
export function basemapRoutes(file: string | undefined) {
  const app = new Hono<AppEnv>()
  if (file === undefined) {
    return app
  }
  app.get(BASEMAP_PATH, async (c) => {
    let handle: fs.FileHandle
    try {
      handle = await fs.open(file, 'r')
    } catch {
      return problem(c, 'not_found', c.get('lang'))
    }
    let streaming = false
    try {
      const stat = await handle.stat()
      if (!stat.isFile()) {
        return problem(c, 'not_found', c.get('lang'))
      }
      const modified = Math.floor(stat.mtimeMs / 1000) * 1000
      const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`
      const lastModified = new Date(modified).toUTCString()
      const validators = { 'accept-ranges': 'bytes', etag, 'last-modified': lastModified, 'cache-control': CACHE_CONTROL }
      if (notModified(c.req, etag, modified)) {
        return new Response(null, { status: 304, headers: validators })
      }
      // A range of an older copy (If-Range with another validator) gets the whole current file.
      const ifRange = c.req.header('if-range')
      const range = ifRange === undefined || ifRange === etag || ifRange === lastModified ? parseRange(c.req.header('range'), stat.size) : undefined
      if (range === 'unsatisfiable') {
        return new Response(null, { status: 416, headers: { ...validators, 'content-range': `bytes */${stat.size}` } })
      }
      const { start, end } = range ?? { start: 0, end: stat.size - 1 }
      const length = end - start + 1
      const headers = {
        ...validators,
        'content-type': 'application/vnd.pmtiles',
        'content-length': String(length),
        ...(range ? { 'content-range': `bytes ${start}-${end}/${stat.size}` } : {}),
      }
      const status = range ? 206 : 200
      if (c.req.method === 'HEAD' || length === 0) {
        return new Response(null, { status, headers })
      }
      streaming = true
      return new Response(readStream(handle, start, length), { status, headers })
    } finally {
      if (!streaming) {
        await handle.close()
      }
    }
  })
  return app
}

/** If-None-Match (weak comparison, as RFC 9110 asks for it), else If-Modified-Since. */
function notModified(req: HonoRequest, etag: string, modified: number): boolean {
  const ifNoneMatch = req.header('if-none-match')
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim()
      return t === '*' || t.replace(/^W\//, '') === etag
    })
  }
  const since = Date.parse(req.header('if-modified-since') ?? '')
  return Number.isFinite(since) && modified <= since
}

/** `length` bytes from `start`, read as the client takes them; the file is closed at the end. */
function readStream(handle: fs.FileHandle, start: number, length: number): ReadableStream<Uint8Array> {
  let position = start
  const end = start + length
  let closed = false
  const close = async () => {
    if (!closed) {
      closed = true
      await handle.close()
    }
  }
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const size = Math.min(CHUNK_BYTES, end - position)
        const { bytesRead, buffer } = await handle.read(new Uint8Array(size), 0, size, position)
        if (bytesRead === 0) {
          // The file was cut short while being sent: fail rather than send a wrong length.
          throw new Error('the map file ended early')
        }
        position += bytesRead
        controller.enqueue(buffer.subarray(0, bytesRead))
        if (position >= end) {
          controller.close()
          await close()
        }
      } catch (error) {
        controller.error(error)
        await close()
      }
    },
    cancel: close,
  })
}
