import type { Shift } from './types.ts'

/**
 * The roster's week: seven days from a first day, the shifts of each, and the gaps (volunteers
 * missing) of each day and of the week. Days are ISO dates (`2026-12-05`), read as calendar days
 * with no time zone, so a week never loses or repeats a day at a change of time.
 */

const DAY_MS = 86_400_000

export interface RosterDay {
  day: string
  shifts: Shift[]
  gaps: number
}

/** A day moved by a number of days (negative goes back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Seven days from `from`, each with its shifts in order of start and its gaps; a day with none is kept. */
export function buildWeek(from: string, shifts: readonly Shift[]): RosterDay[] {
  return Array.from({ length: 7 }, (_, i) => {
    const day = addDays(from, i)
    const own = shifts.filter((s) => s.date === day).sort((a, b) => a.starts.localeCompare(b.starts) || a.ends.localeCompare(b.ends))
    return { day, shifts: own, gaps: gapTotal(own) }
  })
}

/** How many volunteers are missing over the shifts: what each needs beyond who is on it. */
export function gapTotal(shifts: readonly Pick<Shift, 'needed' | 'volunteers'>[]): number {
  return shifts.reduce((n, s) => n + Math.max(0, s.needed - s.volunteers.length), 0)
}

/** The lists of who is on each shift after one volunteer moves from one to the other. */
export function moveVolunteer(userId: string, from: Pick<Shift, 'volunteers'>, to: Pick<Shift, 'volunteers'>): { from: string[]; to: string[] } {
  const ids = (s: Pick<Shift, 'volunteers'>) => s.volunteers.map((v) => v.userId)
  const target = ids(to)
  return { from: ids(from).filter((id) => id !== userId), to: target.includes(userId) ? target : [...target, userId] }
}

/** True when a shift's end comes before its start: it runs past midnight into the next day. */
export function endsNextDay(shift: Pick<Shift, 'starts' | 'ends'>): boolean {
  return shift.ends < shift.starts
}
