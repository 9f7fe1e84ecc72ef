import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../api/types.ts'
import { reviewView, valueText } from './review.ts'

function entry(seq: number, payload: Record<string, unknown>, deviceId: string | null, actorId = 'agent-1', baseVersion: number | null = seq === 1 ? null : 1): HistoryEntry {
  return { seq, id: `id-${seq}`, type: seq === 1 ? 'AttentionRecorded' : 'AttentionCorrected', payload, actorId, deviceId, baseVersion, clientTime: null, receivedAt: `2026-11-21T10:0${seq}:00Z` }
}

describe('reviewView', () => {
  it('marks the later of two devices’ changes of one field as the current value', () => {
    const view = reviewView([
      entry(1, { orgUnitId: 'beta-tijuana', notes: 'first' }, 'phone-a'),
      entry(2, { notes: 'from phone A' }, 'phone-a'),
      entry(3, { notes: 'from phone B' }, 'phone-b'),
    ])
    expect(view.contested).toEqual(['notes'])
    expect(view.steps.map((s) => s.changes.find((c) => c.field === 'notes'))).toEqual([
      { field: 'notes', value: { kind: 'text', text: 'first' }, raw: 'first', current: false, contested: true },
      { field: 'notes', value: { kind: 'text', text: 'from phone A' }, raw: 'from phone A', current: false, contested: true },
      { field: 'notes', value: { kind: 'text', text: 'from phone B' }, raw: 'from phone B', current: true, contested: true },
    ])
    expect(view.steps[0]?.created).toBe(true)
    expect(view.steps[2]?.deviceId).toBe('phone-b')
  })

  it('does not call one device’s successive changes contested', () => {
    const view = reviewView([entry(1, { notes: 'a' }, 'phone-a'), entry(2, { notes: 'b' }, 'phone-a'), entry(3, { notes: 'c' }, 'phone-a')])
    expect(view.contested).toEqual([])
  })

  it('does not call a change contested when it was made on a version that had the other change', () => {
    const view = reviewView([entry(1, { notes: 'a' }, 'phone-a'), entry(2, { notes: 'b' }, 'phone-a'), entry(3, { notes: 'c' }, 'phone-b', 'agent-1', 2)])
    expect(view.contested).toEqual([])
  })

  it('does not guess when a change did not say which version it was made on', () => {
    const view = reviewView([entry(1, { notes: 'a' }, 'phone-a'), entry(2, { notes: 'b' }, 'phone-a'), entry(3, { notes: 'c' }, 'phone-b', 'agent-1', null)])
    expect(view.contested).toEqual([])
  })

  it('tells changes made without a device apart by account', () => {
    const view = reviewView([entry(1, { notes: 'a' }, null), entry(2, { notes: 'b' }, null, 'agent-1'), entry(3, { notes: 'c' }, null, 'coordinator-1')])
    expect(view.contested).toEqual(['notes'])
  })

  it('orders the steps by log sequence', () => {
    const view = reviewView([entry(3, { notes: 'c' }, 'phone-b'), entry(1, { notes: 'a' }, 'phone-a'), entry(2, { notes: 'b' }, 'phone-a')])
    expect(view.steps.map((s) => s.seq)).toEqual([1, 2, 3])
  })
})

describe('valueText', () => {
  it('shows linked people only as a count', () => {
    expect(valueText('personIds', ['0193a1b2-0000-7000-8000-000000000001', '0193a1b2-0000-7000-8000-000000000002'])).toEqual({ kind: 'people', count: 2 })
  })

  it('writes lists and objects as plain JSON text', () => {
    expect(valueText('services', ['water', 'food'])).toEqual({ kind: 'text', text: '["water","food"]' })
    expect(valueText('distanceKm', 4.5)).toEqual({ kind: 'text', text: '4.5' })
  })
})
