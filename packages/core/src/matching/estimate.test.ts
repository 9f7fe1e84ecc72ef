import { describe, expect, it } from 'vitest'
import { estimateFromLabels, estimateWithEm } from './estimate.ts'
import { DEFAULT_MODEL, MATCH_FIELDS, type ComparisonVector } from './model.ts'

const base: ComparisonVector = { given: null, surname: null, surname2: null, surname_order: null, birth: null, sex: null, nationality: null, timing: null }

/**
 * A seeded population with fields independent given the truth: matches agree on given name 90%
 * and birth 80%; non-matches 5% and 1%; sex agrees for every match and half the others.
 */
function population(matches: number, others: number): { vector: ComparisonVector; match: boolean }[] {
  let seed = 12345
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed / 4294967296
  }
  const out: { vector: ComparisonVector; match: boolean }[] = []
  for (let i = 0; i < matches + others; i++) {
    const match = i < matches
    out.push({
      vector: {
        ...base,
        given: random() < (match ? 0.9 : 0.05) ? 'exact' : 'none',
        birth: random() < (match ? 0.8 : 0.01) ? 'exact' : 'far',
        sex: random() < (match ? 1 : 0.5) ? 'agree' : 'disagree',
      },
      match,
    })
  }
  return out
}

describe('estimateFromLabels', () => {
  it('counts m among matches and u among the others', () => {
    const model = estimateFromLabels(population(1000, 10_000), DEFAULT_MODEL, { smoothing: 0 })
    expect(model.fields.given?.exact?.m).toBeCloseTo(0.9, 1)
    expect(model.fields.given?.exact?.u).toBeCloseTo(0.05, 2)
    expect(model.fields.birth?.exact?.m).toBeCloseTo(0.8, 1)
    expect(model.fields.sex?.agree?.u).toBeCloseTo(0.5, 1)
    expect(model.version).toBe(`${DEFAULT_MODEL.version}+labels`)
  })

  it('keeps the starting values for a level never seen', () => {
    const model = estimateFromLabels(population(100, 100))
    expect(model.fields.timing).toEqual(expect.objectContaining({ impossible: expect.objectContaining({ m: DEFAULT_MODEL.fields.timing?.impossible?.m }) }))
    for (const field of MATCH_FIELDS) {
      expect(model.fields[field]).toBeDefined()
    }
  })
})

describe('estimateWithEm', () => {
  it('recovers the share of matches and their m from unlabelled pairs', () => {
    const pairs = population(1000, 9000).map((p) => p.vector)
    const { model, lambda } = estimateWithEm(pairs, DEFAULT_MODEL, { iterations: 200, lambda: 0.3 })
    expect(lambda).toBeCloseTo(0.1, 1)
    expect(model.fields.given?.exact?.m).toBeGreaterThan(0.8)
    expect(model.fields.birth?.exact?.m).toBeGreaterThan(0.7)
    expect(model.fields.birth?.far?.u).toBeGreaterThan(0.9)
  })

  it('keeps u when told to (u from random pairs)', () => {
    const pairs = population(500, 5000).map((p) => p.vector)
    const { model } = estimateWithEm(pairs, DEFAULT_MODEL, { fixU: true, iterations: 20 })
    expect(model.fields.given?.exact?.u).toBe(DEFAULT_MODEL.fields.given?.exact?.u)
  })
})
