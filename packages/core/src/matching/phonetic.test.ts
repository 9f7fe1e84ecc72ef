import { describe, expect, it } from 'vitest'
import { phoneticKeys } from './phonetic.ts'

const same = (a: string, b: string) => phoneticKeys(a).some((k) => phoneticKeys(b).includes(k))

describe('phoneticKeys', () => {
  it.each([
    ['b/v', 'Velázquez', 'Belázquez'],
    ['s/z', 'Hernández', 'Hernandes'],
    ['c before e, i', 'Cecilia', 'Sesilia'],
    ['y/ll', 'Guillermo', 'Guiyermo'],
    ['silent h', 'Hernández', 'Ernández'],
    ['jh', 'Jhonatan', 'Jonatan'],
    ['j/g before e, i', 'Jerónimo', 'Gerónimo'],
    ['gu/w', 'Wilmer', 'Guilmer'],
    ['w/gu before a', 'Walter', 'Gualter'],
    ['ñ/n', 'Núñez', 'Nunez'],
    ['ñ/ni', 'Peña', 'Penia'],
    ['x/j', 'Ximena', 'Jimena'],
    ['Mayan x/ch', 'Xicay', 'Chicay'],
    ['Mayan x/sh', 'Xicay', 'Shicay'],
    ['Mayan k/c', 'Coc', 'Kok'],
    ['Mayan q/k', 'Quej', 'Kej'],
    ['Mayan tz/ts', 'Tzul', 'Tsul'],
    ['Mayan apostrophe', "B'atz", 'Batz'],
    ['x as ks', 'Alexis', 'Aleksis'],
    ['double letters', 'Jonnathan', 'Jonatan'],
    ['Haitian ou/u', 'Louis', 'Luis'],
    ['Haitian silent final e', 'Pierre', 'Pier'],
    ['Haitian ph/f', 'Joseph', 'Josef'],
    ['accents lost', 'Ramírez', 'RAMIREZ'],
  ])('gives one key for %s: %s ~ %s', (_rule, a, b) => {
    expect(same(a, b)).toBe(true)
  })

  it.each([
    ['Hernández', 'Fernández'],
    ['Méndez', 'Mendoza'],
    ['Rosas', 'Rosales'],
    ['Juan', 'Juana'],
  ])('keeps different names apart: %s, %s', (a, b) => {
    expect(same(a, b)).toBe(false)
  })

  it('gives up to three keys to a word with an x', () => {
    expect(phoneticKeys('Xol')).toHaveLength(3)
    expect(phoneticKeys('Pérez')).toHaveLength(1)
  })

  it('is empty for an empty word', () => {
    expect(phoneticKeys(' - ')).toEqual([])
  })
})
