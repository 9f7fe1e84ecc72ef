import { describe, expect, it } from 'vitest'
import { Role } from '../accounts/roles.ts'
import { FIELD_ACCESS, pickFields, presentFields } from './field-access.ts'
import { purgeDueAt, RETENTION_DEFAULT_DAYS } from './retention.ts'

describe('field sets', () => {
  it('gives every role at least the counts', () => {
    for (const role of Role.options) {
      expect(FIELD_ACCESS[role]).toContain('counts')
    }
  })

  it('keeps only the fields of the sets given', () => {
    const identity = { givenNames: 'Ana', phones: ['1'], healthNotes: 'asma', aliases: [] }
    expect(pickFields(identity, ['identity'])).toEqual({ givenNames: 'Ana' })
    expect(pickFields(identity, ['contact', 'health'])).toEqual({ phones: ['1'], healthNotes: 'asma' })
    expect(pickFields(identity, ['counts'])).toEqual({})
    expect(presentFields(identity)).toEqual(['givenNames', 'healthNotes', 'phones'])
  })
})

describe('purgeDueAt', () => {
  const day = 86_400_000
  it('takes the latest end of retention of the linked records', () => {
    const due = purgeDueAt({ createdAt: '2026-01-01T00:00:00.000Z', links: [{ recordType: 'attention', closedAt: '2026-01-02T00:00:00.000Z' }, { recordType: 'rescue', closedAt: '2026-01-03T00:00:00.000Z' }] }, RETENTION_DEFAULT_DAYS)
    expect(due?.getTime()).toBe(Date.parse('2026-01-03T00:00:00.000Z') + 5 * 365 * day)
  })

  it('keeps an identity linked to an open record', () => {
    expect(purgeDueAt({ createdAt: '2026-01-01T00:00:00.000Z', links: [{ recordType: 'attention', closedAt: null }] }, RETENTION_DEFAULT_DAYS)).toBeNull()
  })

  it('purges an unlinked identity after the unlinked period', () => {
    expect(purgeDueAt({ createdAt: '2026-01-01T00:00:00.000Z', links: [] }, { unlinked: 2 })?.toISOString()).toBe('2026-01-03T00:00:00.000Z')
  })
})
