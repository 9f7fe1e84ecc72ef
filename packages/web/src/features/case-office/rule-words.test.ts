import { ComplaintCategory } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { translate, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import { ruleWords } from './rule-words.ts'

const es = (key: MessageKey, values?: MessageValues) => translate('es', key, values)
const en = (key: MessageKey, values?: MessageValues) => translate('en', key, values)
const NAMES: Record<string, string> = { 'agency-pgr': 'Procuraduría General de la República', 'agency-aga': 'Administración General de Aduanas', 'agency-inm': 'Instituto Nacional de Migración' }
const unitName = (id: string) => NAMES[id] ?? 'Otra unidad'
// A code of a closed list shown as it is stored, instead of in words.
const RAW_CODE = /\b[a-z]+[_-][a-z_-]+\b/

describe('ruleWords', () => {
  it('tells a rule in words, with categories, places and bodies by name', () => {
    const words = ruleWords(es, 'es', { name: 'Extorsión', categories: ['extortion', 'theft'], placeKinds: ['customs', 'port_of_entry'], accused: 'any', to: ['accused_internal_control', 'agency-pgr'] }, unitName)
    expect(words).toEqual({
      categories: 'Extorsión o robo',
      places: 'Aduana o garita o puerto de entrada',
      accused: 'Se señala a alguna dependencia',
      to: 'El órgano interno de control de la dependencia señalada y Procuraduría General de la República',
    })
    expect(Object.values(words).join(' ')).not.toMatch(RAW_CODE)
  })

  it('reads a condition left out as any, and every complaint category as any complaint', () => {
    const words = ruleWords(es, 'es', { name: 'Conducta', categories: [...ComplaintCategory.options], to: ['agency-aga'] }, unitName)
    expect(words.categories).toBe('Cualquier queja')
    expect(words.places).toBe('Cualquier lugar')
    expect(words.accused).toBe('Haya o no una dependencia señalada')
    expect(ruleWords(es, 'es', { name: 'Resto', to: ['agency-aga'] }, unitName).categories).toBe('Cualquier queja o solicitud de ayuda')
  })

  it('names the accused agencies a rule asks for, in English too', () => {
    const words = ruleWords(en, 'en', { name: 'INM', accused: ['agency-inm', 'agency-aga'], to: ['agency-pgr'] }, unitName)
    expect(words.accused).toBe('Instituto Nacional de Migración or Administración General de Aduanas')
    expect(ruleWords(en, 'en', { name: 'None', accused: 'none', to: ['agency-pgr'] }, unitName).accused).toBe('No agency is accused')
  })
})
