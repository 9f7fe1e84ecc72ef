import { z } from 'zod'
import { IsoDateTime, RecordId, UuidV7 } from '../util/ids.ts'

/**
 * What one record may carry as attachments, shared by the form (checked before uploading) and
 * the API (which refuses a larger file with 413 while reading it). Evidence is photos of a
 * checkpoint, a receipt, a seizure form: a phone photo is 2–5 MB, a scanned page well under.
 */
export const ATTACHMENT_LIMITS = {
  /** Bytes in one file. */
  maxBytes: 10 * 1024 * 1024,
  /** Files on one record. */
  maxPerRecord: 20,
  /** Characters of a file name kept (after it is cleaned). */
  nameMax: 120,
} as const

/**
 * The kinds of file Faro keeps: photos (JPEG, PNG, WebP, and HEIC as iPhones take them) and PDF.
 * The kind is read from the file's first bytes (`sniffType`), never from its name or the
 * Content-Type a client sends.
 */
export const AttachmentType = z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'])
export type AttachmentType = z.infer<typeof AttachmentType>

/** The extension each kind is saved with, and the ones a file picker offers (`accept`). */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<AttachmentType, readonly string[]>> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/heic': ['heic', 'heif'],
  'application/pdf': ['pdf'],
}

/**
 * The `accept` list of a file input: every kind and its extensions (some phones give HEIC files
 * no media type, so the extensions are needed too).
 * @example attachmentAccept() // 'image/jpeg,.jpg,.jpeg,image/png,.png,…,application/pdf,.pdf'
 */
export function attachmentAccept(): string {
  return AttachmentType.options.flatMap((type) => [type, ...ATTACHMENT_EXTENSIONS[type].map((e) => `.${e}`)]).join(',')
}

/**
 * The media type a client declared, as the one it names among ours (`image/jpg` is JPEG), or
 * undefined when it says nothing useful (absent, `application/octet-stream`). Anything else is
 * returned as written, so the caller can tell a mismatch.
 */
export function declaredType(contentType: string | undefined): string | undefined {
  const bare = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (bare === '' || bare === 'application/octet-stream') {
    return undefined
  }
  return DECLARED_ALIASES[bare] ?? bare
}

const DECLARED_ALIASES: Readonly<Record<string, AttachmentType>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/heif': 'image/heic',
  'image/heic-sequence': 'image/heic',
  'image/heif-sequence': 'image/heic',
  'application/x-pdf': 'application/pdf',
}

/**
 * A file name fit to keep and to offer back: no folders, no control or direction-changing
 * characters (which can make `gpj.exe` read as `exe.jpg`), spaces collapsed, no leading dots,
 * at most `ATTACHMENT_LIMITS.nameMax` characters with the extension kept. Undefined when nothing
 * is left.
 * @example cleanFileName('C:\\fotos\\ retén  km 12.JPG') // 'retén km 12.JPG'
 */
export function cleanFileName(raw: string | undefined): string | undefined {
  if (raw === undefined) {
    return undefined
  }
  const base = raw.normalize('NFC').split(/[/\\]/).at(-1) ?? ''
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+/u, '')
    .trim()
  if (cleaned === '') {
    return undefined
  }
  const chars = [...cleaned]
  if (chars.length <= ATTACHMENT_LIMITS.nameMax) {
    return cleaned
  }
  const dot = cleaned.lastIndexOf('.')
  const extension = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : ''
  return chars.slice(0, ATTACHMENT_LIMITS.nameMax - extension.length).join('').trimEnd() + extension
}

/**
 * The name a file is downloaded as: its clean name, with the extension of its real kind added
 * when the name has another (a PDF named `foto.jpg` downloads as `foto.jpg.pdf`), or
 * `evidence-<first 8 of the id>.<extension>` when it has no name.
 */
export function downloadName(name: string | null | undefined, type: AttachmentType, id: string): string {
  const extensions = ATTACHMENT_EXTENSIONS[type]
  const base = cleanFileName(name ?? undefined) ?? `evidence-${id.slice(0, 8)}`
  const current = base.includes('.') ? (base.split('.').at(-1) ?? '').toLowerCase() : ''
  return extensions.includes(current) ? base : `${base}.${extensions[0] ?? 'bin'}`
}

/** Sends a file: the client's id makes a retry one attachment; the name is optional. */
export const AttachmentUploadQuery = z.strictObject({
  id: UuidV7.describe('UUIDv7 chosen by the client for this file: sending it again is the same attachment'),
  name: z.string().max(255).optional().describe('the file name, percent-encoded; kept cleaned (no folders or control characters) and encrypted like the file'),
})
export type AttachmentUploadQuery = z.infer<typeof AttachmentUploadQuery>

/** One attachment as listed: what it is, never its bytes. */
export const AttachmentView = z.object({
  id: UuidV7,
  recordType: z.string(),
  recordId: RecordId,
  name: z.string().nullable().describe('the file name as given, cleaned; null when none was given'),
  mediaType: AttachmentType.describe('read from the bytes'),
  size: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the file as received, in hex: the same file hashes the same anywhere'),
  addedBy: z.string().describe('the account that added it'),
  addedByUnit: z.string().describe('that account\'s unit when it added it'),
  addedAt: IsoDateTime,
})
export type AttachmentView = z.infer<typeof AttachmentView>

/** What was done with an attachment: added, opened in the app, or saved as a file. */
export const CustodyAction = z.enum(['added', 'viewed', 'downloaded'])
export type CustodyAction = z.infer<typeof CustodyAction>

/** One line of an attachment's chain of custody. */
export const CustodyEntry = z.object({
  action: CustodyAction,
  actorId: z.string(),
  actorUnit: z.string(),
  at: IsoDateTime,
})
export type CustodyEntry = z.infer<typeof CustodyEntry>

/** Reads an attachment's bytes; `use` says whether the client shows it or saves it, for the custody log. */
export const AttachmentReadQuery = z.strictObject({
  use: z.enum(['view', 'download']).default('download').describe('logged in the chain of custody as viewed or downloaded; the answer is the same'),
})
