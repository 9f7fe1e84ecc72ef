import { centralDate, DEFAULT_CALENDAR, easterSunday, type CaseCalendar, type Operation } from '@faro/core'

/** The periods the national office reads its cases over; `custom` is two days it picks. */
export const PERIODS = ['operation', 'last30', 'year', 'custom'] as const
export type PeriodKind = (typeof PERIODS)[number]

/** A period as the case API takes it: two instants, both included. */
export interface Period {
  from: string
  to: string
}

/** A Paisano operation as two local days, `YYYY-MM-DD`, both included. */
export interface OperationWindow {
  operation: Operation
  from: string
  to: string
}

// Mexico City time, where the national office works and case deadlines are counted: UTC−6 all year.
const OFFSET = '-06:00'
const DAY_MS = 86_400_000

/** The day it is in Mexico City at an instant, `YYYY-MM-DD`. */
export function localDay(at: Date): string {
  return centralDate(at)
}

/** The first instant of a local day, as the API compares it (UTC, milliseconds). */
export function dayStart(day: string): string {
  return new Date(`${day}T00:00:00.000${OFFSET}`).toISOString()
}

/** The last instant of a local day. */
export function dayEnd(day: string): string {
  return new Date(`${day}T23:59:59.999${OFFSET}`).toISOString()
}

/**
 * The operation a local day falls in, or else the last one before it: the Easter, summer and
 * winter operations of the case calendar (winter runs from November into January).
 * @example operationWindow('2026-12-05') // { operation: 'winter', from: '2026-11-01', to: '2027-01-08' }
 */
export function operationWindow(day: string, calendar: CaseCalendar = DEFAULT_CALENDAR): OperationWindow {
  const year = Number(day.slice(0, 4))
  const windows = [year - 1, year].flatMap((y) => windowsOf(y, calendar))
  const started = windows.filter((w) => w.from <= day).sort((a, b) => (a.from < b.from ? 1 : -1))
  const current = started.find((w) => w.to >= day)
  // Windows of the year before always start before the day, so one has started.
  return current ?? started[0] ?? { operation: 'winter', from: `${year - 1}-${calendar.operations.winter.from}`, to: `${year}-${calendar.operations.winter.to}` }
}

/**
 * The instants a period covers, on the day `now` falls in (Mexico City): up to the end of today,
 * so a screen asks the same question all day and its answer can be kept. A custom period needs
 * both days, in order; otherwise there is none.
 */
export function periodRange(kind: PeriodKind, now: Date, custom?: { from: string; to: string }): Period | undefined {
  const today = localDay(now)
  switch (kind) {
    case 'last30':
      return { from: dayStart(localDay(new Date(now.getTime() - 29 * DAY_MS))), to: dayEnd(today) }
    case 'year':
      return { from: dayStart(`${today.slice(0, 4)}-01-01`), to: dayEnd(today) }
    case 'operation': {
      const window = operationWindow(today)
      return { from: dayStart(window.from), to: dayEnd(window.to < today ? window.to : today) }
    }
    case 'custom': {
      if (custom === undefined || !isDay(custom.from) || !isDay(custom.to) || custom.from > custom.to) {
        return undefined
      }
      return { from: dayStart(custom.from), to: dayEnd(custom.to) }
    }
  }
}

/** The query string of a period for the case API. */
export function periodQuery(period: Period): string {
  return `from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`
}

function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))
}

function windowsOf(year: number, calendar: CaseCalendar): OperationWindow[] {
  const { easter, summer, winter } = calendar.operations
  const sunday = easterSunday(year).getTime()
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  const crosses = winter.from > winter.to
  return [
    { operation: 'easter', from: day(sunday - easter.daysBefore * DAY_MS), to: day(sunday + easter.daysAfter * DAY_MS) },
    { operation: 'summer', from: `${year}-${summer.from}`, to: `${year}-${summer.to}` },
    { operation: 'winter', from: `${year}-${winter.from}`, to: `${crosses ? year + 1 : year}-${winter.to}` },
  ]
}
