import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { DomainError, message, PROBLEM_TITLES } from '@faro/core'
import type { Ctx } from '../log/context.ts'
import type { AppEnv } from '../http/env.ts'
import type { StoredEdition } from './editions.ts'

/**
 * Recordings of the public pages read aloud, for people who read little: one per section and
 * language of an edition, played on the site with the plain `<audio>` element. The kind is read
 * from the bytes (MP3, Ogg, MP4/AAC, WebM as phones and browsers record them), never from a name.
 */

export const AUDIO_MAX_BYTES = 8 * 1024 * 1024
export const AUDIO_TYPES = ['audio/mpeg', 'audio/ogg', 'audio/mp4', 'audio/webm'] as const
export type AudioType = (typeof AUDIO_TYPES)[number]

/** The kind of a recording from its first bytes, or undefined when it is none Faro plays. */
export function sniffAudio(bytes: Uint8Array): AudioType | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))
  if (ascii(0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0 && ((bytes[1] ?? 0) & 0x06) !== 0)) {
    return 'audio/mpeg'
  }
  if (ascii(0, 4) === 'OggS') {
    return 'audio/ogg'
  }
  if (ascii(4, 8) === 'ftyp' && ['M4A ', 'M4B ', 'mp42', 'isom', 'dash', 'iso5'].includes(ascii(8, 12))) {
    return 'audio/mp4'
  }
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    return 'audio/webm'
  }
  return undefined
}

/** Stores a recording once: the same id again with the same bytes is the same recording. */
export async function storeAudio(ctx: Ctx, id: string, bytes: Uint8Array): Promise<void> {
  const invalid = (code: string, key: string) => new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: '(body)', code, message: message(key, ctx.lang) }] })
  if (bytes.byteLength === 0) {
    throw invalid('empty', 'faro.attachment_empty')
  }
  const mediaType = sniffAudio(bytes)
  if (mediaType === undefined) {
    throw invalid('type_not_allowed', 'faro.audio_type')
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const prior = await ctx.db.db.selectFrom('publicMedia').select(['sha256', 'addedBy']).where('id', '=', id).executeTakeFirst()
  if (prior !== undefined) {
    if (prior.sha256 !== sha256 || prior.addedBy !== ctx.actor.userId) {
      throw new DomainError('conflict', message('faro.attachment_id_reused', ctx.lang), { reason: 'id_reused' })
    }
    return
  }
  await ctx.db.db.insertInto('publicMedia').values({ id, mediaType, size: bytes.byteLength, sha256, bytes: Buffer.from(bytes), addedBy: ctx.actor.userId, addedAt: ctx.clock.now().toISOString() }).execute()
}

/** True when a recording is read in some edition's text. */
export function editionPlays(edition: StoredEdition, audioId: string): boolean {
  return edition.state.sections.some((s) => Object.values(s.texts).some((t) => t.audioId === audioId))
}

/**
 * A recording's bytes, whole or the one range a player asks for (players seek by ranges), with a
 * validator; kept by browsers for a year, since an id's bytes never change.
 */
export async function serveAudio(c: Context<AppEnv>, db: Ctx['db'], id: string): Promise<Response | undefined> {
  const row = await db.db.selectFrom('publicMedia').select(['mediaType', 'size', 'sha256', 'bytes']).where('id', '=', id).executeTakeFirst()
  if (row === undefined) {
    return undefined
  }
  const bytes = new Uint8Array(row.bytes)
  const headers: Record<string, string> = { 'content-type': row.mediaType, 'accept-ranges': 'bytes', etag: `"${row.sha256}"`, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' }
  if (c.req.header('if-none-match') === headers.etag) {
    return c.body(null, 304, headers)
  }
  const range = /^bytes=(\d*)-(\d*)$/.exec(c.req.header('range') ?? '')
  if (range !== null && (range[1] !== '' || range[2] !== '')) {
    const size = bytes.byteLength
    const start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1])
    const end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1)
    if (start > end || start >= size) {
      return c.body(null, 416, { ...headers, 'content-range': `bytes */${size}` })
    }
    return c.body(bytes.subarray(start, end + 1), 206, { ...headers, 'content-range': `bytes ${start}-${end}/${size}` })
  }
  return c.body(bytes, 200, headers)
}
