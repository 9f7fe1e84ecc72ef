import { DEFAULT_MODEL, FIELD_LEVELS, MATCH_FIELDS, type ComparisonVector, type MatchModel } from './model.ts'

/** A compared pair whose truth a reviewer (or a benchmark) knows. */
export interface LabelledPair {
  vector: ComparisonVector
  match: boolean
}

/** Pairs of pseudo-evidence the starting model counts for, so an unseen level keeps its prior. */
const DEFAULT_SMOOTHING = 20

/**
 * m and u of every level counted from labelled pairs (reviewers' decisions), each blended with
 * the starting model's values as `smoothing` pseudo-pairs so that a level never seen keeps a
 * sensible value. Bands and term-frequency settings are kept from the start.
 * @example estimateFromLabels(decisions.map((d) => ({ vector: compare(d.a, d.b).vector, match: d.confirmed })))
 */
export function estimateFromLabels(pairs: readonly LabelledPair[], start: MatchModel = DEFAULT_MODEL, options: { smoothing?: number; version?: string } = {}): MatchModel {
  const smoothing = options.smoothing ?? DEFAULT_SMOOTHING
  const weights = pairs.map((p) => (p.match ? 1 : 0))
  return {
    ...start,
    version: options.version ?? `${start.version}+labels`,
    fields: fieldsFrom(
      pairs.map((p) => p.vector),
      weights,
      start,
      smoothing,
      false,
    ),
  }
}

/** What an EM run gives: the model, the share of pairs it judged matches, and the iterations run. */
export interface EmResult {
  model: MatchModel
  lambda: number
  iterations: number
}

/**
 * Fellegi–Sunter parameters by expectation–maximisation on unlabelled compared pairs (as
 * fastLink and Splink do). Run it on pairs from blocks that do not decide the fields being
 * estimated, else the match share runs to one. With `fixU`, u stays as given (estimated from
 * random pairs, which are almost all non-matches) and only m and the match share move.
 */
export function estimateWithEm(
  vectors: readonly ComparisonVector[],
  start: MatchModel = DEFAULT_MODEL,
  options: { iterations?: number; lambda?: number; fixU?: boolean; smoothing?: number; version?: string } = {},
): EmResult {
  const maxIterations = options.iterations ?? 50
  const smoothing = options.smoothing ?? 1
  let lambda = options.lambda ?? 0.01
  let model = start
  let iterations = 0
  for (; iterations < maxIterations; iterations++) {
    const posteriors = vectors.map((v) => posterior(v, model, lambda))
    const next: MatchModel = { ...model, fields: mergeU(fieldsFrom(vectors, posteriors, model, smoothing, options.fixU ?? false), model, options.fixU ?? false) }
    const nextLambda = posteriors.reduce((s, p) => s + p, 0) / Math.max(1, posteriors.length)
    const change = Math.max(Math.abs(nextLambda - lambda), largestChange(model, next))
    model = next
    lambda = nextLambda
    if (change < 1e-6) {
      iterations++
      break
    }
  }
  return { model: { ...model, version: options.version ?? `${start.version}+em` }, lambda, iterations }
}

/** P(match | vector) under a model and a match share. */
export function matchProbability(vector: ComparisonVector, model: MatchModel, lambda: number): number {
  return posterior(vector, model, lambda)
}

function posterior(vector: ComparisonVector, model: MatchModel, lambda: number): number {
  let logM = Math.log(lambda)
  let logU = Math.log(1 - lambda)
  for (const field of MATCH_FIELDS) {
    const level = vector[field]
    const params = level === null ? undefined : model.fields[field]?.[level]
    if (params !== undefined) {
      logM += Math.log(params.m)
      logU += Math.log(params.u)
    }
  }
  const max = Math.max(logM, logU)
  const m = Math.exp(logM - max)
  return m / (m + Math.exp(logU - max))
}

/**
 * Weighted level counts per field: `weights[i]` is how much pair i counts as a match (1 - as a
 * non-match), blended with `start` as `smoothing` pseudo-pairs.
 */
function fieldsFrom(vectors: readonly ComparisonVector[], weights: readonly number[], start: MatchModel, smoothing: number, keepU: boolean): MatchModel['fields'] {
  const fields: MatchModel['fields'] = {}
  for (const field of MATCH_FIELDS) {
    const levels: readonly string[] = FIELD_LEVELS[field]
    const inMatches = new Map<string, number>()
    const inOthers = new Map<string, number>()
    let totalMatches = 0
    let totalOthers = 0
    vectors.forEach((vector, i) => {
      const level = vector[field]
      const w = weights[i] ?? 0
      if (level === null) {
        return
      }
      inMatches.set(level, (inMatches.get(level) ?? 0) + w)
      inOthers.set(level, (inOthers.get(level) ?? 0) + (1 - w))
      totalMatches += w
      totalOthers += 1 - w
    })
    const params: Record<string, { m: number; u: number }> = {}
    for (const level of levels) {
      const prior = start.fields[field]?.[level] ?? { m: 1 / levels.length, u: 1 / levels.length }
      params[level] = {
        m: clamp(((inMatches.get(level) ?? 0) + smoothing * prior.m) / (totalMatches + smoothing)),
        u: keepU ? prior.u : clamp(((inOthers.get(level) ?? 0) + smoothing * prior.u) / (totalOthers + smoothing)),
      }
    }
    fields[field] = params
  }
  return fields
}

function mergeU(fields: MatchModel['fields'], previous: MatchModel, fixU: boolean): MatchModel['fields'] {
  if (!fixU) {
    return fields
  }
  const merged: MatchModel['fields'] = {}
  for (const field of MATCH_FIELDS) {
    const levels = fields[field] ?? {}
    merged[field] = Object.fromEntries(Object.entries(levels).map(([level, p]) => [level, { m: p.m, u: previous.fields[field]?.[level]?.u ?? p.u }]))
  }
  return merged
}

function largestChange(a: MatchModel, b: MatchModel): number {
  let largest = 0
  for (const field of MATCH_FIELDS) {
    const levels: readonly string[] = FIELD_LEVELS[field]
    for (const level of levels) {
      const p = a.fields[field]?.[level]
      const q = b.fields[field]?.[level]
      if (p && q) {
        largest = Math.max(largest, Math.abs(p.m - q.m), Math.abs(p.u - q.u))
      }
    }
  }
  return largest
}

function clamp(p: number): number {
  return Math.min(0.999999, Math.max(1e-6, p))
}

