/** One line of `GET /api/retention/report`: ids and dates, never names. */
export interface PurgeItem {
  personId: string
  reason: 'retention' | 'cancellation'
  dueAt: string
  /** Under a legal hold since then: kept past its date until every hold is released. */
  heldSince: string | null
}

/**
 * How many identities a retention run would erase now: those whose date has come and that no
 * legal hold keeps, the same test the server's job makes.
 *
 * @example dueNow([{ personId: 'p', reason: 'retention', dueAt: '2026-01-01T00:00:00Z', heldSince: null }], Date.parse('2026-02-01T00:00:00Z')) // 1
 */
export function dueNow(items: readonly PurgeItem[], now: number): number {
  return items.filter((item) => item.heldSince === null && Date.parse(item.dueAt) <= now).length
}
