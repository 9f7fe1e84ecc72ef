import { describe, expect, it } from 'vitest'
import type { CaseState } from '../cases/fold.ts'
import { cellsOf, type StatCell } from './cells.ts'

const CENTRE = 'America/Mexico_City'

function hop(over: Partial<CaseState['hops'][number]> = {}): CaseState['hops'][number] {
  return { hopId: 'h1', bodyId: 'agency-profeco', routedAt: '2026-11-10T16:00:00.000Z', acknowledgeBy: '2026-11-11T16:00:00.000Z', answerBy: '2026-11-24T16:00:00.000Z', status: 'routed', ...over }
}

function complaint(over: Partial<CaseState> = {}): Record<string, unknown> {
  return { orgUnitId: 'module-aicm', folio: 'PA-2026-000001', kind: 'complaint', category: 'extortion', channel: 'module', receivedAt: '2026-11-10T05:30:00.000Z', hops: [hop()], status: 'routed', reopenCount: 0, lastActivityAt: '2026-11-10T16:00:00.000Z', ...over } as unknown as Record<string, unknown>
}

const short = (c: StatCell) => [c.fact, c.day, c.unitId, c.kind, c.outcome, c.channel, c.body, c.timing, c.n].join(' ')

describe('a case\'s summary cells', () => {
  it('counts a case on the day it was received, by category, status, channel, the body that holds it and its timing', () => {
    expect(cellsOf('case', complaint(), { timeZone: CENTRE }).map(short)).toContain('case 2026-11-09 module-aicm extortion routed module agency-profeco pending 1')
    const onTime = complaint({ status: 'answered', hops: [hop({ status: 'answered', firstAnswerAt: '2026-11-20T16:00:00.000Z', answeredAt: '2026-11-20T16:00:00.000Z' })] })
    expect(cellsOf('case', onTime, { timeZone: CENTRE }).map(short)).toContain('case 2026-11-09 module-aicm extortion answered module agency-profeco on_time 1')
    const late = complaint({ status: 'answered', hops: [hop({ status: 'referred' }), hop({ hopId: 'h2', bodyId: 'agency-sat', status: 'answered', answerBy: '2026-11-20T16:00:00.000Z', answeredAt: '2026-11-21T16:00:00.000Z' })] })
    expect(cellsOf('case', late, { timeZone: CENTRE }).map(short)).toContain('case 2026-11-09 module-aicm extortion answered module agency-sat late 1')
  })

  it('counts a location request and each person it seeks by outcome; answered once every person has one', () => {
    const sought = [{ soughtId: 's1' }, { soughtId: 's2' }, { soughtId: 's3' }]
    const request = (traces: Record<string, unknown>) => complaint({ kind: 'location_request', category: 'missing_migrant', channel: 'consulate', sought, traces } as unknown as Partial<CaseState>)
    const open = cellsOf('case', request({ s1: { marks: {}, outcome: 'found_alive' } }), { timeZone: CENTRE }).map(short)
    expect(open).toContain('trace_request 2026-11-09 module-aicm  open  agency-profeco  1')
    expect(open.filter((c) => c.startsWith('trace_sought')).sort()).toEqual(['trace_sought 2026-11-09 module-aicm  found_alive  agency-profeco  1', 'trace_sought 2026-11-09 module-aicm  searching  agency-profeco  1', 'trace_sought 2026-11-09 module-aicm  searching  agency-profeco  1'])
    const answered = cellsOf('case', request({ s1: { marks: {}, outcome: 'found_alive' }, s2: { marks: {}, outcome: 'found_deceased' }, s3: { marks: {}, outcome: 'not_found' } }), { timeZone: CENTRE }).map(short)
    expect(answered).toContain('trace_request 2026-11-09 module-aicm  answered  agency-profeco  1')
  })
})
