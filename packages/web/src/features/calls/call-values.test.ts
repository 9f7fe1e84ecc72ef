import { CallLogged } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { callDefaults, callPayload, callTime, CallForm, clockTime } from './call-values.ts'

const now = new Date(2026, 11, 5, 14, 32, 17)
const filled = { ...callDefaults(now), topic: 'vehicle_import' }

describe('CallForm', () => {
  it('takes an information-only call with nothing but its topic chosen', () => {
    const parsed = CallForm.parse(filled)
    expect(parsed).toEqual({ topic: 'vehicle_import', outcome: 'informed', fromCountry: 'MX', language: 'es', time: '14:32', minutes: undefined, folio: undefined, notes: undefined })
  })

  it('refuses a call without a topic, as a choice to make', () => {
    const result = CallForm.safeParse(callDefaults(now))
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['topic', 'choose']])
  })

  it('reads a folio as typed over the phone and writes it in canonical form', () => {
    expect(CallForm.parse({ ...filled, outcome: 'case_followed_up', folio: ' pa 26 4k7q v ' }).folio).toBe('PA-26-4K7Q-V')
  })

  it('refuses a mistyped folio on its field', () => {
    const result = CallForm.safeParse({ ...filled, folio: 'PA-26-4K7Q-9' })
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['folio', 'folio']])
  })

  it('takes whole minutes up to 600 and refuses anything else', () => {
    expect(CallForm.parse({ ...filled, minutes: ' 7 ' }).minutes).toBe(7)
    for (const minutes of ['7.5', '-1', '601', 'siete']) {
      expect(CallForm.safeParse({ ...filled, minutes }).error?.issues[0]?.message, minutes).toBe('minutes')
    }
  })

  it('makes a payload core accepts, without the fields left empty', () => {
    const payload = callPayload(CallForm.parse({ ...filled, outcome: 'case_opened', folio: 'pa-26-4k7q-v', minutes: '4', notes: '  Pidió la lista de módulos.  ' }), 'call-centre', now.toISOString())
    expect(CallLogged.parse(payload)).toEqual(payload)
    expect(payload).toMatchObject({ folio: 'PA-26-4K7Q-V', minutes: 4, notes: 'Pidió la lista de módulos.' })
    expect(Object.keys(callPayload(CallForm.parse(filled), 'call-centre', now.toISOString()))).toEqual(['orgUnitId', 'at', 'topic', 'outcome', 'fromCountry', 'language'])
  })
})

describe('callTime', () => {
  it('is now, to the second, when the operator left the time to the clock', () => {
    expect(callTime(clockTime(now), now, false)).toBe(now.toISOString())
  })

  it('is that time of today when typed', () => {
    expect(callTime('09:05', now, true)).toBe(new Date(2026, 11, 5, 9, 5).toISOString())
  })

  it('is yesterday for a time still to come today: a call before midnight logged after it', () => {
    const justAfterMidnight = new Date(2026, 11, 6, 0, 4)
    expect(callTime('23:58', justAfterMidnight, true)).toBe(new Date(2026, 11, 5, 23, 58).toISOString())
    expect(callTime('00:05', justAfterMidnight, true)).toBe(new Date(2026, 11, 6, 0, 5).toISOString())
  })
})
