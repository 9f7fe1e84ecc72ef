import { describe, expect, it } from 'vitest'
import { checkDisclosure, type DisclosureQuestion } from './disclosure.ts'

const now = new Date('2026-11-21T10:00:00Z')
const base: DisclosureQuestion = {
  channel: 'referral',
  recipient: { class: 'consulate', country: 'GT' },
  purpose: 'consular_assistance',
  legalBasis: 'consent',
  person: { status: 'active', nationality: 'GT', opposedPurposes: [] },
  consents: [],
  now,
}
const given = { recipient: { class: 'consulate' as const, country: 'GT' }, purpose: 'consular_assistance' as const, givenAt: '2026-11-01T00:00:00Z', expiresAt: null, withdrawnAt: null }

describe('checkDisclosure', () => {
  it('lets our own staff see a screen of an active person', () => {
    expect(checkDisclosure({ ...base, channel: 'screen', recipient: undefined })).toMatchObject({ allow: true, rule: 'internal_need_to_know' })
  })

  it('refuses everything for a blocked person', () => {
    expect(checkDisclosure({ ...base, channel: 'screen', person: { ...base.person, status: 'blocked' } })).toMatchObject({ allow: false, rule: 'person_blocked' })
  })

  it('refuses the consulate of another country even with consent', () => {
    expect(checkDisclosure({ ...base, recipient: { class: 'consulate', country: 'HN' }, consents: [given] }).rule).toBe('consulate_other_country')
  })

  it('stops at once when the latest consent was withdrawn', () => {
    const withdrawn = { ...given, withdrawnAt: '2026-11-20T00:00:00Z' }
    expect(checkDisclosure({ ...base, consents: [withdrawn] })).toEqual({ allow: false, rule: 'consent_withdrawn', consentState: 'withdrawn' })
  })

  it('refuses a purpose the person opposed', () => {
    expect(checkDisclosure({ ...base, consents: [given], person: { ...base.person, opposedPurposes: ['consular_assistance'] } }).rule).toBe('opposed_purpose')
  })

  it('allows a named partner only when the consent names it', () => {
    const partner = { recipient: { class: 'partner' as const, name: 'Casa del Migrante' }, purpose: 'referral_services' as const, givenAt: '2026-11-01T00:00:00Z', expiresAt: null, withdrawnAt: null }
    const q = { ...base, purpose: 'referral_services' as const, consents: [partner] }
    expect(checkDisclosure({ ...q, recipient: { class: 'partner', name: 'casa del migrante' } }).allow).toBe(true)
    expect(checkDisclosure({ ...q, recipient: { class: 'partner', name: 'Otra organización' } }).rule).toBe('consent_none')
  })
})
