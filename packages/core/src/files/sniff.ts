import type { AttachmentType } from './attachments.ts'

/**
 * The kind of a file from its first bytes (its magic number), among the kinds Faro keeps, or
 * undefined for anything else. Names and declared media types are never trusted: a page of HTML
 * named `foto.jpg` is not a photo.
 *
 * - JPEG: `FF D8 FF`.
 * - PNG: its 8-byte signature followed by the `IHDR` chunk.
 * - WebP: a RIFF container of form `WEBP` with a `VP8 `, `VP8L` or `VP8X` chunk.
 * - HEIC: an ISO-BMFF `ftyp` box whose major or compatible brands are HEVC-coded HEIF
 *   (`heic`, `heix`, `heim`, `heis`, `hevc`, `hevx`); AVIF and video are not HEIC.
 * - PDF: `%PDF-` at the very start (readers accept it later in the file; Faro does not).
 * @example sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) // 'image/jpeg'
 */
export function sniffType(bytes: Uint8Array): AttachmentType | undefined {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) {
    return 'image/jpeg'
  }
  if (startsWith(bytes, 0, PNG_SIGNATURE) && ascii(bytes, 12, 4) === 'IHDR') {
    return 'image/png'
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP' && ['VP8 ', 'VP8L', 'VP8X'].includes(ascii(bytes, 12, 4))) {
    return 'image/webp'
  }
  if (ascii(bytes, 0, 5) === '%PDF-') {
    return 'application/pdf'
  }
  if (isHeic(bytes)) {
    return 'image/heic'
  }
  return undefined
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx'])

/** An `ftyp` box first, sized within the file, naming a HEVC-coded HEIF brand. */
function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') {
    return false
  }
  const size = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)
  if (size < 16 || size > bytes.length || size % 4 !== 0) {
    return false
  }
  // The major brand at 8, the minor version at 12, then the compatible brands to the box's end.
  const brands = [ascii(bytes, 8, 4)]
  for (let at = 16; at + 4 <= size; at += 4) {
    brands.push(ascii(bytes, at, 4))
  }
  return brands.some((b) => HEIC_BRANDS.has(b))
}

function startsWith(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  return bytes.length >= at + expected.length && expected.every((b, i) => bytes[at + i] === b)
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  if (bytes.length < at + length) {
    return ''
  }
  return String.fromCharCode(...bytes.subarray(at, at + length))
}
