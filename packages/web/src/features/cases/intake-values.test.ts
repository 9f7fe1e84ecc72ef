import { CaseIntake } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { channelFor, formFieldOf, intakeDefaults, IntakeForm, newPin, toIntake, type IntakeValues } from './intake-values.ts'

const ID = '0193a1f2-7c3e-7a10-9b2c-3d4e5f6a7b8c'
const now = new Date(2026, 6, 10, 15, 30)

function complaint(over: Partial<IntakeValues> = {}): IntakeValues {
  return {
    ...intakeDefaults(ID, '123456', 'module'),
    kind: 'complaint',
    category: 'extortion',
    description: 'En la revisión le pidieron dinero para dejarlo pasar.',
    placeKind: 'customs',
    ...over,
  }
}

describe('toIntake', () => {
  it('makes a complaint core accepts, with the accused and no details the place kind does not ask for', () => {
    const { intake, problems } = toIntake(complaint({ highway: 'México 15', city: 'Tijuana', state: 'Baja California', accusedAgencyId: 'agency-aga', accusedBadge: ' A-1 ' }), now)
    expect(problems).toEqual([])
    const parsed = CaseIntake.parse(intake)
    expect(parsed.place).toEqual({ kind: 'customs', state: 'Baja California', city: 'Tijuana' })
    expect(parsed.accused).toEqual({ agencyId: 'agency-aga', badge: 'A-1' })
    expect(parsed).toMatchObject({ id: ID, pin: '123456', channel: 'module', allowIdentityToAccused: false, language: 'es', contactChannel: 'none' })
    expect(parsed.occurredFrom).toBeUndefined()
  })

  it('reads a kilometre with a decimal comma, and names one that is no number', () => {
    expect(toIntake(complaint({ placeKind: 'highway', highway: 'México 57', km: '112,5' }), now).intake.place).toEqual({ kind: 'highway', highway: 'México 57', km: 112.5 })
    expect(toIntake(complaint({ placeKind: 'highway', km: 'doce' }), now).problems).toEqual([{ field: 'km', message: 'number' }])
  })

  it('turns a day into a window of local time that ends no later than now', () => {
    const { intake } = toIntake(complaint({ when: 'date', date: '2026-07-10' }), now)
    expect(intake.occurredFrom).toBe(new Date(2026, 6, 10).toISOString())
    expect(intake.occurredTo).toBe(now.toISOString())
    expect(toIntake(complaint({ when: 'date', date: '2026-07-11' }), now).problems).toEqual([{ field: 'date', message: 'future' }])
    expect(toIntake(complaint({ when: 'date', date: '' }), now).problems).toEqual([{ field: 'date', message: 'required' }])
  })

  it('leaves out the accused and the identity permission of a request for help', () => {
    const { intake } = toIntake(complaint({ kind: 'help_request', category: 'locate_migrant', accusedAgencyId: 'agency-aga', allowIdentityToAccused: true }), now)
    expect(intake.accused).toBeUndefined()
    expect(intake.allowIdentityToAccused).toBe(false)
  })
})

describe('the complainant', () => {
  it('is anonymous unless the person gives a name or a way to be reached', () => {
    expect(toIntake(complaint({ givenNames: 'Rosa', email: 'rosa@example.test' }), now).intake.complainant).toBeUndefined()
  })

  it('sends a name only when the person wants to give it, and only the contact of the channel chosen, with the consents ticked', () => {
    const values = complaint({ giveName: true, givenNames: ' Rosa María ', firstSurname: 'Quintero', nationality: 'GT', contactChannel: 'email', email: 'rosa@example.test', phone: '+52 1', consentHandlingBody: true, consentConsulate: true })
    const parsed = CaseIntake.parse(toIntake(values, now).intake)
    expect(parsed.complainant).toEqual({ identity: expect.objectContaining({ givenNames: 'Rosa María', firstSurname: 'Quintero', nationality: 'GT', email: 'rosa@example.test' }), consents: ['handling_body', 'consulate'] })
    expect(parsed.complainant?.identity.phones).toEqual([])
    expect(toIntake({ ...values, giveName: false }, now).intake.complainant).toEqual({ identity: { email: 'rosa@example.test' }, consents: ['handling_body', 'consulate'] })
  })

  it('names the missing address of an e-mail contact and the nationality a consulate needs, on their fields', () => {
    const noAddress = IntakeForm.safeParse(complaint({ contactChannel: 'email' }))
    expect(noAddress.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['email', 'case_email_needed']])
    const noCountry = IntakeForm.safeParse(complaint({ contactChannel: 'phone', phone: '+52 664 000 0000', consentConsulate: true }))
    expect(noCountry.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['nationality', 'case_nationality_needed']])
    expect(formFieldOf(['complainant', 'identity', 'phones', 0])).toBe('phone')
  })
})

describe('IntakeForm', () => {
  it('names the fields core refuses, on the form', () => {
    const result = IntakeForm.safeParse(complaint({ category: 'locate_migrant', description: '  ', placeKind: '' }))
    expect(result.success).toBe(false)
    const fields = result.error?.issues.map((i) => String(i.path[0])).sort()
    expect(fields).toEqual(['category', 'description', 'placeKind'])
  })

  it('gives the intake to send', () => {
    const result = IntakeForm.safeParse(complaint())
    expect(result.success && result.data.category).toBe('extortion')
  })
})

describe('formFieldOf', () => {
  it('maps the paths the server names to the form fields', () => {
    expect(formFieldOf(['place', 'km'])).toBe('km')
    expect(formFieldOf(['accused', 'vehiclePlate'])).toBe('accusedPlate')
    expect(formFieldOf(['occurredTo'])).toBe('date')
    expect(formFieldOf(['category'])).toBe('category')
  })
})

describe('newPin', () => {
  it('gives six digits, drawing again rather than favour low PINs', () => {
    const draws = [4_294_967_295, 1_000_042]
    const pin = newPin((bytes) => {
      bytes[0] = draws.shift() ?? 0
      return bytes
    })
    expect(pin).toBe('000042')
    expect(newPin()).toMatch(/^\d{6}$/)
  })
})

describe('channelFor', () => {
  it('takes the channel from the role, and leaves it to the national office to say', () => {
    expect(channelFor('module_volunteer', 'module')).toBe('module')
    expect(channelFor('module_volunteer', 'observation_point')).toBe('observation_point')
    expect(channelFor('call_centre_operator', 'paisano_office')).toBe('call_centre')
    expect(channelFor('field_agent', 'beta_group')).toBe('field')
    expect(channelFor('paisano_coordinator', 'paisano_office')).toBeUndefined()
  })
})
