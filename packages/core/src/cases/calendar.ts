import { CENTRAL_OFFSET_MS } from '../places/states.ts'
import type { CaseCategory } from './catalogues.ts'

/**
 * The calendar case deadlines are counted on: Mexico's federal rest days and Programa Paisano's
 * three operations a year. Pure and configurable: a deployment may add days (a decree, a local
 * holiday) or move the operations, without code.
 */

/** A season of Programa Paisano: the Easter, summer and winter operations. */
export type Operation = 'easter' | 'summer' | 'winter'

export interface CaseCalendar {
  /** Extra non-working days, `YYYY-MM-DD`. */
  extraHolidays: readonly string[]
  /** Days listed here work even if the rules below say otherwise. */
  workingDays: readonly string[]
  /** Include the days the federal public administration also rests (Holy Thursday and Friday, 2 November, 12 December). */
  federalAdministrationDays: boolean
  /** Operation windows; `easter` is counted from Easter Sunday, the others are month-day ranges (`MM-DD`). */
  operations: {
    easter: { daysBefore: number; daysAfter: number }
    summer: { from: string; to: string }
    winter: { from: string; to: string }
  }
}

export const DEFAULT_CALENDAR: CaseCalendar = {
  extraHolidays: [],
  workingDays: [],
  federalAdministrationDays: true,
  operations: {
    // Holy Week and Easter Week, with the travel days either side.
    easter: { daysBefore: 14, daysAfter: 8 },
    summer: { from: '06-20', to: '08-25' },
    // Crosses the new year: from November into January.
    winter: { from: '11-01', to: '01-08' },
  },
}

/** Easter Sunday of a year (Gregorian computus), as a UTC date. */
export function easterSunday(year: number): Date {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return new Date(Date.UTC(year, month - 1, day))
}

/** The nth Monday of a month (1-based), as `YYYY-MM-DD`. */
function nthMonday(year: number, month: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1))
  const offset = (8 - first.getUTCDay()) % 7
  return iso(new Date(Date.UTC(year, month - 1, 1 + offset + 7 * (n - 1))))
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10)
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000)
}

/**
 * The rest days of a year: those of the Federal Labour Law, art. 74 (1 January, first Monday of
 * February, third Monday of March, 1 May, 16 September, 1 October every six years from 2024,
 * third Monday of November, 25 December) and, by default, those of the federal administration.
 */
export function holidaysOf(year: number, calendar: CaseCalendar = DEFAULT_CALENDAR): Set<string> {
  const days = [`${year}-01-01`, nthMonday(year, 2, 1), nthMonday(year, 3, 3), `${year}-05-01`, `${year}-09-16`, nthMonday(year, 11, 3), `${year}-12-25`]
  if ((year - 2024) % 6 === 0) {
    days.push(`${year}-10-01`)
  }
  if (calendar.federalAdministrationDays) {
    const easter = easterSunday(year)
    days.push(iso(addDays(easter, -3)), iso(addDays(easter, -2)), `${year}-11-02`, `${year}-12-12`)
  }
  const set = new Set([...days, ...calendar.extraHolidays.filter((d) => d.startsWith(`${year}-`))])
  for (const day of calendar.workingDays) {
    set.delete(day)
  }
  return set
}

// Days are Mexico City's, where the national office and the agencies work.

/** The local calendar day of an instant, as a UTC midnight date. */
function localDay(at: Date): Date {
  const local = new Date(at.getTime() + CENTRAL_OFFSET_MS)
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()))
}

/** True when a local day is a working day. */
export function isWorkingDay(day: Date, calendar: CaseCalendar = DEFAULT_CALENDAR): boolean {
  const text = iso(day)
  if (calendar.workingDays.includes(text)) {
    return true
  }
  const weekday = day.getUTCDay()
  return weekday !== 0 && weekday !== 6 && !holidaysOf(day.getUTCFullYear(), calendar).has(text)
}

/** The Paisano operation an instant falls in, if any. */
export function operationAt(at: Date, calendar: CaseCalendar = DEFAULT_CALENDAR): Operation | undefined {
  const day = localDay(at)
  const year = day.getUTCFullYear()
  const md = iso(day).slice(5)
  const { easter, summer, winter } = calendar.operations
  const sunday = easterSunday(year)
  if (day >= addDays(sunday, -easter.daysBefore) && day <= addDays(sunday, easter.daysAfter)) {
    return 'easter'
  }
  if (md >= summer.from && md <= summer.to) {
    return 'summer'
  }
  const inWinter = winter.from <= winter.to ? md >= winter.from && md <= winter.to : md >= winter.from || md <= winter.to
  return inWinter ? 'winter' : undefined
}

/** A time allowed for a step: business days, or hours of the clock for urgent help. */
export type Target = { businessDays: number } | { hours: number }

/**
 * When a step given `target` from `start` is due: for business days, the end (23:59:59.999 in
 * Mexico City) of the nth working day after the day of `start`; for hours, that many hours later,
 * nights and holidays included.
 */
export function dueAt(start: Date, target: Target, calendar: CaseCalendar = DEFAULT_CALENDAR): Date {
  if ('hours' in target) {
    return new Date(start.getTime() + target.hours * 3_600_000)
  }
  let day = localDay(start)
  let left = target.businessDays
  while (left > 0) {
    day = addDays(day, 1)
    if (isWorkingDay(day, calendar)) {
      left -= 1
    }
  }
  // The end of that local day, as an instant.
  return new Date(day.getTime() + 86_400_000 - 1 - CENTRAL_OFFSET_MS)
}

/** When to remind the handling body: at 50% and 80% of the time it was given. */
export function reminderTimes(start: Date, due: Date): [Date, Date] {
  const span = due.getTime() - start.getTime()
  return [new Date(start.getTime() + span * 0.5), new Date(start.getTime() + span * 0.8)]
}

/**
 * The time each step of a case is given, by category, outside and inside an operation (when
 * traffic is heavy and travellers are still on the road, answers must come sooner). Urgent help
 * counts hours: a seized vehicle accrues storage fees by the day; remains cannot wait.
 */
export const CASE_TARGETS: Record<CaseCategory, { acknowledge: Target; answer: Target; answerInOperation: Target }> = {
  extortion: { acknowledge: { businessDays: 1 }, answer: { businessDays: 10 }, answerInOperation: { businessDays: 5 } },
  theft: { acknowledge: { businessDays: 1 }, answer: { businessDays: 10 }, answerInOperation: { businessDays: 5 } },
  abuse_of_authority: { acknowledge: { businessDays: 1 }, answer: { businessDays: 10 }, answerInOperation: { businessDays: 5 } },
  mistreatment: { acknowledge: { businessDays: 2 }, answer: { businessDays: 15 }, answerInOperation: { businessDays: 10 } },
  misuse_of_procedure: { acknowledge: { businessDays: 2 }, answer: { businessDays: 15 }, answerInOperation: { businessDays: 10 } },
  seizure_of_vehicle_or_goods: { acknowledge: { businessDays: 1 }, answer: { businessDays: 5 }, answerInOperation: { businessDays: 3 } },
  other_complaint: { acknowledge: { businessDays: 2 }, answer: { businessDays: 15 }, answerInOperation: { businessDays: 10 } },
  locate_migrant: { acknowledge: { hours: 24 }, answer: { businessDays: 10 }, answerInOperation: { businessDays: 10 } },
  recover_seized_vehicle_or_goods: { acknowledge: { hours: 4 }, answer: { hours: 48 }, answerInOperation: { hours: 24 } },
  check_vehicle_import_documents: { acknowledge: { hours: 8 }, answer: { businessDays: 2 }, answerInOperation: { businessDays: 1 } },
  obtain_documents: { acknowledge: { businessDays: 1 }, answer: { businessDays: 5 }, answerInOperation: { businessDays: 3 } },
  transport_of_remains: { acknowledge: { hours: 2 }, answer: { hours: 24 }, answerInOperation: { hours: 24 } },
  other_help: { acknowledge: { businessDays: 1 }, answer: { businessDays: 5 }, answerInOperation: { businessDays: 3 } },
  // A life may be at stake: taken up within a day, a first answer to the family in ten.
  missing_migrant: { acknowledge: { hours: 24 }, answer: { businessDays: 10 }, answerInOperation: { businessDays: 10 } },
}

/** The deadlines of a hop routed at `at`: to acknowledge and to answer. */
export function hopDeadlines(category: CaseCategory, at: Date, calendar: CaseCalendar = DEFAULT_CALENDAR): { acknowledgeBy: string; answerBy: string } {
  const targets = CASE_TARGETS[category]
  const answer = operationAt(at, calendar) === undefined ? targets.answer : targets.answerInOperation
  return { acknowledgeBy: dueAt(at, targets.acknowledge, calendar).toISOString(), answerBy: dueAt(at, answer, calendar).toISOString() }
}
