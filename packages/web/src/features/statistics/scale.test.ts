import { describe, expect, it } from 'vitest'
import { classBounds, classOf, isoWeek, linePath, niceScale, scaleTo, timeline } from './scale.ts'

describe('niceScale', () => {
  it('tops an axis at a round number above the largest value, with round ticks from 0', () => {
    expect(niceScale(87)).toEqual({ top: 100, ticks: [0, 50, 100] })
    expect(niceScale(1234)).toEqual({ top: 1500, ticks: [0, 500, 1000, 1500] })
    expect(niceScale(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] })
  })

  it('draws an empty axis from 0 to 1 when there is nothing', () => {
    expect(niceScale(0)).toEqual({ top: 1, ticks: [0, 1] })
  })

  it('never gives a tick that is not a whole number: counts are whole', () => {
    for (const max of [1, 2, 7, 11, 99, 101, 2500, 98765]) {
      const { top, ticks } = niceScale(max)
      expect(top).toBeGreaterThanOrEqual(max)
      expect(ticks.every(Number.isInteger)).toBe(true)
      expect(ticks.length).toBeLessThanOrEqual(6)
    }
  })
})

describe('lines', () => {
  it('puts values on a length from 0 to the top', () => {
    expect(scaleTo(50, 100, 200)).toBe(100)
    expect(scaleTo(-3, 100, 200)).toBe(0)
  })

  it('draws a line across the width, upwards, broken where a value is missing', () => {
    expect(linePath([0, 50, 100], 100, 200, 100)).toBe('M0,100L100,50L200,0')
    expect(linePath([10, undefined, 10], 10, 100, 10)).toBe('M0,0M100,0')
  })
})

describe('timeline', () => {
  it('lists every month of a period, across a new year', () => {
    expect(timeline('month', '2025-11-01', '2026-01-07')).toEqual(['2025-11', '2025-12', '2026-01'])
  })

  it('lists ISO weeks, the first days of January in the last week of the year before', () => {
    expect(timeline('week', '2026-12-28', '2027-01-10')).toEqual(['2026-W53', '2027-W01'])
    expect(isoWeek('2027-01-03')).toBe('2026-W53')
  })

  it('lists quarters', () => {
    expect(timeline('quarter', '2026-01-01', '2026-12-31')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
  })
})

describe('the map\'s classes', () => {
  it('splits the values into round classes up to the largest', () => {
    const bounds = classBounds([3, 40, 120, 480])
    expect(bounds).toEqual([100, 200, 300, 400, 500])
    expect(classOf(480, bounds)).toBe(4)
    expect(classOf(3, bounds)).toBe(0)
    expect(classOf(0, bounds)).toBe(-1)
  })

  it('makes no more classes than there are counts', () => {
    expect(classBounds([1, 2])).toEqual([1, 2])
    expect(classBounds([0, 0])).toEqual([])
  })
})
