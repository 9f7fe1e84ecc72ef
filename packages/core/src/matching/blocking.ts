import { phoneticKeys } from './phonetic.ts'
import type { MatchFeatures, NameFeatures, NameToken } from './schemas.ts'

/** At most this many keys per word (an x gives three readings, Beto seven formal names; the first five are kept). */
const MAX_KEYS_PER_WORD = 5

/**
 * The blocking keys of a record: plain strings, cheap to compute, each robust to a different
 * error, so that the union of their blocks finds the same person written differently. The same
 * function serves both sides and both directions (a request searching the registry, a new
 * record searching open requests): two records are candidates when they share any key.
 * A server stores keyed hashes (HMAC) of these strings, never the strings.
 *
 * - `n:` two name words by sound, in either order and role: given × surname, surname × surname,
 *   given × married name; nicknames add their formal names (Chuy → Jesús). Robust to accents,
 *   spelling by sound, swapped or dropped surnames, surnames among the given names, only one
 *   of two given names used, names split the wrong way.
 * - `p:` the first three letters of the first given name and of the first surname: robust to
 *   typing slips after the third letter, which the sound keys do not forgive.
 * - `d:` the date of birth, and the same with day and month swapped: finds a person whose name
 *   was written beyond recognition (or replaced by an alias) when the date was kept. A 1 January
 *   date is left out (too often a default).
 * @example blockingKeys(standardise({ role: 'request', givenNames: 'Jesús', surname1: 'Xicay', birthDate: '1990-03-05' }))
 * // ['n:Xikai|jesus', 'n:jesus|jikai', 'n:jesus|ksikai', 'p:jes|xic', 'd:1990-03-05', 'd:1990-05-03']
 */
export function blockingKeys(features: MatchFeatures): string[] {
  const keys = new Set<string>()
  for (const name of features.names) {
    nameKeys(name, keys)
  }
  const main = features.names[0]
  const given = main?.given[0]
  const surname = main?.surnames[0]
  if (given !== undefined && surname !== undefined && given.text.length > 1) {
    keys.add(`p:${given.text.slice(0, 3)}|${surname.text.slice(0, 3)}`)
  }
  const dob = features.birth?.dob
  if (dob && !features.birth?.jan1) {
    keys.add(`d:${dob}`)
    const swapped = `${dob.slice(0, 4)}-${dob.slice(8, 10)}-${dob.slice(5, 7)}`
    if (Number(dob.slice(8, 10)) <= 12) {
      keys.add(`d:${swapped}`)
    }
  }
  return [...keys]
}

function nameKeys(name: NameFeatures, keys: Set<string>): void {
  const given = name.given.slice(0, 2).filter((t) => t.text.length > 1).map(sounds)
  const surnames = name.surnames.slice(0, 2).map(sounds)
  const married = name.married.slice(0, 1).map(sounds)
  for (const g of given) {
    for (const s of [...surnames, ...married]) {
      pairKeys(g, s, keys)
    }
  }
  const [first, second] = surnames
  if (first !== undefined && second !== undefined) {
    pairKeys(first, second, keys)
  }
  // A name split by guess may have put a surname among the given names: pair those too.
  const [g1, g2] = given
  if (name.parse !== 'fields' && g1 !== undefined && g2 !== undefined) {
    pairKeys(g1, g2, keys)
  }
  // A third given word is usually a surname a US form put in the middle-name box.
  const third = name.given[2]
  if (g1 !== undefined && third !== undefined && third.text.length > 1) {
    pairKeys(g1, sounds(third), keys)
  }
}

function pairKeys(a: readonly string[], b: readonly string[], keys: Set<string>): void {
  for (const x of a) {
    for (const y of b) {
      keys.add(x < y ? `n:${x}|${y}` : `n:${y}|${x}`)
    }
  }
}

/** The phonetic keys of a word and of the formal names it may stand for (Chuy: Jesús). */
function sounds(token: NameToken): string[] {
  const sounds = new Set(token.keys)
  for (const formal of token.formal) {
    for (const key of phoneticKeys(formal)) {
      sounds.add(key)
    }
  }
  return [...sounds].slice(0, MAX_KEYS_PER_WORD)
}
