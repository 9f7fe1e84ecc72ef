import { describe, expect, it } from 'vitest'
import { firstHeading, isSiteLang, langCode, nextSeason, isoToOfficeLocal, langName, officeDateTime, officeLocalToIso, sectionTitle, slugFromTitle, unreviewedTitles } from './words.ts'

describe('section titles', () => {
  it('takes the first heading of the Spanish text, without its markup', () => {
    expect(sectionTitle({ texts: { en: { markdown: '# Phones', status: 'draft' }, es: { markdown: 'Intro\n\n## Teléfonos **que te sirven**\n\n# Otro', status: 'reviewed' } } })).toBe('Teléfonos que te sirven')
    expect(firstHeading('# [Tus derechos](rights) ##')).toBe('Tus derechos')
  })

  it('falls back to another language, and gives nothing when no text has a heading', () => {
    expect(sectionTitle({ texts: { es: { markdown: 'Sin título', status: 'draft' }, ht: { markdown: '# Telefòn', status: 'draft' } } })).toBe('Telefòn')
    expect(sectionTitle({ texts: { es: { markdown: 'Sin título', status: 'draft' } } })).toBeUndefined()
  })

  it('names the sections whose Spanish is not reviewed, by title', () => {
    const sections = [
      { slug: 'a', audience: 'paisano' as const, pictogram: 'help' as const, texts: { es: { markdown: '# Uno', status: 'reviewed' as const } } },
      { slug: 'b', audience: 'paisano' as const, pictogram: 'help' as const, texts: { es: { markdown: '# Dos', status: 'draft' as const } } },
      { slug: 'c', audience: 'paisano' as const, pictogram: 'help' as const, texts: { es: { markdown: 'nada', status: 'needs_translation' as const } } },
    ]
    expect(unreviewedTitles({ sections }, (n) => `Sección ${n}`)).toEqual(['Dos', 'Sección 3'])
  })
})

describe('words for codes', () => {
  it('names a language as its readers do, and an unknown one by the browser', () => {
    expect(langName('ht', 'es')).toBe('Kreyòl')
    expect(langName('de', 'es')).toBe('Alemán')
  })

  it('makes a page address from a title', () => {
    expect(slugFromTitle('Teléfonos que te sirven')).toBe('telefonos-que-te-sirven')
    expect(slugFromTitle('¿Qué hacer si…? ')).toBe('que-hacer-si')
  })
})

describe('Mexico City time', () => {
  it('reads a datetime-local value on Mexico City\'s clock', () => {
    expect(officeLocalToIso('2027-04-01T06:00')).toBe('2027-04-01T06:00:00-06:00')
    expect(Date.parse(officeLocalToIso('2027-04-01T06:00') ?? '')).toBe(Date.parse('2027-04-01T12:00:00Z'))
    expect(officeLocalToIso('mañana')).toBeUndefined()
  })

  it('applies the offset of the day, where the zone still changed it', () => {
    expect(officeLocalToIso('2027-07-01T06:00', 'America/Tijuana')).toBe('2027-07-01T06:00:00-07:00')
    expect(officeLocalToIso('2027-01-10T06:00', 'America/Tijuana')).toBe('2027-01-10T06:00:00-08:00')
  })

  it('fills the field from an instant and says it in words', () => {
    expect(isoToOfficeLocal('2027-04-01T12:00:00.000Z')).toBe('2027-04-01T06:00')
    expect(officeDateTime('2027-04-01T12:00:00.000Z', 'es')).toMatch(/^1 de abril de 2027(,| a las) 06:00$/)
  })
})

describe('nextSeason', () => {
  it('offers the operation after the newest edition', () => {
    expect(nextSeason([{ season: 'winter', year: 2026 }, { season: 'easter', year: 2027 }, { season: 'summer', year: 2026 }], 2026)).toEqual({ season: 'summer', year: 2027 })
    expect(nextSeason([{ season: 'winter', year: 2026 }], 2026)).toEqual({ season: 'easter', year: 2027 })
    expect(nextSeason([], 2026)).toEqual({ season: 'easter', year: 2027 })
  })
})

describe('a language to add', () => {
  it('takes an ISO 639 code of two or three letters, trimmed and lower-cased', () => {
    expect(langCode(' Tzo ')).toBe('tzo')
    expect(langCode('de')).toBe('de')
    expect(langCode('t')).toBeUndefined()
    expect(langCode('tzot')).toBeUndefined()
    expect(langCode('es-MX')).toBeUndefined()
    expect(langCode('k’i')).toBeUndefined()
  })

  it('names the languages offered by their own names, and tells the site\'s own from the others', () => {
    expect(['quc', 'mam', 'kek', 'cak', 'nah'].map((c) => langName(c, 'es'))).toEqual(['K\u2019iche\u2019', 'Mam', 'Q\u2019eqchi\u2019', 'Kaqchikel', 'Náhuatl'])
    expect(isSiteLang('ht')).toBe(true)
    expect(isSiteLang('mam')).toBe(false)
  })
})
