import { ATTACHMENT_EXTENSIONS, ATTACHMENT_LIMITS, AttachmentType, declaredType, type AttachmentView, type Lang } from '@faro/core'
import { uploadRaw } from '../../api/client.ts'

/** Why a chosen file is not sent, found before any byte leaves the phone. */
export type LocalRefusal = { reason: 'empty' } | { reason: 'too_large'; maxMb: number } | { reason: 'type' } | { reason: 'full'; max: number }

/**
 * Checks a chosen file as the server will, so a person on a slow line learns at once that a
 * 40 MB video will not go: size, and a kind that looks like a photo or a PDF by its type or, when
 * the phone gives none (HEIC often), its extension. The server still reads the bytes and decides.
 */
export function checkFile(file: { name: string; size: number; type: string }, alreadyAttached: number): LocalRefusal | undefined {
  if (alreadyAttached >= ATTACHMENT_LIMITS.maxPerRecord) {
    return { reason: 'full', max: ATTACHMENT_LIMITS.maxPerRecord }
  }
  if (file.size === 0) {
    return { reason: 'empty' }
  }
  if (file.size > ATTACHMENT_LIMITS.maxBytes) {
    return { reason: 'too_large', maxMb: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024 }
  }
  const declared = declaredType(file.type)
  if (declared !== undefined) {
    return AttachmentType.safeParse(declared).success ? undefined : { reason: 'type' }
  }
  const extension = file.name.includes('.') ? (file.name.split('.').at(-1) ?? '').toLowerCase() : ''
  return Object.values(ATTACHMENT_EXTENSIONS).some((list) => list.includes(extension)) ? undefined : { reason: 'type' }
}

/**
 * A size in the person's language: bytes, KB or MB (of 1,024), one decimal at most.
 * @example formatSize(1_572_864, 'es') // '1.5 MB'
 */
export function formatSize(bytes: number, lang: Lang): string {
  const locale = lang === 'es' ? 'es-MX' : 'en-US'
  if (bytes < 1024) {
    return `${new Intl.NumberFormat(locale).format(bytes)} B`
  }
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / 1024 / 1024, 'megabyte']
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'megabyte' ? 1 : 0 }).format(value)
}

/**
 * Sends one file as the raw body of `POST /api/cases/:id/attachments`, reporting how much has
 * gone (fetch cannot tell an upload's progress; XMLHttpRequest can). The id makes a retry of the
 * same file one attachment. Rejects as `api()` does: ApiError with the problem, or NetworkError.
 */
export function uploadEvidence(caseId: string, file: File, opts: { id: string; csrfToken: string | undefined; lang: Lang; onProgress: (fraction: number) => void }): Promise<AttachmentView> {
  const query = new URLSearchParams({ id: opts.id, name: file.name })
  return uploadRaw<AttachmentView>(`/api/cases/${encodeURIComponent(caseId)}/attachments?${query.toString()}`, file, opts)
}
