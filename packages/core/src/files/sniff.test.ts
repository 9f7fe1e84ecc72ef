import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sniffType } from './sniff.ts'

const text = (s: string) => new TextEncoder().encode(s)
const join = (...parts: (Uint8Array | number[] | string)[]) => new Uint8Array(parts.flatMap((p) => [...(typeof p === 'string' ? text(p) : p)]))
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
const ftyp = (major: string, compatible: string[]) => join(u32(16 + 4 * compatible.length), 'ftyp', major, [0, 0, 0, 0], compatible.join(''))

// A real 1×1 PNG, as an encoder writes it.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'))

const SAMPLES: [string, Uint8Array, string | undefined][] = [
  ['a JPEG (JFIF)', join([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'), 'image/jpeg'],
  ['a JPEG from a phone (Exif)', join([0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34], 'Exif'), 'image/jpeg'],
  ['a PNG', PNG, 'image/png'],
  ['a WebP (lossy)', join('RIFF', u32(0x24000000), 'WEBPVP8 '), 'image/webp'],
  ['a WebP (lossless)', join('RIFF', u32(0x24000000), 'WEBPVP8L'), 'image/webp'],
  ['a PDF', text('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'],
  ['a HEIC from an iPhone', join(ftyp('heic', ['mif1', 'heic']), [0, 0, 0, 8], 'meta'), 'image/heic'],
  ['a HEIF naming HEIC among its brands', ftyp('mif1', ['mif1', 'heix']), 'image/heic'],
  ['an AVIF', ftyp('avif', ['mif1', 'miaf', 'avif']), undefined],
  ['an MP4 video', ftyp('isom', ['isom', 'iso2', 'mp41']), undefined],
  ['a GIF', text('GIF89a\x01\x00\x01\x00'), undefined],
  ['HTML', text('<!doctype html><script>alert(1)</script>'), undefined],
  ['SVG', text('<svg xmlns="http://www.w3.org/2000/svg"/>'), undefined],
  ['a ZIP (an Office document)', join([0x50, 0x4b, 0x03, 0x04], 'word/'), undefined],
  ['a Windows program', join('MZ', [0x90, 0, 3, 0]), undefined],
  ['a PDF signature further in', text('junk\n%PDF-1.4'), undefined],
  ['a PNG signature with no header chunk', PNG.slice(0, 8), undefined],
  ['a RIFF that is audio', join('RIFF', u32(0), 'WAVEfmt '), undefined],
  ['an ftyp box longer than the file', join(u32(64), 'ftypheic', [0, 0, 0, 0]), undefined],
  ['nothing', new Uint8Array(0), undefined],
  ['two bytes of a JPEG', new Uint8Array([0xff, 0xd8]), undefined],
]

describe('sniffType', () => {
  for (const [name, bytes, expected] of SAMPLES) {
    it(`reads ${name} as ${expected ?? 'nothing Faro keeps'}`, () => {
      expect(sniffType(bytes)).toBe(expected)
    })
  }

  it('reads a file the same whatever follows its header', () => {
    const files = SAMPLES.filter(([, , expected]) => expected !== undefined)
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.uint8Array({ maxLength: 64 }), ([, bytes, expected], tail) => {
        expect(sniffType(join(bytes, tail))).toBe(expected)
      }),
    )
  })

  it('never throws on random bytes, and names a kind only when its signature is there', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 48 }), (bytes) => {
        const found = sniffType(bytes)
        const head = String.fromCharCode(...bytes.subarray(0, 12))
        const matches: Record<string, boolean> = {
          'image/jpeg': bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
          'image/png': bytes[0] === 0x89 && head.slice(1, 4) === 'PNG',
          'image/webp': head.startsWith('RIFF') && head.slice(8) === 'WEBP',
          'application/pdf': head.startsWith('%PDF-'),
          'image/heic': head.slice(4, 8) === 'ftyp',
        }
        expect(found === undefined || matches[found]).toBe(true)
      }),
    )
  })
})
