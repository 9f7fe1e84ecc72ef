import {
  ATTACHMENT_LIMITS,
  AttachmentType,
  DomainError,
  PROBLEM_TITLES,
  decide,
  declaredType,
  message,
  sniffType,
  type AttachmentView,
  type CustodyAction,
  type CustodyEntry,
  type PolicyAction,
  type RecordType,
} from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import { isUniqueViolation } from '../db/dialect.ts'
import { audit, auditDenied } from '../log/audit.ts'
import { inTransaction, type Ctx, type Executor } from '../log/context.ts'
import { findRecord, policyTargetOf } from '../log/records-repo.ts'
import { readRecord } from '../log/records.ts'
import type { Keyring } from '../protection/keyring.ts'
import { openFile, openFileName, sealFile, sha256Hex } from './attachment-crypto.ts'
import { countAttachmentsOf, findAttachmentMeta, findAttachmentOf, insertAttachment, insertCustody, listAttachmentsOf, listCustody, type AttachmentMeta } from './attachments-repo.ts'

/**
 * What a kind of record says about its attachments: who may add them besides reading the record
 * (any one of `addActions` over it), and when it takes none (a closed case), as a message key.
 * Reading follows the record: whoever may read it may list, open and follow its files.
 */
export interface AttachmentRules {
  recordType: RecordType
  addActions: readonly PolicyAction[]
  refuseAdd?: (state: Readonly<Record<string, unknown>>) => string | undefined
}

export interface AttachmentDeps {
  keyring: Keyring
}

/** A file as sent: its id (the idempotency key), its name and declared type (hints), its bytes. */
export interface Upload {
  id: string
  name: string | undefined
  contentType: string | undefined
  /** Read only once the caller may add: nobody sends ten megabytes to be refused after. */
  read: () => Promise<Uint8Array>
}

/**
 * Adds a file to a record: checks the caller may, reads it, names its kind from its bytes, and
 * stores it encrypted with its hash, its first custody line and an audit row, in one
 * transaction. The same id again (a retry) is the same attachment, answered as a duplicate.
 */
export async function addAttachment(ctx: Ctx, deps: AttachmentDeps, rules: AttachmentRules, recordId: string, upload: Upload): Promise<{ status: 'accepted' | 'duplicate'; attachment: AttachmentView }> {
  const { recordType } = rules
  const view = await readRecord(ctx, recordType, recordId)
  const row = await findRecord(ctx.db.db, ctx.db.dialect, recordType, recordId)
  const target = row === undefined ? undefined : policyTargetOf(row)
  if (target === undefined || !rules.addActions.some((action) => decide(ctx.actor, action, target).allowed)) {
    await auditDenied(ctx, { action: 'attachment.add', recordType, recordId })
    throw new DomainError('forbidden', PROBLEM_TITLES.forbidden[ctx.lang])
  }
  const refusal = rules.refuseAdd?.(view.state)
  if (refusal !== undefined) {
    throw new DomainError('conflict', message(refusal, ctx.lang), { reason: refusal.replace(/^faro\./, '') })
  }
  const bytes = await upload.read()
  const mediaType = checkedType(ctx, bytes, upload.contentType)
  const sha256 = sha256Hex(bytes)
  const owner = { id: upload.id, recordType, recordId }
  const sealed = sealFile(deps.keyring, owner, bytes, upload.name)
  const now = ctx.clock.now().toISOString()
  try {
    return await inTransaction(ctx, async (trx) => {
      // One writer per record at a time, so two uploads cannot both take the last free place.
      await findRecord(trx, ctx.db.dialect, recordType, recordId, { lock: true })
      const prior = await findAttachmentMeta(trx, upload.id)
      if (prior !== undefined) {
        return { status: 'duplicate' as const, attachment: sameOrRefuse(ctx, deps, prior, owner, sha256) }
      }
      if ((await countAttachmentsOf(trx, recordType, recordId)) >= ATTACHMENT_LIMITS.maxPerRecord) {
        throw new DomainError('conflict', message('faro.attachment_limit', ctx.lang, { max: ATTACHMENT_LIMITS.maxPerRecord }), { reason: 'attachment_limit' })
      }
      await insertAttachment(trx, { ...owner, ...sealed, mediaType, size: bytes.byteLength, sha256, keyVersion: deps.keyring.version, addedBy: ctx.actor.userId, addedByUnit: ctx.actor.orgUnitId, addedAt: now })
      await logCustody(trx, ctx, upload.id, 'added', { recordType, recordId })
      const meta = await findAttachmentMeta(trx, upload.id)
      return { status: 'accepted' as const, attachment: viewOf(deps, meta ?? missing()) }
    })
  } catch (error) {
    // Two retries at once on SQLite's other connection, or a race the lock did not cover.
    const prior = isUniqueViolation(error) ? await findAttachmentMeta(ctx.db.db, upload.id) : undefined
    if (prior === undefined) {
      throw error
    }
    return { status: 'duplicate', attachment: sameOrRefuse(ctx, deps, prior, owner, sha256) }
  }
}

/** The record's files, oldest first: what each is, never its bytes. */
export async function listAttachments(ctx: Ctx, deps: AttachmentDeps, recordType: RecordType, recordId: string): Promise<AttachmentView[]> {
  await readRecord(ctx, recordType, recordId)
  return (await listAttachmentsOf(ctx.db.db, recordType, recordId)).map((row) => viewOf(deps, row))
}

/**
 * A file's bytes, checked against the hash taken when it was added, and one more line in its
 * chain of custody (viewed or downloaded, as the client said) with its audit row.
 */
export async function openAttachment(ctx: Ctx, deps: AttachmentDeps, recordType: RecordType, recordId: string, id: string, use: 'view' | 'download'): Promise<{ attachment: AttachmentView; bytes: Buffer }> {
  await readRecord(ctx, recordType, recordId)
  const row = await findAttachmentOf(ctx.db.db, recordType, recordId, id)
  if (row === undefined) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  const bytes = openFile(deps.keyring, row, row.wrappedKey, row.ciphertext)
  if (sha256Hex(bytes) !== row.sha256) {
    // GCM already refuses an altered byte: this is a row whose hash column was changed.
    throw new Error(`attachment ${id} does not match its hash`)
  }
  await inTransaction(ctx, (trx) => logCustody(trx, ctx, id, use === 'view' ? 'viewed' : 'downloaded', { recordType, recordId }))
  return { attachment: viewOf(deps, row), bytes }
}

/** Who added, viewed and downloaded a file of the record, and when. */
export async function custodyOf(ctx: Ctx, recordType: RecordType, recordId: string, id: string): Promise<CustodyEntry[]> {
  await readRecord(ctx, recordType, recordId)
  const row = await findAttachmentMeta(ctx.db.db, id)
  if (row === undefined || row.recordType !== recordType || row.recordId !== recordId) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  return (await listCustody(ctx.db.db, id)).map((c) => ({ action: c.action as CustodyAction, actorId: c.actorId, actorUnit: c.actorUnit, at: c.at }))
}

/** The kind read from the bytes; refuses an empty file, a kind not kept, or one other than declared. */
function checkedType(ctx: Ctx, bytes: Uint8Array, contentType: string | undefined): AttachmentType {
  const invalid = (field: string, code: string, text: string) => new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field, code, message: text }] })
  if (bytes.byteLength === 0) {
    throw invalid('(body)', 'empty', message('faro.attachment_empty', ctx.lang))
  }
  const found = sniffType(bytes)
  if (found === undefined) {
    throw invalid('(body)', 'type_not_allowed', message('faro.attachment_type', ctx.lang))
  }
  const declared = declaredType(contentType)
  if (declared !== undefined && declared !== found) {
    throw invalid('content-type', 'type_mismatch', message('faro.attachment_type_mismatch', ctx.lang, { declared: declared.slice(0, 60) }))
  }
  return found
}

/** A retry: the same file, for the same record, by the same account; anything else reuses the id. */
function sameOrRefuse(ctx: Ctx, deps: AttachmentDeps, prior: AttachmentMeta, owner: { recordType: string; recordId: string }, sha256: string): AttachmentView {
  if (prior.recordType !== owner.recordType || prior.recordId !== owner.recordId || prior.addedBy !== ctx.actor.userId || prior.sha256 !== sha256) {
    throw new DomainError('conflict', message('faro.attachment_id_reused', ctx.lang), { reason: 'id_reused' })
  }
  return viewOf(deps, prior)
}

async function logCustody(trx: Executor, ctx: Ctx, attachmentId: string, action: CustodyAction, record: { recordType: string; recordId: string }): Promise<void> {
  await insertCustody(trx, { id: uuidv7(), attachmentId, action, actorId: ctx.actor.userId, actorUnit: ctx.actor.orgUnitId, at: ctx.clock.now().toISOString(), requestId: ctx.requestId })
  // The audit names the record; the custody line, with the same request id, names the file.
  await audit(trx, ctx, { action: AUDIT_ACTIONS[action], recordType: record.recordType, recordId: record.recordId, decision: 'allowed' })
}

const AUDIT_ACTIONS: Record<CustodyAction, string> = { added: 'attachment.add', viewed: 'attachment.view', downloaded: 'attachment.download' }

function viewOf(deps: AttachmentDeps, row: AttachmentMeta): AttachmentView {
  return {
    id: row.id,
    recordType: row.recordType,
    recordId: row.recordId,
    name: openFileName(deps.keyring, row.id, row.wrappedKey, row.nameSealed),
    mediaType: AttachmentType.parse(row.mediaType),
    size: row.size,
    sha256: row.sha256,
    addedBy: row.addedBy,
    addedByUnit: row.addedByUnit,
    addedAt: row.addedAt,
  }
}

function missing(): never {
  throw new Error('the attachment just written is not there')
}
