import { describe, expect, it } from 'vitest'
import { translate, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import { changeMark, changeOf, changeWords, factCount, formatCount, monthName, periodName, tickName, valueName } from './words.ts'

const es = (key: MessageKey, values?: MessageValues) => translate('es', key, values)
const en = (key: MessageKey, values?: MessageValues) => translate('en', key, values)

describe('numbers', () => {
  it('writes counts as Mexico does in Spanish and as English does', () => {
    expect(formatCount('es', 12345)).toBe('12,345')
    expect(formatCount('en', 1234567)).toBe('1,234,567')
  })

  it('puts a count in the plural its number needs', () => {
    expect(factCount(es, 'es', 'attended', 1)).toBe('1 persona atendida')
    expect(factCount(es, 'es', 'attended', 12345)).toBe('12,345 personas atendidas')
    expect(factCount(en, 'en', 'rescued', 2)).toBe('2 people rescued')
  })
})

describe('values in words', () => {
  it('names every value of every dimension, never its code', () => {
    expect(valueName(es, 'es', 'attended', 'border', 'north')).toBe('Frontera norte')
    expect(valueName(es, 'es', 'attended', 'sex', 'female')).toBe('Mujer')
    expect(valueName(es, 'es', 'attended', 'ageBand', '18-29')).toBe('18-29 años')
    expect(valueName(es, 'es', 'attended', 'nationality', 'HN')).toBe('Honduras')
    expect(valueName(en, 'en', 'attended', 'nationality', 'GT')).toBe('Guatemala')
    expect(valueName(es, 'es', 'service', 'kind', 'first_aid')).toBe('Primeros auxilios')
    expect(valueName(es, 'es', 'rescued', 'kind', 'heat_stroke')).toBe('Golpe de calor')
    expect(valueName(es, 'es', 'rescued', 'outcome', 'transferred_to_hospital')).toBe('Traslado a hospital')
    expect(valueName(es, 'es', 'tally', 'kind', 'guides')).toBe('Guía entregada')
    expect(valueName(es, 'es', 'patrol', 'kind', 'preventive')).toBe('Patrullaje preventivo')
    expect(valueName(es, 'es', 'attended', 'month', '2026-11')).toBe('noviembre de 2026')
    expect(valueName(en, 'en', 'attended', 'month', '2026-11')).toBe('November 2026')
    expect(valueName(es, 'es', 'attended', 'quarter', '2026-Q4')).toBe('Trimestre 4 de 2026')
    expect(valueName(es, 'es', 'attended', 'half', '2026-H1')).toBe('Primer semestre de 2026')
    expect(valueName(en, 'en', 'attended', 'week', '2026-W48')).toBe('Week 48 of 2026')
    expect(valueName(es, 'es', 'attended', 'unit', 'beta-tijuana', { units: { 'beta-tijuana': { name: 'Grupo Beta Tijuana' } } })).toBe('Grupo Beta Tijuana')
    expect(valueName(es, 'es', 'tally', 'operation', 'op-1', { operations: [{ recordId: 'op-1', name: 'Operativo Invierno 2026' }] })).toBe('Operativo Invierno 2026')
  })

  it('says "no data" or names the gap, rather than show a code it does not know', () => {
    for (const [fact, dim, value] of [
      ['attended', 'sex', 'unknown'],
      ['service', 'kind', 'teleportation'],
      ['attended', 'nationality', 'ZZ'],
      ['attended', 'nationality', 'unknown'],
    ] as const) {
      expect(valueName(es, 'es', fact, dim, value)).toBe('Sin dato')
    }
    expect(valueName(es, 'es', 'attended', 'border', '')).toBe('Sin frontera (Paisano y otras oficinas)')
    expect(valueName(es, 'es', 'attended', 'unit', 'beta-x')).toBe('Unidad sin nombre')
    expect(valueName(es, 'es', 'tally', 'operation', '')).toBe('Fuera de operativo')
  })

  it('names a period', () => {
    expect(periodName(es, 'es', { kind: 'month', year: 2026, month: 1 })).toBe('enero de 2026')
    expect(periodName(es, 'es', { kind: 'operation', id: 'op-1' }, [{ recordId: 'op-1', name: 'Operativo Invierno 2025' }])).toBe('Operativo Invierno 2025')
    expect(monthName('en', '2026-03', true)).toBe('Mar')
  })

  it('names the x axis of a line briefly', () => {
    expect(tickName(es, 'es', 'month', '2026-11')).toBe('nov')
    expect(tickName(es, 'es', 'week', '2026-W48')).toBe('S48')
    expect(tickName(en, 'en', 'quarter', '2026-Q4')).toBe('Q4 2026')
  })
})

describe('the change from a year earlier', () => {
  it('gives an arrow and a share for the eye and a sentence for screen readers', () => {
    const up = changeOf(120, 100)
    expect(up).toEqual({ direction: 'up', share: 0.2 })
    expect(changeMark('es', up)).toBe('▲ 20%')
    expect(changeWords(es, 'es', up, 100)).toBe('20% más que un año antes (100)')
    const down = changeOf(75, 100)
    expect(changeMark('en', down)).toBe('▼ 25%')
    expect(changeWords(en, 'en', down, 100)).toBe('25% fewer than a year earlier (100)')
  })

  it('has no share when there was nothing a year earlier', () => {
    expect(changeOf(5, 0)).toEqual({ direction: 'new', share: 0 })
    expect(changeWords(es, 'es', changeOf(5, 0), 0)).toBe('Sin registros un año antes para comparar')
    expect(changeMark('es', changeOf(0, 0))).toBe('—')
    expect(changeWords(es, 'es', changeOf(7, 7), 7)).toBe('Igual que un año antes (7)')
  })
})
