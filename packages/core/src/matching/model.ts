import { z } from 'zod'
import { BIRTH_LEVELS } from './dates.ts'

/**
 * The fields compared and their levels, best agreement first. A field is null (no evidence,
 * 0 bits) when either side lacks it: absence is never disagreement.
 */
export const FIELD_LEVELS = {
  given: ['exact_two', 'exact', 'nickname', 'phonetic', 'fuzzy', 'conflict', 'initial', 'none'],
  surname: ['exact', 'phonetic', 'fuzzy', 'none'],
  surname2: ['exact', 'phonetic', 'fuzzy', 'none'],
  surname_order: ['ordered', 'swapped', 'misplaced'],
  birth: BIRTH_LEVELS,
  sex: ['agree', 'disagree'],
  nationality: ['agree', 'disagree'],
  timing: ['consistent', 'impossible'],
} as const

export type MatchField = keyof typeof FIELD_LEVELS
export const MATCH_FIELDS = Object.keys(FIELD_LEVELS) as MatchField[]

/** Level of each field for one pair (null: no evidence). */
export type ComparisonVector = { [F in MatchField]: (typeof FIELD_LEVELS)[F][number] | null }

/** The bands a candidate falls in, from the most to the least likely. */
export const MatchBand = z.enum(['strong', 'possible', 'weak'])
export type MatchBand = z.infer<typeof MatchBand>

const LevelParams = z.object({ m: z.number().gt(0).lt(1), u: z.number().gt(0).lt(1) })

/**
 * Fellegi–Sunter parameters: for each field and level, m = P(level | same person) and
 * u = P(level | different people), plus the band edges. Plain JSON, versioned: a server stores
 * the version next to every suggestion it makes.
 */
export const MatchModel = z.object({
  version: z.string(),
  fields: z.record(z.string(), z.record(z.string(), LevelParams)),
  tfFloor: z.number().gt(0).describe('smallest share a name word is given, so one rare word cannot outweigh everything'),
  pairCorrelation: z.number().gt(0).describe('how much more often two given names go together than chance (José Luis)'),
  secondGivenAgrees: z.number().gt(0).lt(1).describe('P(the second given name agrees | same person, the first agrees, both wrote two)'),
  bands: z.object({
    strong: z.number().describe('posterior log2-odds at or above which a corroborated candidate is strong'),
    possible: z.number().describe('posterior log2-odds at or above which a candidate is possible'),
  }),
  defaultPopulation: z.number().int().positive().describe('registry size assumed when none is known'),
})
export type MatchModel = z.infer<typeof MatchModel>

/**
 * Expert starting values, written from the error rates reported for Mexican and Central
 * American field records (research notes §3–4) and checked on the seeded benchmark; they can be
 * re-estimated with `estimateFromLabels` or `estimateWithEm`. u of exact name levels is replaced
 * by the word's share in the registry (term frequency); two given names agreeing weigh as the
 * rarer one plus what the second adds (see `secondGivenAgrees`), never less than one alone.
 */
export const DEFAULT_MODEL: MatchModel = {
  version: 'faro-match-1',
  fields: {
    given: {
      exact_two: { m: 0.22, u: 0.001 },
      exact: { m: 0.5, u: 0.02 },
      nickname: { m: 0.07, u: 0.002 },
      phonetic: { m: 0.06, u: 0.004 },
      fuzzy: { m: 0.05, u: 0.01 },
      conflict: { m: 0.005, u: 0.01 },
      initial: { m: 0.01, u: 0.004 },
      none: { m: 0.07, u: 0.949 },
    },
    surname: {
      exact: { m: 0.86, u: 0.01 },
      phonetic: { m: 0.07, u: 0.003 },
      fuzzy: { m: 0.04, u: 0.01 },
      none: { m: 0.03, u: 0.977 },
    },
    surname2: {
      exact: { m: 0.75, u: 0.01 },
      phonetic: { m: 0.06, u: 0.002 },
      fuzzy: { m: 0.04, u: 0.008 },
      none: { m: 0.04, u: 0.98 },
    },
    surname_order: {
      ordered: { m: 0.85, u: 0.3 },
      swapped: { m: 0.07, u: 0.2 },
      misplaced: { m: 0.08, u: 0.5 },
    },
    birth: {
      exact: { m: 0.4, u: 0.0001 },
      exact_jan1: { m: 0.04, u: 0.003 },
      swapped: { m: 0.03, u: 0.0001 },
      typo: { m: 0.04, u: 0.002 },
      same_year: { m: 0.05, u: 0.025 },
      age_exact: { m: 0.28, u: 0.035 },
      age_close: { m: 0.07, u: 0.05 },
      age_wide: { m: 0.1, u: 0.05 },
      age_near: { m: 0.03, u: 0.15 },
      far: { m: 0.007, u: 0.45 },
      very_far: { m: 0.003, u: 0.2935 },
    },
    sex: {
      agree: { m: 0.97, u: 0.62 },
      disagree: { m: 0.03, u: 0.38 },
    },
    nationality: {
      agree: { m: 0.82, u: 0.3 },
      disagree: { m: 0.18, u: 0.7 },
    },
    timing: {
      consistent: { m: 0.999, u: 0.9 },
      impossible: { m: 0.001, u: 0.1 },
    },
  },
  tfFloor: 1e-5,
  pairCorrelation: 3,
  secondGivenAgrees: 0.9,
  bands: { strong: 4, possible: -6 },
  defaultPopulation: 1_000_000,
}

/** Levels that say the two sides agree: their weight is never below zero (see `levelBits`). */
export const AGREEING_LEVELS: ReadonlySet<string> = new Set([
  'given:exact_two', 'given:exact', 'given:nickname', 'given:phonetic', 'given:fuzzy',
  'surname:exact', 'surname:phonetic', 'surname:fuzzy', 'surname2:exact', 'surname2:phonetic', 'surname2:fuzzy',
  'sex:agree', 'nationality:agree', 'timing:consistent',
  'birth:exact', 'birth:exact_jan1', 'birth:swapped', 'birth:typo', 'birth:age_exact', 'birth:age_close', 'birth:age_wide',
])

/**
 * Bits of evidence of one level: log2(m/u), with u replaced by `share` (the agreeing value's
 * frequency, floored at tfFloor) when given. Agreeing levels never weigh below zero, so
 * agreeing on a very common value is no evidence against a match.
 */
export function levelBits(model: MatchModel, field: MatchField, level: string, share?: number): number {
  const params = model.fields[field]?.[level]
  if (params === undefined) {
    return 0
  }
  const u = share === undefined ? params.u : Math.max(share, model.tfFloor)
  const bits = Math.log2(params.m / u)
  return AGREEING_LEVELS.has(`${field}:${level}`) ? Math.max(0, bits) : bits
}

/** A model with every level's bits worked out once, for the comparison loop. */
export interface CompiledModel {
  model: MatchModel
  bits: { [F in MatchField]: Record<string, number> }
  /** Bits of an agreeing level whose u is the agreeing value's share. */
  tfBits(field: MatchField, level: string, share: number): number
}

const compiledModels = new WeakMap<MatchModel, CompiledModel>()

/** The compiled form of a model, built once per model object. */
export function compileModel(model: MatchModel): CompiledModel {
  const cached = compiledModels.get(model)
  if (cached !== undefined) {
    return cached
  }
  const levelsOf = (field: MatchField): Record<string, number> => Object.fromEntries(FIELD_LEVELS[field].map((level) => [level, levelBits(model, field, level)]))
  const bits: CompiledModel['bits'] = {
    given: levelsOf('given'),
    surname: levelsOf('surname'),
    surname2: levelsOf('surname2'),
    surname_order: levelsOf('surname_order'),
    birth: levelsOf('birth'),
    sex: levelsOf('sex'),
    nationality: levelsOf('nationality'),
    timing: levelsOf('timing'),
  }
  const log2m: Record<string, Record<string, number>> = {}
  for (const field of MATCH_FIELDS) {
    log2m[field] = Object.fromEntries(FIELD_LEVELS[field].map((level) => [level, Math.log2(model.fields[field]?.[level]?.m ?? 1)]))
  }
  const floor = model.tfFloor
  // Term-frequency levels are all agreeing levels: never below zero.
  const tfBits = (field: MatchField, level: string, share: number) => Math.max(0, (log2m[field]?.[level] ?? 0) - Math.log2(share > floor ? share : floor))
  const compiled: CompiledModel = { model, bits, tfBits }
  compiledModels.set(model, compiled)
  return compiled
}
