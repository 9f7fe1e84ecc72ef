/** One town of public/geo/cities.json. */
export interface City {
  name: string
  lat: number
  lon: number
  /** A state capital (or the national one), a border town, or another large or transit town. */
  kind: 'capital' | 'border' | 'city'
  /** 1 shows from the country view, 2 from a region, 3 only closer in. */
  rank: 1 | 2 | 3
}

export interface PlacedLabel {
  city: City
  /** The name is written on this side of the town's dot, `gap` pixels from its centre. */
  side: 'right' | 'left'
  gap: number
}

/** The zoom from which each rank is labelled: the country view shows only the main towns. */
export const RANK_MIN_ZOOM: Record<City['rank'], number> = { 1: 0, 2: 5, 3: 7 }
/**
 * Pixels between the dot's centre and the name: next to it, or further out to clear a point of the
 * map's data drawn on the town. Then the name's height, the room kept around it, and the half-size
 * of a town's dot and of a data point.
 */
const GAPS = [6, 16]
const HEIGHT = 14
const PADDING = 3
const DOT = 4
const POINT = 9

interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

/**
 * Which towns to label at a zoom, and where, so that no two names or dots overlap and no name
 * hides a point of the map's data (`obstacles`, in the same pixels): towns are taken by rank, then
 * in the file's order, and each name goes right of its dot, else left, else a little further out
 * on either side, else is left out. A pure function of pixel positions, tested without a map.
 *
 * @example
 * placeLabels(cities, 4, (c) => map.project([c.lat, c.lon], 4), (name) => name.length * 7)
 */
export function placeLabels(
  cities: readonly City[],
  zoom: number,
  project: (city: City) => { x: number; y: number },
  width: (city: City) => number,
  obstacles: readonly { x: number; y: number }[] = [],
): PlacedLabel[] {
  const taken: Box[] = obstacles.map(({ x, y }) => ({ left: x - POINT, top: y - POINT, right: x + POINT, bottom: y + POINT }))
  const placed: PlacedLabel[] = []
  const candidates = cities
    .map((city, order) => ({ city, order }))
    .filter(({ city }) => zoom >= RANK_MIN_ZOOM[city.rank])
    .sort((a, b) => a.city.rank - b.city.rank || a.order - b.order)
  for (const { city } of candidates) {
    const { x, y } = project(city)
    const w = width(city)
    const dot: Box = { left: x - DOT, top: y - DOT, right: x + DOT, bottom: y + DOT }
    const spots = GAPS.flatMap((gap): [PlacedLabel, Box][] => [
      [{ city, side: 'right', gap }, { left: x + gap, top: y - HEIGHT / 2, right: x + gap + w, bottom: y + HEIGHT / 2 }],
      [{ city, side: 'left', gap }, { left: x - gap - w, top: y - HEIGHT / 2, right: x - gap, bottom: y + HEIGHT / 2 }],
    ])
    // A town under a data point keeps its name, further out; a town under another's name does not.
    if (taken.slice(obstacles.length).some((t) => overlaps(t, dot))) {
      continue
    }
    const free = spots.find(([, box]) => !taken.some((t) => overlaps(t, box)))
    if (!free) {
      continue
    }
    taken.push(dot, free[1])
    placed.push(free[0])
  }
  return placed
}

function overlaps(a: Box, b: Box): boolean {
  return a.left - PADDING < b.right && b.left - PADDING < a.right && a.top - PADDING < b.bottom && b.top - PADDING < a.bottom
}
