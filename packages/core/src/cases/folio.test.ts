import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FOLIO_ALPHABET, FOLIOS_PER_YEAR, folioBody, formatFolio, normalizeFolio, parseFolio } from './folio.ts'

const folio = fc.record({ year: fc.integer({ min: 0, max: 99 }), n: fc.integer({ min: 0, max: FOLIOS_PER_YEAR - 1 }) }).map(({ year, n }) => formatFolio({ prefix: 'PA', year, body: folioBody(n) }))

describe('folios', () => {
  it('read back what they write, however the person typed them', () => {
    fc.assert(
      fc.property(folio, (f) => {
        expect(normalizeFolio(f)).toBe(f)
        expect(normalizeFolio(f.toLowerCase().replace(/-/g, ' '))).toBe(f)
        expect(normalizeFolio(f.replace(/0/g, 'O').replace(/1/g, 'I'))).toBe(f)
      }),
    )
  })

  it('catch every single wrong character', () => {
    fc.assert(
      fc.property(folio, fc.nat(), fc.nat(), (f, at, by) => {
        // Only the year, body and check characters: the prefix is a fixed word.
        const positions = [3, 4, 6, 7, 8, 9, 11]
        const i = positions[at % positions.length] ?? 3
        const current = FOLIO_ALPHABET.indexOf(f[i] ?? '')
        const other = FOLIO_ALPHABET[(current + 1 + (by % (FOLIO_ALPHABET.length - 1))) % FOLIO_ALPHABET.length] ?? '0'
        const typo = f.slice(0, i) + other + f.slice(i + 1)
        expect(parseFolio(typo)).toBeUndefined()
      }),
    )
  })

  it('catch every swap of two different characters, next to each other or not', () => {
    fc.assert(
      fc.property(folio, fc.nat(), fc.nat(), (f, a, b) => {
        const positions = [3, 4, 6, 7, 8, 9, 11]
        const i = positions[a % positions.length] ?? 3
        const j = positions[b % positions.length] ?? 4
        fc.pre(f[i] !== f[j])
        const chars = [...f]
        ;[chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? '']
        expect(parseFolio(chars.join(''))).toBeUndefined()
      }),
    )
  })

  it('keep the letters of the prefix as they are', () => {
    const f = formatFolio({ prefix: 'LB', year: 26, body: '0101' })
    expect(normalizeFolio(f.toLowerCase())).toBe(f)
  })

  it('refuse what is not a folio', () => {
    for (const text of ['', 'PA-26-4K7Q', 'XX-26-4K7Q-9', 'PA-26-4K7Z-9', 'PA-2X-4K7Q-9', 'PA-26-4K7Q-99']) {
      expect(parseFolio(text)).toBeUndefined()
    }
  })

  it('number their bodies from 0000 to YYYY', () => {
    expect(folioBody(0)).toBe('0000')
    expect(folioBody(FOLIOS_PER_YEAR - 1)).toBe('YYYY')
    expect(() => folioBody(FOLIOS_PER_YEAR)).toThrow(RangeError)
  })
})
