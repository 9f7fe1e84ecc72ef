import type { Insertable, Kysely, Selectable } from 'kysely'
import type { AttachmentCustodyTable, AttachmentsTable, Database } from '../db/schema.ts'

/** An attachment without its bytes: what lists and checks need. */
export type AttachmentMeta = Omit<Selectable<AttachmentsTable>, 'ciphertext'>

const META_COLUMNS = ['id', 'recordType', 'recordId', 'nameSealed', 'mediaType', 'size', 'sha256', 'wrappedKey', 'keyVersion', 'addedBy', 'addedByUnit', 'addedAt'] as const

export async function insertAttachment(db: Kysely<Database>, row: Insertable<AttachmentsTable>): Promise<void> {
  await db.insertInto('attachments').values(row).execute()
}

export async function findAttachmentMeta(db: Kysely<Database>, id: string): Promise<AttachmentMeta | undefined> {
  return normalised(await db.selectFrom('attachments').select(META_COLUMNS).where('id', '=', id).executeTakeFirst())
}

/** The encrypted bytes of one attachment of the record, with what opens them. */
export async function findAttachmentOf(db: Kysely<Database>, recordType: string, recordId: string, id: string): Promise<Selectable<AttachmentsTable> | undefined> {
  const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).where('recordType', '=', recordType).where('recordId', '=', recordId).executeTakeFirst()
  return row === undefined ? undefined : { ...row, size: Number(row.size), keyVersion: Number(row.keyVersion) }
}

/** A record's attachments, oldest first, without their bytes. */
export async function listAttachmentsOf(db: Kysely<Database>, recordType: string, recordId: string): Promise<AttachmentMeta[]> {
  const rows = await db.selectFrom('attachments').select(META_COLUMNS).where('recordType', '=', recordType).where('recordId', '=', recordId).orderBy('addedAt').orderBy('id').execute()
  return rows.map((r) => ({ ...r, size: Number(r.size), keyVersion: Number(r.keyVersion) }))
}

export async function countAttachmentsOf(db: Kysely<Database>, recordType: string, recordId: string): Promise<number> {
  const row = await db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('recordType', '=', recordType).where('recordId', '=', recordId).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertCustody(db: Kysely<Database>, row: Insertable<AttachmentCustodyTable>): Promise<void> {
  await db.insertInto('attachmentCustody').values(row).execute()
}

/** An attachment's chain of custody, in the order it happened. */
export async function listCustody(db: Kysely<Database>, attachmentId: string): Promise<Selectable<AttachmentCustodyTable>[]> {
  return db.selectFrom('attachmentCustody').selectAll().where('attachmentId', '=', attachmentId).orderBy('at').orderBy('id').execute()
}

/** One page of wrapped keys by id, for the master-key rotation; the bytes are not read. */
export async function attachmentKeyPage(db: Kysely<Database>, after: string, limit: number): Promise<{ id: string; wrappedKey: string }[]> {
  return db.selectFrom('attachments').select(['id', 'wrappedKey']).where('id', '>', after).orderBy('id').limit(limit).execute()
}

export async function updateAttachmentKey(db: Kysely<Database>, id: string, wrappedKey: string, keyVersion: number): Promise<void> {
  await db.updateTable('attachments').set({ wrappedKey, keyVersion }).where('id', '=', id).execute()
}

function normalised(row: AttachmentMeta | undefined): AttachmentMeta | undefined {
  return row === undefined ? undefined : { ...row, size: Number(row.size), keyVersion: Number(row.keyVersion) }
}
