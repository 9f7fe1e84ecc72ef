import { describe, expect, it } from 'vitest'
import { caseSteps, pendingQuestion, type CaseHistoryEntry } from './case-history.ts'
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

const state = { hops: [hop({ status: 'referred' }), hop({ hopId: 'h2', bodyId: 'agency-pgr', parentHopId: 'h1' })] }
const entry = (seq: number, type: string, actorId: string, payload: Record<string, unknown>): CaseHistoryEntry => ({ seq, type, at: `2026-07-1${seq}T10:00:00.000Z`, actorId, payload })

const log: CaseHistoryEntry[] = [
  entry(1, 'CaseOpened', 'u-volunteer', { orgUnitId: 'module-tijuana', channel: 'module', description: 'Le pidieron dinero.' }),
  entry(2, 'CaseRouted', 'system', { hops: [{ hopId: 'h1', bodyId: 'oic-aga' }] }),
  entry(3, 'CaseAcknowledged', 'u-oic', { hopId: 'h1', externalRef: 'OIC-1' }),
  entry(4, 'CaseInfoRequested', 'u-oic', { hopId: 'h1', question: '¿A qué hora pasó?' }),
  entry(5, 'CaseInfoProvided', 'u-phone', { hopId: 'h1', answer: 'A las 3 de la tarde.' }),
  entry(6, 'CaseReferred', 'u-oic', { hopId: 'h1', reason: 'Hubo un cobro: a la fiscalía.', hops: [{ hopId: 'h2', bodyId: 'agency-pgr' }] }),
  entry(7, 'CaseClosed', 'u-office', { outcome: 'resolved' }),
  entry(8, 'CaseSomethingNew', 'u-office', {}),
]

describe('caseSteps', () => {
  it('tells each step in order with the words it carried, and who took it as far as the viewer can tell', () => {
    const steps = caseSteps([...log].reverse(), state, new Map([['u-oic', 'Enlace OIC']]))
    expect(steps.map((s) => [s.kind, s.actor, s.text])).toEqual([
      ['opened', { kind: 'unit', unitId: 'module-tijuana' }, undefined],
      ['routed', { kind: 'system' }, undefined],
      ['acknowledged', { kind: 'person', name: 'Enlace OIC', unitId: 'oic-aga' }, undefined],
      ['info_requested', { kind: 'person', name: 'Enlace OIC', unitId: 'oic-aga' }, '¿A qué hora pasó?'],
      ['info_provided', { kind: 'staff' }, 'A las 3 de la tarde.'],
      ['referred', { kind: 'person', name: 'Enlace OIC', unitId: 'oic-aga' }, 'Hubo un cobro: a la fiscalía.'],
      ['closed', { kind: 'office' }, undefined],
      ['other', { kind: 'staff' }, undefined],
    ])
    expect(steps[1]?.bodyIds).toEqual(['oic-aga'])
    expect(steps[2]?.externalRef).toBe('OIC-1')
    expect(steps[4]?.askedBy).toBe('oic-aga')
    expect(steps[5]?.bodyIds).toEqual(['agency-pgr'])
    expect(steps[6]?.outcome).toBe('resolved')
  })

  it('names the unit an account acted for when its name is unknown, and gives the reason of a routing', () => {
    const steps = caseSteps([entry(1, 'CaseAnswered', 'u-pgr', { hopId: 'h2', answer: 'Se investiga.' }), entry(2, 'CaseRouted', 'u-office', { hops: [{ hopId: 'h3', bodyId: 'agency-sre', reason: 'Pide documentos.' }] })], state, new Map())
    expect(steps[0]?.actor).toEqual({ kind: 'unit', unitId: 'agency-pgr' })
    expect(steps[1]).toMatchObject({ actor: { kind: 'office' }, bodyIds: ['agency-sre'], text: 'Pide documentos.' })
  })
})

describe('pendingQuestion', () => {
  it('gives the last question asked on a hop until the information is given', () => {
    expect(pendingQuestion(log.slice(0, 4), 'h1')).toEqual({ question: '¿A qué hora pasó?', at: '2026-07-14T10:00:00.000Z' })
    expect(pendingQuestion(log.slice(0, 5), 'h1')).toBeUndefined()
    expect(pendingQuestion(log.slice(0, 4), 'h2')).toBeUndefined()
  })
})
