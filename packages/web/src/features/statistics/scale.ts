/**
 * The arithmetic of the charts, kept out of the drawing so it can be tested: a round top for an
 * axis, its ticks, the points of a line, the periods a line runs over and the classes of the map.
 */

/** An axis from 0 to a round number at or above `max`, with 2 to 5 round ticks (0 included). */
export function niceScale(max: number, maxTicks = 5): { top: number; ticks: number[] } {
  if (!(max > 0)) {
    return { top: 1, ticks: [0, 1] }
  }
  const whole = niceStep(max / (maxTicks - 1))
  const top = Math.ceil(max / whole) * whole
  const ticks: number[] = []
  for (let v = 0; v <= top + whole / 2; v += whole) {
    ticks.push(Math.round(v))
  }
  return { top, ticks }
}

/** Where a value falls on a length, from 0 to `top`. */
export function scaleTo(value: number, top: number, length: number): number {
  return top <= 0 ? 0 : (Math.max(0, value) / top) * length
}

/**
 * The points of a line over `count` slots spread across `width`, from the bottom `height` up: a
 * value missing (undefined) breaks the line into pieces, each an SVG path's `M…L…`.
 */
export function linePath(values: readonly (number | undefined)[], top: number, width: number, height: number): string {
  const step = values.length > 1 ? width / (values.length - 1) : 0
  let path = ''
  let drawing = false
  values.forEach((v, i) => {
    if (v === undefined) {
      drawing = false
      return
    }
    const x = values.length > 1 ? i * step : width / 2
    const y = height - scaleTo(v, top, height)
    path += `${drawing ? 'L' : 'M'}${round(x)},${round(y)}`
    drawing = true
  })
  return path
}

/** The ISO 8601 week of a day: `2026-W48` (as the server names weeks). */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  const weekday = (d.getUTCDay() + 6) % 7
  // The week belongs to the year of its Thursday.
  d.setUTCDate(d.getUTCDate() - weekday + 3)
  const year = d.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(year, 0, 4))
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3)
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000))
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** Every month, ISO week or quarter from one day to another, in order: the x axis of a line. */
export function timeline(dim: 'month' | 'week' | 'quarter', from: string, to: string): string[] {
  const out: string[] = []
  if (dim === 'week') {
    for (let ms = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); ms <= end; ms += 86_400_000) {
      const w = isoWeek(new Date(ms).toISOString().slice(0, 10))
      if (out[out.length - 1] !== w) {
        out.push(w)
      }
    }
    return out
  }
  let year = Number(from.slice(0, 4))
  let month = Number(from.slice(5, 7))
  const last = to.slice(0, 7)
  for (;;) {
    const m = `${year}-${String(month).padStart(2, '0')}`
    if (m > last) {
      break
    }
    const label = dim === 'month' ? m : `${year}-Q${Math.ceil(month / 3)}`
    if (out[out.length - 1] !== label) {
      out.push(label)
    }
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return out
}

/**
 * The upper bounds of a map's classes: `classes` round steps of equal width up to the largest
 * value, fewer when the values are few. A value above 0 falls in the first class whose bound it
 * does not pass.
 */
export function classBounds(values: readonly number[], classes = 5): number[] {
  const max = Math.max(0, ...values)
  if (max === 0) {
    return []
  }
  const n = Math.min(classes, max)
  const step = niceStep(max / n)
  const bounds: number[] = []
  for (let b = step; bounds.length < n; b += step) {
    bounds.push(b)
    if (b >= max) {
      break
    }
  }
  if ((bounds[bounds.length - 1] ?? 0) < max) {
    bounds[bounds.length - 1] = Math.ceil(max / step) * step
  }
  return bounds
}

/** The class of a value (0-based), or -1 for nothing counted. */
export function classOf(value: number, bounds: readonly number[]): number {
  if (value <= 0) {
    return -1
  }
  const i = bounds.findIndex((b) => value <= b)
  return i === -1 ? bounds.length - 1 : i
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough))
  return Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power)
}

function round(v: number): number {
  return Math.round(v * 10) / 10
}
