import type { RecordView } from '../../api/types.ts'

/** The record types of field work that the live view lists. */
export const LIVE_TYPES = ['attention', 'rescue', 'patrol', 'remains'] as const
export type LiveType = (typeof LIVE_TYPES)[number]
export type Row = RecordView<Record<string, unknown>> & { recordType: LiveType }

/** When the event happened (attention, start of a patrol, finding), else the last change. */
export function eventTime(row: Row): string {
  const s = row.state
  for (const key of ['at', 'startedAt', 'foundAt']) {
    const value = s[key]
    if (typeof value === 'string') {
      return value
    }
  }
  return row.updatedAt
}

/** How many people the record counts, summed over its groups. */
export function peopleOf(state: Record<string, unknown>): number {
  const people = state.people
  if (!Array.isArray(people)) {
    return 0
  }
  return people.reduce((sum: number, g: unknown) => sum + (typeof g === 'object' && g !== null && 'count' in g && typeof g.count === 'number' ? g.count : 0), 0)
}
