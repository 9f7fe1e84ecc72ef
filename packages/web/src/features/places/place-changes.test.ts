import { describe, expect, it } from 'vitest'
import type { PlaceState } from '../../api/types.ts'
import { coordinateText, newPlace, parseCoordinate, placeChanges, placeFormValues, type PlaceValues } from './place-changes.ts'

const tower: PlaceState = {
  orgUnitId: 'beta-tijuana',
  kind: 'orientation_tower',
  name: 'Torre Cerro Colorado',
  location: { lat: 32.5, lon: -116.9, accuracyM: 12 },
  status: 'active',
  hours: '24 h',
  phone: '800 000 0000',
}

function valuesOf(place: PlaceState): PlaceValues {
  const v = placeFormValues(place)
  return { ...v, kind: place.kind, status: place.status, lat: place.location.lat, lon: place.location.lon }
}

describe('placeChanges', () => {
  it('sends nothing when nothing changed', () => {
    expect(placeChanges(tower, valuesOf(tower))).toEqual({})
  })

  it('sends only the hours when only the hours changed', () => {
    expect(placeChanges(tower, { ...valuesOf(tower), hours: ' 8 a 20 h ' })).toEqual({ hours: '8 a 20 h' })
  })

  it('sends an emptied text as an empty one, and a new text the place did not have', () => {
    expect(placeChanges(tower, { ...valuesOf(tower), phone: '', address: 'Km 12 carretera Tecate' })).toEqual({ phone: '', address: 'Km 12 carretera Tecate' })
  })

  it('sends a moved point whole, without the accuracy of the old GPS fix', () => {
    expect(placeChanges(tower, { ...valuesOf(tower), lon: -116.91 })).toEqual({ location: { lat: 32.5, lon: -116.91 } })
  })

  it('sends a new status and kind', () => {
    expect(placeChanges(tower, { ...valuesOf(tower), status: 'needs_repair', kind: 'warning_sign' })).toEqual({ status: 'needs_repair', kind: 'warning_sign' })
  })
})

describe('newPlace', () => {
  it('leaves out the optional texts nobody typed', () => {
    const values: PlaceValues = { orgUnitId: 'beta-tijuana', kind: 'warning_sign', name: ' Señal canal ', lat: 32.1, lon: -115.2, status: 'active', phone: '', address: ' ', hours: '', description: 'Riesgo de ahogamiento' }
    expect(newPlace(values)).toEqual({ orgUnitId: 'beta-tijuana', kind: 'warning_sign', name: 'Señal canal', location: { lat: 32.1, lon: -115.2 }, status: 'active', description: 'Riesgo de ahogamiento' })
  })
})

describe('coordinates', () => {
  it('reads a decimal point or comma and a sign, and nothing else', () => {
    expect(parseCoordinate('32.53')).toBe(32.53)
    expect(parseCoordinate(' -117,02 ')).toBe(-117.02)
    expect(parseCoordinate('32° 31′')).toBeUndefined()
    expect(parseCoordinate('')).toBeUndefined()
  })

  it('rounds a picked point to six decimals', () => {
    expect(coordinateText(32.123456789)).toBe('32.123457')
  })
})
