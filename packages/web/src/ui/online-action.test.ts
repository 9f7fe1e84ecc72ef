import { describe, expect, it } from 'vitest'
import { actionFor, type ActionDraft } from './online-action.ts'

const draft: ActionDraft = { recordType: 'place', recordId: 'place-1', type: 'PlaceUpdated', payload: { hours: '9 a 17 h', location: { lat: 32.5, lon: -117 } }, baseVersion: 3 }
let n = 0
const makeId = () => `id-${(n += 1)}`
const now = () => '2026-12-05T10:00:00.000Z'

describe('actionFor', () => {
  it('gives a first attempt a new id and the clock', () => {
    expect(actionFor(undefined, draft, () => 'id-a', now)).toEqual({ ...draft, id: 'id-a', clientTime: now() })
  })

  it('sends the unconfirmed action again, same id and clock, when the draft is the same', () => {
    const first = actionFor(undefined, draft, makeId, now)
    const reordered: ActionDraft = { baseVersion: 3, payload: { location: { lon: -117, lat: 32.5 }, hours: '9 a 17 h' }, type: 'PlaceUpdated', recordId: 'place-1', recordType: 'place' }
    expect(actionFor(first, reordered, makeId, () => '2026-12-05T10:01:00.000Z')).toBe(first)
  })

  it('gives other content a new id, which the server would otherwise refuse as a reused one', () => {
    const first = actionFor(undefined, draft, makeId, now)
    const other = actionFor(first, { ...draft, payload: { hours: '24 h' } }, makeId, now)
    expect(other.id).not.toBe(first.id)
    expect(other.payload).toEqual({ hours: '24 h' })
  })
})
