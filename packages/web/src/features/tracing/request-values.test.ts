import { LocationRequestForm } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { emptySought, formFieldOf, RequestForm, requestDefaults, toRequest, traceChannelFor, type RequestValues, type SoughtValues } from './request-values.ts'

const ID = '0193a1f2-7c3e-7a10-9b2c-3d4e5f6a7b8c'
const now = new Date(2026, 10, 3, 12, 0)

function person(over: Partial<SoughtValues> = {}): SoughtValues {
  return { ...emptySought(), ...over }
}

function request(over: Partial<RequestValues> = {}): RequestValues {
  return {
    ...requestDefaults(ID, '123456', 'call_centre'),
    relationship: 'parent',
    description: 'Su hijo salió de Tegucigalpa; la última llamada fue desde Altar, Sonora.',
    sought: [person({ givenNames: 'José Ángel', firstSurname: 'Maldonado' })],
    ...over,
  }
}

describe('toRequest', () => {
  it('makes a request core accepts for three people, each with only what was said of them', () => {
    const values = request({
      sought: [
        person({ givenNames: ' José Ángel ', firstSurname: 'Maldonado', approximateAge: '19', sex: 'male', nationality: 'HN', lastContactDate: '2026-10-28', lastContactPlace: 'Altar', lastContactState: 'Sonora', lastContactMeans: 'phone_call' }),
        person({ aliases: 'el Flaco, Flaquito', marks: 'tatuaje de una rosa en el antebrazo', heightCm: '1,65' }),
        person({ givenNames: 'Kevin', firstSurname: 'Reyes', secondSurname: 'Ortiz', birthDate: '2009-02-01', originCountry: 'HN', originTown: 'Choluteca', companions: 'viajaba con los otros dos' }),
      ],
    })
    const { request: body, problems } = toRequest(values, now)
    expect(problems).toEqual([])
    const parsed = LocationRequestForm.parse(body)
    expect(parsed.sought).toHaveLength(3)
    expect(parsed.sought[0]).toEqual({
      identity: expect.objectContaining({ givenNames: 'José Ángel', firstSurname: 'Maldonado', approximateAge: 19, sex: 'male', nationality: 'HN' }),
      lastContact: { date: '2026-10-28', place: 'Altar', state: 'Sonora', means: 'phone_call' },
    })
    expect(parsed.sought[0]?.identity.physical).toBeUndefined()
    expect(parsed.sought[1]?.identity).toMatchObject({ aliases: ['el Flaco', 'Flaquito'], physical: { marks: 'tatuaje de una rosa en el antebrazo', heightCm: 165 } })
    expect(parsed.sought[1]?.identity.givenNames).toBeUndefined()
    expect(parsed.sought[2]).toMatchObject({ origin: { country: 'HN', town: 'Choluteca' }, companions: 'viajaba con los otros dos', identity: { birthDate: '2009-02-01' } })
    expect(parsed).toMatchObject({ id: ID, pin: '123456', channel: 'call_centre', relationship: 'parent', language: 'es', contactChannel: 'none' })
  })

  it('names the missing number of a phone contact at once, whatever else is wrong', () => {
    const values = request({ contactChannel: 'phone', sought: [person({ givenNames: 'Luis', approximateAge: 'veinte' })] })
    expect(toRequest(values, now).problems).toEqual([
      { field: 'sought.0.approximateAge', message: 'age' },
      { field: 'phone', message: 'case_phone_needed' },
    ])
  })

  it('names an age or a height that is no number, and a day to come, on their fields', () => {
    const values = request({ sought: [person({ givenNames: 'Ana' }), person({ givenNames: 'Luis', approximateAge: 'veinte', heightCm: '3 m', lastContactDate: '2026-11-04' })] })
    expect(toRequest(values, now).problems).toEqual([
      { field: 'sought.1.approximateAge', message: 'age' },
      { field: 'sought.1.heightCm', message: 'height' },
      { field: 'sought.1.lastContactDate', message: 'future' },
    ])
  })
})

describe('who asks', () => {
  it('is a consulate, its own contact: no requester, no contact channel, whatever was typed', () => {
    const values = request({ ...requestDefaults(ID, '123456', 'consulate'), description: 'Lo buscan sus padres.', sought: [person({ firstSurname: 'Maldonaldo' })], givenNames: 'Marta', contactChannel: 'phone', phone: '+504 9999 0000' })
    expect(values.relationship).toBe('consulate')
    const parsed = LocationRequestForm.parse(toRequest(values, now).request)
    expect(parsed.requester).toBeUndefined()
    expect(parsed).toMatchObject({ channel: 'consulate', relationship: 'consulate', contactChannel: 'none' })
  })

  it('is a relative, with the number of the channel chosen and the consents ticked', () => {
    const values = request({ givenNames: 'Marta Lidia', firstSurname: 'Reyes', contactChannel: 'phone', phone: ' +504 9999 0000 ', email: 'marta@example.test', consentHandlingBody: true, consentRelatives: true })
    const parsed = LocationRequestForm.parse(toRequest(values, now).request)
    expect(parsed.requester).toEqual({ identity: expect.objectContaining({ givenNames: 'Marta Lidia', firstSurname: 'Reyes', phones: ['+504 9999 0000'] }), consents: ['handling_body', 'relatives'] })
    expect(parsed.requester?.identity.email).toBeUndefined()
  })

  it('is nobody in particular when nothing of them is given', () => {
    expect(toRequest(request(), now).request.requester).toBeUndefined()
  })
})

describe('RequestForm', () => {
  it('names the fields core refuses: a person nobody could recognise as a whole, before the fields of another', () => {
    const result = RequestForm.safeParse(request({ relationship: '', description: ' ', sought: [person({ givenNames: 'Ana' }), person({ sex: 'female', approximateAge: '30' }), person({ firstSurname: 'x'.repeat(81) })] }))
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['sought.1', 'trace_nobody'],
      ['description', 'too_small'],
      ['sought.2.firstSurname', 'too_big'],
      ['relationship', 'invalid_value'],
    ])
  })

  it('names the missing number of a phone contact on the phone field', () => {
    const result = RequestForm.safeParse(request({ contactChannel: 'phone' }))
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['phone', 'case_phone_needed']])
  })

  it('gives the request to send', () => {
    const result = RequestForm.safeParse(request())
    expect(result.success && result.data.sought[0]?.identity.firstSurname).toBe('Maldonado')
  })
})

describe('formFieldOf', () => {
  it('maps the paths the server names to the form fields', () => {
    expect(formFieldOf(['sought', 2, 'identity', 'firstSurname'])).toBe('sought.2.firstSurname')
    expect(formFieldOf(['sought', 0, 'identity'])).toBe('sought.0')
    expect(formFieldOf(['sought', 1, 'identity', 'physical', 'heightCm'])).toBe('sought.1.heightCm')
    expect(formFieldOf(['sought', 1, 'identity', 'aliases', 3])).toBe('sought.1.aliases')
    expect(formFieldOf(['sought', 0, 'lastContact', 'means'])).toBe('sought.0.lastContactMeans')
    expect(formFieldOf(['sought', 0, 'origin', 'country'])).toBe('sought.0.originCountry')
    expect(formFieldOf(['sought', 4, 'route'])).toBe('sought.4.route')
    expect(formFieldOf(['requester', 'identity', 'phones', 0])).toBe('phone')
    expect(formFieldOf(['relationship'])).toBe('relationship')
    expect(formFieldOf(['pin'])).toBeUndefined()
  })
})

describe('traceChannelFor', () => {
  it('files a consulate\'s requests as the consulate\'s, and the other roles\' as their intakes', () => {
    expect(traceChannelFor('consulate_officer', 'consulate')).toBe('consulate')
    expect(traceChannelFor('call_centre_operator', 'paisano_office')).toBe('call_centre')
    expect(traceChannelFor('group_coordinator', 'beta_group')).toBe('field')
    expect(traceChannelFor('paisano_coordinator', 'paisano_office')).toBeUndefined()
  })
})
