import type { PlaceState } from '../../api/types.ts'

/** What the place form holds once checked: the coordinates as numbers, empty texts as ''. */
export interface PlaceValues {
  orgUnitId: string
  kind: PlaceState['kind']
  name: string
  lat: number
  lon: number
  status: PlaceState['status']
  phone: string
  address: string
  hours: string
  description: string
}

/** What the place form shows before it is checked: the coordinates as typed. */
export type PlaceFormInput = Omit<PlaceValues, 'lat' | 'lon'> & { lat: string; lon: string }

/** The payload of a PlaceUpdated: only the fields that changed. */
export type PlaceChanges = Partial<Omit<PlaceState, 'orgUnitId'>>

/** The form's text of a coordinate typed with a decimal comma, as people in Mexico often write it. */
export function parseCoordinate(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.')
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) {
    return undefined
  }
  return Number(trimmed)
}

/** A point picked on the map, rounded to about 10 cm, as the form shows it. */
export function coordinateText(value: number): string {
  return String(Math.round(value * 1e6) / 1e6)
}

/** The payload of a PlaceRegistered: the optional texts only when something was typed. */
export function newPlace(values: PlaceValues): PlaceState {
  const phone = values.phone.trim()
  const address = values.address.trim()
  const hours = values.hours.trim()
  const description = values.description.trim()
  return {
    orgUnitId: values.orgUnitId,
    kind: values.kind,
    name: values.name.trim(),
    location: { lat: values.lat, lon: values.lon },
    status: values.status,
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
    ...(hours ? { hours } : {}),
    ...(description ? { description } : {}),
  }
}

/**
 * What an edit changed, field by field, so an edit of the hours never rewrites the name that a
 * colleague changed meanwhile. A text emptied is sent as '' (it cannot be sent as nothing); a
 * moved point loses the accuracy its GPS fix had.
 */
export function placeChanges(before: PlaceState, values: PlaceValues): PlaceChanges {
  const text = (key: 'phone' | 'address' | 'hours' | 'description'): string | undefined => {
    const now = values[key].trim()
    return now === (before[key] ?? '') ? undefined : now
  }
  const phone = text('phone')
  const address = text('address')
  const hours = text('hours')
  const description = text('description')
  const name = values.name.trim()
  return {
    ...(values.kind !== before.kind ? { kind: values.kind } : {}),
    ...(name !== before.name ? { name } : {}),
    ...(values.lat !== before.location.lat || values.lon !== before.location.lon ? { location: { lat: values.lat, lon: values.lon } } : {}),
    ...(values.status !== before.status ? { status: values.status } : {}),
    ...(phone !== undefined ? { phone } : {}),
    ...(address !== undefined ? { address } : {}),
    ...(hours !== undefined ? { hours } : {}),
    ...(description !== undefined ? { description } : {}),
  }
}

/** The form's values of a place as it is, to start an edit from. */
export function placeFormValues(place: PlaceState): PlaceFormInput {
  return {
    orgUnitId: place.orgUnitId,
    kind: place.kind,
    name: place.name,
    lat: String(place.location.lat),
    lon: String(place.location.lon),
    status: place.status,
    phone: place.phone ?? '',
    address: place.address ?? '',
    hours: place.hours ?? '',
    description: place.description ?? '',
  }
}
