import type { PolicyAction } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client.ts'
import { translate, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import { explain, levelText, newAlerts, personName, reviewRights, stepErrorText, type Reviewer } from './review-words.ts'

const t = (key: MessageKey, values?: MessageValues) => translate('es', key, values)
const hop = (bodyId: string, status: 'routed' | 'referred' = 'routed') => ({ hopId: `h-${bodyId}`, bodyId, status, routedAt: '2026-11-01T10:00:00.000Z', dueAt: '2026-11-11T10:00:00.000Z' })
const request = { kind: 'location_request' as const, orgUnitId: 'consulate-hn', hops: [hop('beta')], closedAt: undefined }
const as = (unitId: string, actions: PolicyAction[]): Reviewer => ({ unitId, can: (a) => actions.includes(a) })
const COORDINATOR: PolicyAction[] = ['case.read', 'case.answer', 'case.update', 'trace.review']
const CONSULATE: PolicyAction[] = ['case.create', 'case.read', 'case.update', 'trace.review']

describe('reviewRights', () => {
  it('lets the body the request was sent to review, mark and record the found person\'s choice', () => {
    expect(reviewRights(request, as('beta', COORDINATOR))).toEqual({ review: true, mark: true, choose: true, outcomes: true })
  })

  it('lets the filing consulate see the candidates but never mark them, nor see how a search ended beyond its answers', () => {
    expect(reviewRights(request, as('consulate-hn', CONSULATE))).toEqual({ review: true, mark: false, choose: false, outcomes: false })
  })

  it('lets the Paisano national office work on any request, and keeps the call centre that only reads it to the answers', () => {
    expect(reviewRights(request, as('paisano', ['case.read', 'case.update', 'case.route', 'trace.review']))).toEqual({ review: true, mark: true, choose: true, outcomes: true })
    expect(reviewRights(request, as('paisano', ['case.create', 'case.read', 'case.update']))).toEqual({ review: false, mark: false, choose: false, outcomes: false })
  })

  it('keeps a group the request was not sent to, or was referred away from, out', () => {
    expect(reviewRights(request, as('beta-tijuana', COORDINATOR)).review).toBe(false)
    expect(reviewRights({ ...request, hops: [hop('beta', 'referred')] }, as('beta', COORDINATOR)).mark).toBe(false)
  })

  it('marks nothing on a closed request, and reviews no complaint', () => {
    expect(reviewRights({ ...request, closedAt: '2026-11-20T10:00:00.000Z' }, as('beta', COORDINATOR))).toEqual({ review: true, mark: false, choose: false, outcomes: true })
    expect(reviewRights({ ...request, kind: 'complaint' }, as('beta', COORDINATOR)).review).toBe(false)
  })
})

describe('newAlerts', () => {
  const ref = (recordId: string) => ({ recordType: 'attention', recordId })
  it('counts the records the search flagged that nobody has marked yet', () => {
    const traces = {
      s1: { marks: { 'attention/a1': { candidate: ref('a1'), mark: 'possible' as const, at: 'x' } }, found: { 'attention/a1': { candidate: ref('a1'), band: 'strong' as const, at: 'x' }, 'attention/a2': { candidate: ref('a2'), band: 'possible' as const, at: 'x' } } },
      s2: { marks: {}, found: { 'rescue/r1': { candidate: { recordType: 'rescue', recordId: 'r1' }, band: 'strong' as const, at: 'x' } } },
      s3: { marks: {} },
    }
    expect(newAlerts({ traces })).toBe(2)
    expect(newAlerts({})).toBe(0)
  })
})

describe('personName', () => {
  it('joins given names and surnames, or takes a list\'s name whole', () => {
    expect(personName({ givenNames: 'Wilmer Josué', firstSurname: 'Zelaya', secondSurname: 'Oyuela' })).toBe('Wilmer Josué Zelaya Oyuela')
    expect(personName({ givenNames: 'Wilmer', firstSurname: ' ' })).toBe('Wilmer')
    expect(personName({ fullName: 'ZELAYA OYUELA WILMER' })).toBe('ZELAYA OYUELA WILMER')
    expect(personName({})).toBe('')
  })
})

describe('explain', () => {
  it('sizes each field\'s bar against the heaviest and sets apart the fields one side lacks', () => {
    const { fields, unknown } = explain([
      { field: 'given', level: 'exact', bits: 6 },
      { field: 'surname', level: 'phonetic', bits: 3 },
      { field: 'surname2', level: null, bits: 0 },
      { field: 'sex', level: 'disagree', bits: -1.5 },
      { field: 'timing', level: null, bits: 0 },
    ])
    expect(fields.map((f) => [f.field, f.share])).toEqual([
      ['given', 1],
      ['surname', 0.5],
      ['sex', 0.25],
    ])
    expect(unknown).toEqual(['surname2', 'timing'])
  })

  it('gives bars of no more than their weight when every field weighs little', () => {
    expect(explain([{ field: 'sex', level: 'agree', bits: 0.5 }]).fields[0]?.share).toBe(0.5)
  })
})

describe('levelText', () => {
  it('says a level in words, and a level the catalogue lacks as "other"', () => {
    expect(levelText(t, 'surname', 'phonetic')).toBe('Un apellido escrito distinto que suena igual')
    expect(levelText(t, 'surname', 'telepathic')).toBe(t('case.unknownValue'))
  })
})

describe('stepErrorText', () => {
  it('says a known refusal in the catalogue\'s words, never its code', () => {
    const refused = new ApiError(409, { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'faro.trace_not_found_alive', reason: 'trace_not_found_alive' })
    expect(stepErrorText(refused, t)).toBe(t('trace.problem.trace_not_found_alive'))
    expect(stepErrorText(new ApiError(403, { type: '/problems/forbidden', title: 'Prohibido', status: 403 }), t)).toBe(t('trace.problem.forbidden'))
  })

  it('falls back to the server\'s localised message for any other refusal', () => {
    const invalid = new ApiError(400, { type: '/problems/invalid', title: 'Datos no válidos', status: 400, errors: [{ field: 'soughtId', code: 'unknown_sought', message: 'La persona no está en la solicitud' }] })
    expect(stepErrorText(invalid, t)).toBe('Datos no válidos: La persona no está en la solicitud')
  })
})
