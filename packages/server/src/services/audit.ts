import { v7 as uuidv7 } from 'uuid'
import type { PolicyAction } from '@faro/core'
import { appendAudit, type AuditEvent } from '../repo/audit.ts'
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

/** The audit row of a subject, before it takes its place in the chain. */
export function auditEvent(ctx: Omit<AuditCtx, 'db' | 'auditHead'>, subject: AuditSubject): AuditEvent {
  return {
    id: uuidv7(),
    at: ctx.clock.now().toISOString(),
    requestId: ctx.requestId,
    actorId: ctx.actor.userId,
    role: ctx.actor.role,
    orgUnitId: ctx.actor.orgUnitId,
    action: subject.action,
    recordType: subject.recordType ?? null,
    recordId: subject.recordId ?? null,
    decision: subject.decision,
  }
}

/** A refusal is audited in a transaction of its own, since the refused work is rolled back. */
export async function auditDenied(ctx: Ctx, subject: Omit<AuditSubject, 'decision'>): Promise<void> {
  // Its own transaction reads the head itself: a push's cached head belongs to the push's.
  await ctx.db.db.transaction().execute((trx) => audit(trx, { ...ctx, auditHead: undefined }, { ...subject, decision: 'denied' }))
}
