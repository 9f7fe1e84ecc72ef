import type { Service } from '@faro/core'

/** A saved set of services, one tap in the quick attention form. */
export interface Preset {
  id: string
  services: Service[]
}

const KEY = 'faro.fm.presets'

/** What Grupos Beta give most: water, food and orientation first (the programme's yearly tables). */
export const DEFAULT_PRESETS: readonly Preset[] = [
  { id: 'p-water-food-orientation', services: ['water', 'food', 'orientation'] },
  { id: 'p-water-orientation', services: ['water', 'orientation'] },
  { id: 'p-first-aid-water', services: ['first_aid', 'water'] },
]

const KNOWN: readonly Service[] = ['orientation', 'water', 'food', 'medicine', 'first_aid', 'hospital_transfer', 'shelter_transfer', 'phone_call', 'bus_fare_discount', 'legal_advice', 'complaint_taken']

export function loadPresets(storage: Pick<Storage, 'getItem'> = localStorage): Preset[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? 'null')
    if (!Array.isArray(value)) {
      return [...DEFAULT_PRESETS]
    }
    const presets = value.flatMap((item): Preset[] => {
      if (typeof item !== 'object' || item === null || !('id' in item) || !('services' in item) || typeof item.id !== 'string' || !Array.isArray(item.services)) {
        return []
      }
      const services = KNOWN.filter((s) => item.services.includes(s))
      return services.length > 0 ? [{ id: item.id, services }] : []
    })
    return presets.length > 0 ? presets : [...DEFAULT_PRESETS]
  } catch {
    return [...DEFAULT_PRESETS]
  }
}

export function savePresets(presets: readonly Preset[], storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify(presets))
}

/** Services in catalogue order, so the same set always looks and compares the same. */
export function sortServices(services: Iterable<Service>): Service[] {
  const set = new Set(services)
  return KNOWN.filter((s) => set.has(s))
}

export function sameServices(a: readonly Service[], b: readonly Service[]): boolean {
  const x = sortServices(a)
  const y = sortServices(b)
  return x.length === y.length && x.every((s, i) => s === y[i])
}

export const ALL_SERVICES = KNOWN
