/** Business-day arithmetic for rights-request deadlines; pure, with an optional holiday list. */

/** Legal defaults (LGPDPPSO): answer in 20 business days, extendable once by 10. Configurable. */
export const RIGHTS_DEADLINES = { answerBusinessDays: 20, extensionBusinessDays: 10 } as const

/**
 * Adds business days to a date: Saturdays, Sundays and listed holidays (`YYYY-MM-DD`, UTC) do not
 * count. Day 0 is the day of receipt, so the deadline is the end of the nth working day after.
 * @example addBusinessDays(new Date('2026-11-20T15:00:00Z'), 1) // 2026-11-23T23:59:59.999Z (Fri → Mon)
 */
export function addBusinessDays(from: Date, days: number, holidays: readonly string[] = []): Date {
  const off = new Set(holidays)
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), 23, 59, 59, 999))
  let left = days
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1)
    if (isBusinessDay(d, off)) {
      left -= 1
    }
  }
  return d
}

/**
 * Business days from one date to another (0 when the second is not later), for "days left".
 * @example businessDaysBetween(new Date('2026-11-20T00:00:00Z'), new Date('2026-11-24T00:00:00Z')) // 2
 */
export function businessDaysBetween(from: Date, to: Date, holidays: readonly string[] = []): number {
  const off = new Set(holidays)
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()))
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate())
  let n = 0
  while (d.getTime() < end) {
    d.setUTCDate(d.getUTCDate() + 1)
    if (isBusinessDay(d, off)) {
      n += 1
    }
  }
  return n
}

function isBusinessDay(d: Date, holidays: ReadonlySet<string>): boolean {
  const day = d.getUTCDay()
  return day !== 0 && day !== 6 && !holidays.has(d.toISOString().slice(0, 10))
}
