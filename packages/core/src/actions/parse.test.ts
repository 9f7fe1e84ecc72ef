import { describe, expect, it } from 'vitest'
import { parseAction } from './parse.ts'
import { DomainError } from '../errors/errors.ts'

const valid = {
  id: '019a9f3c-7d1e-7abc-8def-0123456789ab',
  recordType: 'attention',
  recordId: 'att-1',
  type: 'AttentionRecorded',
  payload: {
    orgUnitId: 'beta-tijuana',
    at: '2026-11-21T10:30:00.000Z',
    setting: 'rail_tracks',
    people: [{ count: 3 }],
    services: ['water', 'food', 'orientation'],
  },
}

function issuesOf(fn: () => unknown) {
  try {
    fn()
  } catch (e) {
    if (e instanceof DomainError) {
      return e.details?.issues ?? []
    }
    throw e
  }
  throw new Error('expected a DomainError')
}

describe('parseAction', () => {
  it('fills payload defaults so every client stores the same content', () => {
    const a = parseAction(valid, 'es')
    expect(a.payload.people).toEqual([{ count: 3, sex: 'unknown', ageBand: 'unknown', nationality: 'unknown', vulnerabilities: [] }])
  })

  it('names an unknown payload field and says so in Spanish', () => {
    const issues = issuesOf(() => parseAction({ ...valid, payload: { ...valid.payload, name: 'x' } }, 'es'))
    expect(issues).toEqual([{ field: 'payload.name', code: 'unrecognized_key', message: 'Campo no permitido' }])
  })

  it('names a bad nested field in English', () => {
    const issues = issuesOf(() => parseAction({ ...valid, payload: { ...valid.payload, people: [{ count: 0 }] } }, 'en'))
    expect(issues.map((i) => i.field)).toEqual(['payload.people.0.count'])
    expect(issues[0]?.message).toMatch(/>=\s*1|at least|1/)
  })

  it('rejects an action type that does not belong to the record type', () => {
    const issues = issuesOf(() => parseAction({ ...valid, type: 'RescueRecorded' }, 'en'))
    expect(issues).toEqual([{ field: 'type', code: 'unknown_action_type', message: 'Unknown action type for this record type' }])
  })

  it('rejects an id that is not a UUIDv7', () => {
    const issues = issuesOf(() => parseAction({ ...valid, id: '019a9f3c-7d1e-4abc-8def-0123456789ab' }, 'es'))
    expect(issues).toEqual([{ field: 'id', code: 'invalid_format', message: 'Debe ser un UUIDv7 en minúsculas' }])
  })

  it('requires deviceId and deviceCounter together', () => {
    const issues = issuesOf(() => parseAction({ ...valid, deviceId: 'device-0001' }, 'en'))
    expect(issues.map((i) => i.field)).toEqual(['deviceCounter'])
  })

  it('keeps a correction to the fields it names, so defaults never overwrite what it left out', () => {
    const a = parseAction({ id: valid.id, recordType: 'rescue', recordId: 'r-1', type: 'RescueCorrected', payload: { notes: 'x' } }, 'es')
    expect(a.payload).toEqual({ notes: 'x' })
    const p = parseAction({ id: valid.id, recordType: 'patrol', recordId: 'p-1', type: 'PatrolCorrected', payload: { distanceKm: 3 } }, 'es')
    expect(p.payload).toEqual({ distanceKm: 3 })
  })
})
