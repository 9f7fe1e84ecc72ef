import { v7 as uuidv7 } from 'uuid'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { Template } from './templates.ts'

export interface NewMessage {
  /** The same key twice is one message: a retried action or a second sweep queues nothing new. */
  key: string
  /** An account, or a person of the identity vault, whose address is read only when sending. */
  recipient: { kind: 'user' | 'person'; id: string }
  template: Template
  lang: string
  params: Record<string, string>
}

/** Queues messages in the caller's transaction, so they exist exactly when the action does. */
export async function enqueue(db: Kysely<Database>, messages: readonly NewMessage[], now: Date): Promise<void> {
  if (messages.length === 0) {
    return
  }
  const at = now.toISOString()
  await db
    .insertInto('mailOutbox')
    .values(messages.map((m) => ({ id: uuidv7(), idempotencyKey: m.key, recipientKind: m.recipient.kind, recipientId: m.recipient.id, template: m.template, lang: m.lang, params: JSON.stringify(m.params), status: 'pending', nextAttemptAt: at, createdAt: at })))
    .onConflict((oc) => oc.column('idempotencyKey').doNothing())
    .execute()
}

/** The active accounts of a unit that have an address: who hears about the unit's cases. */
export async function recipientsIn(db: Kysely<Database>, unitIds: readonly string[], roles: readonly string[]): Promise<{ id: string; orgUnitId: string }[]> {
  if (unitIds.length === 0) {
    return []
  }
  return db.selectFrom('users').select(['id', 'orgUnitId']).where('orgUnitId', 'in', [...unitIds]).where('role', 'in', [...roles]).where('disabled', '=', 0).where('email', 'is not', null).execute()
}
