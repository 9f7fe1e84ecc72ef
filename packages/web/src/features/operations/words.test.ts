import { describe, expect, it } from 'vitest'
import { translate, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import { operationBody, OperationForm } from './operation-form.ts'
import { codeText, columnText, issueText, numberText, weekdayText } from './words.ts'

const t = (key: MessageKey, values?: MessageValues) => translate('es', key, values)
const en = (key: MessageKey, values?: MessageValues) => translate('en', key, values)

describe('issueText', () => {
  it('names the line and the column of a bad cell, in words around the server\'s message', () => {
    expect(issueText(t, { line: 3, column: 'sitio', message: 'No hay un módulo con ese nombre' })).toBe('Línea 3, columna «sitio»: No hay un módulo con ese nombre')
    expect(issueText(en, { line: 3, column: 'site', message: 'No such module' })).toBe('Line 3, column “site”: No such module')
  })

  it('names only the line of a problem of the whole row or of the header', () => {
    expect(issueText(t, { line: 1, column: '', message: 'Falta la columna nombre' })).toBe('Línea 1: Falta la columna nombre')
  })
})

describe('columnText', () => {
  it('says what a column is read as, and that an unknown one is not used, never its code', () => {
    expect(columnText(t, 'social_service')).toBe('Servicio social')
    expect(columnText(t, 'trained_complaints')).toBe('Capacitación en recepción de quejas')
    expect(columnText(t, null)).toBe('No se usa')
    expect(columnText(en, 'day_parts')).toBe('Day parts available')
  })
})

describe('numberText and weekdayText', () => {
  it('write thousands and days as Mexico does', () => {
    expect(numberText('es', 2261714)).toBe('2,261,714')
    expect(weekdayText('es', '2026-12-05')).toBe('sábado, 5 de diciembre')
    expect(weekdayText('en', '2026-12-05')).toBe('Saturday, December 5')
  })
})

describe('OperationForm and operationBody', () => {
  const season = { name: 'Operativo Invierno 2026', kind: 'winter', startsOn: '2026-11-15', endsOn: '2027-01-08', reason: '', units: [] }

  it('leaves an end before the start to the server, which names the field', () => {
    expect(OperationForm.safeParse({ ...season, endsOn: '2026-11-01' }).success).toBe(true)
  })

  it('asks a special operation why and over which groups', () => {
    const result = OperationForm.safeParse({ ...season, kind: 'special' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['reason', 'units'])
  })

  it('sends a season without reason or groups, and a special operation with both', () => {
    expect(operationBody(OperationForm.parse(season), 'id-1', 'paisano')).toEqual({ id: 'id-1', orgUnitId: 'paisano', kind: 'winter', name: 'Operativo Invierno 2026', startsOn: '2026-11-15', endsOn: '2027-01-08' })
    const special = OperationForm.parse({ ...season, kind: 'special', reason: 'cold', units: 'beta-tijuana' })
    expect(operationBody(special, 'id-2', 'beta')).toMatchObject({ reason: 'cold', units: ['beta-tijuana'] })
  })
})

describe('codeText', () => {
  it('groups a code by four', () => {
    expect(codeText('ABCDEFGHJK')).toBe('ABCD-EFGH-JK')
  })
})
