import { v7 as uuidv7 } from 'uuid'
import type { PolicyAction } from '@faro/core'
import { appendAudit, chainBody, type AuditLink } from './audit-repo.ts'
import type { Ctx, Executor } from './context.ts'

export interface AuditSubject {
  action: PolicyAction | 'auth.login' | 'auth.logout' | 'auth.totp' | 'auth.password' | string
  recordType?: string | null
  recordId?: string | null
  decision: 'allowed' | 'denied'
}

/** Who acts: usually the request's actor; for a failed login of an unknown name, `anonymous`. */
export type AuditCtx = Pick<Ctx, 'db' | 'clock' | 'requestId' | 'auditHead'> & { actor: { userId: string; role: string; orgUnitId: string } }

/**
 * Writes one audit event in the given transaction: who, role, unit, action, record, decision,
 * time and request id. Never a field value.
 */
export async function audit(trx: Executor, ctx: AuditCtx, subject: AuditSubject): Promise<void> {
  await appendAudit(trx, ctx.db.dialect, auditEvent(ctx, subject), ctx.auditHead)
}

/**
 * An audit event worked out before the log's writer sees its action (on the request thread): its
 * id, its time and the text its chain link hashes. Used by `auditEvent` when its time is the
 * writer's too.
 */
export interface PreparedAudit {
  id: string
  at: string
  body: string
}

export function prepareAudit(ctx: Omit<AuditCtx, 'db' | 'auditHead'>, subject: AuditSubject): PreparedAudit {
  const event = auditEvent(ctx, subject)
  return { id: event.id, at: event.at, body: chainBody(event) }
}

/**
 * The audit row of a subject, before it takes its place in the chain. `prepared` is the same
 * event worked out ahead by `prepareAudit` for the same actor, request and subject; it is used
 * when its time is still the context's.
 */
export function auditEvent(ctx: Omit<AuditCtx, 'db' | 'auditHead'>, subject: AuditSubject, prepared?: PreparedAudit): AuditLink {
  const at = ctx.clock.now().toISOString()
  const ahead = prepared?.at === at ? prepared : undefined
  return {
    id: ahead?.id ?? uuidv7(),
    at,
    requestId: ctx.requestId,
    actorId: ctx.actor.userId,
    role: ctx.actor.role,
    orgUnitId: ctx.actor.orgUnitId,
    action: subject.action,
    recordType: subject.recordType ?? null,
    recordId: subject.recordId ?? null,
    decision: subject.decision,
    chainBody: ahead?.body,
  }
}

/** A refusal is audited in a transaction of its own, since the refused work is rolled back. */
export async function auditDenied(ctx: Ctx, subject: Omit<AuditSubject, 'decision'>): Promise<void> {
  // Its own transaction reads the head itself: a push's cached head belongs to the push's.
  await ctx.db.db.transaction().execute((trx) => audit(trx, { ...ctx, auditHead: undefined }, { ...subject, decision: 'denied' }))
}
