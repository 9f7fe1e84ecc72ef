import { z } from 'zod'

/**
 * Default retention of identity per type of record it is linked to, in days after the record
 * closed. Field records are closed when recorded; a rescue is kept longer because injuries and
 * deaths may lead to proceedings. An identity linked to nothing is kept only briefly.
 */
export const RETENTION_DEFAULT_DAYS: Readonly<Record<string, number>> = {
  attention: 365,
  rescue: 5 * 365,
  patrol: 365,
  unlinked: 30,
}

/** Days a cancelled identity stays blocked (unusable, kept for legal claims) before shredding. */
export const BLOCKING_DEFAULT_DAYS = 30

/** Retention overrides: `attention=365,rescue=1825`. */
export const RetentionOverrides = z.record(z.string().regex(/^[a-z_]+$/), z.number().int().min(1).max(36_500))

/**
 * When an identity may be purged: the latest end of retention of the records it is linked to,
 * or creation plus the `unlinked` period when it has no links.
 * @example purgeDueAt({ createdAt: '2026-01-01T00:00:00Z', links: [{ recordType: 'attention', closedAt: '2026-01-02T00:00:00Z' }] }, RETENTION_DEFAULT_DAYS)
 *   // 2027-01-02T00:00:00.000Z
 */
export function purgeDueAt(
  person: { createdAt: string; links: readonly { recordType: string; closedAt: string | null }[] },
  days: Readonly<Record<string, number>>,
): Date | null {
  const day = 24 * 60 * 60 * 1000
  if (person.links.length === 0) {
    return new Date(Date.parse(person.createdAt) + (days.unlinked ?? RETENTION_DEFAULT_DAYS.unlinked ?? 30) * day)
  }
  let latest = 0
  for (const link of person.links) {
    if (link.closedAt === null) {
      // An open record keeps the identity it needs.
      return null
    }
    const keep = days[link.recordType] ?? RETENTION_DEFAULT_DAYS[link.recordType] ?? 5 * 365
    latest = Math.max(latest, Date.parse(link.closedAt) + keep * day)
  }
  return new Date(latest)
}
