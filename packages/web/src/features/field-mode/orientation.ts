import type { Orientation, OrientationMaterial, OrientationMode, Service } from '@faro/core'

/** What the agent picked in the optional orientation detail of the quick form. */
export interface OrientationDetail {
  modes: OrientationMode[]
  language: string
  materials: OrientationMaterial[]
}

// Spanish is the schema's default language, so leaving it selected is not "filling" the detail.
export const EMPTY_ORIENTATION: OrientationDetail = { modes: [], language: 'es', materials: [] }

/**
 * The `orientation` field of an attention, or undefined when it has no place there: orientation
 * was not among the services, or the agent left the detail untouched (the three-tap record). A
 * language or material without a mode is passed on, so the schema asks for the mode.
 */
export function orientationOf(detail: OrientationDetail, services: readonly Service[]): Orientation | undefined {
  if (!services.includes('orientation')) {
    return undefined
  }
  if (detail.modes.length === 0 && detail.materials.length === 0 && detail.language === EMPTY_ORIENTATION.language) {
    return undefined
  }
  return { modes: detail.modes, language: detail.language, materials: detail.materials }
}

/** Adds the item when absent, removes it when present, keeping the catalogue's order. */
export function toggleIn<T>(list: readonly T[], item: T, order: readonly T[]): T[] {
  const next = list.includes(item) ? list.filter((x) => x !== item) : [...list, item]
  return order.filter((x) => next.includes(x))
}
