import { formalNames } from './hypocorisms.ts'
import { DE_SURNAMES, GIVEN_CONTINUATIONS, GIVEN_WORDS, NON_NAMES, SURNAME_WORDS } from './lexicon.ts'
import { phoneticKeys } from './phonetic.ts'
import type { NameFeatures, NameParse, NameToken } from './schemas.ts'
import { MATCH_PARTICLES, foldWords, isUpperCase } from './text.ts'

/** The name fields of a record as written; any may be missing. */
export interface NameFields {
  givenNames?: string | null
  surname1?: string | null
  surname2?: string | null
  fullName?: string | null
}

/** At most this many given words and surnames are kept per name: enough for every real case. */
export const MAX_NAME_WORDS = 3

/**
 * Splits a name into given names and surnames with their derived keys. Particles are dropped
 * from the words (De la Cruz → cruz) but kept in the joined form (delacruz); hyphenated US forms
 * (Hernández-López) give two surnames; a "de García" after a woman's surname is her husband's
 * (kept apart in `married`); "Ma." is María. When the given names and surnames are all empty,
 * the full name is split by `parseFreeName`.
 * @example nameFromFields({ givenNames: 'Ma. del Carmen', surname1: 'López de García' }, 'F')
 * // given maria, carmen; surnames lopez; married garcia
 */
export function nameFromFields(fields: NameFields, sex: 'M' | 'F' | null = null): NameFeatures | null {
  const given = present(fields.givenNames)
  const s1 = present(fields.surname1)
  const s2 = present(fields.surname2)
  if (s1 === null && s2 === null) {
    const free = present(fields.fullName) ?? given
    return free === null ? null : parseFreeName(free, false)
  }
  const first = s1 === null ? emptySurname() : surnameField(s1, sex, false)
  const second = s2 === null ? emptySurname() : surnameField(s2, sex, s1 !== null)
  const name: NameFeatures = {
    given: given === null ? [] : givenWords(foldWords(given)).map(givenToken),
    surnames: [...first.words, ...second.words].slice(0, MAX_NAME_WORDS).map(surnameToken),
    married: [...first.married, ...second.married].map(surnameToken),
    joined: [...first.joined, ...second.joined],
    parse: 'fields',
    alias: false,
  }
  return isEmpty(name) ? null : name
}

/**
 * Splits a name written as one string. A comma puts the surnames first ("López, Juan"); without
 * one, the split that best fits known given names and surnames wins, and a string in capitals
 * leans to surnames first, as Mexican forms ask ("HERNANDEZ LOPEZ JUAN CARLOS").
 * @example parseFreeName('HERNANDEZ LOPEZ JUAN CARLOS') // given juan, carlos; surnames hernandez, lopez
 * @example parseFreeName('María de los Ángeles Pérez') // given maria, angeles; surnames perez
 */
export function parseFreeName(text: string, alias: boolean): NameFeatures | null {
  const comma = text.indexOf(',')
  if (comma >= 0) {
    const surnames = surnameField(text.slice(0, comma), null, false)
    const name: NameFeatures = {
      given: givenWords(foldWords(text.slice(comma + 1))).map(givenToken),
      surnames: surnames.words.slice(0, MAX_NAME_WORDS).map(surnameToken),
      married: surnames.married.map(surnameToken),
      joined: surnames.joined,
      parse: 'surnames_first',
      alias,
    }
    return isEmpty(name) ? null : name
  }
  const units = nameUnits(foldWords(text).filter((w) => !NON_NAMES.has(w)))
  if (units.length === 0) {
    return null
  }
  const split = chooseSplit(units, isUpperCase(text))
  const givenUnits = units.slice(split.givenFrom, split.givenTo)
  const surnameUnits = split.parse === 'surnames_first' ? units.slice(0, split.givenFrom) : units.slice(split.givenTo)
  const name: NameFeatures = {
    given: givenUnits.flatMap((u) => u.words).slice(0, MAX_NAME_WORDS).map(givenToken),
    surnames: surnameUnits.flatMap((u) => u.words).slice(0, MAX_NAME_WORDS).map(surnameToken),
    married: [],
    joined: surnameUnits.filter((u) => u.all.length > 1).map((u) => u.all.join('')),
    parse: split.parse,
    alias,
  }
  return isEmpty(name) ? null : name
}

/**
 * An alias as a name. A single word is taken as another given name of the same person
 * (Chuy, Lupe) and keeps the main name's surnames; anything longer is parsed as a full name.
 * @example aliasName('Chuy', main) // given chuy (formal jesus) with main's surnames
 */
export function aliasName(text: string, main: NameFeatures | null): NameFeatures | null {
  const words = foldWords(text).filter((w) => !MATCH_PARTICLES.has(w) && !NON_NAMES.has(w) && w !== 'el' && w !== 'la')
  if (words.length === 1 && main !== null && main.surnames.length > 0) {
    const word = words[0] ?? ''
    return { given: [givenToken(word)], surnames: main.surnames, married: main.married, joined: main.joined, parse: main.parse, alias: true }
  }
  return parseFreeName(text, true)
}

/** A word of a given name with its keys: phonetic keys and the formal names it may stand for. */
export function givenToken(word: string): NameToken {
  return { text: word, keys: phoneticKeys(word), formal: [...formalNames(word)] }
}

/**
 * A word of a surname with its phonetic keys, and its other spellings when it is also a given
 * name (Haitian surnames often are: Joseph, Jozef).
 */
export function surnameToken(word: string): NameToken {
  return { text: word, keys: phoneticKeys(word), formal: [...formalNames(word)] }
}

interface SurnameParts {
  words: string[]
  married: string[]
  joined: string[]
}

interface Unit {
  /** The words that carry identity. */
  words: string[]
  /** Every word, particles included, as written. */
  all: string[]
}

function present(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value
}

function emptySurname(): SurnameParts {
  return { words: [], married: [], joined: [] }
}

function isEmpty(name: NameFeatures): boolean {
  return name.given.length === 0 && name.surnames.length === 0
}

/** Given-name words without particles and placeholders: "María de los Ángeles" → maria, angeles. */
function givenWords(words: string[]): string[] {
  return words.filter((w) => !MATCH_PARTICLES.has(w) && !NON_NAMES.has(w)).slice(0, MAX_NAME_WORDS)
}

/**
 * One surname field: particles out of the words, a married "de X" apart, the joined form kept.
 * `afterSurname` says a first surname precedes this field, so a leading "de García" is married.
 */
function surnameField(text: string, sex: 'M' | 'F' | null, afterSurname: boolean): SurnameParts {
  const all = foldWords(text).filter((w) => !NON_NAMES.has(w))
  const parts: SurnameParts = { words: [], married: [], joined: [] }
  const kept: string[] = []
  for (let i = 0; i < all.length; i++) {
    const word = all[i] ?? ''
    const next = all[i + 1]
    const marriedHere = word === 'de' && next !== undefined && !MATCH_PARTICLES.has(next) && !DE_SURNAMES.has(next) && sex !== 'M' && (i > 0 || afterSurname)
    if (marriedHere) {
      parts.married.push(next)
      i++
      continue
    }
    kept.push(word)
    if (MATCH_PARTICLES.has(word)) {
      continue
    }
    const stripped = /^(dela|delos|delas)([a-z]{3,})$/.exec(word)
    if (stripped?.[2] !== undefined) {
      parts.words.push(stripped[2])
      parts.joined.push(word)
      continue
    }
    parts.words.push(word)
  }
  if (kept.length > 1) {
    parts.joined.push(kept.join(''))
  }
  return parts
}

/** Groups particles with the word they introduce: juan | de la cruz | perez. */
function nameUnits(words: string[]): Unit[] {
  const units: Unit[] = []
  let pending: string[] = []
  for (const word of words) {
    if (MATCH_PARTICLES.has(word)) {
      pending.push(word)
      continue
    }
    units.push({ words: [word], all: [...pending, word] })
    pending = []
  }
  return units
}

function givenLike(unit: Unit): boolean {
  const word = unit.words[0] ?? ''
  if (unit.all.length > 1) {
    // After a particle only a few words continue a given name (María del Carmen); others are surnames (Saint-Louis).
    return GIVEN_CONTINUATIONS.has(word)
  }
  return GIVEN_WORDS.has(word) || formalNames(word).length > 0
}

function surnameLike(unit: Unit): boolean {
  const word = unit.words[0] ?? ''
  if (unit.all.length > 1) {
    return !GIVEN_CONTINUATIONS.has(word)
  }
  return SURNAME_WORDS.has(word) || (/(ez|es|az)$/.test(word) && word.length >= 5 && !GIVEN_WORDS.has(word))
}

interface Split {
  parse: NameParse
  givenFrom: number
  givenTo: number
}

/** Picks given-first or surnames-first by how well each fits the word lists. */
function chooseSplit(units: Unit[], upper: boolean): Split {
  const n = units.length
  const g = units.map(givenLike)
  const s = units.map(surnameLike)
  const asGiven = (i: number) => (g[i] && !s[i] ? 1 : s[i] && !g[i] ? -1 : 0)
  const asSurname = (i: number) => -asGiven(i)
  if (n === 1) {
    return s[0] && !g[0] ? { parse: 'single', givenFrom: 0, givenTo: 0 } : { parse: 'single', givenFrom: 0, givenTo: 1 }
  }
  // Given first: one surname when the last-but-one word is a given name, else two.
  const gfSurnames = n === 2 || (asGiven(n - 2) > 0 && n <= 3) ? 1 : 2
  const gf: Split = { parse: 'given_first', givenFrom: 0, givenTo: n - gfSurnames }
  // Surnames first: one surname when the second word is a given name, else two.
  const sfSurnames = n === 2 || asGiven(1) > 0 ? 1 : 2
  const sf: Split = { parse: 'surnames_first', givenFrom: sfSurnames, givenTo: n }
  const score = (split: Split) => {
    let total = 0
    for (let i = 0; i < n; i++) {
      const isGiven = i >= split.givenFrom && i < split.givenTo
      total += isGiven ? asGiven(i) : asSurname(i)
    }
    return total
  }
  return score(sf) + (upper ? 0.5 : 0) > score(gf) ? sf : gf
}
