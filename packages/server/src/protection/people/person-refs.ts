import { decide, DomainError, message, PROBLEM_TITLES, type LegalBasis, type Purpose } from '@faro/core'
import type { Insertable } from 'kysely'
import { decodePath } from '../../db/dialect.ts'
import type { PersonLinksTable } from '../../db/schema.ts'
import type { PersonRow } from './people-repo.ts'
import type { Ctx } from '../../log/context.ts'

/** The vault references (`personIds`) an action's payload names, each once. */
export function personRefsOf(payload: Record<string, unknown>): string[] {
  const raw = payload.personIds
  return Array.isArray(raw) ? [...new Set(raw.filter((v): v is string => typeof v === 'string'))] : []
}

/** The links that do not rest on the person's consent: a rescue, and a partner's list entry (family tracing). */
const BASES: Readonly<Record<string, { legalBasis: LegalBasis; purpose: Purpose }>> = {
  rescue: { legalBasis: 'vital_interest', purpose: 'rescue' },
  registry_entry: { legalBasis: 'vital_interest', purpose: 'family_tracing' },
}

/**
 * Checks the vault references of a record action and returns the links to write with it, in the
 * action's transaction: each person must exist, be active (not blocked or erased) and be within
 * the actor's reach. A rescue and a list entry rest on vital interest; any other record on the consent the
 * person gave by sharing their identity. `people` holds the rows of at least these ids.
 */
export function personLinksOf(
  ctx: Pick<Ctx, 'actor' | 'lang' | 'clock'>,
  action: { recordType: string; recordId: string; payload: Record<string, unknown> },
  people: ReadonlyMap<string, PersonRow>,
): Insertable<PersonLinksTable>[] {
  const ids = personRefsOf(action.payload)
  for (const [index, id] of ids.entries()) {
    const person = people.get(id)
    const reachable = person !== undefined && decide(ctx.actor, 'person.read', { orgUnitPath: decodePath(person.orgUnitPath), ownerId: person.createdBy }).allowed
    if (!reachable || person.status !== 'active') {
      throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], {
        issues: [{ field: `payload.personIds.${index}`, code: 'unknown_person', message: message('faro.person_ref_unknown', ctx.lang) }],
      })
    }
  }
  const basis: { legalBasis: LegalBasis; purpose: Purpose } = BASES[action.recordType] ?? { legalBasis: 'consent', purpose: 'referral_services' }
  const createdAt = ctx.clock.now().toISOString()
  return ids.map((personId) => ({ personId, recordType: action.recordType, recordId: action.recordId, ...basis, createdBy: ctx.actor.userId, createdAt }))
}
