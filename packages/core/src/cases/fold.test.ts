import { describe, expect, it } from 'vitest'
import { reduceRecord } from '../records/registry.ts'
import { folioBody, formatFolio } from './folio.ts'
import { mayReopen, nextDeadlineOf, overdueHops, publicStatusOf, reduceCase, type CaseState } from './fold.ts'
import { CaseOpened } from './schemas.ts'

const opened = CaseOpened.parse({
  orgUnitId: 'module-tijuana-airport',
  folio: formatFolio({ prefix: 'PA', year: 26, body: folioBody(1234) }),
  kind: 'complaint',
  category: 'extortion',
  channel: 'module',
  receivedAt: '2026-11-20T16:00:00.000Z',
  description: 'Le pidieron dinero en la revisión para dejarlo pasar.',
  accused: { agencyId: 'agency-aga', badge: '1234' },
})

const hop = (hopId: string, bodyId: string, at: string, acknowledgeBy: string, answerBy: string) => ({ hopId, bodyId, routedAt: at, acknowledgeBy, answerBy })

function run(actions: { type: string; payload: Record<string, unknown> }[]): CaseState {
  let state: CaseState | undefined
  for (const action of [{ type: 'CaseOpened', payload: opened as unknown as Record<string, unknown> }, ...actions]) {
    state = reduceCase(state, action)
  }
  if (!state) {
    throw new Error('no state')
  }
  return state
}

describe('the case fold', () => {
  it('starts received, with no hops', () => {
    const s = run([])
    expect(s.status).toBe('received')
    expect(publicStatusOf(s.status)).toBe('received')
    expect(s.hops).toEqual([])
  })

  it('goes routed → acknowledged → info requested → acknowledged → answered → resolved → closed', () => {
    const steps: [string, Record<string, unknown>, string][] = [
      ['CaseRouted', { at: '2026-11-20T17:00:00.000Z', hops: [hop('h1', 'oic-aga', '2026-11-20T17:00:00.000Z', '2026-11-21T06:00:00.000Z', '2026-12-04T06:00:00.000Z')] }, 'routed'],
      ['CaseAcknowledged', { at: '2026-11-20T18:00:00.000Z', hopId: 'h1', externalRef: 'OIC-2026-77' }, 'acknowledged'],
      ['CaseInfoRequested', { at: '2026-11-21T18:00:00.000Z', hopId: 'h1', question: '¿Placa del vehículo?' }, 'info_requested'],
      ['CaseInfoProvided', { at: '2026-11-22T18:00:00.000Z', hopId: 'h1', answer: 'ABC-123' }, 'acknowledged'],
      ['CaseAnswered', { at: '2026-11-23T18:00:00.000Z', hopId: 'h1', answer: 'Se abrió investigación.' }, 'answered'],
      ['CaseClosureProposed', { at: '2026-11-24T18:00:00.000Z', hopId: 'h1', outcome: 'resolved', summary: 'Sanción al servidor público.' }, 'resolved'],
      ['CaseClosed', { at: '2026-11-25T18:00:00.000Z', outcome: 'resolved' }, 'closed'],
    ]
    const actions: { type: string; payload: Record<string, unknown> }[] = []
    for (const [type, payload, status] of steps) {
      actions.push({ type, payload })
      expect(run(actions).status, type).toBe(status)
    }
    const done = run(actions)
    expect(done.hops[0]).toMatchObject({ externalRef: 'OIC-2026-77', acknowledgedAt: '2026-11-20T18:00:00.000Z', firstAnswerAt: '2026-11-23T18:00:00.000Z' })
    expect(publicStatusOf(done.status)).toBe('closed')
    expect(done.lastActivityAt).toBe('2026-11-25T18:00:00.000Z')
  })

  it('keeps a referral chain under one case: the referring hop is done, the new one carries its parent', () => {
    const s = run([
      { type: 'CaseRouted', payload: { at: '2026-11-20T17:00:00.000Z', hops: [hop('h1', 'agency-inm', '2026-11-20T17:00:00.000Z', '2026-11-21T06:00:00.000Z', '2026-12-04T06:00:00.000Z')] } },
      { type: 'CaseReferred', payload: { at: '2026-11-21T17:00:00.000Z', hopId: 'h1', reason: 'Es competencia del órgano interno de control', hops: [hop('h2', 'oic-inm', '2026-11-21T17:00:00.000Z', '2026-11-23T06:00:00.000Z', '2026-12-05T06:00:00.000Z')] } },
      { type: 'CaseReferred', payload: { at: '2026-11-22T17:00:00.000Z', hopId: 'h2', reason: 'Posible delito', hops: [hop('h3', 'agency-fgr', '2026-11-22T17:00:00.000Z', '2026-11-24T06:00:00.000Z', '2026-12-06T06:00:00.000Z')] } },
    ])
    expect(s.hops.map((h) => [h.hopId, h.status, h.parentHopId])).toEqual([
      ['h1', 'referred', undefined],
      ['h2', 'referred', 'h1'],
      ['h3', 'routed', 'h2'],
    ])
    expect(s.status).toBe('routed')
    expect(s.folio).toBe(opened.folio)
  })

  it('reopens within 30 days: the closure and its proposal no longer stand', () => {
    const closed = run([
      { type: 'CaseRouted', payload: { at: '2026-11-20T17:00:00.000Z', hops: [hop('h1', 'oic-aga', '2026-11-20T17:00:00.000Z', '2026-11-21T06:00:00.000Z', '2026-12-04T06:00:00.000Z')] } },
      { type: 'CaseClosureProposed', payload: { at: '2026-11-24T18:00:00.000Z', hopId: 'h1', outcome: 'not_resolved', summary: 'Sin elementos.' } },
      { type: 'CaseClosed', payload: { at: '2026-11-25T18:00:00.000Z', outcome: 'not_resolved' } },
    ])
    expect(mayReopen(closed, new Date('2026-12-20T00:00:00Z'))).toBe(true)
    expect(mayReopen(closed, new Date('2026-12-26T00:00:00Z'))).toBe(false)
    const reopened = reduceCase(closed, { type: 'CaseReopened', payload: { at: '2026-12-01T00:00:00.000Z', reason: 'No me devolvieron el dinero.' } })
    expect(reopened.status).toBe('acknowledged')
    expect(reopened.outcome).toBeUndefined()
    expect(reopened.reopenCount).toBe(1)
  })

  it('finds the overdue hops and the next deadline', () => {
    const s = run([{ type: 'CaseRouted', payload: { at: '2026-11-20T17:00:00.000Z', hops: [hop('h1', 'oic-aga', '2026-11-20T17:00:00.000Z', '2026-11-21T06:00:00.000Z', '2026-12-04T06:00:00.000Z')] } }])
    expect(nextDeadlineOf(s)).toBe('2026-11-21T06:00:00.000Z')
    expect(overdueHops(s, new Date('2026-11-21T05:00:00Z'))).toEqual([])
    expect(overdueHops(s, new Date('2026-11-21T07:00:00Z')).map((h) => h.hopId)).toEqual(['h1'])
    const acknowledged = reduceCase(s, { type: 'CaseAcknowledged', payload: { at: '2026-11-21T08:00:00.000Z', hopId: 'h1' } })
    expect(nextDeadlineOf(acknowledged)).toBe('2026-12-04T06:00:00.000Z')
    expect(overdueHops(acknowledged, new Date('2026-11-22T00:00:00Z'))).toEqual([])
  })

  it('is the fold the record registry uses for cases', () => {
    const viaRegistry = reduceRecord(undefined, { type: 'CaseOpened', payload: opened as unknown as Record<string, unknown> }, 'case')
    expect(viaRegistry).toEqual(run([]))
  })

  it('refuses a category of the other kind', () => {
    expect(CaseOpened.safeParse({ ...opened, kind: 'help_request' }).success).toBe(false)
  })
})
