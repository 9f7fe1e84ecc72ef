import { describe, expect, it } from 'vitest'
import { blockingKeys } from './blocking.ts'
import { compare } from './compare.ts'
import { MatchIndex } from './candidate-index.ts'
import { NameFrequencies } from './frequencies.ts'
import type { MatchInput } from './schemas.ts'
import { deserialiseFeatures, serialiseFeatures, standardise } from './standardise.ts'

const record = (input: Omit<MatchInput, 'role'>) => standardise({ role: 'record', kind: 'attended', eventDate: '2024-05-01', ...input })
const request = (input: Omit<MatchInput, 'role'>) => standardise({ role: 'request', eventDate: '2024-04-01', ...input })

const REGISTRY: [string, Omit<MatchInput, 'role'>][] = [
  ['r1', { givenNames: 'JUAN CARLOS', surname1: 'HERNANDEZ', birthDate: '1994-05-03', sex: 'M' }],
  ['r2', { givenNames: 'Pedro', surname1: 'Hernández', surname2: 'López', birthDate: '1991-07-20', sex: 'M' }],
  ['r3', { givenNames: 'Juan Carlos', surname1: 'Hernández', surname2: 'López', birthDate: '1966-02-11', sex: 'M' }],
  ['r4', { fullName: 'XICAY TZOC ANA', ageYears: 24, sex: 'F', nationality: 'GT' }],
  ['r5', { givenNames: 'Lupe', surname1: 'Pérez', ageYears: 30, sex: 'F' }],
]

function registry(): MatchIndex {
  const index = new MatchIndex()
  for (const [id, input] of REGISTRY) {
    const f = record(input)
    index.add(id, blockingKeys(f), f)
  }
  return index
}

describe('MatchIndex: a request searches the registry', () => {
  it('ranks the sought person first and a brother and a father of the same name below, not strong', () => {
    const found = registry().search(request({ givenNames: 'Juan Carlos', surname1: 'Hernández', surname2: 'López', birthDate: '1994-03-05', sex: 'M' }))
    expect(found[0]?.id).toBe('r1')
    expect(found[0]?.band).toBe('strong')
    expect(found.filter((c) => c.id === 'r2' || c.id === 'r3').every((c) => c.band !== 'strong')).toBe(true)
    expect(found.map((c) => c.score)).toEqual([...found.map((c) => c.score)].sort((a, b) => b - a))
  })

  it('gives each candidate the explanation compare gives', () => {
    const index = registry()
    const query = request({ givenNames: 'Ana', surname1: 'Xicay', surname2: 'Tzoc', ageYears: 24 })
    const [first] = index.search(query)
    const stored = index.get('r4')
    expect(first?.id).toBe('r4')
    expect(stored).toBeDefined()
    if (stored) {
      expect(first?.comparison).toEqual(compare(query, stored, { frequencies: index.frequencies }))
    }
  })

  it('returns at most `limit` candidates and can leave out weak ones', () => {
    const index = registry()
    const query = request({ givenNames: 'Juan', surname1: 'Hernández', sex: 'M' })
    expect(index.search(query, { limit: 1 })).toHaveLength(1)
    expect(index.search(query, { minBand: 'strong' })).toEqual([])
  })

  it('finds records by keyed hashes of the keys, as the server stores them', () => {
    const hmac = (key: string) => `h${[...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7).toString(16)}`
    const index = new MatchIndex()
    for (const [id, input] of REGISTRY) {
      const f = record(input)
      index.add(id, blockingKeys(f).map(hmac), f)
    }
    const query = request({ givenNames: 'Lupita', surname1: 'Pérez' })
    expect(index.search(query, { keys: blockingKeys(query).map(hmac) })[0]?.id).toBe('r5')
    expect(index.candidates(blockingKeys(query).map(hmac))).toEqual(['r5'])
  })

  it('forgets a removed record and replaces a record added again under its id', () => {
    const index = registry()
    expect(index.remove('r4')).toBe(true)
    expect(index.remove('r4')).toBe(false)
    expect(index.size).toBe(REGISTRY.length - 1)
    expect(index.search(request({ givenNames: 'Ana', surname1: 'Xicay' })).some((c) => c.id === 'r4')).toBe(false)
    const moved = record({ givenNames: 'Ana', surname1: 'Pop', ageYears: 24 })
    index.add('r5', blockingKeys(moved), moved)
    expect(index.size).toBe(REGISTRY.length - 1)
    expect(index.search(request({ givenNames: 'Ana', surname1: 'Pop' }))[0]?.id).toBe('r5')
  })

  it('keeps the features it was given', () => {
    const index = registry()
    expect(index.get('r4')).toEqual(record(REGISTRY[3]?.[1] ?? {}))
    const rich = standardise({
      role: 'request',
      givenNames: 'Ma. del Carmen',
      surname1: 'De la Cruz',
      surname2: 'de García',
      aliases: ['Carmelita', 'Carmen Xicay Pop'],
      sex: 'F',
      nationality: 'GT',
      birthDate: '1980-01-01',
      eventDate: '2024-02-29',
    })
    index.add('q', blockingKeys(rich), rich)
    expect(index.get('q')).toEqual(rich)
    const guessed = record({ kind: 'deceased', fullName: 'NN', ageYears: 40 })
    index.add('d', blockingKeys(guessed), guessed)
    expect(index.get('d')).toEqual(guessed)
  })
})

describe('MatchIndex: a new registry record searches the open requests', () => {
  it('uses the same comparison, with the registry\'s word counts, and finds the request', () => {
    const reg = registry()
    const requests = new MatchIndex({ frequencies: reg.frequencies, countFrequencies: false })
    const open = request({ givenNames: 'María Guadalupe', surname1: 'Pérez', surname2: 'Soto', ageYears: 30, sex: 'F' })
    requests.add('q1', blockingKeys(open), open)
    const other = request({ givenNames: 'Pedro', surname1: 'Ramos' })
    requests.add('q2', blockingKeys(other), other)
    const incoming = record({ givenNames: 'Lupe', surname1: 'Pérez', ageYears: 30, sex: 'F' })
    const byKeys = requests.search(incoming)
    const exhaustive = requests.search(incoming, { exhaustive: true })
    expect(byKeys[0]?.id).toBe('q1')
    expect(exhaustive[0]).toEqual(byKeys[0])
    expect(exhaustive).toHaveLength(2)
    expect(reg.frequencies.population).toBe(REGISTRY.length)
    // Both directions weigh a pair alike.
    expect(byKeys[0]?.score).toBeCloseTo(compare(open, incoming, { frequencies: reg.frequencies }).score, 10)
  })
})

describe('features as JSON', () => {
  it('come back equal from serialiseFeatures', () => {
    const f = record({ givenNames: 'Ma. del Carmen', surname1: 'López', surname2: 'de García', aliases: ['Carmelita'], sex: 'F', birthDate: '1980-12-01' })
    expect(deserialiseFeatures(serialiseFeatures(f))).toEqual(f)
  })

  it('are refused when of another version', () => {
    const f = { ...record({ givenNames: 'Ana' }), v: 99 }
    expect(() => deserialiseFeatures(JSON.stringify(f))).toThrow()
  })
})

describe('NameFrequencies', () => {
  it('counts a word once per record and leaves rare words out of a snapshot', () => {
    const frequencies = new NameFrequencies()
    frequencies.add(record({ givenNames: 'Juan Juan', surname1: 'Pop' }))
    frequencies.add(record({ givenNames: 'Juan', surname1: 'Xicay' }))
    const snapshot = frequencies.snapshot(2)
    expect(snapshot).toEqual({ population: 2, given: { juan: 2 }, surname: {}, nationality: {} })
    expect(NameFrequencies.fromSnapshot(snapshot).givenShare('juan')).toBeCloseTo(frequencies.givenShare('juan'), 12)
  })

  it('leans on national shares until the registry is large', () => {
    const empty = new NameFrequencies()
    expect(empty.surnameShare('hernandez')).toBeGreaterThan(empty.surnameShare('xicay'))
  })
})
