import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nameTokens, normaliseName, normalisePhone, phoneticKey } from './names.ts'

describe('normaliseName', () => {
  it('drops accents and case but keeps ñ', () => {
    expect(normaliseName('  José-María  DE LA Peña ')).toBe('jose maria de la peña')
  })

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normaliseName(normaliseName(s)) === normaliseName(s)))
  })

  it('returns only lower-case letters, ñ and single spaces', () => {
    fc.assert(fc.property(fc.string(), (s) => /^([a-zñ]+( [a-zñ]+)*)?$/.test(normaliseName(s))))
  })
})

describe('nameTokens', () => {
  it('leaves out particles', () => {
    expect(nameTokens('María de los Ángeles Pérez y Gómez')).toEqual(['maria', 'angeles', 'perez', 'gomez'])
  })

  it('does not depend on accents or case', () => {
    const accented = fc.constantFrom('á', 'é', 'í', 'ó', 'ú', 'Á', 'É', 'a', 'e', 'O', 'n', 'r', 's', ' ')
    fc.assert(
      fc.property(fc.array(accented, { maxLength: 20 }), (chars) => {
        const s = chars.join('')
        const plain = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
        expect(nameTokens(s)).toEqual(nameTokens(plain))
      }),
    )
  })
})

describe('phoneticKey', () => {
  it.each([
    ['Velázquez', 'Belasques'],
    ['Guillermo', 'Giyermo'],
    ['Hernández', 'Ernandes'],
    ['Quiñónez', 'Kiñones'],
    ['Jiménez', 'Gimenes'],
    ['Cecilia', 'Sesilia'],
    ['Yolanda', 'Llolanda'],
    ['Zavala', 'Sabala'],
    ['Guerrero', 'Gerrero'],
  ])('gives %s and %s the same key', (a, b) => {
    expect(phoneticKey(a)).toBe(phoneticKey(b))
  })

  it('keeps names that sound different apart', () => {
    expect(phoneticKey('Pérez')).not.toBe(phoneticKey('Gómez'))
    expect(phoneticKey('Rosa')).not.toBe(phoneticKey('Rocha'))
  })

  it('is stable under accents and case', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Záéíóú]{0,12}$/), (s) => {
        const plain = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
        expect(phoneticKey(s)).toBe(phoneticKey(plain.toUpperCase()))
      }),
    )
  })

  it('never returns characters outside a-z, ñ', () => {
    fc.assert(fc.property(fc.string(), (s) => /^[a-zñ]*$/.test(phoneticKey(s))))
  })
})

describe('normalisePhone', () => {
  it('keeps only digits', () => {
    expect(normalisePhone('+52 (664) 123-4567')).toBe('526641234567')
  })
})
