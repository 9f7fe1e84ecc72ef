import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jaroWinkler, osaDistance, withinOneEdit } from './strings.ts'

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.9611],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.8133],
    ['gonzalez', 'gonzales', 0.95],
  ])('%s ~ %s is %f (Winkler\'s definition: prefix of at most 4)', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3)
  })

  it('is 1 for equal words and 0 with nothing in common', () => {
    expect(jaroWinkler('xicay', 'xicay')).toBe(1)
    expect(jaroWinkler('abc', 'xyz')).toBe(0)
  })

  it('is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const s = jaroWinkler(a, b)
        expect(s).toBeCloseTo(jaroWinkler(b, a), 10)
        expect(s).toBeGreaterThanOrEqual(0)
        expect(s).toBeLessThanOrEqual(1)
      }),
    )
  })
})

describe('osaDistance and withinOneEdit', () => {
  it.each([
    ['hernandez', 'hrenandez', 1],
    ['hernandez', 'hernadez', 1],
    ['lopez', 'lopes', 1],
    ['garcia', 'gracia', 1],
    ['garcia', 'garza', 2],
  ])('%s → %s is %i', (a, b, d) => {
    expect(osaDistance(a, b)).toBe(d)
    expect(withinOneEdit(a, b)).toBe(d <= 1)
  })

  it('agree on random words', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-d]{0,7}$/), fc.stringMatching(/^[a-d]{0,7}$/), (a, b) => {
        expect(withinOneEdit(a, b)).toBe(osaDistance(a, b) <= 1)
      }),
    )
  })
})
