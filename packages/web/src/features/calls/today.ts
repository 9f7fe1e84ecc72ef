import type { CallLogged, Lang } from '@faro/core'
import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client.ts'
import type { RecordPage, RecordView } from '../../api/types.ts'
import { CALL_TOPICS, type CallTopic } from './call-values.ts'

export type CallRecord = RecordView<CallLogged>

/** Pages of the list, latest call first: a busy winter day is a few hundred calls. */
const PAGE_SIZE = 100
/** Enough pages for any day the call centre has known (47,963 calls in all of 2010). */
const MAX_PAGES = 40

/** A time of day in the reader's language: `14:32`, `2:32 PM`. */
export function timeOfDay(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { timeStyle: 'short' }).format(new Date(iso))
}

/** A language the catalogue has no word for, by the browser's name for it: `fr` is «francés». */
export function languageName(lang: Lang, code: string): string {
  return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code
}

/** Midnight at the start of the device's day. */
export function startOfDay(now: Date): Date {
  const day = new Date(now)
  day.setHours(0, 0, 0, 0)
  return day
}

/** The calls of a list that happened since `since`, latest first. */
export function callsSince(items: readonly CallRecord[], since: Date): CallRecord[] {
  return items.filter((c) => Date.parse(c.occurredAt) >= since.getTime()).sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))
}

/** How many calls were about each topic, every topic listed, in the catalogue's order. */
export function countByTopic(calls: readonly CallRecord[]): { topic: CallTopic; count: number }[] {
  return CALL_TOPICS.map((topic) => ({ topic, count: calls.filter((c) => c.state.topic === topic).length }))
}

/**
 * The calls of today that the account may read, latest first, read page by page until the list
 * reaches yesterday. Refreshed every minute and after a call is logged (its key starts with the
 * list's path, which `useInvalidate('/api/records/call')` matches).
 */
export function useTodaysCalls(now: Date) {
  const since = startOfDay(now)
  return useQuery({
    queryKey: ['api', `/api/records/call?order=occurred&since=${since.toISOString()}`],
    queryFn: async ({ signal }) => callsSince(await readSince(since, signal), since),
    refetchInterval: 60_000,
  })
}

async function readSince(since: Date, signal: AbortSignal): Promise<CallRecord[]> {
  const items: CallRecord[] = []
  let cursor: string | null = null
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const path: string = `/api/records/call?order=occurred&limit=${PAGE_SIZE}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`
    const answer: RecordPage<CallLogged> = await api<RecordPage<CallLogged>>(path, { signal })
    items.push(...answer.items)
    const last = answer.items.at(-1)
    if (answer.next === null || last === undefined || Date.parse(last.occurredAt) < since.getTime()) {
      break
    }
    cursor = answer.next
  }
  return items
}
