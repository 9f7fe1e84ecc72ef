import { AttentionRecorded, ORIENTATION_LANGUAGES, Orientation } from '@faro/core'
import { describe, expect, it } from 'vitest'
import { ApiError, NetworkError } from '../../api/client.ts'
import en from '../../i18n/en.json'
import es from '../../i18n/es.json'
import { ageParts } from './age.ts'
import { EMPTY_ORIENTATION, orientationOf, toggleIn } from './orientation.ts'
import { DEFAULT_PRESETS, loadPresets, sameServices } from './presets.ts'
import { toPushError } from './transport.ts'

describe('toPushError', () => {
  it('reads 410 device_revoked as a revoked device, which wipes the phone', () => {
    expect(toPushError(new ApiError(410, { type: '/problems/gone', title: 'Gone', status: 410, reason: 'device_revoked' })).kind).toBe('revoked')
  })

  it('halves on 413 and on a timeout', () => {
    expect(toPushError(new ApiError(413, undefined)).kind).toBe('too_large')
    expect(toPushError(new DOMException('aborted', 'AbortError')).kind).toBe('timeout')
  })

  it('keeps the records for later when the network or the session is missing', () => {
    expect(toPushError(new NetworkError(new TypeError('fetch failed'))).kind).toBe('network')
    expect(toPushError(new ApiError(401, undefined)).kind).toBe('unauthenticated')
    expect(toPushError(new ApiError(503, undefined)).kind).toBe('server')
  })
})

describe('ageParts', () => {
  const now = Date.parse('2026-11-21T12:00:00Z')
  it('says minutes, then hours, then days', () => {
    expect(ageParts('2026-11-21T11:35:00Z', now)).toEqual({ unit: 'minutes', value: 25 })
    expect(ageParts('2026-11-21T02:00:00Z', now)).toEqual({ unit: 'hours', value: 10 })
    expect(ageParts('2026-11-17T12:00:00Z', now)).toEqual({ unit: 'days', value: 4 })
  })
})

describe('presets', () => {
  it('start with water, food and orientation', () => {
    expect(loadPresets({ getItem: () => null })[0]?.services).toEqual(['water', 'food', 'orientation'])
  })

  it('ignore unknown services and fall back to the defaults when nothing is left', () => {
    const stored = JSON.stringify([{ id: 'a', services: ['teleport'] }, { id: 'b', services: ['water', 'nonsense'] }])
    expect(loadPresets({ getItem: () => stored })).toEqual([{ id: 'b', services: ['water'] }])
    expect(loadPresets({ getItem: () => '[{"id":"a","services":["teleport"]}]' })).toEqual([...DEFAULT_PRESETS])
    expect(loadPresets({ getItem: () => 'not json' })).toEqual([...DEFAULT_PRESETS])
  })

  it('compare sets of services in any order', () => {
    expect(sameServices(['food', 'water'], ['water', 'food'])).toBe(true)
    expect(sameServices(['food'], ['water', 'food'])).toBe(false)
  })
})

describe('orientation detail', () => {
  const attention = {
    orgUnitId: '0190a5a0-0000-7000-8000-000000000001',
    at: '2026-11-21T12:00:00.000Z',
    setting: 'rail_tracks',
    people: [{ count: 3 }],
    services: ['water', 'food', 'orientation'],
  } as const

  it('stays out of the three-tap record when untouched', () => {
    expect(orientationOf(EMPTY_ORIENTATION, ['water', 'food', 'orientation'])).toBeUndefined()
  })

  it('is sent when filled, and the payload passes the core schema', () => {
    const orientation = orientationOf({ modes: ['verbal', 'written'], language: 'ht', materials: ['rights_leaflet'] }, attention.services)
    expect(orientation).toEqual({ modes: ['verbal', 'written'], language: 'ht', materials: ['rights_leaflet'] })
    expect(AttentionRecorded.parse({ ...attention, orientation }).orientation).toEqual(orientation)
  })

  it('is dropped when orientation is no longer among the services', () => {
    expect(orientationOf({ modes: ['written'], language: 'es', materials: [] }, ['water'])).toBeUndefined()
  })

  it('lets the schema ask for the mode when only a language was picked', () => {
    const orientation = orientationOf({ ...EMPTY_ORIENTATION, language: 'fr' }, attention.services)
    const parsed = AttentionRecorded.safeParse({ ...attention, orientation })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['orientation.modes'])
  })

  it('offers only languages the schema accepts, each named in both catalogs', () => {
    const catalogs: Record<string, string>[] = [es, en]
    for (const code of ORIENTATION_LANGUAGES) {
      expect(Orientation.safeParse({ modes: ['verbal'], language: code }).success, code).toBe(true)
      for (const catalog of catalogs) {
        expect(catalog[`orientationLanguage.${code}`], code).toBeTruthy()
      }
    }
  })

  it('keeps picked items in the catalogue order', () => {
    expect(toggleIn(['written'], 'verbal', ['verbal', 'written'])).toEqual(['verbal', 'written'])
    expect(toggleIn(['verbal', 'written'], 'verbal', ['verbal', 'written'])).toEqual(['written'])
  })
})
