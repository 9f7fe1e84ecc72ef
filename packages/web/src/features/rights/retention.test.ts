import { describe, expect, it } from 'vitest'
import { dueNow, type PurgeItem } from './retention.ts'

const item = (dueAt: string, heldSince: string | null = null): PurgeItem => ({ personId: `p-${dueAt}`, reason: 'retention', dueAt, heldSince })

describe('dueNow', () => {
  const now = Date.parse('2026-12-05T12:00:00.000Z')

  it('counts the identities whose date has come and that no legal hold keeps', () => {
    const items = [item('2026-12-01T00:00:00.000Z'), item('2026-12-05T12:00:00.000Z'), item('2026-12-02T00:00:00.000Z', '2026-11-01T00:00:00.000Z'), item('2026-12-06T00:00:00.000Z')]
    expect(dueNow(items, now)).toBe(2)
  })

  it('counts nothing in an empty report', () => {
    expect(dueNow([], now)).toBe(0)
  })
})
