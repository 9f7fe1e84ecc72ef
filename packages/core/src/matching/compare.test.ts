import { describe, expect, it } from 'vitest'
import { compare } from './compare.ts'
import { NameFrequencies } from './frequencies.ts'
import type { MatchInput } from './schemas.ts'
import { standardise } from './standardise.ts'

const request = (input: Omit<MatchInput, 'role'>) => standardise({ role: 'request', ...input })
const record = (input: Omit<MatchInput, 'role'>) => standardise({ role: 'record', kind: 'attended', ...input })

const SOUGHT = { givenNames: 'Juan Carlos', surname1: 'Hernández', surname2: 'López', birthDate: '1994-03-05', sex: 'M', nationality: 'MX' } as const

describe('compare', () => {
  it('calls the same person written differently strong, and explains it field by field', () => {
    const c = compare(request(SOUGHT), record({ fullName: 'HERNANDEZ LOPEZ JUAN CARLOS', birthDate: '1994-05-03', sex: 'M', nationality: 'MX' }))
    expect(c.band).toBe('strong')
    expect(c.vector).toMatchObject({ given: 'exact_two', surname: 'exact', surname2: 'exact', surname_order: 'ordered', birth: 'swapped', sex: 'agree', nationality: 'agree' })
    expect(c.contributions.map((x) => x.field)).toEqual(['given', 'surname', 'surname2', 'surname_order', 'birth', 'sex', 'nationality', 'timing'])
    expect(c.contributions.reduce((s, x) => s + x.bits, 0)).toBeCloseTo(c.evidence, 10)
    expect(c.score).toBeCloseTo(c.evidence + c.prior, 10)
  })

  it('explains without personal data', () => {
    const c = compare(request(SOUGHT), record({ givenNames: 'Juan', surname1: 'Hernández', ageYears: 30, eventDate: '2024-06-01' }))
    for (const x of c.contributions) {
      expect(x.note).not.toMatch(/juan|hern|lopez|1994/i)
      expect(x.note.length).toBeGreaterThan(5)
    }
  })

  it('says absence is no evidence: a field missing on one side weighs 0 bits', () => {
    const c = compare(request(SOUGHT), record({ givenNames: 'Juan Carlos', surname1: 'Hernández' }))
    const birth = c.contributions.find((x) => x.field === 'birth')
    expect(birth).toMatchObject({ level: null, bits: 0 })
  })

  it('weighs agreement on a common name less than on a rare one (term frequency)', () => {
    const frequencies = new NameFrequencies()
    for (let i = 0; i < 3000; i++) {
      frequencies.add(record({ givenNames: i % 10 === 0 ? 'Juan' : 'Pedro', surname1: 'Hernández', surname2: i % 3 === 0 ? 'Hernández' : 'García' }))
    }
    const common = { givenNames: 'Juan', surname1: 'Hernández', surname2: 'Hernández', birthDate: '1990-02-03' }
    const rare = { givenNames: 'Juan', surname1: 'Xicay', surname2: 'Tzoc', birthDate: '1990-02-03' }
    const a = compare(request(common), record(common), { frequencies })
    const b = compare(request(rare), record(rare), { frequencies })
    expect(b.score).toBeGreaterThan(a.score + 8)
    expect(a.contributions.find((x) => x.field === 'surname')?.termFrequency).toBe(true)
  })

  it('finds the person behind a nickname, and says so', () => {
    const c = compare(request({ givenNames: 'María Guadalupe', surname1: 'Xicay', birthDate: '1994-03-05', sex: 'F' }), record({ fullName: 'XICAY LUPE', birthDate: '1994-03-05', sex: 'F' }))
    expect(c.vector.given).toBe('nickname')
    expect(c.band).toBe('strong')
  })

  it('matches a true name written among the aliases', () => {
    const c = compare(request(SOUGHT), record({ givenNames: 'Pedro', surname1: 'Ramos', aliases: ['Juan Carlos Hernández López'], birthDate: '1994-03-05', sex: 'M' }))
    expect(c.alias).toBe(true)
    expect(c.vector.given).toBe('exact_two')
  })

  it('matches a Haitian name whose given name and surname were swapped', () => {
    const c = compare(request({ givenNames: 'Pierre', surname1: 'Joseph', birthDate: '1991-06-10' }), record({ givenNames: 'Jozef', surname1: 'Pierre', birthDate: '1991-06-10' }))
    expect(c.rolesSwapped).toBe(true)
    expect(c.vector.surname_order).toBe('misplaced')
    expect(c.evidence).toBeGreaterThan(15)
  })

  it('finds a surname written in the middle-name box', () => {
    const c = compare(request(SOUGHT), record({ givenNames: 'Juan Hernández', surname1: 'López', birthDate: '1994-03-05' }))
    expect(c.vector).toMatchObject({ given: 'exact', surname: 'exact', surname2: 'exact', surname_order: 'misplaced' })
  })

  it('says a death recorded before the person was last seen alive is impossible', () => {
    const lastSeen = request({ ...SOUGHT, eventDate: '2024-05-01' })
    const earlier = standardise({ role: 'record', kind: 'deceased', givenNames: 'Juan Carlos', surname1: 'Hernández', surname2: 'López', ageYears: 30, eventDate: '2024-01-10' })
    const later = standardise({ role: 'record', kind: 'deceased', givenNames: 'Juan Carlos', surname1: 'Hernández', surname2: 'López', ageYears: 30, eventDate: '2024-08-10' })
    expect(compare(lastSeen, earlier).vector.timing).toBe('impossible')
    expect(compare(lastSeen, later).vector.timing).toBe('consistent')
    expect(compare(lastSeen, earlier).score).toBeLessThan(compare(lastSeen, later).score)
  })

  it('takes the registry size as the prior', () => {
    const small = compare(request(SOUGHT), record(SOUGHT), { population: 1000 })
    const large = compare(request(SOUGHT), record(SOUGHT), { population: 1_000_000 })
    expect(small.evidence).toBeCloseTo(large.evidence, 10)
    expect(small.score - large.score).toBeCloseTo(Math.log2(1000), 6)
  })
})

describe('relatives and namesakes are never strong', () => {
  const sought = request(SOUGHT)
  it.each<[string, Omit<MatchInput, 'role'>]>([
    ['a brother with the same surnames, three years older', { givenNames: 'Pedro', surname1: 'Hernández', surname2: 'López', birthDate: '1991-07-20', sex: 'M', nationality: 'MX' }],
    ['a brother with the same first given name', { givenNames: 'Juan Antonio', surname1: 'Hernández', surname2: 'López', birthDate: '1992-01-11', sex: 'M', nationality: 'MX' }],
    ['a twin with another given name', { givenNames: 'Pedro', surname1: 'Hernández', surname2: 'López', birthDate: '1994-03-05', sex: 'M', nationality: 'MX' }],
    ['a father of the same full name, a generation older', { givenNames: 'Juan Carlos', surname1: 'Hernández', surname2: 'López', birthDate: '1968-03-05', sex: 'M', nationality: 'MX' }],
    ['a father of the same full name whose age was guessed', { givenNames: 'Juan Carlos', surname1: 'Hernández', surname2: 'López', ageYears: 55, eventDate: '2024-06-01', sex: 'M' }],
    ['a namesake of the same age, with no date of birth', { givenNames: 'Juan Carlos', surname1: 'Hernández', surname2: 'López', ageYears: 30, eventDate: '2024-06-01', sex: 'M', nationality: 'MX' }],
    ['a namesake born the same year', { givenNames: 'Juan Carlos', surname1: 'Hernández', surname2: 'López', birthDate: '1994-11-23', sex: 'M', nationality: 'MX' }],
    ['a namesake whose date is one digit apart', { givenNames: 'Juan Carlos', surname1: 'Hernández', surname2: 'López', birthDate: '1994-03-08', sex: 'M', nationality: 'MX' }],
  ])('%s', (_who, relative) => {
    expect(compare(sought, record(relative)).band).not.toBe('strong')
  })

  it('even in a small registry, where the odds of any name are high', () => {
    const brother = record({ givenNames: 'Pedro', surname1: 'Hernández', surname2: 'López', birthDate: '1991-07-20', sex: 'M', nationality: 'MX' })
    expect(compare(sought, brother, { population: 10 }).band).not.toBe('strong')
  })
})
