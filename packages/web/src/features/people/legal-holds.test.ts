import type { LegalHold } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { activeHolds, holdInputReady, holdsPath } from './legal-holds.ts'

const hold = (id: string, placedAt: string, releasedAt: string | null = null): LegalHold => ({ id, personId: 'p', reason: 'Solicitud de la fiscalía', reference: 'FGR 1', placedBy: 'u', placedByName: 'Oficial', placedAt, releasedBy: null, releasedAt, releaseReason: null })

describe('activeHolds', () => {
  it('keeps only the holds in force, oldest first', () => {
    const holds = [hold('b', '2026-11-20T00:00:00.000Z'), hold('gone', '2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z'), hold('a', '2026-11-10T00:00:00.000Z')]
    expect(activeHolds(holds).map((h) => h.id)).toEqual(['a', 'b'])
  })
})

describe('holdInputReady', () => {
  it('asks for a reason of at least ten characters and a reference', () => {
    expect(holdInputReady('Fiscalía, carpeta abierta', 'FGR 123/2026')).toBe(true)
    expect(holdInputReady('corto', 'FGR 123/2026')).toBe(false)
    expect(holdInputReady('Fiscalía, carpeta abierta', '   ')).toBe(false)
    expect(holdInputReady('Fiscalía, carpeta abierta', 'x'.repeat(121))).toBe(false)
  })

  it('asks only for a reason when releasing', () => {
    expect(holdInputReady('La carpeta se cerró')).toBe(true)
    expect(holdInputReady('          ')).toBe(false)
  })
})

describe('holdsPath', () => {
  it('escapes the ids into the path', () => {
    expect(holdsPath('a/b')).toBe('/api/people/a%2Fb/holds')
    expect(holdsPath('p', 'h/1')).toBe('/api/people/p/holds/h%2F1/release')
  })
})
