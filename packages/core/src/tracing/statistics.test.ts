import { describe, expect, it } from 'vitest'
import type { CaseState } from '../cases/fold.ts'
import { periodOf, tracingStatistics } from './statistics.ts'

function request(receivedAt: string, bodyId: string, outcomes: (string | undefined)[], referredFrom?: string): CaseState {
  const sought = outcomes.map((_, i) => ({ soughtId: `s${i}`, personId: `p${i}` }))
  const traces = Object.fromEntries(outcomes.flatMap((o, i) => (o === undefined ? [] : [[`s${i}`, { marks: {}, outcome: o }]])))
  const hops = [...(referredFrom ? [{ hopId: 'h0', bodyId: referredFrom, status: 'referred' }] : []), { hopId: 'h1', bodyId, status: 'routed' }]
  return { kind: 'location_request', receivedAt, orgUnitId: 'consulate-hn', sought, traces, hops } as unknown as CaseState
}

describe('the search for missing migrants in figures', () => {
  it('counts requests, answered ones, persons sought and each outcome, by the body that holds them and the period they came in', () => {
    const cases = [
      request('2026-01-10T18:00:00.000Z', 'beta-tijuana', ['found_alive', 'not_found']),
      request('2026-02-01T03:00:00.000Z', 'beta-tijuana', ['found_deceased', undefined, undefined]),
      request('2026-03-02T12:00:00.000Z', 'beta-tapachula', ['withdrawn'], 'beta'),
      request('2026-07-01T12:00:00.000Z', 'beta-tijuana', ['found_alive']),
      { ...request('2026-01-11T12:00:00.000Z', 'beta', []), kind: 'complaint' } as CaseState,
    ]
    const rows = tracingStatistics(cases, { from: '2026-01-01T06:00:00.000Z', to: '2026-07-01T06:00:00.000Z', period: 'half' })
    expect(rows).toEqual([
      { period: '2026-H1', bodyId: 'beta-tapachula', requests: 1, answered: 1, personsSought: 1, foundAlive: 0, foundDeceased: 0, notFound: 0, withdrawn: 1, searching: 0 },
      // 1 February 03:00 UTC is still 31 January in central time: both in the first half.
      { period: '2026-H1', bodyId: 'beta-tijuana', requests: 2, answered: 1, personsSought: 5, foundAlive: 1, foundDeceased: 1, notFound: 1, withdrawn: 0, searching: 2 },
    ])
    expect(tracingStatistics(cases, { from: '2026-01-01T06:00:00.000Z', to: '2027-01-01T06:00:00.000Z', period: 'month' }).map((r) => `${r.period} ${r.bodyId} ${r.requests}`)).toEqual(['2026-01 beta-tijuana 2', '2026-03 beta-tapachula 1', '2026-07 beta-tijuana 1'])
  })

  it('reads periods in Mexico\'s central time', () => {
    expect([periodOf('2026-04-01T05:59:00.000Z', 'quarter'), periodOf('2026-04-01T06:00:00.000Z', 'quarter'), periodOf('2027-01-01T05:00:00.000Z', 'year')]).toEqual(['2026-Q1', '2026-Q2', '2026'])
  })
})
