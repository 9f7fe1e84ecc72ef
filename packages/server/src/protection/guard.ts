import type { MiddlewareHandler } from 'hono'
import { DomainError, decide, message, PROBLEM_TITLES, type PolicyAction } from '@faro/core'
import { decodePath } from '../db/dialect.ts'
import type { PersonRow } from './people/people-repo.ts'
import { findPerson } from './people/people-repo.ts'
import { auditDenied } from '../log/audit.ts'
import type { Ctx, Executor } from '../log/context.ts'
import type { AppEnv } from '../http/env.ts'

/**
 * Loads a person and checks the policy for the action on them. Missing and out-of-scope people
 * answer differently (404 and 403) only after the policy lets the caller act at all, so ids
 * cannot be probed by who has no right on people.
 */
export async function personFor(ctx: Ctx, db: Executor, action: PolicyAction, personId: string, opts: { allowShredded?: boolean } = {}): Promise<PersonRow> {
  const person = await findPerson(db, personId)
  if (person === undefined) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  const target = { orgUnitPath: decodePath(person.orgUnitPath), ownerId: person.createdBy }
  if (!decide(ctx.actor, action, target).allowed) {
    throw new PolicyDenied(ctx, { action, recordType: 'person', recordId: personId })
  }
  if (person.status === 'shredded' && !opts.allowShredded) {
    throw new DomainError('not_found', message('faro.person_shredded', ctx.lang), { reason: 'person_shredded' })
  }
  return person
}

/**
 * A refusal by the policy table. It is thrown from inside transactions, so the audit row of the
 * refusal is written afterwards, by `auditPolicyDenials`, in a transaction of its own.
 */
export class PolicyDenied extends DomainError {
  constructor(
    ctx: Ctx,
    readonly subject: { action: PolicyAction; recordType: string; recordId?: string },
  ) {
    super('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
}

/** Route middleware: audits every policy refusal once the refused work has been rolled back. */
export const auditPolicyDenials: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  const error = c.error
  if (error instanceof PolicyDenied) {
    await auditDenied(c.get('ctx'), error.subject)
  }
}

/** Refuses with 403 (audited by the route) unless the role holds the action in some scope. */
export function requireAction(ctx: Ctx, action: PolicyAction, scopes: readonly string[]): void {
  if (scopes.length === 0) {
    throw new PolicyDenied(ctx, { action, recordType: 'person' })
  }
}

