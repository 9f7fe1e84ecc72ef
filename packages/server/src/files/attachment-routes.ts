import { Hono, type MiddlewareHandler } from 'hono'
import { ATTACHMENT_LIMITS, AttachmentReadQuery, AttachmentType, AttachmentUploadQuery, AttachmentView, CustodyEntry, downloadName, parseInput, RecordId, UuidV7 } from '@faro/core'
import { z } from 'zod'
import { requireAuth } from '../http/auth.ts'
import { limitBody } from '../http/body-limit.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { query } from '../http/validate.ts'
import type { Ctx } from '../log/context.ts'
import { addAttachment, custodyOf, listAttachments, openAttachment, type AttachmentDeps, type AttachmentRules } from './attachments.ts'

/**
 * What a file's bytes are answered with: never rendered by the browser as a page (no script,
 * no plugin, sandboxed), never guessed at (nosniff), always saved as a file.
 */
export const FILE_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"

/**
 * The attachments of one kind of record, under `/:id/attachments` of where they are mounted
 * (`/api/cases`): send a file as the raw body, list them, open one, read its chain of custody.
 */
export function attachmentRoutes(deps: AttachmentDeps, rules: AttachmentRules) {
  const app = new Hono<AppEnv>()
  const tags = ['attachments']
  const what = rules.recordType
  const recordIdOf = (ctx: Ctx, id: string) => parseInput(RecordId, id, ctx.lang, 'id')
  const attachmentIdOf = (ctx: Ctx, id: string) => parseInput(UuidV7, id, ctx.lang, 'attachmentId')

  app.post(
    '/:id/attachments',
    describe({
      errors: [409],
      summary: `Attach a photo or PDF to a ${what}: the file is the raw body (its Content-Type, if any, must match its bytes), at most ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB, ${ATTACHMENT_LIMITS.maxPerRecord} files a ${what}; stored encrypted with its SHA-256`,
      tags,
      rawBody: { types: [...AttachmentType.options, 'application/octet-stream'], description: 'The file\'s bytes. Its kind is read from them; a Content-Type naming another kind is refused.' },
      responses: { 201: { description: 'Attached', schema: AttachmentView }, 200: { description: 'The same id again: the same attachment', schema: AttachmentView } },
    }),
    requireAuth,
    query(AttachmentUploadQuery),
    limitBody(ATTACHMENT_LIMITS.maxBytes),
    async (c) => {
      const ctx = c.get('ctx')
      const q = c.req.valid('query')
      const result = await addAttachment(ctx, deps, rules, recordIdOf(ctx, c.req.param('id')), {
        id: q.id,
        name: q.name,
        contentType: c.req.header('content-type'),
        read: async () => new Uint8Array(await c.req.arrayBuffer()),
      })
      return c.json(result.attachment, result.status === 'accepted' ? 201 : 200)
    },
  )

  app.get('/:id/attachments', describe({ summary: `The files attached to a ${what}, oldest first: kind, size, SHA-256, who added them and when; never the bytes`, tags, responses: { 200: { description: 'Its files', schema: z.object({ items: z.array(AttachmentView) }) } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    return c.json({ items: await listAttachments(ctx, deps, rules.recordType, recordIdOf(ctx, c.req.param('id'))) })
  })

  app.get(
    '/:id/attachments/:attachmentId',
    describe({ summary: `One file of a ${what}, as a download with the Content-Type read from its bytes; each opening is a line of its chain of custody`, tags, responses: { 200: { description: 'The file\'s bytes (image/jpeg, image/png, image/webp, image/heic or application/pdf), with Content-Disposition: attachment, a sandboxing Content-Security-Policy and X-Content-Type-Options: nosniff; its SHA-256 in Repr-Digest' } } }),
    requireAuth,
    query(AttachmentReadQuery),
    async (c) => {
      const ctx = c.get('ctx')
      const { attachment, bytes } = await openAttachment(ctx, deps, rules.recordType, recordIdOf(ctx, c.req.param('id')), attachmentIdOf(ctx, c.req.param('attachmentId')), c.req.valid('query').use)
      const filename = downloadName(attachment.name, attachment.mediaType, attachment.id)
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': attachment.mediaType,
        'content-length': String(bytes.byteLength),
        'content-disposition': contentDisposition(filename),
        'x-content-type-options': 'nosniff',
        'content-security-policy': FILE_CSP,
        'cross-origin-resource-policy': 'same-origin',
        'repr-digest': `sha-256=:${Buffer.from(attachment.sha256, 'hex').toString('base64')}:`,
      })
    },
  )

  app.get('/:id/attachments/:attachmentId/custody', describe({ summary: `The chain of custody of one file of a ${what}: who added, viewed and downloaded it, and when`, tags, responses: { 200: { description: 'Its custody, in order', schema: z.object({ items: z.array(CustodyEntry) }) } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    return c.json({ items: await custodyOf(ctx, rules.recordType, recordIdOf(ctx, c.req.param('id')), attachmentIdOf(ctx, c.req.param('attachmentId'))) })
  })

  return app
}

/**
 * Keeps a file's own Content-Security-Policy: the app-wide headers are set after the route has
 * answered, over whatever it set. Mount it outside (before) the app-wide security headers.
 */
export function keepFileCsp(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    if (c.res.status === 200 && FILE_PATH.test(c.req.path)) {
      c.res.headers.set('content-security-policy', FILE_CSP)
    }
  }
}

/**
 * Lets a file upload through the API's general body limit, which is for JSON: the route applies
 * the attachment limit itself.
 */
export function exceptUploads(limit: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return async (c, next) => (c.req.method === 'POST' && (UPLOAD_PATH.test(c.req.path) || AUDIO_UPLOAD_PATH.test(c.req.path)) ? next() : limit(c, next))
}

// Any resource's attachments: /api/<resource>/<id>/attachments[/<attachmentId>].
const UPLOAD_PATH = /^\/api\/[a-z-]+\/[^/]+\/attachments$/
// A recording of a guide's page (guide/guide-routes.ts), which applies its own limit.
const AUDIO_UPLOAD_PATH = /^\/api\/guide\/editions\/[^/]+\/sections\/[^/]+\/[^/]+\/audio$/
const FILE_PATH = /^\/api\/[a-z-]+\/[^/]+\/attachments\/[^/]+$/

/** `attachment`, with an ASCII name for old clients and the UTF-8 one (RFC 6266, RFC 8187). */
function contentDisposition(filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%;]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`
}
