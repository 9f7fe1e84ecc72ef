import type { FieldRecordType, FieldStates, RecordPage } from '../../api/types.ts'

export interface ActivitySummary {
  /** Records whose event happened inside the window. */
  records: number
  /** People attended or rescued in those records (patrols count none). */
  people: number
  /** Those records that include a vulnerable person. */
  priority: number
  /** False when the window may hold more records than the page that was read. */
  complete: boolean
  /** The most recent event time seen, ISO. */
  latest: string | undefined
}

/**
 * Counts a page of field records whose event lies in [since, ∞). Pages come newest change first;
 * an event never happens after its record's last change, so once a page reaches back past
 * `since` (or is the last page) nothing further can fall inside the window.
 */
export function summarize<T extends FieldRecordType>(type: T, page: RecordPage<FieldStates[T]>, since: Date): ActivitySummary {
  const start = since.getTime()
  let records = 0
  let people = 0
  let priority = 0
  let latest: string | undefined
  let oldestChange = Number.POSITIVE_INFINITY
  for (const item of page.items) {
    oldestChange = Math.min(oldestChange, Date.parse(item.updatedAt))
    const at = eventTime(type, item.state)
    if (at === undefined || Date.parse(at) < start) {
      continue
    }
    records += 1
    people += peopleIn(item.state)
    priority += item.priority ? 1 : 0
    if (latest === undefined || Date.parse(at) > Date.parse(latest)) {
      latest = at
    }
  }
  return { records, people, priority, complete: page.next === null || oldestChange < start, latest }
}

function eventTime(type: FieldRecordType, state: FieldStates[FieldRecordType]): string | undefined {
  if (type === 'patrol') {
    return 'startedAt' in state ? state.startedAt : undefined
  }
  return 'at' in state ? state.at : undefined
}

function peopleIn(state: FieldStates[FieldRecordType]): number {
  if (!('people' in state)) {
    return 0
  }
  return state.people.reduce((sum, group) => sum + group.count, 0)
}
