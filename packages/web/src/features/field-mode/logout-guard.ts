import { FieldStore } from '../../outbox/store.ts'
import { OPEN_PATROL } from './patrol-tracker.ts'
import { dropFieldService } from './registry.ts'
import { fieldDbName } from './service.ts'

/**
 * Signing out forgets the device's field data. It is refused while records wait unsent, unless
 * they were exported first, or while a patrol is open (`force` after the export): the outbox must never be dropped quietly.
 * Returns the number of unsent records that block the sign-out (0 = done, data wiped).
 */
export async function prepareLogout(userId: string, force: boolean): Promise<number> {
  const store = new FieldStore(fieldDbName(userId))
  const counts = await store.counts()
  // An open patrol counts too: its route lives only on this phone until it is ended.
  const unsent = counts.pending + counts.attention + ((await store.hasSealed(OPEN_PATROL)) ? 1 : 0)
  if (unsent > 0 && !force) {
    // The field screen stays usable (to sync or export), so its service keeps running.
    store.db.close()
    return unsent
  }
  dropFieldService(userId)
  await store.wipe()
  return 0
}
