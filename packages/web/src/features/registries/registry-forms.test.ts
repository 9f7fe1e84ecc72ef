import { describe, expect, it } from 'vitest'
import { certificateBody, CertificateForm, changeBody, ChangeForm, profileBody, ProfileForm, registerBody, RegisterForm } from './registry-forms.ts'
import type { Equipment } from './types.ts'

const jeep: Equipment = { recordId: 'e1', orgUnitId: 'beta-tijuana', type: 'jeep', identifier: 'BC-4521-A', quantity: 1, status: 'in_service', condition: 'good', crew: ['u1'], usage: 1000 }

describe('the registries\' forms', () => {
  it('sends a profile without an empty fitness date, each language once', () => {
    const values = ProfileForm.parse({ function: 'rescuer', governmentLevel: 'federal', startDate: '2019-03-01', languages: ['es', 'en', 'es'], fitUntil: '' })
    expect(profileBody(values, 'id-1')).toEqual({ id: 'id-1', function: 'rescuer', governmentLevel: 'federal', startDate: '2019-03-01', languages: ['es', 'en'] })
  })

  it('lets a certificate expiring before its issue through to the server, which names the field', () => {
    const values = CertificateForm.parse({ course: 'cpr', issuer: 'red_cross', issuerName: '', issuedOn: '2026-05-01', expiresOn: '2026-04-30' })
    expect(certificateBody(values, 'id-2')).toEqual({ id: 'id-2', course: 'cpr', issuer: 'red_cross', issuedOn: '2026-05-01', expiresOn: '2026-04-30' })
  })

  it('sends a certificate that does not expire without an expiry', () => {
    const values = CertificateForm.parse({ course: 'gps', issuer: 'other', issuerName: 'Cruz Roja Tijuana', issuedOn: '2026-05-01', expiresOn: '' })
    expect(certificateBody(values, 'id-3')).toEqual({ id: 'id-3', course: 'gps', issuer: 'other', issuerName: 'Cruz Roja Tijuana', issuedOn: '2026-05-01' })
  })

  it('registers an item with its quantity as a number', () => {
    const values = RegisterForm.parse({ orgUnitId: 'beta-tijuana', type: 'lifejackets', identifier: 'CHALECOS-2026', quantity: '12', acquiredOn: '2026-01-10', nextServiceOn: '' })
    expect(registerBody(values, 'id-4')).toEqual({ id: 'id-4', orgUnitId: 'beta-tijuana', type: 'lifejackets', identifier: 'CHALECOS-2026', quantity: 12, acquiredOn: '2026-01-10' })
  })

  it('sends what changed with the note, the defaulted fields as they stand, and nothing when nothing changed', () => {
    const changed = ChangeForm.parse({ status: 'in_repair', condition: 'good', usage: '1000', note: 'Falla de transmisión' })
    expect(changeBody(jeep, changed, 'id-5')).toEqual({ id: 'id-5', status: 'in_repair', condition: 'good', quantity: 1, crew: ['u1'], note: 'Falla de transmisión' })
    expect(changeBody(jeep, ChangeForm.parse({ status: 'in_service', condition: 'good', usage: '1000', note: '' }), 'id-6')).toBeNull()
    expect(changeBody(jeep, ChangeForm.parse({ status: 'in_service', condition: 'good', usage: '1020', note: '' }), 'id-7')).toEqual({ id: 'id-7', status: 'in_service', condition: 'good', quantity: 1, crew: ['u1'], usage: 1020 })
  })
})
