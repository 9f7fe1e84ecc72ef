import nodemailer, { type Transporter } from 'nodemailer'
import type { Kysely } from 'kysely'
import type { Lang } from '@faro/core'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/schema.ts'
import { findPerson } from '../protection/people/people-repo.ts'
import { decryptIdentity } from '../protection/people/vault.ts'
import type { Keyring } from '../protection/keyring.ts'
import { render, TEMPLATES, type Template } from './templates.ts'

export interface MailSettings {
  /** `smtp://user:pass@host:port` or `smtps://…`; unset, messages wait in the outbox. */
  url: string | undefined
  from: string
  /** Opens the vault, for messages to a person (a complainant) whose address lives there. */
  keyring?: Keyring | undefined
}

/** Attempts before a message is given up (marked failed, for an operator to look at). */
export const MAX_ATTEMPTS = 10
const LEASE_MS = 2 * 60_000

/** Waits between attempts: 30 s, 1 min, 2 min… up to 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000)
}

export function createTransport(settings: MailSettings): Transporter | undefined {
  return settings.url === undefined ? undefined : nodemailer.createTransport(settings.url)
}

/**
 * Sends what is due in the outbox. Each message is first claimed with a conditional update
 * (pending → sending, with a lease), so two processes never both send it; after the server
 * accepts it, it is marked sent. A refusal or a network failure puts it back with a wait; a claim
 * whose process died comes back when its lease ends. A message is sent twice only if a process
 * dies in the instant between the server's acceptance and the mark; its Message-ID, made from the
 * idempotency key, is the same both times, so a mailbox can tell.
 */
export async function sendDue(db: Kysely<Database>, clock: Clock, transport: Transporter | undefined, settings: MailSettings, limit = 50): Promise<{ sent: number; failed: number }> {
  if (transport === undefined) {
    return { sent: 0, failed: 0 }
  }
  const now = clock.now()
  const at = now.toISOString()
  // Claims whose process died go back to the queue.
  await db.updateTable('mailOutbox').set({ status: 'pending', claimedUntil: null }).where('status', '=', 'sending').where('claimedUntil', '<', at).execute()
  const candidates = await db.selectFrom('mailOutbox').selectAll().where('status', '=', 'pending').where('nextAttemptAt', '<=', at).orderBy('nextAttemptAt').limit(limit).execute()
  let sent = 0
  let failed = 0
  for (const m of candidates) {
    const claim = await db
      .updateTable('mailOutbox')
      .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), claimedUntil: new Date(now.getTime() + LEASE_MS).toISOString() }))
      .where('id', '=', m.id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (Number(claim.numUpdatedRows) !== 1) {
      continue
    }
    const attempts = m.attempts + 1
    const to = await addressOf(db, settings.keyring, m.recipientKind, m.recipientId)
    if (to === undefined) {
      // Nobody to write to any more (the account lost its address or was disabled): not an error to retry.
      await db.updateTable('mailOutbox').set({ status: 'failed', lastError: 'no_address', claimedUntil: null }).where('id', '=', m.id).execute()
      failed += 1
      continue
    }
    const lang: Lang = m.lang === 'en' ? 'en' : 'es'
    const template = (Object.hasOwn(TEMPLATES, m.template) ? m.template : 'case_assigned') as Template
    const { subject, text } = render(template, lang, JSON.parse(m.params) as Record<string, string>)
    try {
      await transport.sendMail({ from: settings.from, to, subject, text, messageId: `<${m.idempotencyKey.replace(/[^A-Za-z0-9.:_-]/g, '_')}@faro>` })
      await db.updateTable('mailOutbox').set({ status: 'sent', sentAt: clock.now().toISOString(), claimedUntil: null, lastError: null }).where('id', '=', m.id).execute()
      sent += 1
    } catch (error) {
      // The code only (ECONNREFUSED, EENVELOPE…): a server's reply may quote the address.
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error'
      const giveUp = attempts >= MAX_ATTEMPTS
      await db
        .updateTable('mailOutbox')
        .set({ status: giveUp ? 'failed' : 'pending', claimedUntil: null, lastError: code, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString() })
        .where('id', '=', m.id)
        .execute()
      failed += 1
    }
  }
  return { sent, failed }
}

/**
 * Where a message goes, read at the last moment: an account's address, or a person's from the
 * vault — only while the person is active (a blocked or erased person is not written to) and
 * never kept anywhere else.
 */
async function addressOf(db: Kysely<Database>, keyring: Keyring | undefined, kind: string, id: string): Promise<string | undefined> {
  if (kind === 'person') {
    const person = keyring === undefined ? undefined : await findPerson(db, id)
    if (keyring === undefined || person?.status !== 'active') {
      return undefined
    }
    return (await decryptIdentity(db, keyring, person))?.email
  }
  if (kind !== 'user') {
    return undefined
  }
  const user = await db.selectFrom('users').select(['email', 'disabled']).where('id', '=', id).executeTakeFirst()
  return user?.disabled === 0 && user.email ? user.email : undefined
}
