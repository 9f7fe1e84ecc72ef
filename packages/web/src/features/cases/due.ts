import type { MessageKey } from '../../i18n/messages.ts'
import type { CaseItem } from './types.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A deadline in words: the catalogue message and the number it counts. */
export interface DueWords {
  key: MessageKey
  n: number
  overdue: boolean
}

/**
 * How far a deadline is from now, in the largest whole unit ("vence en 2 días", "vencido hace
 * 3 h"). Rounded down, so a deadline is never shown further away, nor later, than it is.
 */
export function dueWords(deadline: string, now: Date): DueWords {
  const diff = Date.parse(deadline) - now.getTime()
  const overdue = diff < 0
  const span = Math.abs(diff)
  if (span >= DAY) {
    return { key: overdue ? 'case.overdue.days' : 'case.due.days', n: Math.floor(span / DAY), overdue }
  }
  if (span >= HOUR) {
    return { key: overdue ? 'case.overdue.hours' : 'case.due.hours', n: Math.floor(span / HOUR), overdue }
  }
  return { key: overdue ? 'case.overdue.minutes' : 'case.due.minutes', n: Math.max(1, Math.floor(span / MINUTE)), overdue }
}

/** True when a hop of the case is late (the server decides, when it answers). */
export function isOverdue(item: Pick<CaseItem, 'overdueHops'>): boolean {
  return item.overdueHops.length > 0
}

/**
 * A queue's order: late cases first, then by the next deadline (the nearest first), cases without
 * a deadline last, each group newest change first.
 */
export function queueOrder(items: readonly CaseItem[]): CaseItem[] {
  return [...items].sort((a, b) => {
    const late = Number(isOverdue(b)) - Number(isOverdue(a))
    if (late !== 0) {
      return late
    }
    if (a.nextDeadline !== b.nextDeadline) {
      if (a.nextDeadline === null) {
        return 1
      }
      if (b.nextDeadline === null) {
        return -1
      }
      return a.nextDeadline < b.nextDeadline ? -1 : 1
    }
    return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0
  })
}
