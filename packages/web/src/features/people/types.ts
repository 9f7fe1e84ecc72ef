/** The masked person the API returns: which fields are filled, never a value. */
export interface MaskedPerson {
  id: string
  orgUnitId: string
  status: 'active' | 'blocked' | 'shredded'
  createdAt: string
  present: string[]
  links: { recordType: string; recordId: string; legalBasis: string; purpose: string }[]
}

export interface ConsentView {
  id: string
  recipient: { class: string; name?: string; country?: string }
  purpose: string
  legalBasis: string
  givenAt: string
  expiresAt: string | null
  withdrawnAt: string | null
  explainedIn: string
}

export interface DisclosureView {
  id: string
  channel: string
  recipient: { class: string | null; name: string | null; country: string | null }
  purpose: string
  legalBasis: string
  allowed: boolean
  rule: string
  at: string
}

export const PURPOSES = ['rescue', 'medical_care', 'family_tracing', 'family_contact', 'consular_assistance', 'complaint_handling', 'referral_services', 'legal_proceedings'] as const
