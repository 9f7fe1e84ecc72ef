import { ApiError, NetworkError } from '../../api/client.ts'

/**
 * A section's recording, read aloud in a language: what may be sent, and why a file was refused.
 * The server reads the kind from the bytes and keeps its own limit (`guide/audio.ts`); these only
 * spare someone on a slow line the wait for a refusal that was certain.
 */

/** The server's limit for one recording (8 MB). */
export const RECORDING_MAX_BYTES = 8 * 1024 * 1024

const RECORDING_TYPES = ['audio/mpeg', 'audio/ogg', 'audio/mp4', 'audio/webm']
// Phones and recorders name their files by these; a browser may give no type for some.
const RECORDING_EXTENSIONS = ['mp3', 'ogg', 'oga', 'opus', 'm4a', 'aac', 'webm']
// Types browsers give for the same kinds: WAV and others stay out, the site does not play them everywhere.
const TYPE_ALIASES = new Set([...RECORDING_TYPES, 'audio/mp3', 'audio/x-m4a', 'audio/aac', 'audio/opus', 'video/webm', 'video/ogg'])

/** The file input's `accept`: the kinds by type and by extension. */
export const RECORDING_ACCEPT = [...RECORDING_TYPES, ...RECORDING_EXTENSIONS.map((e) => `.${e}`)].join(',')

/** Why a recording was not kept, from the file before sending or from the server's answer. */
export type RecordingRefusal = 'empty' | 'too_large' | 'not_audio' | 'published' | 'no_text' | 'gone' | 'network' | 'other'

/** Checks a chosen file as the server will: not empty, within the limit, a kind of recording by its type or name. */
export function checkRecording(file: { name: string; size: number; type: string }): RecordingRefusal | undefined {
  if (file.size === 0) {
    return 'empty'
  }
  if (file.size > RECORDING_MAX_BYTES) {
    return 'too_large'
  }
  const type = file.type.split(';')[0]?.trim().toLowerCase() ?? ''
  if (type !== '' && type !== 'application/octet-stream') {
    return TYPE_ALIASES.has(type) ? undefined : 'not_audio'
  }
  const extension = file.name.includes('.') ? (file.name.split('.').at(-1) ?? '').toLowerCase() : ''
  return RECORDING_EXTENSIONS.includes(extension) ? undefined : 'not_audio'
}

/** The server's refusal of a recording, as a reason to say in words (never its raw message). */
export function recordingRefusal(error: unknown): RecordingRefusal {
  if (error instanceof NetworkError) {
    return 'network'
  }
  if (!(error instanceof ApiError)) {
    return 'other'
  }
  const issues = error.problem?.errors ?? []
  switch (error.status) {
    case 400: {
      const body = issues.find((e) => e.field === '(body)')
      if (body !== undefined) {
        return body.code === 'empty' ? 'empty' : 'not_audio'
      }
      return issues.some((e) => e.code === 'no_text') ? 'no_text' : 'other'
    }
    case 404:
      return 'gone'
    case 409:
      return error.problem?.reason === 'edition_published' ? 'published' : 'other'
    case 413:
      return 'too_large'
    default:
      return 'other'
  }
}

/**
 * A file's size in megabytes, in the person's language, one decimal at most.
 * @example megabytes(9_961_472, 'es') // '9.5 MB'
 */
export function megabytes(bytes: number, uiLang: string): string {
  return new Intl.NumberFormat(uiLang === 'es' ? 'es-MX' : 'en-US', { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)
}
