import { LEGAL_HOLD_LIMITS, type LegalHold } from '@faro/core'

/** The holds still in force, oldest first: the first one is why the person is held. */
export function activeHolds(holds: readonly LegalHold[]): LegalHold[] {
  return holds.filter((h) => h.releasedAt === null).sort((a, b) => a.placedAt.localeCompare(b.placedAt))
}

/** True when the form may be sent: the same bounds the API checks, after trimming. */
export function holdInputReady(reason: string, reference?: string): boolean {
  const r = reason.trim().length
  if (r < LEGAL_HOLD_LIMITS.reasonMin || r > LEGAL_HOLD_LIMITS.reasonMax) {
    return false
  }
  if (reference === undefined) {
    return true
  }
  const f = reference.trim().length
  return f >= 1 && f <= LEGAL_HOLD_LIMITS.referenceMax
}

/** The API path of a person's holds, or of one hold's release; ids are escaped into the path. */
export function holdsPath(personId: string, releaseHoldId?: string): string {
  const base = `/api/people/${encodeURIComponent(personId)}/holds`
  return releaseHoldId === undefined ? base : `${base}/${encodeURIComponent(releaseHoldId)}/release`
}
