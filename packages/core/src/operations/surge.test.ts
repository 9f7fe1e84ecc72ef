import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reduceRecord } from '../records/registry.ts'
import { AgeBand, Sex, Vulnerability } from '../people/counts.ts'
import { Service } from '../field/services.ts'
import { SurgeCounted, hourOf } from './surge.ts'

const opened = { type: 'SurgeOpened', payload: { orgUnitId: 'beta-tapachula', operationId: 'op-caravan', day: '2026-11-21', point: 'Puente Rodolfo Robles' } }

const tap = fc.record({
  at: fc.integer({ min: Date.parse('2026-11-21T06:00:00Z'), max: Date.parse('2026-11-22T05:59:59Z') }).map((ms) => new Date(ms).toISOString()),
  groups: fc.array(
    fc.record({ count: fc.integer({ min: 1, max: 12 }), sex: fc.constantFrom(...Sex.options), ageBand: fc.constantFrom(...AgeBand.options), nationality: fc.constantFrom('HN', 'GT', 'SV', 'VE', 'HT', 'CU', 'unknown'), vulnerabilities: fc.subarray([...Vulnerability.options], { maxLength: 3 }) }),
    { minLength: 1, maxLength: 3 },
  ),
  services: fc.subarray([...Service.options], { maxLength: 4 }),
})

describe('a surge sheet', () => {
  it('counts every person once in each breakdown and each hour, whatever order the taps arrive in', () => {
    fc.assert(
      fc.property(fc.array(tap, { minLength: 1, maxLength: 40 }), fc.integer(), (taps, seed) => {
        const actions = taps.map((payload) => ({ type: 'SurgeCounted', payload: SurgeCounted.parse(payload) as Record<string, unknown> }))
        const shuffled = [...actions].sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 31 + seed) % 7))
        const fold = (list: typeof actions) => list.reduce((s, a) => reduceRecord(s, a, 'surge'), reduceRecord(undefined, opened, 'surge'))
        const state = fold(actions) as unknown as { people: number; taps: number; bySex: Record<string, number>; byAge: Record<string, number>; byHour: Record<string, number>; byService: Record<string, number>; lastAt: string }
        const people = taps.reduce((n, t) => n + t.groups.reduce((m, g) => m + g.count, 0), 0)
        const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0)
        expect(state.people).toBe(people)
        expect(state.taps).toBe(taps.length)
        expect(sum(state.bySex)).toBe(people)
        expect(sum(state.byAge)).toBe(people)
        expect(sum(state.byHour)).toBe(people)
        expect(sum(state.byService)).toBe(taps.reduce((n, t) => n + t.services.length * t.groups.reduce((m, g) => m + g.count, 0), 0))
        expect(state.lastAt).toBe(taps.map((t) => t.at).sort().at(-1))
        expect(fold(shuffled)).toEqual(state)
      }),
    )
  })

  it('refuses a tap with nobody in it, and files a tap by its hour in UTC', () => {
    expect(SurgeCounted.safeParse({ at: '2026-11-21T15:00:00.000Z', groups: [] }).success).toBe(false)
    expect(SurgeCounted.safeParse({ at: '2026-11-21T15:00:00.000Z', groups: [{ count: 0 }] }).success).toBe(false)
    expect(hourOf('2026-11-21T09:59:00-06:00')).toBe('2026-11-21T15')
    expect(hourOf('no es una hora')).toBe('unknown')
  })
})
