import { describe, expect, it } from 'vitest'
import type { PolicyAction } from '../../api/types.ts'
import { translate, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import { isLinkable, linkableTypes, recordPath, recordTypeName, recordWords } from './record-words.ts'

const t = (key: MessageKey, values?: MessageValues) => translate('es', key, values)
const en = (key: MessageKey, values?: MessageValues) => translate('en', key, values)

describe('recordWords', () => {
  it('names an attention by its setting, when it happened and how many people it served', () => {
    const state = { orgUnitId: 'beta-tijuana', setting: 'shelter', at: '2026-12-03T14:05:00.000Z', people: [{ count: 2 }, { count: 1 }], services: ['water'] }
    expect(recordWords('attention', state, t)).toEqual({ title: 'Albergue', when: '2026-12-03T14:05:00.000Z', people: '3 personas' })
  })

  it('names a rescue by its emergency, a patrol by its kind and the people it met', () => {
    expect(recordWords('rescue', { emergencyType: 'heat_stroke', at: '2026-12-01T08:00:00.000Z', people: [{ count: 1 }] }, t)).toMatchObject({ title: 'Golpe de calor', people: '1 persona' })
    expect(recordWords('patrol', { kind: 'preventive', startedAt: '2026-12-02T06:00:00.000Z', peopleEncountered: 4 }, en)).toEqual({ title: 'Preventive patrol', when: '2026-12-02T06:00:00.000Z', people: '4 people met' })
  })

  it('names found remains by their condition, counting one when the record does not say', () => {
    expect(recordWords('remains', { condition: 'skeletal', foundAt: '2026-11-30T17:00:00.000Z' }, t)).toEqual({ title: 'Hallazgo de restos · Osamenta', when: '2026-11-30T17:00:00.000Z', people: '1 persona' })
  })

  it('falls back to the type name, never to a code, when a value is unknown or missing', () => {
    expect(recordWords('attention', { setting: 'moon_base', people: 'many' }, t)).toEqual({ title: 'Atención', when: undefined, people: '0 personas' })
    expect(recordWords('place', { name: 'Base' }, t)).toEqual({ title: 'Lugar', when: undefined, people: undefined })
    expect(recordTypeName('spaceship', t)).toBe('spaceship')
  })
})

describe('linkableTypes', () => {
  it('offers the field records the role may read, never places', () => {
    const coordinator = new Set<PolicyAction>(['attention.read', 'rescue.read', 'patrol.read', 'remains.read', 'place.read'])
    expect(linkableTypes((a) => coordinator.has(a))).toEqual(['attention', 'rescue', 'patrol', 'remains'])
    expect(linkableTypes((a) => a === 'rescue.read')).toEqual(['rescue'])
    expect(linkableTypes(() => false)).toEqual([])
    expect(isLinkable('place')).toBe(false)
  })
})

describe('recordPath', () => {
  it('escapes the id into the record page path', () => {
    expect(recordPath('attention', 'att 1/2')).toBe('records/attention/att%201%2F2')
  })
})
