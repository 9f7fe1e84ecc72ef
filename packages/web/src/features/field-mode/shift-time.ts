/**
 * A volunteer's shifts against the clock. Days and shift times are Mexico's centre (UTC−6 all
 * year), as the server counts them, whatever the phone's own time zone. No imports: the home
 * page uses it too and stays light.
 */

const CENTRAL_OFFSET_MS = 6 * 3_600_000
const DAY_MS = 86_400_000

/** A shift of the volunteer's, as GET /api/shifts/mine gives it. */
export interface MyShift {
  recordId: string
  orgUnitId: string
  operationId: string
  date: string
  starts: string
  ends: string
}

/** The day in Mexico's centre at an instant, `YYYY-MM-DD`. */
export function centralDay(at: number): string {
  return new Date(at - CENTRAL_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instants a shift starts and ends; an end before the start is the next day's. */
export function shiftSpan(shift: Pick<MyShift, 'date' | 'starts' | 'ends'>): { start: number; end: number } {
  const start = centralInstant(shift.date, shift.starts)
  let end = centralInstant(shift.date, shift.ends)
  if (end <= start) {
    end += DAY_MS
  }
  return { start, end }
}

/** The shift on at an instant, if any. */
export function shiftOnNow<S extends Pick<MyShift, 'date' | 'starts' | 'ends'>>(shifts: readonly S[], at: number): S | undefined {
  return shifts.find((s) => {
    const { start, end } = shiftSpan(s)
    return start <= at && at < end
  })
}

/** The shift on now or, failing that, the first one still to come. */
export function nextShift<S extends Pick<MyShift, 'date' | 'starts' | 'ends'>>(shifts: readonly S[], at: number): S | undefined {
  const ahead = shifts.filter((s) => shiftSpan(s).end > at)
  return ahead.sort((a, b) => shiftSpan(a).start - shiftSpan(b).start)[0]
}

function centralInstant(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00Z`) + CENTRAL_OFFSET_MS
}
