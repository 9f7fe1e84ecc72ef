import { describe, expect, it } from 'vitest'
import { canOpen, navFor } from '../shell/nav.ts'
import { defaultOperation, nextStatuses, splitConvoys } from './order.ts'

const NOW = new Date('2026-12-15T12:00:00Z')
const convoy = (recordId: string, departsAt: string, status: 'scheduled' | 'departed' | 'arrived' | 'cancelled' = 'scheduled') => ({ recordId, departsAt, status })

describe('splitConvoys', () => {
  it('puts those ahead first, soonest first, and those gone by after, latest first', () => {
    const { upcoming, past } = splitConvoys([convoy('far', '2026-12-25T13:00:00Z'), convoy('old', '2026-12-01T13:00:00Z', 'arrived'), convoy('soon', '2026-12-18T13:00:00Z'), convoy('last-week', '2026-12-09T13:00:00Z', 'arrived')], NOW)
    expect(upcoming.map((c) => c.recordId)).toEqual(['soon', 'far'])
    expect(past.map((c) => c.recordId)).toEqual(['last-week', 'old'])
  })

  it('keeps a convoy on the road ahead though its departure has passed', () => {
    const { upcoming } = splitConvoys([convoy('road', '2026-12-15T08:00:00Z', 'departed')], NOW)
    expect(upcoming.map((c) => c.recordId)).toEqual(['road'])
  })

  it('counts as gone by one whose time passed without leaving, and keeps a cancelled one ahead until its day', () => {
    const { upcoming, past } = splitConvoys([convoy('missed', '2026-12-14T08:00:00Z'), convoy('off', '2026-12-20T08:00:00Z', 'cancelled')], NOW)
    expect(upcoming.map((c) => c.recordId)).toEqual(['off'])
    expect(past.map((c) => c.recordId)).toEqual(['missed'])
  })
})

describe('nextStatuses', () => {
  it('lets a scheduled convoy leave or be cancelled, one on the road arrive, and nothing after', () => {
    expect(nextStatuses('scheduled')).toEqual(['departed', 'cancelled'])
    expect(nextStatuses('departed')).toEqual(['arrived'])
    expect(nextStatuses('arrived')).toEqual([])
    expect(nextStatuses('cancelled')).toEqual([])
  })
})

describe('defaultOperation', () => {
  it('chooses the open operation of the account’s office, else any open one, else none', () => {
    const ops = [{ recordId: 'special', orgUnitId: 'beta', status: 'open' }, { recordId: 'winter', orgUnitId: 'paisano', status: 'open' }, { recordId: 'summer', orgUnitId: 'paisano', status: 'ended' }]
    expect(defaultOperation(ops, 'paisano')).toBe('winter')
    expect(defaultOperation(ops, 'elsewhere')).toBe('special')
    expect(defaultOperation([{ recordId: 'summer', orgUnitId: 'paisano', status: 'ended' }], 'paisano')).toBe('')
  })
})

describe('the convoys page in the navigation', () => {
  it('lists the page for the national office, and opens it by its address for anyone who reads convoys', () => {
    expect(navFor(['convoy.create', 'convoy.update', 'convoy.read']).map((n) => n.route)).toContain('convoys')
    expect(navFor(['convoy.read', 'place.read']).map((n) => n.route)).not.toContain('convoys')
    expect(canOpen('convoys', ['convoy.read'])).toBe(true)
    expect(canOpen('convoys', [])).toBe(false)
  })
})
