import type { Convoy } from './types.ts'

/**
 * Convoys as the office reads them: those ahead or on the road first, the soonest first; then
 * those gone by, the latest first. A convoy is ahead while it is on the road or its departure is
 * still to come (a cancelled one too, so travellers who counted on it are told); one that
 * arrived, or whose time passed without leaving, is gone by.
 */
export function splitConvoys<T extends Pick<Convoy, 'departsAt' | 'status' | 'recordId'>>(convoys: readonly T[], now: Date): { upcoming: T[]; past: T[] } {
  const at = (c: T) => new Date(c.departsAt).getTime()
  const ahead = (c: T) => c.status === 'departed' || (c.status !== 'arrived' && at(c) >= now.getTime())
  const upcoming = convoys.filter(ahead).sort((a, b) => at(a) - at(b) || a.recordId.localeCompare(b.recordId))
  const past = convoys.filter((c) => !ahead(c)).sort((a, b) => at(b) - at(a) || a.recordId.localeCompare(b.recordId))
  return { upcoming, past }
}

/** The statuses a convoy may move to from where it stands, in the order a trip goes. */
export function nextStatuses(status: Convoy['status']): Exclude<Convoy['status'], 'scheduled'>[] {
  if (status === 'scheduled') {
    return ['departed', 'cancelled']
  }
  if (status === 'departed') {
    return ['arrived']
  }
  return []
}

/** The operation a new convoy travels in at first: the open one of the account's office, else any open one. */
export function defaultOperation<T extends { recordId: string; orgUnitId: string; status: string }>(operations: readonly T[], ownUnit: string): string {
  return (operations.find((o) => o.status === 'open' && o.orgUnitId === ownUnit) ?? operations.find((o) => o.status === 'open'))?.recordId ?? ''
}
