import { BASE_GIVEN_SHARE, BASE_SURNAME_SHARE } from './lexicon.ts'
import type { MatchFeatures } from './schemas.ts'

/** Weight, in people, of the built-in national shares against the registry's own counts. */
const PRIOR_PEOPLE = 10_000
/** Share assumed for a word nobody has counted: a rare name. */
const UNSEEN_GIVEN = 2e-4
const UNSEEN_SURNAME = 1e-4
const UNSEEN_NATIONALITY = 0.2

/** Counts of name words and nationalities, as plain JSON. */
export interface FrequencySnapshot {
  population: number
  given: Record<string, number>
  surname: Record<string, number>
  nationality: Record<string, number>
}

/**
 * How common each given-name word, surname and nationality is in the registry, for the term
 * frequency adjustment: agreeing on "Hernández" is weaker evidence than agreeing on "Xicay".
 * Counts are per record (a word counted once per record). Until the registry is large, the
 * shares lean on a built-in table of national shares. The counts hold no record ids; a
 * snapshot can leave out rare words (`minCount`) so it does not single anyone out.
 */
export class NameFrequencies {
  private readonly given = new Map<string, number>()
  private readonly surname = new Map<string, number>()
  private readonly nationality = new Map<string, number>()
  private people = 0

  /** Registry records counted (the prior of a match is one in this many). */
  get population(): number {
    return this.people
  }

  /** Counts one record's words in. */
  add(features: MatchFeatures): void {
    this.count(features, 1)
  }

  /** Counts a record's words out again (when it leaves the registry). */
  remove(features: MatchFeatures): void {
    this.count(features, -1)
  }

  /** Share of records with this folded word among their given names. */
  givenShare(word: string): number {
    return share(this.given.get(word) ?? 0, this.people, BASE_GIVEN_SHARE[word] ?? UNSEEN_GIVEN)
  }

  /** Share of records with this folded word among their surnames. */
  surnameShare(word: string): number {
    return share(this.surname.get(word) ?? 0, this.people, BASE_SURNAME_SHARE[word] ?? UNSEEN_SURNAME)
  }

  /** Share of records of this nationality. */
  nationalityShare(code: string): number {
    return share(this.nationality.get(code) ?? 0, this.people, UNSEEN_NATIONALITY)
  }

  /** The counts as JSON, leaving out words seen fewer than `minCount` times. */
  snapshot(minCount = 1): FrequencySnapshot {
    const keep = (map: Map<string, number>) => Object.fromEntries([...map].filter(([, n]) => n >= minCount))
    return { population: this.people, given: keep(this.given), surname: keep(this.surname), nationality: keep(this.nationality) }
  }

  /** Frequencies from a snapshot (a server may keep them between restarts). */
  static fromSnapshot(snapshot: FrequencySnapshot): NameFrequencies {
    const frequencies = new NameFrequencies()
    frequencies.people = snapshot.population
    for (const [map, counts] of [
      [frequencies.given, snapshot.given],
      [frequencies.surname, snapshot.surname],
      [frequencies.nationality, snapshot.nationality],
    ] as const) {
      for (const [word, n] of Object.entries(counts)) {
        map.set(word, n)
      }
    }
    return frequencies
  }

  private count(features: MatchFeatures, delta: 1 | -1): void {
    this.people += delta
    const { given, surname, nationality } = frequencyWords(features)
    bump(this.given, given, delta)
    bump(this.surname, surname, delta)
    if (nationality !== null) {
      bump(this.nationality, [nationality], delta)
    }
  }
}

/** The words a record counts under (each once): folded given-name words, surnames, nationality. */
export function frequencyWords(features: MatchFeatures): { given: Set<string>; surname: Set<string>; nationality: string | null } {
  const given = new Set<string>()
  const surname = new Set<string>()
  for (const name of features.names) {
    for (const token of name.given) {
      given.add(token.text)
    }
    for (const token of name.surnames) {
      surname.add(token.text)
    }
  }
  return { given, surname, nationality: features.nationality }
}

function share(count: number, people: number, base: number): number {
  return (count + PRIOR_PEOPLE * base) / (people + PRIOR_PEOPLE)
}

function bump(map: Map<string, number>, words: Iterable<string>, delta: number): void {
  for (const word of words) {
    const n = (map.get(word) ?? 0) + delta
    if (n <= 0) {
      map.delete(word)
    } else {
      map.set(word, n)
    }
  }
}
