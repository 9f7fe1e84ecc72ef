import { describe, expect, it } from 'vitest'
import { birthFeatures, compareBirth, dayNumber } from './dates.ts'
import type { BirthFeatures } from './schemas.ts'

const dob = (birthDate: string) => birthFeatures({ birthDate, ageSource: 'stated' })
const age = (ageYears: number, referenceDate: string, ageSource: 'stated' | 'reported' | 'estimated' = 'stated') => birthFeatures({ ageYears, ageSource, referenceDate })

describe('birthFeatures', () => {
  it('turns a date into a point', () => {
    expect(dob('1994-03-05')).toMatchObject({ dob: '1994-03-05', jan1: false, source: 'date' })
    expect(dob('1994-03-05')?.lo).toBe(dob('1994-03-05')?.hi)
  })

  it('reads 1 January as "only the year is known"', () => {
    expect(dob('1990-01-01')).toMatchObject({ jan1: true, lo: 1990, hi: 1991 })
  })

  it('reads an impossible month as day and month swapped', () => {
    expect(dob('1990-25-03')?.dob).toBe('1990-03-25')
  })

  it('drops a date that cannot be read', () => {
    expect(dob('1990-02-30')).toBeNull()
    expect(dob('1990-25-25')).toBeNull()
  })

  it('turns a stated age into the years of birth it allows, half a year either side', () => {
    expect(age(30, '2024-07-01')).toMatchObject({ dob: null, lo: 1993, hi: 1995, source: 'stated' })
  })

  it('widens an age guessed by others', () => {
    const guessed = age(40, '2024-07-01', 'estimated')
    expect((guessed?.hi ?? 0) - (guessed?.lo ?? 0)).toBeGreaterThan(10)
  })

  it('needs the date the age was given at', () => {
    expect(birthFeatures({ ageYears: 30, ageSource: 'stated', referenceDate: null })).toBeNull()
  })
})

describe('compareBirth', () => {
  const cases: [string, BirthFeatures | null, BirthFeatures | null, string | null][] = [
    ['the same date', dob('1994-03-05'), dob('1994-03-05'), 'exact'],
    ['day and month swapped', dob('1994-03-05'), dob('1994-05-03'), 'swapped'],
    ['one digit off', dob('1994-03-05'), dob('1994-03-08'), 'typo'],
    ['two neighbouring digits exchanged', dob('1994-03-05'), dob('1949-03-05'), 'typo'],
    ['the same 1 January default', dob('1990-01-01'), dob('1990-01-01'), 'exact_jan1'],
    ['the same year on other days', dob('1994-03-05'), dob('1994-11-27'), 'same_year'],
    ['a date and the age it gives', dob('1994-03-05'), age(30, '2024-07-01'), 'age_exact'],
    ['a date and an age a year off', dob('1994-03-05'), age(31, '2024-07-01'), 'age_close'],
    ['a 1 January default and a date that year', dob('1994-01-01'), dob('1994-08-20'), 'age_exact'],
    ['the same age on the same day', age(30, '2024-07-01'), age(30, '2024-07-01'), 'age_exact'],
    ['a forensic estimate that includes the date', dob('1994-03-05'), age(35, '2024-07-01', 'estimated'), 'age_wide'],
    ['ages two years apart', age(30, '2024-07-01'), age(32, '2024-07-01'), 'age_close'],
    ['ages three years apart', age(30, '2024-07-01'), age(33, '2024-07-01'), 'age_near'],
    ['a brother eight years older', dob('1994-03-05'), dob('1986-06-01'), 'far'],
    ['a father 25 years older', dob('1994-03-05'), dob('1969-03-05'), 'very_far'],
    ['nothing known on one side', dob('1994-03-05'), null, null],
  ]
  it.each(cases)('%s', (_what, a, b, level) => {
    expect(compareBirth(a, b)).toBe(level)
    expect(compareBirth(b, a)).toBe(level)
  })
})

describe('dayNumber', () => {
  it('counts days from 1970-01-01 and refuses what is not a date', () => {
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('2024-13-45')).toBeNull()
    expect(dayNumber(null)).toBeNull()
  })
})
