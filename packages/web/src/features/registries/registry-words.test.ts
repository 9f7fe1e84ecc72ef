import { describe, expect, it } from 'vitest'
import { translate, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import { courseName, currentCertificates, equipmentChangeText, equipmentSteps, expiryOf, expiryText, findingsText, reasonsText } from './registry-words.ts'
import type { Certificate } from './types.ts'

const t = (key: MessageKey, values?: MessageValues) => translate('es', key, values)
const en = (key: MessageKey, values?: MessageValues) => translate('en', key, values)

describe('expiryOf and expiryText', () => {
  it('says a certificate without an end does not expire', () => {
    expect(expiryText(t, 'es', expiryOf(undefined, '2026-11-21'))).toBe('No vence')
  })

  it('counts the days left within the 60-day window, across a month\'s end, and says today', () => {
    expect(expiryOf('2026-12-31', '2026-11-21')).toEqual({ state: 'soon', days: 40 })
    expect(expiryText(t, 'es', expiryOf('2026-11-22', '2026-11-21'))).toBe('Vence en 1 día')
    expect(expiryText(t, 'es', expiryOf('2026-11-21', '2026-11-21'))).toBe('Vence hoy')
    expect(expiryText(en, 'en', expiryOf('2026-12-31', '2026-11-21'))).toBe('Ends in 40 days')
  })

  it('says a certificate well ahead is valid until its day, and one past ended so many days ago', () => {
    expect(expiryOf('2027-03-01', '2026-11-21').state).toBe('valid')
    expect(expiryText(t, 'es', expiryOf('2027-03-01', '2026-11-21'), '2027-03-01')).toMatch(/^Vigente hasta 1 mar 2027$/)
    expect(expiryText(t, 'es', expiryOf('2026-11-18', '2026-11-21'))).toBe('Venció hace 3 días')
    expect(expiryText(en, 'en', expiryOf('2026-11-20', '2026-11-21'))).toBe('Ended 1 day ago')
  })
})

describe('courseName', () => {
  const added = [{ code: 'canyon_rescue', kind: 'rescue' as const, validityMonths: 24, builtIn: false, name: { es: 'Rescate en cañones', en: 'Canyon rescue' } }]

  it('names built-in courses from the catalogue and added ones by their own name', () => {
    expect(courseName(t, 'es', 'land_water_rescue', added)).toBe('Rescate terrestre y acuático')
    expect(courseName(en, 'en', 'canyon_rescue', added)).toBe('Canyon rescue')
  })

  it('never shows a code it cannot name', () => {
    expect(courseName(t, 'es', 'mystery_course', added)).toBe('Curso fuera del catálogo')
  })
})

describe('currentCertificates', () => {
  const cert = (course: string, issuedOn: string, expiresOn?: string, revoked?: boolean): Certificate => ({ recordId: `${course}-${issuedOn}`, orgUnitId: 'g', userId: 'u', course, issuer: 'red_cross', issuedOn, ...(expiresOn ? { expiresOn } : {}), ...(revoked ? { revoked } : {}) })

  it('keeps the newest certificate of each course, leaves revoked ones out, and puts the soonest to end first', () => {
    const shown = currentCertificates([cert('first_aid', '2022-01-01', '2024-01-01'), cert('gps', '2020-01-01'), cert('first_aid', '2024-02-01', '2026-12-31'), cert('cpr', '2025-01-01', '2027-01-01', true), cert('rappel', '2025-05-01', '2027-05-01')])
    expect(shown.map((c) => c.recordId)).toEqual(['first_aid-2024-02-01', 'rappel-2025-05-01', 'gps-2020-01-01'])
  })
})

describe('reasonsText', () => {
  it('reads an item\'s reasons most urgent first, with a vehicle\'s age', () => {
    expect(reasonsText(t, ['old', 'in_repair'], 14)).toEqual(['En reparación', '14 años de antigüedad'])
    expect(reasonsText(t, ['service_due', 'poor_condition', 'lost'])).toEqual(['Se perdió', 'En malas condiciones', 'Servicio en menos de 30 días'])
    expect(reasonsText(en, ['old'], 1)).toEqual(['1 year old'])
  })
})

describe('findingsText', () => {
  it('puts the latest inspection into words', () => {
    expect(findingsText(t, { damage: 'severe', waterTankLevel: 'empty', strobeWorking: false, inspectionNotes: ' Panel solar roto ' })).toEqual(['Daños: Graves', 'Tanque de agua: Vacío', 'La luz estroboscópica no funciona', 'Notas: «Panel solar roto»'])
    expect(findingsText(t, { status: 'needs_repair' })).toEqual(['Requiere reparación'])
    expect(findingsText(t, {})).toEqual([])
  })
})

describe('equipmentChangeText', () => {
  it('reads a change of status and condition with its note, and leaves fields it does not know out', () => {
    expect(equipmentChangeText(t, 'es', { status: 'in_repair', condition: 'fair', note: 'Falla de transmisión', crew: [], mystery: 'x' })).toEqual(['Estado: En reparación', 'Condición: Condiciones regulares', 'Nota: «Falla de transmisión»'])
  })

  it('reads a registration with its lot, usage and next service', () => {
    expect(equipmentChangeText(en, 'en', { orgUnitId: 'beta-tijuana', type: 'lifejackets', identifier: 'CHALECOS-2025', quantity: 12, usage: 1200, nextServiceOn: '2027-03-01', crew: ['a', 'b'] })).toEqual([
      'Identifier: CHALECOS-2025',
      '12 pieces',
      'Usage: 1,200',
      'Next service: Mar 1, 2027',
      '2 people assigned',
    ])
  })

  it('does not put an unknown status into words', () => {
    expect(equipmentChangeText(t, 'es', { status: 'stolen' })).toEqual([])
  })
})

describe('equipmentSteps', () => {
  const entry = (seq: number, type: string, payload: Record<string, unknown>) => ({ seq, id: `a${seq}`, type, payload, actorId: 'u', deviceId: null, baseVersion: null, clientTime: null, receivedAt: `2026-11-2${seq}T10:00:00Z` })

  it('keeps of each change only what it changed, and the note, newest first', () => {
    const steps = equipmentSteps([
      entry(2, 'EquipmentUpdated', { status: 'in_repair', condition: 'fair', quantity: 1, crew: ['u1'], note: 'Falla de transmisión' }),
      entry(1, 'EquipmentRegistered', { type: 'jeep', identifier: 'BC-4521-A', status: 'in_service', condition: 'fair', quantity: 1, crew: ['u1'] }),
      entry(3, 'EquipmentUpdated', { status: 'in_service', condition: 'fair', quantity: 1, crew: ['u1'], note: 'Reparado' }),
    ])
    expect(steps.map((s) => [s.seq, s.registered, s.changed])).toEqual([
      [3, false, { status: 'in_service', note: 'Reparado' }],
      [2, false, { status: 'in_repair', note: 'Falla de transmisión' }],
      [1, true, { type: 'jeep', identifier: 'BC-4521-A', status: 'in_service', condition: 'fair', quantity: 1, crew: ['u1'] }],
    ])
  })
})
