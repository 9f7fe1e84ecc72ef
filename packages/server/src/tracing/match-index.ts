import { FEATURES_VERSION } from '@faro/core'
import type { Db } from '../db/open.ts'
import { unwrapDataKey, type Keyring } from '../protection/keyring.ts'
import { keyPage } from '../protection/people/people-repo.ts'
import { reindexIdentity } from '../protection/people/vault.ts'

const VERSION_KEY = 'match_index_version'
/** Bumped when the blocking keys change: every identity's `match` digests are written again. */
export const MATCH_INDEX_VERSION = `${FEATURES_VERSION}.1`

/**
 * Brings every identity's search digests up to this version of the blocking keys, once: on a
 * database that predates them, or after they change. Runs in the search job, under its lease;
 * each person's index is rewritten whole, so a pass cut short and run again ends the same.
 * Returns how many identities were indexed again.
 */
export async function ensureMatchIndex(db: Db, keyring: Keyring): Promise<number> {
  const row = await db.db.selectFrom('meta').select('value').where('key', '=', VERSION_KEY).executeTakeFirst()
  if (row?.value === MATCH_INDEX_VERSION) {
    return 0
  }
  let after = ''
  let count = 0
  for (;;) {
    const page = await keyPage(db.db, after, 200)
    if (page.length === 0) {
      break
    }
    await db.db.transaction().execute(async (trx) => {
      for (const person of page) {
        if (person.ciphertext !== null) {
          await reindexIdentity(trx, keyring, person.personId, unwrapDataKey(keyring, person.personId, person.wrappedKey), person.ciphertext)
          count += 1
        }
      }
    })
    after = page[page.length - 1]?.personId ?? after
  }
  await db.db
    .insertInto('meta')
    .values({ key: VERSION_KEY, value: MATCH_INDEX_VERSION })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: MATCH_INDEX_VERSION }))
    .execute()
  return count
}
