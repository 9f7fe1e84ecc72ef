import type { AgeSource, BirthFeatures } from './schemas.ts'

/** How two births compare, from the strongest agreement to the farthest disagreement. */
export const BIRTH_LEVELS = ['exact', 'exact_jan1', 'swapped', 'typo', 'same_year', 'age_exact', 'age_close', 'age_wide', 'age_near', 'far', 'very_far'] as const
export type BirthLevel = (typeof BIRTH_LEVELS)[number]

/** What is written about a birth, and the date the age was given at. */
export interface BirthFields {
  birthDate?: string | null
  ageYears?: number | null
  ageSource: AgeSource
  /** YYYY-MM-DD: the event or last sighting at which the age held. */
  referenceDate?: string | null
}

/**
 * Years either side of a birth interval from an age, by who gave it: people round and lie a
 * little about their own age; staff and forensic examiners guess within wide ranges.
 */
export function ageTolerance(source: AgeSource, age: number): number {
  if (source === 'estimated') {
    return Math.max(3, Math.round(age * 0.15))
  }
  return 0.5
}

/**
 * The birth as an interval of fractional years. A date gives a point, or a year when it is
 * 1 January (often written for "only the year is known"); a month above 12 with a day of 12
 * or less is read swapped; an age gives the year before the reference date, widened by
 * `ageTolerance`. Null when nothing usable is written.
 * @example birthFeatures({ ageYears: 30, ageSource: 'stated', referenceDate: '2024-07-01' })
 * // { dob: null, lo: 1993, hi: 1995, source: 'stated', … }
 */
export function birthFeatures(fields: BirthFields): BirthFeatures | null {
  const date = fields.birthDate ? readDate(fields.birthDate) : null
  if (date !== null) {
    const dob = isoDate(date)
    const jan1 = date.month === 1 && date.day === 1
    const at = yearFraction(date)
    return { dob, jan1, lo: at, hi: jan1 ? date.year + 1 : at, source: 'date' }
  }
  const reference = fields.referenceDate ? readDate(fields.referenceDate) : null
  if (fields.ageYears === null || fields.ageYears === undefined || reference === null) {
    return null
  }
  const at = yearFraction(reference)
  const tolerance = ageTolerance(fields.ageSource, fields.ageYears)
  return { dob: null, jan1: false, lo: round2(at - fields.ageYears - 1 - tolerance), hi: round2(at - fields.ageYears + tolerance), source: fields.ageSource }
}

/**
 * How two births agree. Dates are compared as dates first (same, day and month swapped, one
 * digit off, same year); otherwise by the gap between the intervals, so an age of 30 agrees
 * with a birth in 1994 seen in 2024 (exactly, if 1994 is a year the age allows; closely, if
 * only with its tolerance) and a father 25 years older lands far away.
 * @example compareBirth(dateOf('1990-03-05'), dateOf('1990-05-03')) // 'swapped'
 */
export function compareBirth(a: BirthFeatures | null, b: BirthFeatures | null): BirthLevel | null {
  if (a === null || b === null) {
    return null
  }
  if (a.dob !== null && b.dob !== null) {
    if (a.dob === b.dob) {
      return a.jan1 ? 'exact_jan1' : 'exact'
    }
    if (!a.jan1 && !b.jan1) {
      if (isSwapped(a.dob, b.dob)) {
        return 'swapped'
      }
      if (isOneSlip(a.dob, b.dob)) {
        return 'typo'
      }
      if (a.dob.slice(0, 4) === b.dob.slice(0, 4)) {
        return 'same_year'
      }
    }
  }
  const gap = Math.max(0, b.lo - a.hi, a.lo - b.hi)
  const width = Math.max(a.hi - a.lo, b.hi - b.lo)
  if (gap <= 0.5) {
    if (width > 3.01) {
      return 'age_wide'
    }
    // The years the ages themselves allow, without the tolerance for rounding and white lies.
    const [aLo, aHi] = core(a)
    const [bLo, bHi] = core(b)
    return Math.min(aHi, bHi) - Math.max(aLo, bLo) > 0 || (aLo === aHi && bLo === bHi && aLo === bLo) ? 'age_exact' : 'age_close'
  }
  if (gap <= 3) {
    return 'age_near'
  }
  return gap <= 12 ? 'far' : 'very_far'
}

/** The interval an age allows before `ageTolerance` widened it; a date's point as it is. */
function core(birth: BirthFeatures): [number, number] {
  if (birth.source === 'date') {
    // A point: a hair of width so that it falls inside an interval that holds it.
    return birth.jan1 ? [birth.lo, birth.hi] : [birth.lo - 0.001, birth.lo + 0.001]
  }
  const tolerance = birth.source === 'estimated' ? 0 : 0.5
  return [birth.lo + tolerance, birth.hi - tolerance]
}

/** Days since 1970-01-01 of a YYYY-MM-DD date, or null when it is not a date. */
export function dayNumber(text: string | null | undefined): number | null {
  const date = text ? readDate(text) : null
  return date === null ? null : Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000)
}

interface YMD {
  year: number
  month: number
  day: number
}

/** A YYYY-MM-DD that exists, reading a month above 12 as the day when that makes a date. */
function readDate(text: string): YMD | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) {
    return null
  }
  const year = Number(match[1])
  let month = Number(match[2])
  let day = Number(match[3])
  if (month > 12 && day >= 1 && day <= 12) {
    ;[month, day] = [day, month]
  }
  if (year < 1880 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return null
  }
  return { year, month, day }
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function isoDate(date: YMD): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
}

function yearFraction(date: YMD): number {
  const start = Date.UTC(date.year, 0, 1)
  const end = Date.UTC(date.year + 1, 0, 1)
  return round2(date.year + (Date.UTC(date.year, date.month - 1, date.day) - start) / (end - start))
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}

function isSwapped(a: string, b: string): boolean {
  return a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7)
}

/** One digit wrong or two neighbouring digits exchanged, or the year off by one on the same day. */
function isOneSlip(a: string, b: string): boolean {
  let first = -1
  let second = -1
  let count = 0
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      count++
      if (count === 1) {
        first = i
      } else if (count === 2) {
        second = i
      } else {
        break
      }
    }
  }
  if (count === 1) {
    return true
  }
  if (count === 2 && second === first + 1 && a.charCodeAt(first) === b.charCodeAt(second) && a.charCodeAt(second) === b.charCodeAt(first)) {
    return true
  }
  return a.slice(4) === b.slice(4) && Math.abs(Number(a.slice(0, 4)) - Number(b.slice(0, 4))) === 1
}
