/**
 * The period a statistics page reads: a year, a Paisano operation, a half, a quarter, a month or
 * two days. It travels in the page's address as one word (`2026`, `op:<id>`, `2026-H2`,
 * `2026-Q4`, `2026-11`, `2026-01-01..2026-03-31`), so a drill-down, a reload or a shared link asks
 * the same question.
 */

export type PeriodChoice =
  | { kind: 'year'; year: number }
  | { kind: 'operation'; id: string }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'days'; from: string; to: string }

export type PeriodKind = PeriodChoice['kind']

export const PERIOD_KINDS: readonly PeriodKind[] = ['year', 'operation', 'half', 'quarter', 'month', 'days']

/** The period as it goes in the address. */
export function encodePeriod(p: PeriodChoice): string {
  switch (p.kind) {
    case 'year':
      return String(p.year)
    case 'operation':
      return `op:${p.id}`
    case 'half':
      return `${p.year}-H${p.half}`
    case 'quarter':
      return `${p.year}-Q${p.quarter}`
    case 'month':
      return `${p.year}-${String(p.month).padStart(2, '0')}`
    case 'days':
      return `${p.from}..${p.to}`
  }
}

/** The period an address names, or undefined for anything else (the page then reads this year). */
export function parsePeriod(text: string | undefined): PeriodChoice | undefined {
  if (text === undefined) {
    return undefined
  }
  let m = /^(\d{4})$/.exec(text)
  if (m) {
    return { kind: 'year', year: Number(m[1]) }
  }
  m = /^op:([A-Za-z0-9][A-Za-z0-9_-]{0,63})$/.exec(text)
  if (m?.[1] !== undefined) {
    return { kind: 'operation', id: m[1] }
  }
  m = /^(\d{4})-H([12])$/.exec(text)
  if (m) {
    return { kind: 'half', year: Number(m[1]), half: m[2] === '1' ? 1 : 2 }
  }
  m = /^(\d{4})-Q([1-4])$/.exec(text)
  if (m) {
    const q = Number(m[2])
    return { kind: 'quarter', year: Number(m[1]), quarter: q === 1 ? 1 : q === 2 ? 2 : q === 3 ? 3 : 4 }
  }
  m = /^(\d{4})-(\d{2})$/.exec(text)
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return { kind: 'month', year: Number(m[1]), month: Number(m[2]) }
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text)
  if (m?.[1] !== undefined && m[2] !== undefined && isDay(m[1]) && isDay(m[2]) && m[1] <= m[2]) {
    return { kind: 'days', from: m[1], to: m[2] }
  }
  return undefined
}

/** The period as the table API takes it: `year=`, `operation=` or `from=&to=`. */
export function periodParams(p: PeriodChoice): string {
  if (p.kind === 'year') {
    return `year=${p.year}`
  }
  if (p.kind === 'operation') {
    return `operation=${encodeURIComponent(p.id)}`
  }
  const { from, to } = periodDays(p)
  return `from=${from}&to=${to}`
}

/** The first and last day of a period that is not an operation (an operation's come from the API). */
export function periodDays(p: Exclude<PeriodChoice, { kind: 'operation' }>): { from: string; to: string } {
  switch (p.kind) {
    case 'year':
      return { from: `${p.year}-01-01`, to: `${p.year}-12-31` }
    case 'half':
      return monthsSpan(p.year, p.half === 1 ? 1 : 7, 6)
    case 'quarter':
      return monthsSpan(p.year, (p.quarter - 1) * 3 + 1, 3)
    case 'month':
      return monthsSpan(p.year, p.month, 1)
    case 'days':
      return { from: p.from, to: p.to }
  }
}

/**
 * The same kind of period around a day: what the picker shows when the reader switches kind
 * (this year, this half, this quarter, this month, the last thirty days).
 */
export function periodAround(kind: Exclude<PeriodKind, 'operation'>, day: string): PeriodChoice {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  switch (kind) {
    case 'year':
      return { kind, year }
    case 'half':
      return { kind, year, half: month <= 6 ? 1 : 2 }
    case 'quarter': {
      const q = Math.ceil(month / 3)
      return { kind, year, quarter: q === 1 ? 1 : q === 2 ? 2 : q === 3 ? 3 : 4 }
    }
    case 'month':
      return { kind, year, month }
    case 'days':
      return { kind, from: addDays(day, -29), to: day }
  }
}

/** A day moved by a number of days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

export function isDay(text: string): boolean {
  const ms = Date.parse(`${text}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text
}

function monthsSpan(year: number, firstMonth: number, months: number): { from: string; to: string } {
  const last = new Date(Date.UTC(year, firstMonth - 1 + months, 0)).toISOString().slice(0, 10)
  return { from: `${year}-${String(firstMonth).padStart(2, '0')}-01`, to: last }
}

/** A day one year earlier, as the API shifts a period (29 February falls on the 28th). */
export function yearEarlier(day: string): string {
  const monthDay = day.slice(5) === '02-29' ? '02-28' : day.slice(5)
  return `${String(Number(day.slice(0, 4)) - 1).padStart(4, '0')}-${monthDay}`
}
