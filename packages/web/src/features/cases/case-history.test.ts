import { describe, expect, it } from 'vitest'
import { caseHistory } from './case-history.ts'
import type { CaseState } from './types.ts'

const hop = (over: Partial<CaseState['hops'][number]>): CaseState['hops'][number] => ({
  hopId: 'h1',
  bodyId: 'oic-aga',
  routedAt: '2026-07-10T10:00:00.000Z',
  acknowledgeBy: '2026-07-11T06:00:00.000Z',
  answerBy: '2026-07-24T06:00:00.000Z',
  status: 'routed',
  ...over,
})

describe('caseHistory', () => {
  it('tells a case from its intake to its closing, oldest first, with who referred it where', () => {
    const state = {
      receivedAt: '2026-07-10T10:00:00.000Z',
      hops: [
        hop({ status: 'referred', acknowledgedAt: '2026-07-10T12:00:00.000Z', externalRef: 'OIC-1' }),
        hop({ hopId: 'h2', bodyId: 'agency-pgr', parentHopId: 'h1', routedAt: '2026-07-11T09:00:00.000Z', answeredAt: '2026-07-12T09:00:00.000Z', status: 'answered' }),
      ],
      closedAt: '2026-07-13T09:00:00.000Z',
      outcome: 'resolved',
    } as unknown as CaseState
    expect(caseHistory(state)).toEqual([
      { at: '2026-07-10T10:00:00.000Z', kind: 'received' },
      { at: '2026-07-10T10:00:00.000Z', kind: 'routed', bodyId: 'oic-aga' },
      { at: '2026-07-10T12:00:00.000Z', kind: 'acknowledged', bodyId: 'oic-aga', externalRef: 'OIC-1' },
      { at: '2026-07-11T09:00:00.000Z', kind: 'referred', bodyId: 'agency-pgr', fromBodyId: 'oic-aga' },
      { at: '2026-07-12T09:00:00.000Z', kind: 'answered', bodyId: 'agency-pgr' },
      { at: '2026-07-13T09:00:00.000Z', kind: 'closed', outcome: 'resolved' },
    ])
  })
})
