import { describe, expect, it } from 'vitest'
import { folioBody, formatFolio } from './folio.ts'
import { reduceCase, type CaseState } from './fold.ts'
import { findClusters, scorecards } from './patterns.ts'
import { CaseOpened } from './schemas.ts'

let n = 0
function complaint(over: Partial<CaseOpened> & { receivedAt: string }): CaseState {
  n += 1
  const opened = CaseOpened.parse({ orgUnitId: 'm', folio: formatFolio({ prefix: 'PA', year: 26, body: folioBody(n) }), kind: 'complaint', category: 'extortion', channel: 'module', description: 'x', ...over })
  return reduceCase(undefined, { type: 'CaseOpened', payload: opened as unknown as Record<string, unknown> })
}

describe('patterns among complaints', () => {
  it('finds several people naming the same checkpoint, badge or plate, written however they wrote it', () => {
    const at = (d: number) => `2026-11-${String(d).padStart(2, '0')}T12:00:00.000Z`
    const cases = [
      complaint({ receivedAt: at(2), place: { kind: 'immigration_checkpoint', highway: 'México 57', km: 25 }, accused: { agencyId: 'agency-inm', badge: 'INM-0417' } }),
      complaint({ receivedAt: at(3), place: { kind: 'immigration_checkpoint', highway: 'mexico 57', km: 25.2 }, accused: { agencyId: 'agency-inm', badge: 'inm 0417' } }),
      complaint({ receivedAt: at(5), place: { kind: 'immigration_checkpoint', highway: 'México-57', km: 25 }, accused: { agencyId: 'agency-inm', badge: 'INM0417' } }),
      complaint({ receivedAt: at(6), place: { kind: 'customs', city: 'Reynosa' }, accused: { agencyId: 'agency-aga', vehiclePlate: 'ABC-12' } }),
      complaint({ receivedAt: at(20), place: { kind: 'immigration_checkpoint', highway: 'México 57', km: 25 } }),
    ]
    const clusters = findClusters(cases, { from: at(1), to: at(10) })
    expect(clusters.map((c) => [c.by, c.count, c.agencyId])).toEqual([
      ['badge', 3, 'agency-inm'],
      ['place', 3, 'agency-inm'],
    ])
    expect(findClusters(cases, { from: at(1), to: at(30) }).find((c) => c.by === 'place')?.count).toBe(4)
  })

  it('scores a body: open, late, median days to answer and the share answered on time', () => {
    const hop = (hopId: string, routedAt: string, answerBy: string) => ({ hopId, bodyId: 'oic-aga', routedAt, acknowledgeBy: answerBy, answerBy })
    let a = complaint({ receivedAt: '2026-11-02T12:00:00.000Z', accused: { agencyId: 'agency-aga' } })
    a = reduceCase(a, { type: 'CaseRouted', payload: { at: '2026-11-02T12:00:00.000Z', hops: [hop('a', '2026-11-02T12:00:00.000Z', '2026-11-10T00:00:00.000Z')] } })
    a = reduceCase(a, { type: 'CaseAnswered', payload: { at: '2026-11-04T12:00:00.000Z', hopId: 'a', answer: 'x' } })
    let b = complaint({ receivedAt: '2026-11-02T12:00:00.000Z' })
    b = reduceCase(b, { type: 'CaseRouted', payload: { at: '2026-11-02T12:00:00.000Z', hops: [hop('b', '2026-11-02T12:00:00.000Z', '2026-11-03T00:00:00.000Z')] } })
    b = reduceCase(b, { type: 'CaseAnswered', payload: { at: '2026-11-08T12:00:00.000Z', hopId: 'b', answer: 'x' } })
    let c = complaint({ receivedAt: '2026-11-02T12:00:00.000Z' })
    c = reduceCase(c, { type: 'CaseRouted', payload: { at: '2026-11-02T12:00:00.000Z', hops: [hop('c', '2026-11-02T12:00:00.000Z', '2026-11-05T00:00:00.000Z')] } })
    const [card] = scorecards([a, b, c], { from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z', now: '2026-11-20T00:00:00.000Z' }).filter((s) => s.bodyId === 'oic-aga')
    expect(card).toEqual({ bodyId: 'oic-aga', received: 3, open: 1, overdue: 1, answered: 2, medianDaysToAnswer: 4, onTimeShare: 0.5, accusedIn: 0 })
    expect(scorecards([a], { from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z', now: '2026-11-20T00:00:00.000Z' }).find((s) => s.bodyId === 'agency-aga')?.accusedIn).toBe(1)
  })
})
