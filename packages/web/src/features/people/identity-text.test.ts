import { describe, expect, it } from 'vitest'
import { translate, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import { identityText } from './identity-text.ts'

const t = (key: MessageKey, values?: MessageValues) => translate('es', key, values)
const en = (key: MessageKey, values?: MessageValues) => translate('en', key, values)

describe('identityText', () => {
  it('names the sex, the country and the languages in the reader\'s language, never by code', () => {
    expect(identityText('sex', 'female', 'es', t)).toBe('Mujer')
    expect(identityText('nationality', 'HN', 'es', t)).toBe('Honduras')
    expect(identityText('nationality', 'HT', 'en', en)).toBe('Haiti')
    expect(identityText('languages', ['es', 'ht'], 'es', t)).toBe('español, criollo haitiano')
  })

  it('writes documents and relatives as lines, never as JSON', () => {
    const relatives = [{ name: 'Rosa Pérez', relationship: 'parent', phones: ['+504 9999 0000'], country: 'HN' }]
    const text = identityText('relatives', relatives, 'es', t)
    expect(text).toBe('Rosa Pérez · madre o padre · +504 9999 0000 · Honduras')
    expect(identityText('idDocuments', [{ kind: 'passport', number: 'X123', country: 'GT' }], 'en', en)).toBe('Passport · X123 · Guatemala')
    for (const value of [relatives, { a: 1 }, [{ b: 2 }]]) {
      expect(identityText('other', value, 'es', t)).not.toMatch(/[{}[\]"]/)
    }
  })

  it('writes a birth date as a date and an age with its plural', () => {
    expect(identityText('birthDate', '1990-03-07', 'es', t)).toBe('7 de marzo de 1990')
    expect(identityText('approximateAge', 1, 'es', t)).toBe('1 año')
    expect(identityText('approximateAge', 30, 'en', en)).toBe('30 years')
  })
})
