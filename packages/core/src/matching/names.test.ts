import { describe, expect, it } from 'vitest'
import { formalNames } from './hypocorisms.ts'
import { aliasName, nameFromFields, parseFreeName } from './names.ts'
import type { NameFeatures } from './schemas.ts'
import { foldText, isUpperCase } from './text.ts'

const words = (name: NameFeatures | null) => ({
  given: name?.given.map((t) => t.text) ?? [],
  surnames: name?.surnames.map((t) => t.text) ?? [],
  married: name?.married.map((t) => t.text) ?? [],
})

describe('foldText', () => {
  it('drops case, accents, the tilde of ñ and punctuation', () => {
    expect(foldText('  Peña-NÚÑEZ, Ma. de los Ángeles ')).toBe('pena nunez ma de los angeles')
  })

  it('joins Mayan words written with an apostrophe (glottal stop)', () => {
    expect(foldText("K'iche' Aj'ú Q'uej")).toBe('kiche aju quej')
  })

  it('keeps Haitian names readable: Fils-Aimé, Nadège', () => {
    expect(foldText('Fils-Aimé Nadège')).toBe('fils aime nadege')
  })

  it('tells a name typed in capitals', () => {
    expect(isUpperCase('HERNÁNDEZ LÓPEZ JUAN')).toBe(true)
    expect(isUpperCase('Hernández López Juan')).toBe(false)
  })
})

describe('nameFromFields', () => {
  it('splits given names and two surnames, particles out of the words', () => {
    expect(words(nameFromFields({ givenNames: 'María de los Ángeles', surname1: 'De la Cruz', surname2: 'Pérez' }))).toEqual({
      given: ['maria', 'angeles'],
      surnames: ['cruz', 'perez'],
      married: [],
    })
  })

  it('keeps the joined form of a surname with particles (De la Cruz ~ Delacruz)', () => {
    expect(nameFromFields({ surname1: 'De la Cruz' })?.joined).toContain('delacruz')
    expect(words(nameFromFields({ givenNames: 'Juan', surname1: 'Delacruz' })).surnames).toEqual(['cruz'])
  })

  it('reads a hyphenated US surname as two surnames', () => {
    expect(words(nameFromFields({ givenNames: 'Juan', surname1: 'Hernández-López' })).surnames).toEqual(['hernandez', 'lopez'])
  })

  it('reads both surnames written in the first surname field', () => {
    expect(words(nameFromFields({ givenNames: 'Juan', surname1: 'Hernández López' })).surnames).toEqual(['hernandez', 'lopez'])
  })

  it('sets a married "de García" apart from a woman\'s own surnames', () => {
    expect(words(nameFromFields({ givenNames: 'Rosa', surname1: 'López', surname2: 'de García' }, 'F'))).toEqual({ given: ['rosa'], surnames: ['lopez'], married: ['garcia'] })
    expect(words(nameFromFields({ givenNames: 'Rosa', surname1: 'López de García' }, 'F')).married).toEqual(['garcia'])
  })

  it('keeps real "de" surnames: De León, De Jesús', () => {
    expect(words(nameFromFields({ givenNames: 'Ana', surname1: 'Pérez', surname2: 'de León' }, 'F')).surnames).toEqual(['perez', 'leon'])
  })

  it('does not read a man\'s "de" surname as a married name', () => {
    expect(words(nameFromFields({ givenNames: 'Luis', surname1: 'López', surname2: 'de García' }, 'M')).surnames).toEqual(['lopez', 'garcia'])
  })

  it('reads "Ma." as María and keeps compound given names in order', () => {
    expect(words(nameFromFields({ givenNames: 'Ma. Guadalupe', surname1: 'Xicay' })).given).toEqual(['ma', 'guadalupe'])
    expect(formalNames('ma')).toEqual(['maria'])
  })

  it('falls back to the full name when the other name fields are empty', () => {
    expect(words(nameFromFields({ givenNames: null, surname1: '', surname2: null, fullName: 'Juan Carlos Hernández López' }))).toEqual({
      given: ['juan', 'carlos'],
      surnames: ['hernandez', 'lopez'],
      married: [],
    })
  })

  it('is null when nothing usable is written', () => {
    expect(nameFromFields({ fullName: 'N.N. DESCONOCIDO' })).toBeNull()
    expect(nameFromFields({})).toBeNull()
  })
})

describe('parseFreeName', () => {
  it('reads "SURNAMES GIVEN" typed in capitals, as Mexican forms ask', () => {
    expect(words(parseFreeName('HERNANDEZ LOPEZ JUAN CARLOS', false))).toEqual({ given: ['juan', 'carlos'], surnames: ['hernandez', 'lopez'], married: [] })
  })

  it('reads Mayan surnames first in capitals', () => {
    expect(words(parseFreeName('XICAY TZOC ANA MARÍA', false))).toEqual({ given: ['ana', 'maria'], surnames: ['xicay', 'tzoc'], married: [] })
  })

  it('reads given names first in ordinary case', () => {
    expect(words(parseFreeName('José Luis Martínez', false))).toEqual({ given: ['jose', 'luis'], surnames: ['martinez'], married: [] })
  })

  it('puts the surnames before a comma first', () => {
    expect(words(parseFreeName('Pérez Gómez, María del Carmen', false))).toEqual({ given: ['maria', 'carmen'], surnames: ['perez', 'gomez'], married: [] })
  })

  it('keeps "de los Ángeles" with the given names', () => {
    expect(words(parseFreeName('María de los Ángeles Pérez', false))).toEqual({ given: ['maria', 'angeles'], surnames: ['perez'], married: [] })
  })

  it('reads a Haitian name with a compound given name', () => {
    expect(words(parseFreeName('Jean Robert Saint-Louis', false))).toEqual({ given: ['jean', 'robert'], surnames: ['louis'], married: [] })
  })
})

describe('aliasName', () => {
  it('takes a one-word alias as another given name with the same surnames', () => {
    const main = nameFromFields({ givenNames: 'Jesús', surname1: 'Hernández' })
    const alias = aliasName('Chuy', main)
    expect(words(alias)).toEqual({ given: ['chuy'], surnames: ['hernandez'], married: [] })
    expect(alias?.alias).toBe(true)
    expect(alias?.given[0]?.formal).toEqual(['jesus'])
  })

  it('parses a longer alias as a full name', () => {
    expect(words(aliasName('Pedro Ramírez Soto', null))).toEqual({ given: ['pedro'], surnames: ['ramirez', 'soto'], married: [] })
  })
})

describe('formalNames (hypocorisms)', () => {
  it.each([
    ['Pepe', ['jose']],
    ['Chuy', ['jesus']],
    ['Lupe', ['guadalupe']],
    ['Memo', ['guillermo']],
    ['Nacho', ['ignacio']],
    ['Paco', ['francisco']],
    ['Chema', ['jose', 'maria']],
    ['Toño', ['antonio']],
  ])('knows %s', (nick, formal) => {
    expect(formalNames(nick)).toEqual(formal)
  })

  it('gives every name a nickname may stand for: Beto', () => {
    expect(formalNames('Beto')).toEqual(expect.arrayContaining(['alberto', 'roberto', 'humberto']))
  })

  it('links Kreyòl spellings and Spanish forms of Haitian names', () => {
    expect(formalNames('Jozef')).toEqual(['joseph'])
    expect(formalNames('Jean')).toContain('juan')
    expect(formalNames('Pierre')).toContain('pedro')
  })

  it('is empty for a formal name', () => {
    expect(formalNames('Guadalupe')).toEqual([])
  })
})
