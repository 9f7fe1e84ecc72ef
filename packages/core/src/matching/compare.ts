import { compareNames, type NameComparison, type TokenMemo } from './compare-names.ts'
import { compareBirth } from './dates.ts'
import { NameFrequencies } from './frequencies.ts'
import { DEFAULT_MODEL, MATCH_FIELDS, compileModel, type CompiledModel, type ComparisonVector, type MatchBand, type MatchField, type MatchModel } from './model.ts'
import type { MatchFeatures } from './schemas.ts'

/** What a comparison is weighed against: the model and the registry's word counts. */
export interface MatchContext {
  model?: MatchModel
  /** The registry's counts (term frequencies, and its size for the prior). */
  frequencies?: NameFrequencies
  /** Registry size for the prior; defaults to the counted population, else the model's default. */
  population?: number
}

/** One field's part of a score, for the reviewer: which level, how many bits, and why. */
export interface Contribution {
  field: MatchField
  level: string | null
  bits: number
  /** The bits depend on how common the agreeing value is (term frequency). */
  termFrequency: boolean
  /** Plain words, with no personal data, saying what the level means. */
  note: string
}

/** A scored, explained pair. */
export interface MatchComparison {
  /** Posterior log2-odds that the two are one person, if the sought person is in the registry. */
  score: number
  /** Sum of the fields' bits. */
  evidence: number
  /** log2 of one in the registry's size: the odds before any evidence. */
  prior: number
  band: MatchBand
  /** Every field, in a fixed order, summing to `evidence`. */
  contributions: Contribution[]
  vector: ComparisonVector
  /** The best agreement used an alias of one side. */
  alias: boolean
  /** Given names and surnames agreed only crosswise. */
  rolesSwapped: boolean
}

const EMPTY_FREQUENCIES = new NameFrequencies()

/**
 * A rare nationality says little more than the name already does (a Haitian name is nearly
 * always on a Haitian record): its agreement weighs at most as a quarter of the registry's would.
 */
const NATIONALITY_SHARE_FLOOR = 0.25

/** Birth levels that say a written date of birth agrees on both sides. */
const DATE_AGREES: ReadonlySet<string> = new Set(['exact', 'swapped'])

/**
 * Compares two standardised people field by field into levels, weighs each level with
 * Fellegi–Sunter bits (term-frequency adjusted for names and nationality), and puts the pair in
 * a band. Symmetric: compare(a, b) and compare(b, a) give the same score. A candidate is strong
 * only when the odds are high AND the given name, a surname and a written date of birth each
 * agree, so a brother (another given name), a father of the same name (born decades before) or
 * a namesake of the same age (no date to tell them apart) is never strong.
 * @example
 * const a = standardise({ role: 'request', givenNames: 'María Guadalupe', surname1: 'Hernández', surname2: 'Xicay', birthDate: '1994-03-05' })
 * const b = standardise({ role: 'record', kind: 'rescued', fullName: 'XICAY LUPE', birthDate: '1994-05-03' })
 * compare(a, b)
 * // score 7.1 = evidence 27.1 + prior −19.9 (one in a million), band 'strong':
 * // given nickname +5.1, surname exact +13.1 (Xicay is rare), birth swapped +8.2, sex agree +0.6
 */
export function compare(a: MatchFeatures, b: MatchFeatures, context: MatchContext = {}): MatchComparison {
  const model = compileModel(context.model ?? DEFAULT_MODEL)
  const frequencies = context.frequencies ?? EMPTY_FREQUENCIES
  const pair = assessPair(a, b, model, frequencies)
  const contributions = MATCH_FIELDS.map((field) => ({
    field,
    level: pair.vector[field],
    bits: pair.bits[field],
    termFrequency: termFrequencyUsed(field, pair.names, pair.vector),
    note: noteOf(field, pair.vector[field]),
  }))
  const evidence = contributions.reduce((sum, c) => sum + c.bits, 0)
  const prior = priorBits(context, model, frequencies)
  const score = evidence + prior
  return {
    score,
    evidence,
    prior,
    band: bandOf(score, pair.vector, model),
    contributions,
    vector: pair.vector,
    alias: pair.names?.alias ?? false,
    rolesSwapped: pair.names?.rolesSwapped ?? false,
  }
}

/** A pair's levels and bits, without the explanation: what a search computes for every candidate. */
export interface PairAssessment {
  vector: ComparisonVector
  bits: Record<MatchField, number>
  evidence: number
  names: NameComparison | null
}

/**
 * The levels and bits of a pair (the work of `compare` without building its explanation).
 * A search passes one `memo` for all its candidates.
 */
export function assessPair(a: MatchFeatures, b: MatchFeatures, model: CompiledModel, frequencies: NameFrequencies, memo: TokenMemo | null = null): PairAssessment {
  const names = compareNames(a.names, b.names, model, frequencies, memo)
  const vector: ComparisonVector = {
    given: names?.given ?? null,
    surname: names?.surname ?? null,
    surname2: names?.surname2 ?? null,
    surname_order: names?.order ?? null,
    birth: compareBirth(a.birth, b.birth),
    sex: a.sex === null || b.sex === null ? null : a.sex === b.sex ? 'agree' : 'disagree',
    nationality: a.nationality === null || b.nationality === null ? null : a.nationality === b.nationality ? 'agree' : 'disagree',
    timing: timingOf(a, b),
  }
  const bits = fieldBits(vector, names, model, frequencies, a.nationality)
  const evidence = bits.given + bits.surname + bits.surname2 + bits.surname_order + bits.birth + bits.sex + bits.nationality + bits.timing
  return { vector, bits, evidence, names }
}

/** log2 of one in the registry's size: the odds that a given record is the sought person before any evidence. */
export function priorBits(context: MatchContext, model: CompiledModel, frequencies: NameFrequencies): number {
  const population = context.population ?? (frequencies.population > 0 ? frequencies.population : model.model.defaultPopulation)
  return -Math.log2(Math.max(1, population))
}

/**
 * The band of a score. Strong needs the odds at or above the model's strong edge and the given
 * name, a surname and a written date of birth each agreeing: an age, however close, cannot tell
 * a person from a namesake of the same age, nor a guessed age a brother from another. Possible
 * needs the possible edge; everything else is weak.
 */
export function bandOf(score: number, vector: ComparisonVector, model: CompiledModel): MatchBand {
  const corroborated =
    (vector.given === 'exact' || vector.given === 'exact_two' || vector.given === 'nickname' || vector.given === 'phonetic') &&
    (vector.surname === 'exact' || vector.surname === 'phonetic' || vector.surname === 'fuzzy') &&
    vector.birth !== null &&
    DATE_AGREES.has(vector.birth)
  if (score >= model.model.bands.strong && corroborated) {
    return 'strong'
  }
  return score >= model.model.bands.possible ? 'possible' : 'weak'
}

/** Plain-words meaning of each level, shown beside its bits. */
export const LEVEL_NOTES: Readonly<Record<string, string>> = {
  'given:exact_two': 'two given names the same',
  'given:exact': 'a given name the same, none contradicting',
  'given:nickname': 'a given name and its nickname or short form (Lupe, Guadalupe)',
  'given:phonetic': 'given names spelt differently that sound the same',
  'given:fuzzy': 'given names spelt nearly the same (a typing slip)',
  'given:conflict': 'one given name agrees but another differs, as between siblings',
  'given:initial': 'only an initial agrees',
  'given:none': 'given names differ',
  'surname:exact': 'a surname the same',
  'surname:phonetic': 'a surname spelt differently that sounds the same',
  'surname:fuzzy': 'a surname spelt nearly the same',
  'surname:none': 'no surname in common',
  'surname2:exact': 'the second surname the same too',
  'surname2:phonetic': 'the second surname sounds the same',
  'surname2:fuzzy': 'the second surname spelt nearly the same',
  'surname2:none': 'both wrote two surnames and the second differs',
  'surname_order:ordered': 'surnames in the same order',
  'surname_order:swapped': 'surnames swapped',
  'surname_order:misplaced': 'a surname written among the given names, as a married name, or names and surnames swapped',
  'birth:exact': 'same date of birth',
  'birth:exact_jan1': 'same date of birth, but it is 1 January, often a default',
  'birth:swapped': 'same date of birth with day and month swapped',
  'birth:typo': 'date of birth one digit apart',
  'birth:same_year': 'born the same year, on other days',
  'birth:age_exact': 'the age fits the other side\'s date or age exactly',
  'birth:age_close': 'ages agree within a year or two',
  'birth:age_wide': 'an estimated age range includes the other',
  'birth:age_near': 'ages a few years apart',
  'birth:far': 'ages 3 to 12 years apart',
  'birth:very_far': 'ages more than 12 years apart, as a parent and child',
  'sex:agree': 'same sex',
  'sex:disagree': 'different sex',
  'nationality:agree': 'same nationality',
  'nationality:disagree': 'different nationality (often misstated by migrants)',
  'timing:consistent': 'the record is dated after the person was last seen, or could be',
  'timing:impossible': 'the death was recorded before the person was last seen alive',
}

function timingOf(a: MatchFeatures, b: MatchFeatures): 'consistent' | 'impossible' | null {
  const request = a.role === 'request' ? a : b.role === 'request' ? b : null
  const record = a.role === 'record' ? a : b.role === 'record' ? b : null
  if (request === null || record === null || record.kind !== 'deceased' || request.eventDay === null || record.eventDay === null) {
    return null
  }
  // A month's grace: last-seen dates given by families are often approximate.
  return record.eventDay < request.eventDay - 30 ? 'impossible' : 'consistent'
}

function fieldBits(vector: ComparisonVector, names: NameComparison | null, model: CompiledModel, frequencies: NameFrequencies, nationality: string | null): Record<MatchField, number> {
  return {
    given: names === null ? 0 : names.givenBits,
    surname: names === null ? 0 : names.surnameBits,
    surname2: names === null ? 0 : names.surname2Bits,
    surname_order: names === null ? 0 : names.orderBits,
    birth: vector.birth === null ? 0 : (model.bits.birth[vector.birth] ?? 0),
    sex: vector.sex === null ? 0 : (model.bits.sex[vector.sex] ?? 0),
    nationality:
      vector.nationality === 'agree' && nationality !== null
        ? model.tfBits('nationality', 'agree', Math.max(NATIONALITY_SHARE_FLOOR, frequencies.nationalityShare(nationality)))
        : vector.nationality === null
          ? 0
          : (model.bits.nationality[vector.nationality] ?? 0),
    timing: vector.timing === null ? 0 : (model.bits.timing[vector.timing] ?? 0),
  }
}

function termFrequencyUsed(field: MatchField, names: NameComparison | null, vector: ComparisonVector): boolean {
  switch (field) {
    case 'given':
      return names?.givenShare ?? false
    case 'surname':
      return names?.surnameShare ?? false
    case 'surname2':
      return names?.surname2Share ?? false
    case 'nationality':
      return vector.nationality === 'agree'
    default:
      return false
  }
}

function noteOf(field: MatchField, level: string | null): string {
  return level === null ? 'not known on both sides: no evidence either way' : (LEVEL_NOTES[`${field}:${level}`] ?? level)
}
