import { describe, expect, it } from 'vitest'
import { blockingKeys } from './blocking.ts'
import type { MatchInput } from './schemas.ts'
import { standardise } from './standardise.ts'

const keysOf = (input: Omit<MatchInput, 'role'>, role: MatchInput['role'] = 'record') => blockingKeys(standardise({ role, ...input }, { today: '2025-01-01' }))
const shareAKey = (a: Omit<MatchInput, 'role'>, b: Omit<MatchInput, 'role'>) => {
  const ka = keysOf(a, 'request')
  return keysOf(b).some((k) => ka.includes(k))
}

const SOUGHT = { givenNames: 'José Luis', surname1: 'Hernández', surname2: 'López', birthDate: '1994-03-05' }

describe('blockingKeys', () => {
  it.each<[string, Omit<MatchInput, 'role'>, Omit<MatchInput, 'role'>]>([
    ['accents and case lost', SOUGHT, { givenNames: 'JOSE LUIS', surname1: 'HERNANDEZ', surname2: 'LOPEZ' }],
    ['second surname dropped', SOUGHT, { givenNames: 'José Luis', surname1: 'Hernández' }],
    ['only the maternal surname used', SOUGHT, { givenNames: 'José', surname1: 'López' }],
    ['surnames swapped', SOUGHT, { givenNames: 'José Luis', surname1: 'López', surname2: 'Hernández' }],
    ['paternal surname in the middle-name box', SOUGHT, { givenNames: 'José Hernández', surname1: 'López' }],
    ['hyphenated US surname', SOUGHT, { givenNames: 'Jose', surname1: 'Hernandez-Lopez' }],
    ['"SURNAMES GIVEN" in one string', SOUGHT, { fullName: 'HERNANDEZ LOPEZ JOSE LUIS' }],
    ['only the second given name', SOUGHT, { givenNames: 'Luis', surname1: 'Hernández' }],
    ['a nickname', SOUGHT, { givenNames: 'Pepe', surname1: 'Hernández' }],
    ['spelling by sound', SOUGHT, { givenNames: 'Joze Luiz', surname1: 'Ernandes' }],
    ['a typing slip after the third letter, one surname', SOUGHT, { givenNames: 'José', surname1: 'Hernádnez' }],
    ['a name beyond recognition but the date kept', SOUGHT, { givenNames: 'Pedro', surname1: 'Ramos', birthDate: '1994-03-05' }],
    ['the date with day and month swapped', SOUGHT, { givenNames: 'Pedro', surname1: 'Ramos', birthDate: '1994-05-03' }],
    ['the true name among the aliases', SOUGHT, { givenNames: 'Pedro', surname1: 'Ramos', aliases: ['José Luis Hernández López'] }],
    ['a married name', { givenNames: 'Rosa', surname1: 'López', surname2: 'Pérez', sex: 'F' }, { givenNames: 'Rosa', surname1: 'López', surname2: 'de García', sex: 'F' }],
    ['a particle dropped', { givenNames: 'Juan', surname1: 'De la Cruz' }, { givenNames: 'Juan', surname1: 'Cruz' }],
    ['Mayan x/ch', { givenNames: 'Ana', surname1: 'Xicay', surname2: 'Tzoc' }, { givenNames: 'ANA', surname1: 'CHICAY' }],
    ['Mayan k/c and tz/ts', { givenNames: 'Pedro', surname1: 'Coc', surname2: 'Tzul' }, { givenNames: 'Pedro', surname1: 'Kok' }],
    ['Haitian name in Kreyòl spelling', { givenNames: 'Joseph', surname1: 'Pierre' }, { givenNames: 'Jozef', surname1: 'Pier' }],
    ['Haitian given name and surname swapped', { givenNames: 'Pierre', surname1: 'Joseph' }, { givenNames: 'Joseph', surname1: 'Pierre' }],
  ])('a record with %s shares a key with the request', (_what, request, record) => {
    expect(shareAKey(request, record)).toBe(true)
  })

  it('gives strangers no key in common', () => {
    expect(shareAKey(SOUGHT, { givenNames: 'Ana', surname1: 'Xicay', surname2: 'Tzoc', birthDate: '2001-07-22' })).toBe(false)
  })

  it('leaves a 1 January date out: it is too often a default', () => {
    expect(keysOf({ givenNames: 'Ana', surname1: 'Pop', birthDate: '1990-01-01' }).some((k) => k.startsWith('d:'))).toBe(false)
  })

  it('gives the same keys for a record whichever side it is on', () => {
    expect(keysOf(SOUGHT, 'request')).toEqual(keysOf(SOUGHT, 'record'))
  })
})
