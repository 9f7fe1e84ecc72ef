/**
 * Public case numbers ("folios") such as `PA-26-4K7Q-V`: a programme prefix, the two-digit year,
 * four characters and a check character. People read them aloud over the phone, copy them from a
 * screen at a toll booth and type them on a phone days later, so:
 *
 * - the alphabet has 31 characters, digits and capitals without I, L, O, U and Z, which are easily
 *   confused (I/L with 1, O with 0, U with V, Z with 2);
 * - the check character is a position-weighted sum modulo 31 over the year and the body. Because
 *   31 is prime and the weights 1…6 are distinct, one wrong character, and any two characters
 *   swapped, always change the sum: every such slip is caught;
 * - reading is forgiving: lower case, spaces, missing or extra hyphens, and O, I, L typed for 0, 1, 1
 *   are accepted.
 */

export const FOLIO_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXY'
const BASE = FOLIO_ALPHABET.length
export const FOLIO_BODY_LENGTH = 4
/** How many folios one prefix can give in one year. */
export const FOLIOS_PER_YEAR = BASE ** FOLIO_BODY_LENGTH

/** Programme prefixes: Paisano cases, and the location requests of missing migrants. */
export const FOLIO_PREFIXES = ['PA', 'LB'] as const
export type FolioPrefix = (typeof FOLIO_PREFIXES)[number]

/** Parts of a folio. */
export interface FolioParts {
  prefix: FolioPrefix
  /** Two-digit year, 00–99. */
  year: number
  /** Four characters of the alphabet. */
  body: string
}

/** The check character of a year and body. */
export function folioCheck(year: number, body: string): string {
  const chars = `${String(year).padStart(2, '0')}${body}`
  let sum = 0
  for (let i = 0; i < chars.length; i += 1) {
    const value = FOLIO_ALPHABET.indexOf(chars[i] ?? '')
    if (value < 0) {
      throw new RangeError('not a folio character')
    }
    sum += (i + 1) * value
  }
  return FOLIO_ALPHABET[sum % BASE] ?? '0'
}

/**
 * Writes a folio in its canonical form.
 * @example formatFolio({ prefix: 'PA', year: 26, body: '4K7Q' }) // 'PA-26-4K7Q-' + check
 */
export function formatFolio(parts: FolioParts): string {
  const year = String(parts.year).padStart(2, '0')
  return `${parts.prefix}-${year}-${parts.body}-${folioCheck(parts.year, parts.body)}`
}

/** The body with the given number (0 ≤ n < FOLIOS_PER_YEAR), for allocating folios from numbers. */
export function folioBody(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= FOLIOS_PER_YEAR) {
    throw new RangeError('folio number out of range')
  }
  let out = ''
  let rest = n
  for (let i = 0; i < FOLIO_BODY_LENGTH; i += 1) {
    out = (FOLIO_ALPHABET[rest % BASE] ?? '0') + out
    rest = Math.floor(rest / BASE)
  }
  return out
}

/**
 * Reads a folio as a person typed it; undefined when it is not one or its check character does
 * not match (a slip), so a lookup never reaches the database with a mistyped folio.
 * @example parseFolio('pa 26 4k7q') // undefined: the check character is missing
 */
export function parseFolio(text: string): FolioParts | undefined {
  const squeezed = text.toUpperCase().replace(/[\s\-–—_.]/g, '')
  // Look-alike letters are read as digits after the prefix only: `LB` stays `LB`.
  const compact = squeezed.slice(0, 2) + squeezed.slice(2).replace(/O/g, '0').replace(/[IL]/g, '1')
  const match = /^([A-Z]{2})(\d{2})([0-9A-Z]{4})([0-9A-Z])$/.exec(compact)
  if (!match) {
    return undefined
  }
  const [, prefix, year, body, check] = match
  const knownPrefix = FOLIO_PREFIXES.find((p) => p === prefix)
  if (knownPrefix === undefined || body === undefined || check === undefined || [...body].some((c) => !FOLIO_ALPHABET.includes(c))) {
    return undefined
  }
  const y = Number(year)
  return folioCheck(y, body) === check ? { prefix: knownPrefix, year: y, body } : undefined
}

/** The canonical form of a typed folio, or undefined (see `parseFolio`). */
export function normalizeFolio(text: string): string | undefined {
  const parts = parseFolio(text)
  return parts && formatFolio(parts)
}
