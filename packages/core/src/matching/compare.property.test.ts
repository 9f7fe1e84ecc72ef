import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compare } from './compare.ts'
import { formalNames } from './hypocorisms.ts'
import type { MatchInput } from './schemas.ts'
import { standardise } from './standardise.ts'

const GIVEN = ['José', 'Juan', 'María', 'Guadalupe', 'Lupe', 'Pepe', 'Chuy', 'Jesús', 'Ana', 'Luis', 'Jean', 'Pierre', 'Joseph', 'Marie', 'Wilmer', 'Guilmer', 'Xóchitl', 'Catarina']
const SURNAMES = ['Hernández', 'Ernandes', 'López', 'García', 'Xicay', 'Chicay', 'Tzoc', 'Pop', 'Caal', 'De la Cruz', 'Cruz', 'Joseph', 'Pierre', 'Saint-Louis', 'Velázquez', 'Belásquez', 'Núñez']
const NATIONALITIES = ['MX', 'GT', 'HN', 'SV', 'HT']

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })
const date = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2010-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))

const person = fc.record({
  givenNames: maybe(fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 }).map((g) => g.join(' '))),
  surname1: maybe(fc.constantFrom(...SURNAMES)),
  surname2: maybe(fc.constantFrom(...SURNAMES)),
  aliases: fc.array(fc.constantFrom(...GIVEN, 'Juan Pérez Ramos'), { maxLength: 1 }),
  sex: maybe(fc.constantFrom<'M' | 'F'>('M', 'F')),
  nationality: maybe(fc.constantFrom(...NATIONALITIES)),
  birthDate: maybe(date),
  ageYears: maybe(fc.integer({ min: 12, max: 70 })),
  eventDate: maybe(fc.constantFrom('2023-01-15', '2024-06-30')),
  role: fc.constantFrom<'request' | 'record'>('request', 'record'),
  kind: fc.constantFrom<'attended' | 'deceased'>('attended', 'deceased'),
})
type Person = Omit<MatchInput, 'role' | 'kind'> & { role: 'request' | 'record'; kind: 'attended' | 'deceased' }

const features = (p: Person) => standardise({ ...p, kind: p.role === 'record' ? p.kind : null }, { today: '2025-01-01' })

describe('compare, for any two people', () => {
  it('gives the same score and band whichever side is first', () => {
    fc.assert(
      fc.property(person, person, (a, b) => {
        const ab = compare(features(a), features(b))
        const ba = compare(features(b), features(a))
        expect(ab.score).toBeCloseTo(ba.score, 9)
        expect(ab.band).toBe(ba.band)
      }),
      { numRuns: 400 },
    )
  })

  it('never lowers the score when both sides gain the same date of birth', () => {
    fc.assert(
      fc.property(person, person, date, (a, b, dob) => {
        fc.pre(a.birthDate === null && a.ageYears === null)
        const before = compare(features(a), features(b)).score
        const after = compare(features({ ...a, birthDate: dob }), features({ ...b, birthDate: dob, ageYears: null })).score
        expect(after).toBeGreaterThanOrEqual(before - 1e-9)
      }),
      { numRuns: 300 },
    )
  })

  it('never lowers the score when both sides gain the same sex or nationality', () => {
    fc.assert(
      fc.property(person, person, fc.constantFrom<'M' | 'F'>('M', 'F'), fc.constantFrom(...NATIONALITIES), (a, b, sex, nationality) => {
        const before = compare(features({ ...a, sex: null, nationality: null }), features({ ...b, sex: null, nationality: null })).score
        const withSex = compare(features({ ...a, sex, nationality: null }), features({ ...b, sex, nationality: null })).score
        const withBoth = compare(features({ ...a, sex, nationality }), features({ ...b, sex, nationality })).score
        expect(withSex).toBeGreaterThanOrEqual(before - 1e-9)
        expect(withBoth).toBeGreaterThanOrEqual(withSex - 1e-9)
      }),
      { numRuns: 300 },
    )
  })

  it('never lowers the score when both sides gain the same alias', () => {
    fc.assert(
      fc.property(person, person, fc.constantFrom('Juan Pérez Ramos', 'Ana Xicay Tzoc', 'Chuy'), (a, b, alias) => {
        const before = compare(features({ ...a, aliases: [] }), features({ ...b, aliases: [] })).score
        const after = compare(features({ ...a, aliases: [alias] }), features({ ...b, aliases: [alias] })).score
        expect(after).toBeGreaterThanOrEqual(before - 1e-9)
      }),
      { numRuns: 300 },
    )
  })

  // Haitian names, where a surname is also a given name (Joseph, Pierre), can be read with the
  // roles swapped; which reading wins may change with a new surname. Spanish names cannot.
  const spanish = (p: Person) => ![p.givenNames, p.surname1, ...(p.aliases ?? [])].some((n) => n !== null && n !== undefined && /Jean|Pierre|Joseph|Marie|Louis/.test(n))

  it('never lowers the score when both sides gain the same second surname (names that cannot be read swapped)', () => {
    fc.assert(
      fc.property(person, person, fc.constantFrom(...SURNAMES.filter((s) => !/Joseph|Pierre|Louis/.test(s))), (a, b, second) => {
        fc.pre(a.surname1 !== null && b.surname1 !== null && spanish(a) && spanish(b))
        const before = compare(features({ ...a, surname2: null }), features({ ...b, surname2: null })).score
        const after = compare(features({ ...a, surname2: second }), features({ ...b, surname2: second })).score
        expect(after).toBeGreaterThanOrEqual(before - 1e-9)
      }),
      { numRuns: 300 },
    )
  })

  it('never lowers the score when a second given name agrees too', () => {
    fc.assert(
      fc.property(person, fc.constantFrom(...GIVEN), fc.constantFrom(...GIVEN), (a, first, second) => {
        fc.pre(first !== second)
        const one = { ...a, givenNames: first }
        const two = { ...a, givenNames: `${first} ${second}` }
        expect(compare(features(two), features(two)).score).toBeGreaterThanOrEqual(compare(features(one), features(one)).score - 1e-9)
      }),
      { numRuns: 300 },
    )
  })
})

describe('relatives and namesakes, for any sought person', () => {
  const sought = fc.record({
    given: fc.constantFrom(...GIVEN),
    surname1: fc.constantFrom(...SURNAMES),
    surname2: fc.constantFrom(...SURNAMES),
    birthDate: date,
    sex: fc.constantFrom<'M' | 'F'>('M', 'F'),
    nationality: fc.constantFrom(...NATIONALITIES),
  })
  const equivalent = (a: string, b: string) => {
    const fa = [a.toLowerCase(), ...formalNames(a)]
    const fb = [b.toLowerCase(), ...formalNames(b)]
    return fa.some((x) => fb.includes(x)) || a.normalize('NFD').replace(/[\u0300-\u036f]/g, '') === b.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  }
  const shiftYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`.replace('-02-29', '-02-28')

  it('never calls a sibling strong: same surnames, another given name, born at least a year apart', () => {
    fc.assert(
      fc.property(sought, fc.constantFrom(...GIVEN), fc.integer({ min: 1, max: 12 }), fc.boolean(), (s, other, gap, older) => {
        fc.pre(!equivalent(s.given, other))
        const a = standardise({ role: 'request', givenNames: s.given, surname1: s.surname1, surname2: s.surname2, birthDate: s.birthDate, sex: s.sex, nationality: s.nationality })
        const sibling = standardise({ role: 'record', kind: 'attended', givenNames: other, surname1: s.surname1, surname2: s.surname2, birthDate: shiftYears(s.birthDate, older ? -gap : gap), sex: s.sex, nationality: s.nationality })
        expect(compare(a, sibling).band).not.toBe('strong')
        expect(compare(a, sibling, { population: 50 }).band).not.toBe('strong')
      }),
      { numRuns: 500 },
    )
  })

  it('never calls a parent of the same full name strong, born 18 to 50 years before', () => {
    fc.assert(
      fc.property(sought, fc.integer({ min: 18, max: 50 }), fc.boolean(), (s, gap, ageOnly) => {
        const a = standardise({ role: 'request', givenNames: s.given, surname1: s.surname1, surname2: s.surname2, birthDate: s.birthDate, sex: s.sex, nationality: s.nationality })
        const born = shiftYears(s.birthDate, -gap)
        const parent = standardise({
          role: 'record',
          kind: 'attended',
          givenNames: s.given,
          surname1: s.surname1,
          surname2: s.surname2,
          birthDate: ageOnly ? null : born,
          ageYears: ageOnly ? 2024 - Number(born.slice(0, 4)) : null,
          eventDate: '2024-06-30',
          sex: s.sex,
          nationality: s.nationality,
        })
        expect(compare(a, parent, { population: 50 }).band).not.toBe('strong')
      }),
      { numRuns: 500 },
    )
  })

  it('never calls a namesake strong unless the dates of birth agree', () => {
    fc.assert(
      fc.property(sought, date, (s, other) => {
        const swapped = `${s.birthDate.slice(0, 4)}-${s.birthDate.slice(8, 10)}-${s.birthDate.slice(5, 7)}`
        fc.pre(other !== s.birthDate && other !== swapped)
        const a = standardise({ role: 'request', givenNames: s.given, surname1: s.surname1, surname2: s.surname2, birthDate: s.birthDate, sex: s.sex, nationality: s.nationality })
        const namesake = standardise({ role: 'record', kind: 'attended', givenNames: s.given, surname1: s.surname1, surname2: s.surname2, birthDate: other, sex: s.sex, nationality: s.nationality })
        expect(compare(a, namesake, { population: 50 }).band).not.toBe('strong')
      }),
      { numRuns: 500 },
    )
  })
})
