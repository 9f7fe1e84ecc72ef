import { decide, DomainError, message, PROBLEM_TITLES, type LegalBasis, type Purpose } from '@faro/core'
import { decodePath } from '../db/dialect.ts'
import { findPeople, insertLink } from '../repo/people.ts'
import type { Ctx, Executor } from '../services/context.ts'

/**
 * Checks the vault references of a record action (`personIds`) and links them, inside the
 * action's transaction: each person must exist, be active (not blocked or erased) and be within
 * the actor's reach. A rescue rests on vital interest; any other record on the consent the
 * person gave by sharing their identity.
 */
export async function linkPersonRefs(trx: Executor, ctx: Ctx, action: { recordType: string; recordId: string; payload: Record<string, unknown> }): Promise<void> {
  const raw = action.payload.personIds
  if (!Array.isArray(raw) || raw.length === 0) {
    return
  }
  const ids = [...new Set(raw.filter((v): v is string => typeof v === 'string'))]
  const people = new Map((await findPeople(trx, ids)).map((p) => [p.id, p]))
  for (const [index, id] of ids.entries()) {
    const person = people.get(id)
    const reachable = person !== undefined && decide(ctx.actor, 'person.read', { orgUnitPath: decodePath(person.orgUnitPath), ownerId: person.createdBy }).allowed
    if (!reachable || person.status !== 'active') {
      throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], {
        issues: [{ field: `payload.personIds.${index}`, code: 'unknown_person', message: message('faro.person_ref_unknown', ctx.lang) }],
      })
    }
  }
  const basis: { legalBasis: LegalBasis; purpose: Purpose } = action.recordType === 'rescue' ? { legalBasis: 'vital_interest', purpose: 'rescue' } : { legalBasis: 'consent', purpose: 'referral_services' }
  for (const id of ids) {
    await insertLink(trx, { personId: id, recordType: action.recordType, recordId: action.recordId, ...basis, createdBy: ctx.actor.userId, createdAt: ctx.clock.now().toISOString() })
  }
}
