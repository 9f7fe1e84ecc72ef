import { describe, expect, it } from 'vitest'
import { translate, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import { breakdownRows, hourLabel, hourRange, localDay, valueText } from './words.ts'

const t = (key: MessageKey, values?: MessageValues) => translate('es', key, values)
const en = (key: MessageKey, values?: MessageValues) => translate('en', key, values)

describe('hour labels', () => {
  it('shows an hour the sheets key in UTC in the reader\'s clock', () => {
    expect(hourLabel('es', '2026-12-05T14', 'America/Mexico_City')).toBe('08:00')
    expect(hourRange('es', '2026-12-05T14', 'America/Mexico_City')).toBe('08:00–09:00')
    expect(hourRange('en', '2026-12-05T23', 'UTC')).toBe('23:00–00:00')
  })

  it('leaves a key it cannot read as it is', () => {
    expect(hourLabel('es', 'unknown')).toBe('unknown')
  })
})

describe('localDay', () => {
  it('is the device\'s calendar day', () => {
    const d = new Date(2026, 11, 5, 23, 30)
    expect(localDay(d.getTime())).toBe('2026-12-05')
  })
})

describe('valueText', () => {
  it('names every value of a breakdown in words, never its code', () => {
    expect(valueText(t, 'es', 'sex', 'female')).toBe('Mujer')
    expect(valueText(t, 'es', 'age', '18-29')).toBe('18-29 años')
    expect(valueText(t, 'es', 'nationality', 'HN')).toBe('Honduras')
    expect(valueText(en, 'en', 'nationality', 'HT')).toBe('Haiti')
    expect(valueText(t, 'es', 'vulnerability', 'unaccompanied_child')).toBe('Niña, niño o adolescente no acompañado')
    expect(valueText(t, 'es', 'service', 'first_aid')).toBe('Primeros auxilios')
    expect(valueText(t, 'es', 'sex', 'unknown')).toBe('Sin dato')
  })

  it('says "no data" for a value the catalogue does not know', () => {
    expect(valueText(t, 'es', 'service', 'teleportation')).toBe('Sin dato')
    expect(valueText(t, 'es', 'nationality', 'ZZ')).not.toBe('ZZ')
  })
})

describe('breakdownRows', () => {
  it('lists the values with people, most first, in words', () => {
    expect(breakdownRows(t, 'es', 'nationality', { HN: 7, GT: 4, SV: 0, unknown: 1 })).toEqual([
      { value: 'HN', label: 'Honduras', people: 7 },
      { value: 'GT', label: 'Guatemala', people: 4 },
      { value: 'unknown', label: 'Sin dato', people: 1 },
    ])
  })
})
