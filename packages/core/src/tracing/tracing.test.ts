import { describe, expect, it } from 'vitest'
import { folioBody, formatFolio } from '../cases/folio.ts'
import { reduceCase, type CaseState } from '../cases/fold.ts'
import { CaseIntake, CaseOpened, CASE_ACTION_POLICY, CASE_ACTIONS } from '../cases/schemas.ts'
import { TraceOutcomeSet } from './record.ts'
import { LocationRequestIntake } from './schemas.ts'

const SOUGHT_A = '0193a1f2-7c3e-7a10-9b2c-3d4e5f6a7b01'
const SOUGHT_B = '0193a1f2-7c3e-7a10-9b2c-3d4e5f6a7b02'
const request = {
  orgUnitId: 'consulate-hn',
  folio: formatFolio({ prefix: 'LB', year: 26, body: folioBody(77) }),
  kind: 'location_request',
  category: 'missing_migrant',
  channel: 'consulate',
  receivedAt: '2026-11-20T16:00:00.000Z',
  description: 'Tres hermanos salieron de San Pedro Sula en octubre; la última llamada fue desde Altar.',
  relationship: 'consulate',
  sought: [
    { soughtId: SOUGHT_A, personId: 'p-a', origin: { country: 'HN', town: 'San Pedro Sula' }, lastContact: { date: '2026-10-28', place: 'Altar', state: 'Sonora', means: 'phone_call' } },
    { soughtId: SOUGHT_B, personId: 'p-b' },
  ],
}

function run(actions: { type: string; payload: Record<string, unknown> }[]): CaseState {
  let state: CaseState | undefined
  for (const action of [{ type: 'CaseOpened', payload: CaseOpened.parse(request) as unknown as Record<string, unknown> }, ...actions]) {
    state = reduceCase(state, action)
  }
  if (!state) {
    throw new Error('no state')
  }
  return state
}

describe('location requests', () => {
  it('are cases of their own kind that name the people they seek; no other case names any', () => {
    expect(CaseOpened.safeParse(request).success).toBe(true)
    expect(CaseOpened.safeParse({ ...request, sought: undefined }).error?.issues.map((i) => i.message)).toEqual(['faro.trace_sought_kind'])
    expect(CaseOpened.safeParse({ ...request, kind: 'help_request', category: 'other_help' }).error?.issues.map((i) => i.message)).toEqual(['faro.trace_sought_kind'])
    // The Paisano intake does not take them: they have their own.
    const intake = CaseIntake.safeParse({ id: SOUGHT_A, kind: 'location_request', category: 'missing_migrant', channel: 'call_centre', description: 'Busca a su hijo.' })
    expect(intake.error?.issues.map((i) => i.path.join('.'))).toContain('kind')
  })

  it('take one or many people, each named somehow, with who asks', () => {
    const intake = {
      id: SOUGHT_A,
      channel: 'consulate',
      description: 'Tres hermanos.',
      relationship: 'consulate',
      requester: { identity: { givenNames: 'Consulado General de Honduras', email: 'proteccion@example.org' }, consents: [] },
      sought: [{ identity: { givenNames: 'José Ángel', firstSurname: 'Maldonado', approximateAge: 19, nationality: 'HN', physical: { heightCm: 168, marks: 'tatuaje de una rosa en el antebrazo izquierdo' } } }, { identity: { aliases: ['el Chino'] } }],
    }
    expect(LocationRequestIntake.safeParse(intake).success).toBe(true)
    const nobody = LocationRequestIntake.safeParse({ ...intake, sought: [{ identity: { sex: 'male' } }] })
    expect(nobody.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['sought.0.identity', 'faro.trace_nobody']])
    expect(LocationRequestIntake.safeParse({ ...intake, sought: [] }).success).toBe(false)
  })

  it('fold each person\'s search: the latest mark per candidate, the outcome, the found person\'s choice', () => {
    const candidate = { recordType: 'rescue', recordId: 'rescue-1' }
    const s = run([
      { type: 'TraceCandidateMarked', payload: { at: '2026-11-21T10:00:00.000Z', soughtId: SOUGHT_A, candidate, mark: 'possible' } },
      { type: 'TraceCandidateMarked', payload: { at: '2026-11-21T11:00:00.000Z', soughtId: SOUGHT_A, candidate: { recordType: 'attention', recordId: 'att-2' }, mark: 'not_this_person' } },
      { type: 'TraceCandidateMarked', payload: { at: '2026-11-22T10:00:00.000Z', soughtId: SOUGHT_A, candidate, mark: 'confirmed' } },
      { type: 'TraceOutcomeSet', payload: { at: '2026-11-22T10:05:00.000Z', soughtId: SOUGHT_A, outcome: 'found_alive', record: candidate, place: 'Hospital General de Caborca', condition: 'Deshidratación, estable' } },
      { type: 'TraceFamilyChoiceSet', payload: { at: '2026-11-22T12:00:00.000Z', soughtId: SOUGHT_A, choice: 'alive_only' } },
      // Someone the request does not seek changes nothing.
      { type: 'TraceOutcomeSet', payload: { at: '2026-11-22T12:00:00.000Z', soughtId: 'nobody', outcome: 'not_found' } },
    ])
    expect(s.traces?.[SOUGHT_A]).toEqual({
      marks: {
        'rescue/rescue-1': { candidate, mark: 'confirmed', at: '2026-11-22T10:00:00.000Z' },
        'attention/att-2': { candidate: { recordType: 'attention', recordId: 'att-2' }, mark: 'not_this_person', at: '2026-11-21T11:00:00.000Z' },
      },
      outcome: 'found_alive',
      outcomeAt: '2026-11-22T10:05:00.000Z',
      record: candidate,
      place: 'Hospital General de Caborca',
      condition: 'Deshidratación, estable',
      choice: 'alive_only',
      choiceAt: '2026-11-22T12:00:00.000Z',
    })
    expect(s.traces?.[SOUGHT_B]).toBeUndefined()
    expect(Object.keys(s.traces ?? {})).toEqual([SOUGHT_A])
  })

  it('never report a death without the forensic reference', () => {
    const base = { at: '2026-11-22T10:05:00.000Z', soughtId: SOUGHT_A, outcome: 'found_deceased' }
    expect(TraceOutcomeSet.safeParse(base).error?.issues.map((i) => i.message)).toEqual(['faro.trace_forensic_needed'])
    expect(TraceOutcomeSet.safeParse({ ...base, forensicRef: 'SEMEFO-SON-2026-0412' }).success).toBe(true)
  })

  it('need a right for each of their actions', () => {
    for (const type of Object.keys(CASE_ACTIONS)) {
      expect(CASE_ACTION_POLICY[type as keyof typeof CASE_ACTION_POLICY], type).toMatch(/^case\./)
    }
  })
})
