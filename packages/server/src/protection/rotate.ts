import { sql, type Transaction } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { Database } from '../db/schema.ts'
import { keyPage, replaceNameIndex, updateWrappedKey, type KeyRow } from './people/people-repo.ts'
import { listTotpColumns } from '../accounts/users-repo.ts'
import { audit } from '../log/audit.ts'
import { resealTotpSecret } from '../accounts/totp-secrets.ts'
import { resealCasePinKey } from '../cases/pins.ts'
import { retentionCtx } from './job.ts'
import { unwrapDataKey, wrapDataKey, type Keyring } from './keyring.ts'
import { reindexIdentity } from './people/vault.ts'
import { attachmentKeyPage, updateAttachmentKey } from '../files/attachments-repo.ts'
import { unwrapAttachmentKey, wrapAttachmentKey } from '../files/attachment-crypto.ts'

/** What a rotation moved to the new key: counts only, never an id or a value. */
export interface RotationCounts {
  people: number
  indexEntries: number
  totpSecrets: number
  attachments: number
}

/**
 * Names the one row the rotation could not move (a person or an account id), never a value. The
 * transaction is rolled back, so the old key still opens everything.
 */
export class RotationError extends Error {
  constructor(
    readonly subject: 'person' | 'account' | 'attachment',
    readonly id: string,
  ) {
    super(`could not rotate the ${subject} ${id}; nothing was changed`)
  }
}

/**
 * Moves everything the master key protects to a new key, in one transaction: each person's data
 * key is unwrapped and wrapped again (the identities stay as they are, under data keys that do
 * not change), each name index is rebuilt under the new index key, both second-factor
 * columns are sealed again, and each evidence file's data key is wrapped again (the files stay
 * as they are). Shredded people have no key and no index, so they are left alone;
 * blocked or held people are rotated like anyone else, since a rotation erases nothing.
 */
export async function rotateMasterKey(db: Db, oldKeyring: Keyring, newKeyring: Keyring, clock: Clock): Promise<RotationCounts> {
  return db.db.transaction().execute(async (trx) => {
    // SQLite transactions already begin IMMEDIATE. On PostgreSQL a writer that slipped in with the
    // old key would leave a row the old key alone opens: make it wait for the commit instead.
    if (db.dialect === 'postgres') {
      await sql`lock table person_keys, person_name_index, credentials, attachments in exclusive mode`.execute(trx)
    }
    const counts: RotationCounts = { people: 0, indexEntries: 0, totpSecrets: 0, attachments: 0 }
    let after = ''
    for (;;) {
      const page = await keyPage(trx, after, PAGE_SIZE)
      for (const row of page) {
        counts.indexEntries += await rotatePerson(trx, oldKeyring, newKeyring, row)
        counts.people += 1
      }
      const last = page.at(-1)
      if (last === undefined || page.length < PAGE_SIZE) {
        break
      }
      after = last.personId
    }
    for (const row of await listTotpColumns(trx)) {
      try {
        counts.totpSecrets += await resealTotpSecret(trx, oldKeyring, newKeyring, row)
      } catch {
        throw new RotationError('account', row.userId)
      }
    }
    counts.attachments = await rotateAttachmentKeys(trx, oldKeyring, newKeyring)
    // The case PINs' key is sealed again; the PINs' hashes stay as they are.
    await resealCasePinKey(trx, oldKeyring, newKeyring)
    const ctx = { ...retentionCtx(db, clock), requestId: 'keys-rotate' }
    // The counts go to the command's output and log; an audit row names no values.
    await audit(trx, ctx, { action: 'keys.rotate', recordType: 'master_key', decision: 'allowed' })
    return counts
  })
}

// Enough rows per query to be quick, few enough that memory stays flat with any number of people.
const PAGE_SIZE = 200

/** Wraps one person's data key again and rebuilds their index; returns the index size. */
async function rotatePerson(trx: Transaction<Database>, oldKeyring: Keyring, newKeyring: Keyring, row: KeyRow): Promise<number> {
  try {
    const dataKey = unwrapDataKey(oldKeyring, row.personId, row.wrappedKey)
    await updateWrappedKey(trx, row.personId, wrapDataKey(newKeyring, row.personId, dataKey))
    if (row.ciphertext === null) {
      // No identity to index; digests under the old key would only let the old key search.
      await replaceNameIndex(trx, row.personId, [])
      return 0
    }
    return await reindexIdentity(trx, newKeyring, row.personId, dataKey, row.ciphertext)
  } catch {
    // The cause may quote decrypted bytes: only the id leaves.
    throw new RotationError('person', row.personId)
  }
}

/** Wraps each evidence file's data key again, a page at a time; the bytes are never read. */
async function rotateAttachmentKeys(trx: Transaction<Database>, oldKeyring: Keyring, newKeyring: Keyring): Promise<number> {
  let moved = 0
  let after = ''
  for (;;) {
    const page = await attachmentKeyPage(trx, after, PAGE_SIZE)
    for (const row of page) {
      try {
        await updateAttachmentKey(trx, row.id, wrapAttachmentKey(newKeyring, row.id, unwrapAttachmentKey(oldKeyring, row.id, row.wrappedKey)), newKeyring.version)
      } catch {
        throw new RotationError('attachment', row.id)
      }
      moved += 1
    }
    const last = page.at(-1)
    if (last === undefined || page.length < PAGE_SIZE) {
      return moved
    }
    after = last.id
  }
}
