import type { CallLogged } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { callsSince, countByTopic, startOfDay, type CallRecord } from './today.ts'

function call(recordId: string, at: Date, topic: CallLogged['topic']): CallRecord {
  const iso = at.toISOString()
  return {
    recordType: 'call',
    recordId,
    orgUnitId: 'call-centre',
    ownerId: 'op',
    state: { orgUnitId: 'call-centre', at: iso, topic, outcome: 'informed', fromCountry: 'MX', language: 'es' },
    priority: false,
    demo: false,
    version: 1,
    needsReview: false,
    createdAt: iso,
    updatedAt: iso,
    occurredAt: iso,
  }
}

const now = new Date(2026, 11, 5, 14, 30)

describe('callsSince', () => {
  it('keeps today\'s calls, latest first, and drops yesterday\'s', () => {
    const calls = [call('a', new Date(2026, 11, 5, 9, 0), 'goods_allowed'), call('b', new Date(2026, 11, 4, 23, 59), 'vehicle_import'), call('c', new Date(2026, 11, 5, 0, 0), 'vehicle_import'), call('d', new Date(2026, 11, 5, 13, 0), 'other_information')]
    expect(callsSince(calls, startOfDay(now)).map((c) => c.recordId)).toEqual(['d', 'a', 'c'])
  })
})

describe('countByTopic', () => {
  it('counts every topic, those without calls too, in the catalogue\'s order', () => {
    const calls = [call('a', now, 'vehicle_import'), call('b', now, 'vehicle_import'), call('c', now, 'goods_allowed')]
    expect(countByTopic(calls)).toEqual([
      { topic: 'passports_and_documents', count: 0 },
      { topic: 'goods_allowed', count: 1 },
      { topic: 'taxes_and_baggage_allowance', count: 0 },
      { topic: 'vehicle_import', count: 2 },
      { topic: 'other_information', count: 0 },
    ])
  })
})
